/**
 * Step 3 — POST /ingest/v1 over pooled memory (src/ingest.ts), in process. Every request that reads a body
 * rents exactly one buffer from `bodyPool` and gives it back on every path — accepted, invalid JSON,
 * failed validation, too large, aborted — so `outstanding` is 0 after each; a warm pool allocates no slab.
 * And the security rule of pooling: a reused slab never shows one request's bytes to another. Whatever came
 * before, each body gets lab 03's answer for that body alone.
 */
import fc from 'fast-check';
import { BODY_LIMIT_BYTES, type HotPathApp } from '@hotpath/api';
import { ingestFixture } from '@hotpath/api/fixtures';
import { createApp as createLab03App } from '@hotpath/solution-03-byte-parsing';
import { describe, expect, it } from 'vitest';
import { chunkStream, encoder, failingStream, loadApp, loadIngest, postIngest, showStats, type Reply } from './support/subject.ts';

const fresh = async (): Promise<HotPathApp> => (await loadApp()).createApp({ logLevel: 'silent' });
const same = (r: Reply) => `${r.status} ${r.text}`;
const VALID = '{"itemCount":3,"timestamp":1717171717171}';

describe('POST /ingest/v1 rents one pooled buffer and returns it on every path', () => {
  const cases: [string, () => Uint8Array | string | ReadableStream<Uint8Array>, number][] = [
    ['an accepted 1 KB body', () => ingestFixture('1k').bytes, 202],
    ['an accepted 64 KB body', () => ingestFixture('64k').bytes, 202],
    ['invalid JSON', () => '{"itemCount":3,', 400],
    ['a failed validation', () => '{"itemCount":-3,"timestamp":1}', 400],
    ['an empty body', () => '', 400],
    ['a streamed body past the 1 MiB limit', () => chunkStream(Array.from({ length: 17 }, () => new Uint8Array(64 * 1024).fill(0x20))), 413],
    ['a body whose stream fails midway (the client went away)', () => failingStream([encoder.encode('{"itemCount":')]), 400],
  ];
  for (const [what, body, status] of cases) {
    it(`${what}: ${status}, every rent returned`, async () => {
      const { bodyPool } = await loadIngest();
      const app = await fresh();
      const before = bodyPool.stats();
      const reply = await postIngest(app, body());
      expect(reply.status, `Answer ${what} with ${status}: ${reply.text.slice(0, 200)}`).toBe(status);
      const after = bodyPool.stats();
      const rents = after.rented - before.rented;
      // A streamed body that outgrows its slab moves to bigger buffers: more rents, each one given back.
      if (status === 413) expect(rents, `Rent the body's buffer from bodyPool (exported by src/ingest.ts) for ${what} (${showStats(after)})`).toBeGreaterThanOrEqual(1);
      else expect(rents, `Rent the body's buffer from bodyPool (exported by src/ingest.ts) for ${what}, once (${showStats(after)})`).toBe(1);
      expect(after.outstanding, `Give the buffer back in a finally, also for ${what} (${showStats(after)})`).toBe(0);
    });
  }

  it('rents nothing for a request refused before its body is read (415, or 413 by Content-Length)', async () => {
    const { bodyPool } = await loadIngest();
    const app = await fresh();
    const before = bodyPool.stats().rented;
    expect((await postIngest(app, VALID, 'text/plain')).status).toBe(415);
    const declared = await app.fetch(new Request('http://localhost/ingest/v1', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(BODY_LIMIT_BYTES + 1) }, body: VALID }));
    expect(declared.status, 'Answer 413 from a Content-Length over the limit, before reading anything').toBe(413);
    expect(bodyPool.stats().rented - before, 'Check the media type and the Content-Length before renting a buffer').toBe(0);
  });

  it('allocates no new slab once the pool is warm', async () => {
    const { bodyPool } = await loadIngest();
    const app = await fresh();
    await postIngest(app, VALID);
    const misses = bodyPool.stats().misses;
    for (let i = 0; i < 200; i++) await postIngest(app, i % 2 ? VALID : ingestFixture('64k').bytes);
    expect(bodyPool.stats().misses - misses, `200 requests one after another must reuse one slab (${showStats(bodyPool.stats())})`).toBe(0);
  });
});

describe('a reused slab never shows one request\'s bytes to another', () => {
  it('answers a truncated body as truncated, after a longer body filled the slab', async () => {
    const app = await fresh();
    const secret = `{"itemCount":5,"timestamp":1717171717171,"secret":"${'s3cr3t'.repeat(50)}"}`;
    const cut = secret.slice(0, secret.indexOf(',"secret"'));
    const lab03 = createLab03App({ logLevel: 'silent' });
    expect((await postIngest(app, secret)).status).toBe(202);
    const reply = await postIngest(app, cut);
    expect(same(reply), 'Read only the bytes of this request (body.view()), never the rest of the slab: the truncated body must get lab 03\'s answer').toBe(same(await postIngest(lab03, cut)));
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
          expect(same(mine), `After ${bodies.indexOf(text)} earlier bodies, ${JSON.stringify(text.slice(0, 80))} got another answer than on its own: read only body.view()`).toBe(same(alone));
        }
        app.sink.consume();
      }),
      { numRuns: 60 },
    );
  });
});
