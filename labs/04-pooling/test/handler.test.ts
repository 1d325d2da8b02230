/**
 * Step 3 — POST /ingest/v1 over pooled memory (src/ingest.ts), in process. Every request that reads a body
 * rents from `bodyMemory` what its bytes need and gives it back on every path — accepted, invalid JSON,
 * failed validation, too large, aborted, busy — so `outstanding` and the budget are 0 after each; warm pools
 * allocate nothing. A body that declares 1 MiB and has sent 16 bytes holds one small slab; a body the
 * budget cannot hold gets 503 server_busy. And the security rule of pooling: a reused slab never shows one
 * request's bytes to another. Whatever came before, each body gets lab 03's answer for that body alone.
 */
import fc from 'fast-check';
import { BODY_LIMIT_BYTES, type HotPathApp } from '@hotpath/api';
import { ingestFixture } from '@hotpath/api/fixtures';
import { createApp as createLab03App } from '@hotpath/solution-03-byte-parsing';
import { describe, expect, it } from 'vitest';
import {
  chunkStream,
  encoder,
  failingStream,
  heldStream,
  INGEST_URL,
  loadApp,
  loadBody,
  loadIngest,
  outstandingIn,
  postIngest,
  rentedFrom,
  showMemory,
  waitFor,
  type Reply,
} from './support/subject.ts';

const fresh = async (): Promise<HotPathApp> => (await loadApp()).createApp({ logLevel: 'silent' });
const same = (r: Reply) => `${r.status} ${r.text}`;
const VALID = '{"itemCount":3,"timestamp":1717171717171}';

describe('POST /ingest/v1 rents what arrived and gives it back on every path', () => {
  const cases: [string, () => Uint8Array | string | ReadableStream<Uint8Array>, number][] = [
    ['an accepted 1 KB body', () => ingestFixture('1k').bytes, 202],
    ['an accepted 64 KB body', () => ingestFixture('64k').bytes, 202],
    ['invalid JSON', () => '{"itemCount":3,', 400],
    ['a failed validation', () => '{"itemCount":-3,"timestamp":1}', 400],
    ['a streamed body past the 1 MiB limit', () => chunkStream(Array.from({ length: 17 }, () => new Uint8Array(64 * 1024).fill(0x20))), 413],
    ['a body whose stream fails midway (the client went away)', () => failingStream([encoder.encode('{"itemCount":')]), 400],
  ];
  for (const [what, body, status] of cases) {
    it(`${what}: ${status}, every rent returned`, async () => {
      const { bodyMemory } = await loadIngest();
      const app = await fresh();
      const before = rentedFrom(bodyMemory);
      const reply = await postIngest(app, body());
      expect(reply.status, `Answer ${what} with ${status}: ${reply.text.slice(0, 200)}`).toBe(status);
      const rents = rentedFrom(bodyMemory) - before;
      // A streamed body that outgrows its buffer moves to bigger ones: more rents, each one given back.
      if (status === 413)
        expect(rents, `Rent the body's memory from bodyMemory (exported by src/ingest.ts) for ${what} (${showMemory(bodyMemory)})`).toBeGreaterThanOrEqual(1);
      else
        expect(
          rents,
          `Rent the body's memory from bodyMemory (exported by src/ingest.ts) for ${what}, once: it arrives in one chunk (${showMemory(bodyMemory)})`,
        ).toBe(1);
      expect(
        [outstandingIn(bodyMemory), bodyMemory.budget.stats().outstanding],
        `Give the buffer and its budget back in a finally, also for ${what} (${showMemory(bodyMemory)})`,
      ).toEqual([0, 0]);
    });
  }

  it('rents nothing for an empty body, nor for a request refused before its body is read (415, or 413 by Content-Length)', async () => {
    const { bodyMemory } = await loadIngest();
    const app = await fresh();
    const before = rentedFrom(bodyMemory);
    expect((await postIngest(app, '')).status, "An empty body is lab 03's 400").toBe(400);
    expect((await postIngest(app, VALID, 'text/plain')).status).toBe(415);
    const twoTypes = new Headers({ 'content-type': 'application/json' });
    twoTypes.append('content-type', 'text/plain');
    expect(
      (await app.fetch(new Request(INGEST_URL, { method: 'POST', headers: twoTypes, body: VALID }))).status,
      'Two conflicting Content-Types are not JSON: 415',
    ).toBe(415);
    const declared = await app.fetch(
      new Request(INGEST_URL, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(BODY_LIMIT_BYTES + 1) }, body: VALID }),
    );
    expect(declared.status, 'Answer 413 from a Content-Length over the limit, before reading anything').toBe(413);
    expect(
      rentedFrom(bodyMemory) - before,
      `Rent only when bytes arrive, and check the media type and the Content-Length before that (${showMemory(bodyMemory)})`,
    ).toBe(0);
  });

  it('holds one small slab for a body that declared 1 MiB and has sent 16 bytes, until the client goes away', async () => {
    const { bodyMemory } = await loadIngest();
    const app = await fresh();
    const small = bodyMemory.small.stats();
    const slabs = bodyMemory.slabs.stats();
    const { stream, fail } = heldStream([encoder.encode('{"itemCount":1,"')]);
    const init: RequestInit & { duplex: 'half' } = {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(BODY_LIMIT_BYTES) },
      body: stream,
      duplex: 'half',
    };
    const reply = app.fetch(new Request(INGEST_URL, init));
    const arrived = await waitFor(() => bodyMemory.small.stats().outstanding > small.outstanding);
    const held = bodyMemory.budget.stats().outstanding;
    expect(
      arrived,
      `A body that has sent 16 bytes must hold them in a small slab from bodyMemory.small — rent what arrived, not the 1 MiB declared (${showMemory(bodyMemory)})`,
    ).toBe(true);
    expect(
      [bodyMemory.slabs.stats().rented - slabs.rented, held],
      `16 bytes hold one small slab (${bodyMemory.small.slabSize} bytes of budget), no slab and no 1 MiB buffer (${showMemory(bodyMemory)})`,
    ).toEqual([0, bodyMemory.small.slabSize]);
    fail();
    expect((await reply).status, "A body cut off by its client is lab 03's 400").toBe(400);
    expect([outstandingIn(bodyMemory), bodyMemory.budget.stats().outstanding], `Everything back once the client went away (${showMemory(bodyMemory)})`).toEqual(
      [0, 0],
    );
  });

  it('answers 503 server_busy with Retry-After when the budget cannot hold a body, and gives everything back', async () => {
    const { appWithMemory } = await loadApp();
    const { createBodyMemory } = await loadBody();
    const memory = createBodyMemory({ budgetBytes: 8 * 1024 });
    const app = appWithMemory(memory)({ logLevel: 'silent' });
    const reply = await postIngest(app, ingestFixture('64k').bytes);
    expect(
      reply.status,
      `A 64 KB body needs a 64 KiB slab, more than a budget of 8 KiB: stop reading and answer 503 server_busy (errorResponse('server_busy', MESSAGES.serverBusy)), got ${reply.status} ${reply.text.slice(0, 120)}`,
    ).toBe(503);
    expect(JSON.parse(reply.text).error.code, 'The 503 says server_busy, not sink_full').toBe('server_busy');
    expect(reply.headers.get('retry-after'), 'A busy server says when to retry (Retry-After)').toBe('1');
    expect([outstandingIn(memory), memory.budget.stats().outstanding], `A request refused as busy gives back all it held (${showMemory(memory)})`).toEqual([
      0, 0,
    ]);
    expect((await postIngest(app, VALID)).status, 'A small body still fits in the same budget: 202').toBe(202);
  });

  it('allocates no new slab once the pools are warm', async () => {
    const { bodyMemory } = await loadIngest();
    const app = await fresh();
    await postIngest(app, VALID);
    await postIngest(app, ingestFixture('64k').bytes);
    const misses = bodyMemory.small.stats().misses + bodyMemory.slabs.stats().misses;
    for (let i = 0; i < 200; i++) await postIngest(app, i % 2 ? VALID : ingestFixture('64k').bytes);
    expect(
      bodyMemory.small.stats().misses + bodyMemory.slabs.stats().misses - misses,
      `200 requests one after another, 1 KB and 64 KB, must reuse one small slab and one slab (${showMemory(bodyMemory)})`,
    ).toBe(0);
  });
});

