/**
 * Step 4 — POST /ingest/v1 read from the body's bytes (src/ingest.ts). Through the app, in process, it
 * answers exactly what lab 02's app (TextDecoder + JSON.parse) answers: the same status, the same body for
 * 202 and validation_failed, and invalid_json for the same bodies — on generated ingest bodies (fields
 * first, last or missing, numbers in every spelling, escaped and duplicate keys, nested look-alikes) and on
 * byte-level mutations of them. `readIngest` itself is checked on the corpus (which error it leaves the
 * reader on is errors.test.ts's); and the handler must make no string from the body: no TextDecoder.decode,
 * no JSON.parse. That it reads the body in one pass is step 5's one-pass.test.ts.
 */
import fc from 'fast-check';
import type { HotPathApp } from '@hotpath/api';
import { corpus, ingestFixture } from '@hotpath/api/fixtures';
import { createApp as createLab02App } from '@hotpath/solution-02-generated-serializers';
import { describe, expect, it, vi } from 'vitest';
import { mutate, mutation } from './support/arbitraries.ts';
import { bytesOf, loadAppModule, loadIngestModule, newReader, showBytes } from './support/subject.ts';

const INGEST_URL = 'http://localhost/ingest/v1';
const request = (body: Uint8Array) => new Request(INGEST_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body } as RequestInit);

async function answer(app: HotPathApp, body: Uint8Array): Promise<{ status: number; text: string; code: string | undefined }> {
  const response = await app.fetch(request(body));
  const text = await response.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  return { status: response.status, text, code };
}

const positive = fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })).map(String);
const numberText = fc.oneof(
  { weight: 3, arbitrary: positive },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '0',
      '-0',
      '-1',
      '-12',
      '0.5',
      '1.5',
      '1e3',
      '1E+3',
      '1.0',
      '25e-1',
      '2.50e1',
      '10e-1',
      '0.1e1',
      '1e-7',
      '5e-324',
      '1e16',
      '1e400',
      '-1e400',
      '1e-400',
      '9007199254740991',
      '9007199254740992',
      '9007199254740993',
      '90071992547409910e-1',
      '1.00000000000000001',
      '4503599627370495.5',
      '123456789012345678901234567890',
    ),
  },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)) },
);
const otherValue = fc.constantFrom(
  '"3"',
  '""',
  '"x\\ny"',
  '"\\uD800"',
  'null',
  'true',
  'false',
  '[]',
  '[1,2]',
  '{}',
  '{"itemCount":5,"timestamp":6}',
  '[{"itemCount":1}]',
  '{"a":[{"b":null}]}',
);
const KEYS = [
  'itemCount',
  'timestamp',
  'item\\u0043ount',
  '\\u0074imestamp',
  '\\u0069\\u0074\\u0065\\u006D\\u0043\\u006F\\u0075\\u006E\\u0074',
  'a',
  'items',
  'source',
  'itemcount',
  'itemCount ',
  'timestamp\\u0000',
  '__proto__',
  '',
  '🔑',
];
const member = fc.tuple(fc.constantFrom(...KEYS), fc.oneof(numberText, otherValue)).map(([key, value]) => `"${key}":${value}`);

/** An ingest body: the two fields (valid positive integers) first, last, apart, or absent, among random members. */
const ingestBody: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.array(member, { maxLength: 5 }), positive, positive, fc.constantFrom('first', 'last', 'apart', 'none'), fc.constantFrom(',', ', ', ' ,\n\t'))
  .map(([members, itemCount, timestamp, layout, comma]) => {
    const [a, b] = [`"itemCount":${itemCount}`, `"timestamp":${timestamp}`];
    const all = layout === 'first' ? [a, b, ...members] : layout === 'last' ? [...members, b, a] : layout === 'apart' ? [a, ...members, b] : members;
    return bytesOf(`{${all.join(comma)}}`);
  });

describe('POST /ingest/v1 answers as lab 02 does', () => {
  async function sameAnswers(mine: HotPathApp, lab02: HotPathApp, body: Uint8Array): Promise<void> {
    const want = await answer(lab02, body);
    const got = await answer(mine, body);
    const context = `For the body ${showBytes(body)}, lab 02's app answers ${want.status} ${want.text} but yours answers ${got.status} ${got.text}`;
    if (got.status !== want.status) throw new Error(`${context}: answer the same status`);
    if (want.code === 'invalid_json') {
      if (got.code !== 'invalid_json') throw new Error(`${context}: answer invalid_json for a body that is not JSON`);
    } else if (got.text !== want.text) {
      throw new Error(`${context}: for 202 and validation_failed, answer the same body (pass the fields you read to jsonContext.IngestEvent.validate)`);
    }
  }

  it('on generated ingest bodies', async () => {
    const mine = (await loadAppModule()).createApp();
    const lab02 = createLab02App();
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(ingestBody, async (body) => {
        await sameAnswers(mine, lab02, body);
        const status = (await answer(lab02, body)).status;
        seen.set(status, (seen.get(status) ?? 0) + 1);
      }),
      { numRuns: 300 },
    );
    expect(seen.get(202) ?? 0, 'The generator should make accepted bodies').toBeGreaterThan(30);
    expect(seen.get(400) ?? 0, 'The generator should make refused bodies').toBeGreaterThan(30);
  });

  it('on byte-level mutations of them', async () => {
    const mine = (await loadAppModule()).createApp();
    const lab02 = createLab02App();
    const mutated = fc.tuple(ingestBody, fc.array(mutation, { minLength: 1, maxLength: 2 })).map(([body, mutations]) => mutate(body, mutations));
    await fc.assert(
      fc.asyncProperty(mutated, (body) => sameAnswers(mine, lab02, body)),
      { numRuns: 300 },
    );
  });
});

