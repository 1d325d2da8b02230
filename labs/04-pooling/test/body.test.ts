/**
 * Step 2 — reading a body into pooled memory (src/body.ts). A PooledBody copies chunks into a rented slab;
 * one that outgrows it moves to a bigger buffer and gives the slab back at once; `view()` is exactly the
 * bytes read; `release()` gives the buffer back, once. readNodeBody (a Node request, as @hono/node-server
 * hands it) and readWebBody (a Request made in process) resolve — never reject — with Complete, TooLarge or
 * Aborted. Measured: renting, filling and releasing a body allocates no ArrayBuffer at all.
 */
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { measureBytesPerOpWithin } from '@hotpath/harness';
import { describe, expect, it } from 'vitest';
import { chunkStream, encoder, failingStream, loadBody, loadPool, showStats } from './support/subject.ts';

const LIMIT = 4096;
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function setup(slabSize = 1024) {
  const { BufferPool } = await loadPool();
  const body = await loadBody();
  const pool = new BufferPool({ slabSize, maxRetained: 4 });
  return { pool, ...body };
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

describe('PooledBody', () => {
  it('copies chunks into one rented slab, and view() is exactly what was read', async () => {
    const { pool, rentBody } = await setup();
    const body = rentBody(pool, undefined);
    expect(body.append(encoder.encode('{"a":'), LIMIT) && body.append(encoder.encode('1}'), LIMIT), 'append() answers true while the body is within the limit').toBe(true);
    expect(text(body.view()), 'view() must be the bytes appended, in order, and nothing after them').toBe('{"a":1}');
    expect(body.length).toBe(7);
    body.release();
    expect(pool.stats().outstanding, `release() gives the slab back (${showStats(pool.stats())})`).toBe(0);
  });

  it('rents a buffer of the declared size when it is larger than a slab', async () => {
    const { pool, rentBody } = await setup();
    const body = rentBody(pool, 3000);
    expect(body.buffer.byteLength, 'A Content-Length above slabSize needs a buffer of at least that size up front').toBeGreaterThanOrEqual(3000);
    body.release();
  });

  it('moves to a bigger buffer when a streamed body outgrows its slab, and returns the slab at once', async () => {
    const { pool, rentBody } = await setup();
    const body = rentBody(pool, undefined);
    const chunk = new Uint8Array(700).fill(0x61);
    expect(body.append(chunk, LIMIT) && body.append(chunk, LIMIT), 'A body of 1400 bytes is within the 4096-byte limit').toBe(true);
    expect(body.buffer.byteLength, 'Outgrowing the slab must move the body to a buffer that holds it').toBeGreaterThanOrEqual(1400);
    expect(text(body.view()), 'Moving must keep every byte read so far').toBe('a'.repeat(1400));
    const s = pool.stats();
    expect([s.outstanding, s.oversized], `Give the slab back as soon as the body has moved: one buffer outstanding, one oversized rent (${showStats(s)})`).toEqual([1, 1]);
    body.release();
    expect(pool.stats().outstanding).toBe(0);
  });

  it('refuses a chunk that would pass the limit, copying nothing', async () => {
    const { pool, rentBody } = await setup();
    const body = rentBody(pool, undefined);
    expect(body.append(new Uint8Array(LIMIT), LIMIT), 'A body of exactly the limit is allowed').toBe(true);
    expect(body.append(new Uint8Array(1), LIMIT), 'One byte past the limit must answer false').toBe(false);
    expect(body.length, 'A refused chunk must not be copied').toBe(LIMIT);
    body.release();
  });

  it('release() is idempotent: a second call does not return the buffer again', async () => {
    const { pool, rentBody } = await setup();
    const body = rentBody(pool, undefined);
    body.release();
    expect(() => body.release(), 'Calling release() twice (say, in a catch and in a finally) must not throw').not.toThrow();
    expect(pool.stats().returned, 'A second release() must not give the buffer back twice').toBe(1);
  });

  it('allocates no ArrayBuffer to rent, fill and release a body once the pool is warm', async () => {
    const { pool, rentBody } = await setup(64 * 1024);
    const chunk = new Uint8Array(1024).fill(0x20);
    const measured = measureBytesPerOpWithin(() => {
      const body = rentBody(pool, 1024);
      body.append(chunk, LIMIT);
      const n = body.length;
      body.release();
      return n;
    }, 64, { minIterations: 16, maxWindowMs: 100 });
    expect(measured.arrayBuffersPerOp, `Each body allocated ${measured.arrayBuffersPerOp.toFixed(0)} ArrayBuffer bytes: copy into the rented slab instead of making a buffer per body`).toBeLessThan(1);
    expect(measured.bytesPerOp, `Each body allocated ${measured.bytesPerOp.toFixed(0)} heap bytes: keep it to the PooledBody itself (no view, copy or closure per chunk)`).toBeLessThanOrEqual(64);
  });
});

describe('readNodeBody (a Node request)', () => {
  it('reads every chunk until the end', async () => {
    const { pool, rentBody, readNodeBody, BodyRead } = await setup();
    const incoming = fakeIncoming();
    const body = rentBody(pool, undefined);
    const done = readNodeBody(incoming, body, LIMIT);
    incoming.write(encoder.encode('{"itemCount":'));
    incoming.end(encoder.encode('3}'));
    expect(await done, 'Resolve with BodyRead.Complete on the stream\'s end').toBe(BodyRead.Complete);
    expect(text(body.view())).toBe('{"itemCount":3}');
    body.release();
  });

  it('stops at the limit with TooLarge, without waiting for the rest', async () => {
    const { pool, rentBody, readNodeBody, BodyRead } = await setup();
    const incoming = fakeIncoming();
    const body = rentBody(pool, undefined);
    const done = readNodeBody(incoming, body, LIMIT);
    incoming.write(new Uint8Array(LIMIT));
    incoming.write(new Uint8Array(10)); // the stream never ends: TooLarge must not wait for it
    expect(await done, 'Resolve with BodyRead.TooLarge as soon as the body passes the limit').toBe(BodyRead.TooLarge);
    expect(incoming.listenerCount('data'), 'Remove your data listener once reading stopped').toBe(0);
    body.release();
  });

  it('resolves Aborted (never rejects) when the stream fails or closes before its end', async () => {
    const { pool, rentBody, readNodeBody, BodyRead } = await setup();
    for (const cut of ['error', 'close'] as const) {
      const incoming = fakeIncoming();
      const body = rentBody(pool, undefined);
      const done = readNodeBody(incoming, body, LIMIT);
      incoming.write(encoder.encode('{"item'));
      await new Promise((r) => setImmediate(r));
      incoming.destroy(cut === 'error' ? new Error('aborted') : undefined);
      const settled = await Promise.race([done, new Promise((r) => setTimeout(() => r('still pending after 2 s'), 2_000))]);
      expect(settled, `Resolve with BodyRead.Aborted when the request ${cut === 'error' ? 'fails' : 'closes without end'}: listen for 'close', which comes without 'end' before it`).toBe(BodyRead.Aborted);
      for (const event of ['data', 'end', 'close']) expect(incoming.listenerCount(event), `Remove your '${event}' listener when reading stops`).toBe(0);
      body.release();
    }
    expect(pool.stats().outstanding).toBe(0);
  });
});

describe('readWebBody (a Request made in process)', () => {
  it('reads a stream of chunks, a missing body, an over-limit body and a failing stream', async () => {
    const { pool, rentBody, readWebBody, BodyRead } = await setup();
    const cases: [ReadableStream<Uint8Array> | null, number, string][] = [
      [chunkStream([encoder.encode('{"a"'), encoder.encode(':1}')]), BodyRead.Complete, 'a stream that ends: Complete'],
      [null, BodyRead.Complete, 'no body at all: Complete, with length 0'],
      [chunkStream([new Uint8Array(LIMIT), new Uint8Array(1)]), BodyRead.TooLarge, 'a body one byte over the limit: TooLarge'],
      [failingStream([encoder.encode('{"a"')]), BodyRead.Aborted, 'a stream that errors: Aborted, not a rejection'],
    ];
    for (const [stream, want, what] of cases) {
      const body = rentBody(pool, undefined);
      expect(await readWebBody(stream, body, LIMIT), `Resolve ${what}`).toBe(want);
      body.release();
    }
    expect(pool.stats().outstanding).toBe(0);
  });
});
