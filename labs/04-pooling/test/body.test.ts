/**
 * Step 2 — reading a body into pooled memory (src/body.ts). A PooledBody rents nothing until bytes arrive,
 * then what they need: a small slab, then a slab, then buffers of its own doubling up to the limit, giving
 * each old buffer back at once — so a client that declared 1 MiB and sent 16 bytes holds one small slab.
 * Every buffer's size is taken from the budget before it is rented and given back with it; growth the
 * budget cannot hold is refused (Busy). `view()` is exactly the bytes read; `release()` gives everything
 * back, once. readNodeBody (a Node request) and readWebBody (a Request made in process) resolve — never
 * reject — with Complete, TooLarge, Busy or Aborted. Measured: a warm body allocates no ArrayBuffer at all.
 */
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { measureBytesPerOpWithin } from '@hotpath/harness';
import { describe, expect, it } from 'vitest';
import type { BodyMemoryOptions } from '#lab/body.ts';
import { chunkStream, encoder, failingStream, loadBody, outstandingIn, rentedFrom, showMemory } from './support/subject.ts';

const LIMIT = 8192;
const SMALL = 256;
const SLAB = 1024;
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytesOf = (n: number, fill = 0x61) => new Uint8Array(n).fill(fill);

/** Body memory with small slabs of 256 bytes, slabs of 1 KiB and a budget of 1 MiB unless `options` say otherwise. */
async function setup(options: BodyMemoryOptions = {}) {
  const body = await loadBody();
  const memory = body.createBodyMemory({ smallSize: SMALL, slabSize: SLAB, budgetBytes: 1 << 20, ...options });
  return { memory, ...body };
}

/**
 * A Node readable stream standing in for an IncomingMessage. An IncomingMessage emits 'error' only when it
 * has listeners (and 'close' always), so the stand-in gets a listener of its own that does nothing.
 */
function fakeIncoming(): IncomingMessage & PassThrough {
  const stream = new PassThrough();
  stream.on('error', () => {});
  return stream as unknown as IncomingMessage & PassThrough;
}

