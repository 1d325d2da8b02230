/**
 * Steps 1 and 2, on any input — your reader against the readable reference (@hotpath/api/json-reference,
 * RFC 8259 one function per rule) and against JSON.parse. On the corpus, on valid documents spelled with
 * random whitespace, escapes and number forms, on nesting around the 64-level limit, on byte-level mutations of them (a byte replaced, inserted
 * or deleted — including bytes of 0x80 and above and controls — or the document cut short), and on random
 * bytes and JSON-ish noise: the full token stream (type and byte span of each token) and the error code and
 * offset must be the reference's exactly. And a valid-UTF-8 input within 64 levels reaches EndOfDocument
 * exactly when JSON.parse accepts its text.
 */
import fc from 'fast-check';
import { JsonError, Token } from '@hotpath/api';
import { corpus } from '@hotpath/api/fixtures';
import { readAllTokens } from '@hotpath/api/json-reference';
import { describe, expect, it } from 'vitest';
import { deepDocument, jsonishBytes, mutate, mutatedDocument, mutation, randomBytes, validDocument } from './support/arbitraries.ts';
import { expectSameAsReference, newReader, readAll, showBytes, showError } from './support/subject.ts';

describe('the same tokens and errors as the reference reader', () => {
  it('on every corpus body', async () => {
    const reader = await newReader();
    for (const c of corpus()) {
      try {
        expectSameAsReference(reader, c.body);
      } catch (error) {
        throw new Error(`Corpus case "${c.name}": ${(error as Error).message}`);
      }
    }
  });

  it('on valid documents with random whitespace, escapes and number spellings', async () => {
    const reader = await newReader();
    fc.assert(
      fc.property(validDocument, (doc) => {
        const reference = expectSameAsReference(reader, doc.bytes);
        if (reference.errorCode !== JsonError.None) throw new Error(`The generator made an invalid document ${showBytes(doc.bytes)}`);
      }),
      { numRuns: 500 },
    );
  });

  it('on valid documents with bytes replaced, inserted or deleted, or cut short', async () => {
    const reader = await newReader();
    fc.assert(fc.property(mutatedDocument, (bytes) => void expectSameAsReference(reader, bytes)), { numRuns: 1500 });
  });

  it('on nesting around the 64-level limit, whole, cut short or mutated', async () => {
    const reader = await newReader();
    const deep = fc.oneof(deepDocument, fc.tuple(deepDocument, fc.array(mutation, { minLength: 1, maxLength: 2 })).map(([bytes, m]) => mutate(bytes, m)));
    fc.assert(fc.property(deep, (bytes) => void expectSameAsReference(reader, bytes)), { numRuns: 300 });
  });

  it('on random bytes', async () => {
    const reader = await newReader();
    fc.assert(fc.property(randomBytes, (bytes) => void expectSameAsReference(reader, bytes)), { numRuns: 1000 });
  });

  it('on strings of JSON\'s own characters', async () => {
    const reader = await newReader();
    fc.assert(fc.property(jsonishBytes, (bytes) => void expectSameAsReference(reader, bytes)), { numRuns: 1500 });
  });
});

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

describe('the same verdict as JSON.parse', () => {
  it('reaches EndOfDocument exactly when JSON.parse accepts the text (valid UTF-8, at most 64 levels)', async () => {
    const reader = await newReader();
    const seen = { accepted: 0, rejected: 0 };
    const input = fc.oneof(validDocument.map((d) => d.bytes), mutatedDocument, mutatedDocument, jsonishBytes, randomBytes);
    fc.assert(
      fc.property(input, (bytes) => {
        let text: string;
        try {
          text = strictUtf8.decode(bytes);
        } catch {
          return; // not UTF-8: JSON.parse never sees these bytes
        }
        if (readAllTokens(bytes).errorCode === JsonError.TooDeep) return; // JSON.parse has no depth limit
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        const reading = readAll(reader, bytes);
        const accepts = reading.tokens.at(-1)?.type === Token.EndOfDocument;
        seen[parses ? 'accepted' : 'rejected']++;
        if (accepts !== parses) {
          throw new Error(
            parses
              ? `JSON.parse accepts ${showBytes(bytes)} but your reader returned Token.Error (${showError(reading.errorCode, reading.errorOffset)}): accept all of RFC 8259`
              : `JSON.parse rejects ${showBytes(bytes)} but your reader reached EndOfDocument: validate every byte, as JSON.parse does`,
          );
        }
      }),
      { numRuns: 3000 },
    );
    expect(seen.accepted, 'The inputs should include documents JSON.parse accepts').toBeGreaterThan(100);
    expect(seen.rejected, 'The inputs should include documents JSON.parse rejects').toBeGreaterThan(100);
  });
});
