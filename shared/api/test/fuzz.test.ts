/**
 * The reference app agrees with the oracle on random requests (fast-check, fixed seed): valid events with
 * random field values, byte-level mutations of valid bodies, random JSON and random bytes, under several
 * content types. This is what lets the reference app stand in as "a correct lab".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { send } from '../src/contract.ts';
import type { CorpusRoute } from '../src/fixtures.ts';
import { oracle } from './oracle.ts';
import { createReferenceApp } from './reference-app.ts';

const fieldValue = fc.oneof(
  { weight: 4, arbitrary: fc.maxSafeNat() },
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 4 }),
  fc.constantFrom(null, true, false, [], {}, 2 ** 53, -0),
);
const event = fc
  .record(
    { itemCount: fieldValue, timestamp: fieldValue, title: fc.oneof(fc.string({ maxLength: 210 }), fieldValue), extra: fc.jsonValue({ maxDepth: 4 }) },
    { requiredKeys: [] },
  )
  .map((o) => JSON.stringify(o));
const mutated = fc
  .tuple(event, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('replace', 'insert', 'delete', 'cut'))
  .map(([text, at, byte, how]) => {
    const b = Buffer.from(text);
    const i = b.length ? at % b.length : 0;
    if (how === 'replace' && b.length) b[i] = byte;
    if (how === 'insert') return Uint8Array.from([...b.subarray(0, i), byte, ...b.subarray(i)]);
    if (how === 'delete') return Uint8Array.from([...b.subarray(0, i), ...b.subarray(i + 1)]);
    if (how === 'cut') return Uint8Array.from(b.subarray(0, i));
    return Uint8Array.from(b);
  });
const body = fc.oneof(
  { weight: 3, arbitrary: event.map((t) => new TextEncoder().encode(t)) },
  { weight: 3, arbitrary: mutated },
  fc.json({ maxDepth: 3 }).map((t) => new TextEncoder().encode(t)),
  fc.uint8Array({ maxLength: 48 }),
);
const contentType = fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, fc.constantFrom('application/json; charset=utf-8', 'text/plain', null));
const route = fc.constantFrom<CorpusRoute>('/ingest/v1', '/todos');

describe('reference app vs oracle', () => {
  it('agree on random requests', async () => {
    await fc.assert(
      fc.asyncProperty(route, contentType, body, async (path, ct, bytes) => {
        const app = createReferenceApp({ logWrite: () => {} });
        const want = oracle(path, ct, bytes);
        const got = await send(app, 'POST', path, { body: bytes, contentType: ct });
        expect(got.status).toBe(want.status);
        const json = JSON.parse(got.text) as Record<string, any>;
        if (want.code) expect(json.error.code).toBe(want.code);
        if (want.status === 202) {
          expect(json).toStrictEqual({ accepted: true, itemCount: want.itemCount, timestamp: want.timestamp });
          expect(app.sink.drain()).toEqual([{ itemCount: want.itemCount, timestamp: want.timestamp }]);
        }
        if (want.status === 201) expect(json).toStrictEqual({ id: 101, ...want.todo });
      }),
      { seed: 20240601, numRuns: 2000 },
    );
  }, 60_000);
});