describe('PooledBody: memory follows the bytes that arrived, not the bytes declared', () => {
  it('rents nothing before the first bytes arrive', async () => {
    const { memory, PooledBody } = await setup();
    const body = new PooledBody(memory);
    expect(rentedFrom(memory), `new PooledBody(memory) must rent nothing: a client can declare 1 MiB and send nothing (${showMemory(memory)})`).toBe(0);
    body.release();
    expect(memory.budget.stats().outstanding, 'release() of a body that rented nothing gives nothing back').toBe(0);
  });

  it('puts a body of 16 bytes in one small slab', async () => {
    const { memory, PooledBody, Append } = await setup();
    const body = new PooledBody(memory);
    expect(body.append(encoder.encode('{"itemCount":1,"'), LIMIT), 'append() answers Append.Ok when it copied the chunk').toBe(Append.Ok);
    expect(text(body.view()), 'view() must be the bytes appended, in order, and nothing after them').toBe('{"itemCount":1,"');
    expect(
      [body.buffer.byteLength, memory.small.stats().outstanding, memory.slabs.stats().rented],
      `Rent what arrived: 16 bytes go in one small slab (memory.small), not a 64 KiB slab (${showMemory(memory)})`,
    ).toEqual([SMALL, 1, 0]);
    expect(memory.budget.stats().outstanding, "Take the small slab's size from the budget before renting it").toBe(SMALL);
    body.release();
    expect(
      [outstandingIn(memory), memory.budget.stats().outstanding],
      `release() gives the slab to its pool and its bytes to the budget (${showMemory(memory)})`,
    ).toEqual([0, 0]);
  });

  it('moves up a class as bytes arrive — small slab, slab, then doubling — giving each old buffer back at once', async () => {
    const { memory, PooledBody, Append } = await setup();
    const body = new PooledBody(memory);
    const sizes: number[] = [];
    let sent = 0;
    for (const [n, fill] of [
      [200, 0x61],
      [200, 0x62],
      [700, 0x63],
      [2000, 0x64],
    ] as const) {
      expect(body.append(bytesOf(n, fill), LIMIT), `${sent + n} bytes are within the ${LIMIT}-byte limit`).toBe(Append.Ok);
      sent += n;
      sizes.push(body.buffer.byteLength);
      expect(outstandingIn(memory), `Give the old buffer back as soon as the body has moved: one buffer held (${showMemory(memory)})`).toBe(1);
      expect(memory.budget.stats().outstanding, 'The budget holds exactly the size of the buffer the body holds now').toBe(body.buffer.byteLength);
    }
    expect(
      sizes,
      'Capacity follows what arrived: 200 bytes → a small slab (256), 400 → a slab (1024), 1100 → twice the slab (2048), 3100 → twice that (4096)',
    ).toEqual([SMALL, SLAB, 2 * SLAB, 4 * SLAB]);
    expect(text(body.view()), 'Moving must keep every byte read so far').toBe('a'.repeat(200) + 'b'.repeat(200) + 'c'.repeat(700) + 'd'.repeat(2000));
    body.release();
    expect([outstandingIn(memory), memory.budget.stats().outstanding], `Everything back after release() (${showMemory(memory)})`).toEqual([0, 0]);
  });

  it('puts a first chunk larger than a small slab straight into the class that holds it', async () => {
    const { memory, PooledBody } = await setup();
    const body = new PooledBody(memory);
    body.append(bytesOf(600), LIMIT);
    expect(
      [body.buffer.byteLength, memory.small.stats().rented],
      `600 bytes at once need a slab; renting a small slab first would only be copied out again (${showMemory(memory)})`,
    ).toEqual([SLAB, 0]);
    body.release();
  });

  it('refuses a chunk that would pass the limit with TooLarge, copying nothing', async () => {
    const { memory, PooledBody, Append } = await setup();
    const body = new PooledBody(memory);
    expect(body.append(bytesOf(LIMIT), LIMIT), 'A body of exactly the limit is allowed').toBe(Append.Ok);
    expect(body.append(bytesOf(1), LIMIT), 'One byte past the limit must answer Append.TooLarge').toBe(Append.TooLarge);
    expect(body.length, 'A refused chunk must not be copied').toBe(LIMIT);
    body.release();
    expect(memory.budget.stats().outstanding).toBe(0);
  });

  it('refuses growth the budget cannot hold with Busy, copying and renting nothing, and release() gives back what it held', async () => {
    const { memory, PooledBody, Append } = await setup({ budgetBytes: SLAB });
    const body = new PooledBody(memory);
    body.append(bytesOf(16), LIMIT);
    const rented = rentedFrom(memory);
    expect(
      body.append(bytesOf(600), LIMIT),
      `The slab 616 bytes need (1024) does not fit beside the small slab held (256) in a budget of 1024: answer Append.Busy (${showMemory(memory)})`,
    ).toBe(Append.Busy);
    expect([body.length, rentedFrom(memory) - rented], 'Check the budget before renting: a refused chunk copies nothing and rents nothing').toEqual([16, 0]);
    body.release();
    expect([outstandingIn(memory), memory.budget.stats().outstanding], `A body refused as Busy still gives back what it held (${showMemory(memory)})`).toEqual([
      0, 0,
    ]);

    const starved = await setup({ budgetBytes: SMALL - 1 });
    const first = new starved.PooledBody(starved.memory);
    expect(first.append(bytesOf(16), LIMIT), 'When not even a small slab fits, the first bytes are refused with Busy').toBe(Append.Busy);
    first.release();
    expect(rentedFrom(starved.memory), 'and nothing was rented').toBe(0);
  });

  it('release() is idempotent: a second call gives nothing back again', async () => {
    const { memory, PooledBody } = await setup();
    const body = new PooledBody(memory);
    body.append(bytesOf(16), LIMIT);
    body.release();
    expect(() => body.release(), 'Calling release() twice (say, in a catch and in a finally) must not throw').not.toThrow();
    expect([memory.small.stats().returned, memory.budget.stats().outstanding], 'A second release() must not give the buffer or its bytes back twice').toEqual([
      1, 0,
    ]);
  });

  it('allocates no ArrayBuffer to read a 1 KB or a 64 KB body once the pools are warm', async () => {
    const { createBodyMemory, PooledBody } = await loadBody();
    const memory = createBodyMemory();
    for (const [size, chunk] of [
      [1024, 1024],
      [64 * 1024, 16 * 1024],
    ] as const) {
      const piece = bytesOf(chunk, 0x20);
      const measured = measureBytesPerOpWithin(
        () => {
          const body = new PooledBody(memory);
          for (let at = 0; at < size; at += chunk) body.append(piece, 1 << 20);
          const n = body.length;
          body.release();
          return n;
        },
        64,
        { minIterations: 16, maxWindowMs: 100 },
      );
      expect(
        measured.arrayBuffersPerOp,
        `Each ${size}-byte body allocated ${measured.arrayBuffersPerOp.toFixed(0)} ArrayBuffer bytes: copy into rented slabs instead of making a buffer per body`,
      ).toBeLessThan(1);
      expect(
        measured.bytesPerOp,
        `Each ${size}-byte body allocated ${measured.bytesPerOp.toFixed(0)} heap bytes: keep it to the PooledBody itself (no view, copy or closure per chunk; no subarray() when nothing was read yet)`,
      ).toBeLessThanOrEqual(64);
    }
  });
});

