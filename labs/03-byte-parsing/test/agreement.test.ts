/**
 * Step 2, on any input — your reader against the readable reference (@hotpath/api/json-reference, RFC 8259
 * one function per rule) and against JSON.parse. On the corpus, generated valid documents, nesting around
 * the 64-level limit, byte-level mutations, random bytes and JSON-ish noise (support/agreement.ts): the
 * token stream (type and byte span of each token) must be the reference's, and an invalid document must
 * end in Token.Error at the same token, with the same error code at the same byte (errors.test.ts has an
 * example of each code). And a valid-UTF-8 input within 64 levels reaches EndOfDocument exactly when
 * JSON.parse accepts its text.
 */
import fc from 'fast-check';
import { JsonError, Token } from '@hotpath/api';
import { readAllTokens } from '@hotpath/api/json-reference';
import { describe, expect, it } from 'vitest';
import { describeAgreement } from './support/agreement.ts';
import { jsonishBytes, mutatedDocument, randomBytes, validDocument } from './support/arbitraries.ts';
import { newReader, readAll, showBytes, showError } from './support/subject.ts';

describeAgreement('the same tokens as the reference reader, and the same error at the same byte', true);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

describe('the same verdict as JSON.parse', () => {
  it('reaches EndOfDocument exactly when JSON.parse accepts the text (valid UTF-8, at most 64 levels)', async () => {
    const reader = await newReader();
    const seen = { accepted: 0, rejected: 0 };
    const input = fc.oneof(
      validDocument.map((d) => d.bytes),
      mutatedDocument,
      mutatedDocument,
      jsonishBytes,
      randomBytes,
    );
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
