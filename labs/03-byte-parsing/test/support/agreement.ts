/**
 * The property tests that hold a reader to the readable reference (@hotpath/api/json-reference), declared
 * once (agreement.test.ts runs them): the token streams — types, byte spans and where the Error comes — and,
 * with `exact`, the error code and byte offset too.
 * On the corpus, on valid documents spelled with random whitespace, escapes and number forms, on nesting
 * around the 64-level limit, on byte-level mutations (a byte replaced, inserted or deleted — bytes of 0x80
 * and above and controls included — or the document cut short), on random bytes and on JSON-ish noise.
 */
import fc from 'fast-check';
import { JsonError } from '@hotpath/api';
import { corpus } from '@hotpath/api/fixtures';
import { describe, it } from 'vitest';
import { deepDocument, jsonishBytes, mutate, mutatedDocument, mutation, randomBytes, validDocument } from './arbitraries.ts';
import { expectSameAsReference, newReader, showBytes } from './subject.ts';

/** Nesting around the 64-level limit: whole, or with a byte or two replaced, inserted or deleted, or cut short. */
const deepOrMutated = fc.oneof(
  deepDocument,
  fc.tuple(deepDocument, fc.array(mutation, { minLength: 1, maxLength: 2 })).map(([bytes, m]) => mutate(bytes, m)),
);

/** The documents checked byte for byte against the reference, beyond the corpus and valid ones: [test name, bytes, runs]. */
const BYTE_SOURCES: [string, fc.Arbitrary<Uint8Array>, number][] = [
  ['on valid documents with bytes replaced, inserted or deleted, or cut short', mutatedDocument, 1500],
  ['on nesting around the 64-level limit, whole, cut short or mutated', deepOrMutated, 300],
  ['on random bytes', randomBytes, 1000],
  ["on strings of JSON's own characters", jsonishBytes, 1500],
];

export function describeAgreement(title: string, exact: boolean): void {
  describe(title, () => {
    it('on every corpus body', async () => {
      const reader = await newReader();
      for (const c of corpus()) {
        try {
          expectSameAsReference(reader, c.body, exact);
        } catch (error) {
          if (String((error as Error).message).startsWith('TODO')) throw error;
          throw new Error(`Corpus case "${c.name}": ${(error as Error).message}`);
        }
      }
    });

    it('on valid documents with random whitespace, escapes and number spellings', async () => {
      const reader = await newReader();
      fc.assert(
        fc.property(validDocument, (doc) => {
          const reference = expectSameAsReference(reader, doc.bytes, exact);
          if (reference.errorCode !== JsonError.None) throw new Error(`The generator made an invalid document ${showBytes(doc.bytes)}`);
        }),
        { numRuns: 500 },
      );
    });

    it.each(BYTE_SOURCES)('%s', async (_name, bytes, numRuns) => {
      const reader = await newReader();
      fc.assert(
        fc.property(bytes, (doc) => void expectSameAsReference(reader, doc, exact)),
        { numRuns },
      );
    });
  });
}