describe('readNodeBody (a Node request)', () => {
  it('reads every chunk until the end', async () => {
    const { memory, PooledBody, readNodeBody, BodyRead } = await setup();
    const incoming = fakeIncoming();
    const body = new PooledBody(memory);
    const done = readNodeBody(incoming, body, LIMIT);
    incoming.write(encoder.encode('{"itemCount":'));
    incoming.end(encoder.encode('3}'));
    expect(await done, "Resolve with BodyRead.Complete on the stream's end").toBe(BodyRead.Complete);
    expect(text(body.view())).toBe('{"itemCount":3}');
    body.release();
  });

  it('stops with TooLarge at the limit, and with Busy when the budget is spent, without waiting for the rest', async () => {
    for (const [what, budgetBytes, want] of [
      ['the limit', 1 << 20, 'TooLarge'],
      ['a spent budget', SLAB, 'Busy'],
    ] as const) {
      const { memory, PooledBody, readNodeBody, BodyRead } = await setup({ budgetBytes });
      const incoming = fakeIncoming();
      const body = new PooledBody(memory);
      const done = readNodeBody(incoming, body, LIMIT);
      incoming.write(bytesOf(LIMIT));
      incoming.write(bytesOf(10)); // the stream never ends: the read must not wait for it
      expect(await done, `Resolve with BodyRead.${want} as soon as append() refuses a chunk for ${what}`).toBe(BodyRead[want]);
      expect(incoming.listenerCount('data'), 'Remove your data listener once reading stopped').toBe(0);
      body.release();
      expect(memory.budget.stats().outstanding).toBe(0);
    }
  });

  it('resolves Aborted (never rejects) when the stream fails or closes before its end, and gives everything back', async () => {
    const { memory, PooledBody, readNodeBody, BodyRead } = await setup();
    for (const cut of ['error', 'close'] as const) {
      const incoming = fakeIncoming();
      const body = new PooledBody(memory);
      const done = readNodeBody(incoming, body, LIMIT);
      incoming.write(encoder.encode('{"item'));
      await new Promise((r) => setImmediate(r));
      incoming.destroy(cut === 'error' ? new Error('aborted') : undefined);
      const settled = await Promise.race([done, new Promise((r) => setTimeout(() => r('still pending after 2 s'), 2_000))]);
      expect(
        settled,
        `Resolve with BodyRead.Aborted when the request ${cut === 'error' ? 'fails' : 'closes without end'}: listen for 'close', which comes without 'end' before it`,
      ).toBe(BodyRead.Aborted);
      for (const event of ['data', 'end', 'close']) expect(incoming.listenerCount(event), `Remove your '${event}' listener when reading stops`).toBe(0);
      body.release();
    }
    expect([outstandingIn(memory), memory.budget.stats().outstanding], showMemory(memory)).toEqual([0, 0]);
  });
});

describe('readWebBody (a Request made in process)', () => {
  it('reads a stream of chunks, a missing body, an over-limit body, a body past the budget and a failing stream', async () => {
    const { memory, PooledBody, readWebBody, BodyRead } = await setup();
    const tight = await setup({ budgetBytes: 4 * SLAB });
    const cases: [ReadableStream<Uint8Array> | null, number, string, typeof memory][] = [
      [chunkStream([encoder.encode('{"a"'), encoder.encode(':1}')]), BodyRead.Complete, 'a stream that ends: Complete', memory],
      [null, BodyRead.Complete, 'no body at all: Complete, with length 0', memory],
      [chunkStream([bytesOf(LIMIT), bytesOf(1)]), BodyRead.TooLarge, 'a body one byte over the limit: TooLarge', memory],
      [
        chunkStream([bytesOf(2 * SLAB), bytesOf(2 * SLAB)]),
        BodyRead.Busy,
        'a body that outgrows the budget (2 KiB held, 4 KiB more needed, 4 KiB budget): Busy',
        tight.memory,
      ],
      [failingStream([encoder.encode('{"a"')]), BodyRead.Aborted, 'a stream that errors: Aborted, not a rejection', memory],
    ];
    for (const [stream, want, what, from] of cases) {
      const body = new PooledBody(from);
      expect(await readWebBody(stream, body, LIMIT), `Resolve ${what}`).toBe(want);
      body.release();
    }
    for (const m of [memory, tight.memory]) expect([outstandingIn(m), m.budget.stats().outstanding], showMemory(m)).toEqual([0, 0]);
  });
});
