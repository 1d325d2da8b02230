/**
 * Step 5 — the allocation budget. Reading an ingest body end to end — `reader.reset(bytes)` then
 * `readIngest(reader, bytes, fields)`, with one reader and one fields record made once, as the handler
 * keeps them — must allocate at most 64 heap bytes per body, for the 1 KB and the 64 KB fixtures: nothing
 * that grows with the body. So must reading every token of the 64 KB fixture with read() alone. Measured
 * with the harness's bytes/op (V8's used heap over GC-free windows): bytes, not time, so the figure does
 * not depend on the machine. A figure over budget is measured again (up to three times, the lowest counts):
 * a busy machine can land V8's code installation inside a window, a real allocation shows every time.
 */
import { ingestFixture } from '@hotpath/api/fixtures';
import { Token } from '@hotpath/api';
import { measureBytesPerOpWithin } from '@hotpath/harness';
import { describe, expect, it } from 'vitest';
import { loadIngestModule, newReader } from './support/subject.ts';

/** Heap bytes one whole body may cost: room for a boxed number or two (timestamp is not a small integer), nothing per token. */
const BUDGET = 64;

/** Short windows sized by a short pilot: a slow reader still measures in about a second. */
const MEASURE = { minIterations: 16, maxWindowMs: 100 };

const WHAT_ALLOCATES =
  'What typically allocates: a string per name or value (TextDecoder.decode, toString, String.fromCharCode, Number(string) on the plain-integer path), ' +
  'a subarray() per token, a {…} result or an array returned per call, a closure made per body. Compare names with textEquals(u8(…)) made once, read numbers from the bytes, and return small integers';

describe('the allocation budget', () => {
  for (const size of ['1k', '64k'] as const) {
    it(`reads the ${size === '1k' ? '1 KB' : '64 KB'} ingest fixture with readIngest in at most ${BUDGET} B`, async () => {
      const { readIngest, IngestRead } = await loadIngestModule();
      const fixture = ingestFixture(size);
      const bytes = fixture.bytes;
      const reader = await newReader();
      const fields: { itemCount: number | null | undefined; timestamp: number | null | undefined } = { itemCount: undefined, timestamp: undefined };
      const outcome = readIngest(reader, bytes, fields);
      expect(
        [outcome, fields.itemCount, fields.timestamp],
        `Read the ${size} fixture to IngestRead.Fields with its itemCount and timestamp before measuring`,
      ).toEqual([IngestRead.Fields, fixture.itemCount, fixture.timestamp]);
      const measured = measureBytesPerOpWithin(
        () => {
          reader.reset(bytes);
          return readIngest(reader, bytes, fields);
        },
        BUDGET,
        MEASURE,
      );
      expect(
        measured.bytesPerOp,
        `readIngest allocated ${measured.bytesPerOp.toFixed(0)} B per ${bytes.length}-byte body. ${WHAT_ALLOCATES}`,
      ).toBeLessThanOrEqual(BUDGET);
    });
  }

  it(`reads every token of the 64 KB fixture with read() in at most ${BUDGET} B`, async () => {
    const bytes = ingestFixture('64k').bytes;
    const reader = await newReader();
    const readAll = () => {
      reader.reset(bytes);
      let tokens = 0;
      while (reader.read() < Token.EndOfDocument && tokens <= bytes.length) tokens++;
      return tokens;
    };
    const tokens = readAll();
    expect(reader.tokenType, 'Read the 64 KB fixture to EndOfDocument before measuring').toBe(Token.EndOfDocument);
    const measured = measureBytesPerOpWithin(readAll, BUDGET, MEASURE);
    expect(measured.bytesPerOp, `Reading ${tokens} tokens allocated ${measured.bytesPerOp.toFixed(0)} B. ${WHAT_ALLOCATES}`).toBeLessThanOrEqual(BUDGET);
  });
});
