/**
 * Steps 2, 3 and 5 — the exact error. An invalid document ends in Token.Error with the reference's error
 * code at the reference's byte, by the rules in @hotpath/api's json-bytes.ts header: the byte the 400's
 * message names ("unexpected byte at byte 41"), which is what the API now says. The given scanners report
 * theirs (strings, numbers, literals); the rest is read()'s and skip()'s, and `unexpected(i, b)`,
 * `fail(JsonError.TrailingData, i)` and `fail(JsonError.TooDeep, i)` where the TODOs say give it. Checked per
 * error code on examples, for skip() (its own loop must report what reading token by token reports), and
 * for readIngest(). The same code and byte on generated and mutated documents is agreement.test.ts's.
 */
import fc from 'fast-check';
import { JSON_ERROR_NAMES, JsonError, Token, type JsonErrorCode } from '@hotpath/api';
import { corpus } from '@hotpath/api/fixtures';
import { readAllTokens } from '@hotpath/api/json-reference';
import { describe, expect, it } from 'vitest';
import { mutatedDocument } from './support/arbitraries.ts';
import { BAD_SKIPPED_VALUES, INVALID, checkSkipAt } from './support/cases.ts';
import { bytesOf, loadIngestModule, newReader, readAll, showBytes, showError } from './support/subject.ts';

const CODES = [...new Set(INVALID.map(([, code]) => code))];

describe('read(): the exact error and byte of each kind of invalid document', () => {
  it.each(CODES.map((code) => [JSON_ERROR_NAMES[code as JsonErrorCode], code] as const))('%s', async (name, code) => {
    const reader = await newReader();
    const wrong: string[] = [];
    for (const [doc, want, offset] of INVALID.filter(([, c]) => c === code)) {
      const bytes = bytesOf(doc);
      const reading = readAll(reader, bytes);
      if (reading.errorCode !== want || reading.errorOffset !== offset)
        wrong.push(`${showBytes(bytes, 40)}: yours ${showError(reading.errorCode, reading.errorOffset)}`);
    }
    expect(wrong, `Return Token.Error with JsonError.${name} at the byte the rules in json-bytes.ts's header give, for`).toEqual([]);
  });

  it('reports TooDeep at the bracket that opens level maxDepth + 1', async () => {
    const reading = readAll(await newReader(2), bytesOf('[{"a":[]}]'));
    expect(showError(reading.errorCode, reading.errorOffset), 'new JsonReader(2): TooDeep at the third [ or {').toBe(showError(JsonError.TooDeep, 6));
  });
});

describe('skip(): the same error as reading token by token', () => {
  it('on examples and on mutated documents', async () => {
    const reader = await newReader();
    for (const bytes of BAD_SKIPPED_VALUES) {
      const ref = readAllTokens(bytes);
      for (const k of [0, 1, 2]) checkSkipAt(reader, bytes, ref, k, true);
    }
    fc.assert(
      fc.property(mutatedDocument, (bytes) => {
        const ref = readAllTokens(bytes);
        const starts = ref.tokens.flatMap((t, k) => (t.type === Token.PropertyName || t.type === Token.StartObject || t.type === Token.StartArray ? [k] : []));
        for (const k of starts.slice(0, 3)) checkSkipAt(reader, bytes, ref, k, true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('readIngest(): the first error of the document', () => {
  it('leaves the reader on the error the reference finds, skipped parts included', async () => {
    const { readIngest, IngestRead } = await loadIngestModule();
    const reader = await newReader();
    const fields: { itemCount: number | null | undefined; timestamp: number | null | undefined } = { itemCount: undefined, timestamp: undefined };
    for (const c of corpus()) {
      if (c.route !== '/ingest/v1' || c.body.length === 0) continue;
      if (readIngest(reader, c.body, fields) !== IngestRead.InvalidJson) continue;
      const ref = readAllTokens(c.body);
      expect(
        showError(reader.errorCode, reader.errorOffset),
        `Corpus case "${c.name}" (${showBytes(c.body, 80)}): the handler's 400 names the document's first error`,
      ).toBe(showError(ref.errorCode, ref.errorOffset));
    }
  });
});
