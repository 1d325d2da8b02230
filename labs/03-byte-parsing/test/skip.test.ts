/**
 * Step 3 — skip() (src/json-reader.ts): after a PropertyName it skips the name's value; after StartObject or
 * StartArray, everything up to the matching end; on a string, number or literal it does nothing. It lands
 * on the token reading token by token would have reached, with the same depth, and read() goes on from
 * there — or it returns Token.Error when the skipped bytes are invalid (the same error code and offset is
 * errors.test.ts's). Checked against the reference reader's token stream, on examples, generated and
 * mutated documents, and 100,000 levels of nesting. How many read() calls skip() may make is step 5's
 * one-pass.test.ts.
 */
import fc from 'fast-check';
import { Token } from '@hotpath/api';
import { readAllTokens } from '@hotpath/api/json-reference';
import { describe, expect, it } from 'vitest';
import { deepDocument, mutatedDocument, validDocument } from './support/arbitraries.ts';
import { BAD_SKIPPED_VALUES, checkSkipAt, deepNesting } from './support/cases.ts';
import { bytesOf, newReader, tokenName } from './support/subject.ts';

const T = Token;

describe('skip()', () => {
  it('after a PropertyName skips its value; after StartObject or StartArray, to the matching end', async () => {
    const reader = await newReader();
    const docs = [
      '{"a":{"b":[1,2,{"c":"d"}]},"e":[[],[3]],"f":7,"g":"h"}',
      `{"a":${'['.repeat(63)}${']'.repeat(63)}}`,
      ' { "a" : [ { } , [ ] ] , "b" : { "c" : null } } ',
    ];
    for (const bytes of docs.map(bytesOf)) {
      const ref = readAllTokens(bytes);
      for (let k = 0; k < ref.tokens.length; k++) {
        const type = ref.tokens[k]!.type;
        if (type === T.PropertyName || type === T.StartObject || type === T.StartArray) checkSkipAt(reader, bytes, ref, k);
      }
    }
  });

  it('returns Token.Error when the skipped value is invalid or too deep', async () => {
    const reader = await newReader();
    for (const bytes of BAD_SKIPPED_VALUES) {
      const ref = readAllTokens(bytes);
      for (const k of [0, 1, 2]) checkSkipAt(reader, bytes, ref, k);
    }
  });

  it('on a scalar is a no-op that returns its type', async () => {
    const reader = await newReader();
    reader.reset(bytesOf('["h", 7, true]'));
    reader.read();
    for (const type of [T.String, T.Number, T.True]) {
      reader.read();
      const [start, end] = [reader.tokenStart, reader.tokenEnd];
      expect(tokenName(reader.skip()), 'skip() on a string, number or literal returns its type and reads nothing').toBe(tokenName(type));
      expect([reader.tokenType, reader.tokenStart, reader.tokenEnd], 'skip() on a scalar leaves the token as it is').toEqual([type, start, end]);
    }
    expect(tokenName(reader.read()), 'After skip() on a scalar, read() returns the next token').toBe('EndArray');
  });

  it('skips 100,000 nested levels with a loop, not recursion', async () => {
    const depth = 100_000;
    const deep = await newReader(depth);
    for (const { open, bytes } of deepNesting(depth)) {
      deep.reset(bytes);
      deep.read();
      let got: number;
      try {
        got = deep.skip();
      } catch (error) {
        if (String((error as Error).message).startsWith('TODO')) throw error;
        throw new Error(
          `skip() over ${depth} levels of ${open} threw ${(error as Error).message}: keep the open containers in closers[], not on the call stack`,
          { cause: error },
        );
      }
      expect(tokenName(got), `skip() over ${depth} levels of ${open} reaches the matching end`).toBe(open === '[' ? 'EndArray' : 'EndObject');
      expect(tokenName(deep.read()), 'After skipping the whole document, read() returns EndOfDocument').toBe('EndOfDocument');
    }
  });

  it('lands where reading token by token does, or on Error, for valid and mutated documents', async () => {
    const reader = await newReader();
    const doc = fc.oneof(
      validDocument.map((d) => d.bytes),
      mutatedDocument,
      deepDocument,
    );
    fc.assert(
      fc.property(doc, fc.nat(), (bytes, pick) => {
        const ref = readAllTokens(bytes);
        const starts = ref.tokens.flatMap((t, k) => (t.type === T.PropertyName || t.type === T.StartObject || t.type === T.StartArray ? [k] : []));
        for (const k of starts.length > 3 ? [starts[0]!, starts[pick % starts.length]!, starts.at(-1)!] : starts) checkSkipAt(reader, bytes, ref, k);
      }),
      { numRuns: 300 },
    );
  });
});
