/**
 * Step 2 — read() (src/json-reader.ts), by example: the token stream of a small document (types, byte
 * spans, depth, hasEscapes); Token.Error for every kind of invalid document (which error, at which byte,
 * is errors.test.ts's); what read() returns once the document is over; that it never throws nor recurses,
 * whatever the bytes; and reset(). skip() is checked in skip.test.ts, textEquals() in text-equals.test.ts
 * (numberValue() is given).
 */
import fc from 'fast-check';
import { corpus } from '@hotpath/api/fixtures';
import { JsonError, Token } from '@hotpath/api';
import type { ReferenceReading } from '@hotpath/api/json-reference';
import { describe, expect, it } from 'vitest';
import { randomBytes } from './support/arbitraries.ts';
import { INVALID, deepNesting } from './support/cases.ts';
import { bytesOf, errorName, newReader, readAll, showBytes, showError, tokenName } from './support/subject.ts';

const T = Token;
const E = JsonError;

describe('read(): the token stream', () => {
  const doc = ' {"a": [1, -2.5e3, "x\\ny"], "b\\u0041": {"t": true, "f": false}, "n": null, "": []} ';
  // [type, start, end, depth after the token, hasEscapes (strings and names only)]
  const expected: [number, number, number, number, boolean?][] = [
    [T.StartObject, 1, 2, 1],
    [T.PropertyName, 3, 4, 1, false],
    [T.StartArray, 7, 8, 2],
    [T.Number, 8, 9, 2],
    [T.Number, 11, 17, 2],
    [T.String, 20, 24, 2, true],
    [T.EndArray, 25, 26, 1],
    [T.PropertyName, 29, 36, 1, true],
    [T.StartObject, 39, 40, 2],
    [T.PropertyName, 41, 42, 2, false],
    [T.True, 45, 49, 2],
    [T.PropertyName, 52, 53, 2, false],
    [T.False, 56, 61, 2],
    [T.EndObject, 61, 62, 1],
    [T.PropertyName, 65, 66, 1, false],
    [T.Null, 69, 73, 1],
    [T.PropertyName, 76, 76, 1, false],
    [T.StartArray, 79, 80, 2],
    [T.EndArray, 80, 81, 1],
    [T.EndObject, 81, 82, 0],
    [T.EndOfDocument, 83, 83, 0],
  ];

  it('returns each token with its type, byte span and depth', async () => {
    const reader = await newReader();
    reader.reset(bytesOf(doc));
    for (const [k, [type, start, end, depth, escapes]] of expected.entries()) {
      const got = reader.read();
      const at = `token #${k} of ${JSON.stringify(doc)}`;
      expect(tokenName(got), `${at}: return ${tokenName(type)}`).toBe(tokenName(type));
      expect(reader.tokenType, `${at}: set tokenType to what read() returns`).toBe(type);
      expect(
        [reader.tokenStart, reader.tokenEnd],
        `${at}: set tokenStart..tokenEnd to ${start}..${end} (strings and names span the text between the quotes, containers their bracket, EndOfDocument the empty span at the length)`,
      ).toEqual([start, end]);
      expect(reader.depth, `${at}: depth counts the containers open after the token (1 after the top-level {, 0 after its })`).toBe(depth);
      if (escapes !== undefined)
        expect(reader.hasEscapes, `${at}: set hasEscapes when a string or name holds a backslash escape, and clear it when not`).toBe(escapes);
    }
    expect(reader.errorCode, 'Leave errorCode at JsonError.None for a valid document').toBe(E.None);
  });

  it('keeps returning EndOfDocument after the end, and Error after an error', async () => {
    const reader = await newReader();
    readAll(reader, bytesOf('[1] '));
    for (let k = 0; k < 3; k++) expect(tokenName(reader.read()), 'After EndOfDocument, read() returns EndOfDocument again').toBe('EndOfDocument');
    readAll(reader, bytesOf('[1,x,2]'));
    const first = showError(reader.errorCode, reader.errorOffset);
    for (let k = 0; k < 3; k++) {
      expect(tokenName(reader.read()), 'After Error, read() returns Error again: the document is over').toBe('Error');
      expect(showError(reader.errorCode, reader.errorOffset), 'Keep errorCode and errorOffset of the first error').toBe(first);
    }
  });
});