const OUTCOME_NAMES = ['IngestRead.Fields', 'IngestRead.NotAnObject', 'IngestRead.InvalidJson'];
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

describe('readIngest()', () => {
  it('reads the corpus: Fields with the values, NotAnObject, or InvalidJson', async () => {
    const { readIngest, IngestRead } = await loadIngestModule();
    const reader = await newReader();
    const fields: { itemCount: number | null | undefined; timestamp: number | null | undefined } = { itemCount: 7, timestamp: 7 };
    const show = (v: number | null | undefined) => (Object.is(v, -0) ? '-0' : String(v));
    for (const c of corpus()) {
      if (c.route !== '/ingest/v1' || (c.expect.status !== 202 && c.expect.status !== 400) || c.body.length === 0) continue;
      const outcome = readIngest(reader, c.body, fields);
      const at = `Corpus case "${c.name}" (${showBytes(c.body, 80)})`;
      let want: number = IngestRead.InvalidJson;
      let wantFields: [number | null | undefined, number | null | undefined] | undefined;
      if (c.expect.status === 202) {
        want = IngestRead.Fields;
        wantFields = [c.expect.itemCount, c.expect.timestamp];
      } else if (c.expect.code === 'validation_failed') {
        const parsed = JSON.parse(strictUtf8.decode(c.body)) as unknown;
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) want = IngestRead.NotAnObject;
        else {
          want = IngestRead.Fields;
          const field = (key: string) =>
            !Object.hasOwn(parsed, key)
              ? undefined
              : typeof (parsed as Record<string, unknown>)[key] === 'number'
                ? (parsed as Record<string, number>)[key]
                : null;
          wantFields = [field('itemCount'), field('timestamp')];
        }
      }
      expect(OUTCOME_NAMES[outcome] ?? outcome, `${at}: return ${OUTCOME_NAMES[want]}`).toBe(OUTCOME_NAMES[want]);
      if (wantFields) {
        expect(
          [show(fields.itemCount), show(fields.timestamp)],
          `${at}: set fields to the last top-level itemCount and timestamp — the number, null for any other value, undefined when absent`,
        ).toEqual(wantFields.map(show));
      }
    }
  });
});

describe('the handler makes no string from the body', () => {
  it('calls neither TextDecoder.decode nor JSON.parse', async () => {
    const app = (await loadAppModule()).createApp();
    const small = ingestFixture('1k');
    const large = ingestFixture('64k');
    await (await app.fetch(request(small.bytes))).text(); // warm-up: first use of undici and the route
    const bodies = [small.bytes, large.bytes, bytesOf('{"itemCount":1,"timestamp":2,"s":"a\\qb"}'), bytesOf('{"itemCount":"3","timestamp":2}')];
    const requests = bodies.map(request);
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    const parse = vi.spyOn(JSON, 'parse');
    const responses: Response[] = [];
    const calls = { decode: 0, parse: 0 };
    try {
      for (const r of requests) responses.push(await app.fetch(r));
    } finally {
      [calls.decode, calls.parse] = [decode.mock.calls.length, parse.mock.calls.length];
      decode.mockRestore();
      parse.mockRestore();
    }
    expect(
      responses.map((r) => r.status),
      'The two fixtures are accepted, the malformed and the invalid body refused',
    ).toEqual([202, 202, 400, 400]);
    const advice = "Read the body's bytes with the reader: don't decode it with TextDecoder or parse it with JSON.parse";
    expect(calls.decode, `TextDecoder.decode was called ${calls.decode} times for 4 requests. ${advice}`).toBe(0);
    expect(calls.parse, `JSON.parse was called ${calls.parse} times for 4 requests. ${advice}`).toBe(0);
    const accepted = JSON.parse(await responses[1]!.text()) as { itemCount: number; timestamp: number };
    expect([accepted.itemCount, accepted.timestamp], "Answer the 64 KB fixture's itemCount and timestamp").toEqual([large.itemCount, large.timestamp]);
  });
});