describe("a reused slab never shows one request's bytes to another", () => {
  it('answers a truncated body as truncated, after a longer body filled the slab', async () => {
    const app = await fresh();
    const secret = `{"itemCount":5,"timestamp":1717171717171,"secret":"${'s3cr3t'.repeat(50)}"}`;
    const cut = secret.slice(0, secret.indexOf(',"secret"'));
    const lab03 = createLab03App({ logLevel: 'silent' });
    expect((await postIngest(app, secret)).status).toBe(202);
    const reply = await postIngest(app, cut);
    expect(same(reply), "Read only the bytes of this request (body.view()), never the rest of the slab: the truncated body must get lab 03's answer").toBe(
      same(await postIngest(lab03, cut)),
    );
    expect(reply.text, 'An error must never echo bytes of an earlier request').not.toContain('s3cr3t');
  });

  it('gives every body of a random sequence the answer lab 03 gives it alone', async () => {
    const { ingest1k } = await import('@hotpath/api/fixtures');
    const base = new TextDecoder().decode(ingest1k);
    const body = fc.oneof(
      fc.nat({ max: base.length }).map((n) => base.slice(0, n)),
      fc.nat({ max: base.length }).map((n) => base.slice(n)),
      fc.constantFrom(VALID, '{"itemCount":1,"timestamp":2}', '{', ' ', '{"timestamp":9}', base),
    );
    const app = await fresh();
    await fc.assert(
      fc.asyncProperty(fc.array(body, { minLength: 2, maxLength: 6 }), async (bodies) => {
        for (const text of bodies) {
          const mine = await postIngest(app, text);
          const alone = await postIngest(createLab03App({ logLevel: 'silent' }), text);
          expect(
            same(mine),
            `After ${bodies.indexOf(text)} earlier bodies, ${JSON.stringify(text.slice(0, 80))} got another answer than on its own: read only body.view()`,
          ).toBe(same(alone));
        }
        app.sink.consume();
      }),
      { numRuns: 60 },
    );
  });
});