describe('read(): invalid documents', () => {
  it('returns Token.Error for every kind of invalid document, never EndOfDocument', async () => {
    const reader = await newReader();
    const wrong: string[] = [];
    for (const [doc, code] of INVALID) {
      const bytes = bytesOf(doc);
      const reading = readAll(reader, bytes);
      if (reading.tokens.at(-1)?.type === T.EndOfDocument) wrong.push(`${showBytes(bytes, 40)} (${errorName(code)})`);
    }
    expect(
      wrong,
      `Your reader reached EndOfDocument for invalid documents: return Token.Error for each (the kind of error is in parentheses; the rules are in json-bytes.ts's header)`,
    ).toEqual([]);
  });

  it('opens at most maxDepth containers (the constructor argument)', async () => {
    const reader = await newReader(2);
    const reading = readAll(reader, bytesOf('[{"a":[]}]'));
    expect(errorName(reading.errorCode), 'new JsonReader(2) reads two levels: return Token.Error with JsonError.TooDeep at the third [ or {').toBe('TooDeep');
    expect(readAll(reader, bytesOf('[{"a":1}]')).errorCode, 'new JsonReader(2) accepts two levels').toBe(E.None);
  });
});

describe('read() never throws and never recurses', () => {
  it('reads every corpus body to EndOfDocument or Error', async () => {
    const reader = await newReader();
    for (const c of corpus()) {
      let reading: ReferenceReading;
      try {
        reading = readAll(reader, c.body);
      } catch (error) {
        if (String((error as Error).message).startsWith('TODO')) throw error;
        throw new Error(`Corpus case "${c.name}": ${(error as Error).message}. Never throw on bad input: return Token.Error`, { cause: error });
      }
      expect(reading.tokens.at(-1)?.type === T.EndOfDocument || reading.errorCode !== E.None, `${c.name}: end with EndOfDocument or Error`).toBe(true);
    }
  });

  it('reads 100,000 nested arrays and objects with a loop, not recursion', async () => {
    const depth = 100_000;
    const deep = await newReader(depth);
    for (const { open, bytes } of deepNesting(depth)) {
      let reading: ReferenceReading;
      try {
        reading = readAll(deep, bytes);
      } catch (error) {
        if (String((error as Error).message).startsWith('TODO')) throw error;
        throw new Error(`Reading ${depth} levels of ${open} threw ${(error as Error).message}: keep the open containers in an array, not on the call stack`, {
          cause: error,
        });
      }
      expect(
        reading.tokens.length,
        `new JsonReader(${depth}) reads ${depth} levels of ${open}: keep the open containers in an array, not on the call stack`,
      ).toBe(open === '[' ? 2 * depth + 1 : 3 * depth);
      const limited = readAll(await newReader(), bytes);
      expect(errorName(limited.errorCode), 'The default reader stops at the 65th level: JsonError.TooDeep').toBe('TooDeep');
    }
  });

  it('reads random bytes to EndOfDocument or Error without throwing', async () => {
    const reader = await newReader();
    fc.assert(
      fc.property(randomBytes, (bytes) => void readAll(reader, bytes)),
      { numRuns: 2000 },
    );
  });
});

describe('reset()', () => {
  it("reuses one reader: after any state, reading document B gives B's tokens exactly", async () => {
    const reader = await newReader();
    const fresh = await newReader();
    const docs = ['{"a":[1,{"b":"c\\n"}]}', '[1,x', '"\\u0041"', '[[[[', '  null  ', `{"deep":${'['.repeat(70)}`].map(bytesOf);
    for (const a of docs) {
      for (const b of docs) {
        for (let stop = 0; stop < 4; stop++) {
          reader.reset(a);
          for (let k = 0; k < stop; k++) reader.read();
          reader.reset(b);
          expect([reader.tokenType, reader.depth, reader.errorCode], 'reset() starts over: tokenType None, depth 0, errorCode None').toEqual([
            T.None,
            0,
            E.None,
          ]);
          expect(
            readAll(reader, b),
            `Reading ${showBytes(b)} after ${stop} tokens of ${showBytes(a)}: reset() must clear everything the last document left`,
          ).toEqual(readAll(fresh, b));
        }
      }
    }
  });
});
