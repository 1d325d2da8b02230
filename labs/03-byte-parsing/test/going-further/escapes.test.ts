/**
 * Going further — escaped names, your own way. The core's textEquals() hands a string with escapes to the
 * given `escapedTextEquals` (@hotpath/api/json-reader-base). Replace that call with your own comparison —
 * decode one escape at a time and compare the UTF-8 bytes it stands for, in place, allocating nothing — and
 * these tests hold it to every case: one-letter escapes, `\uXXXX` in either case, a `\uD83D\uDE00` pair as
 * one four-byte code point, lone or reversed surrogates that equal nothing, and any string however it is
 * escaped (fast-check). They pass with the given function too: they are the spec it was written against.
 */
import fc from 'fast-check';
import { Token, u8 } from '@hotpath/api';
import { describe, expect, it } from 'vitest';
import { spell } from '../support/arbitraries.ts';
import { ESCAPED_TEXT_CASES } from '../support/cases.ts';
import { bytesOf, newReader, readText, showBytes, tokenName } from '../support/subject.ts';

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

describe('textEquals() with escapes', () => {
  it('decodes one-letter escapes, \\uXXXX in either case and surrogate pairs; a lone surrogate equals nothing', async () => {
    const reader = await newReader();
    const wrong: string[] = [];
    for (const [written, text, equal] of ESCAPED_TEXT_CASES) {
      for (const doc of [`"${written}"`, `{"${written}":1}`]) {
        readText(reader, bytesOf(doc));
        if (reader.textEquals(u8(text)) !== equal) wrong.push(`${doc} ${equal ? 'equals' : 'does not equal'} ${JSON.stringify(text)}`);
      }
    }
    const rule = 'decode each escape and compare the UTF-8 bytes it stands for; a \\uD83D\\uDE00 pair is one code point (4 UTF-8 bytes); a lone surrogate never equals valid UTF-8';
    expect(wrong, `textEquals() answered wrong: ${rule}`).toEqual([]);
  });

  it('equals the unescaped text of any string however it is escaped, and nothing else', async () => {
    const reader = await newReader();
    const wellFormed = fc.string({ unit: 'grapheme', maxLength: 12 });
    const other = (s: string) => fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(`${s}x`, s.slice(0, -1), s.toUpperCase(), `\u0000${s}`));
    fc.assert(
      fc.property(wellFormed.chain((s) => fc.tuple(fc.constant(s), other(s), fc.integer())), ([s, t, seed]) => {
        const doc = bytesOf(spell({ [s]: s }, seed));
        const check = () => {
          const where = `the ${tokenName(reader.tokenType)} of ${showBytes(doc)}`;
          if (!reader.textEquals(u8(s))) throw new Error(`textEquals(u8(${JSON.stringify(s)})) should be true for ${where}: decode its escapes as you compare`);
          const expected = sameBytes(u8(s), u8(t));
          if (reader.textEquals(u8(t)) !== expected) throw new Error(`textEquals(u8(${JSON.stringify(t)})) should be ${expected} for ${where}`);
        };
        readText(reader, doc); // the property name
        check();
        if (reader.read() !== Token.String) throw new Error(`Expected the String value after the name in ${showBytes(doc)}`);
        check(); // the same text as a string value
      }),
      { numRuns: 500 },
    );
  });
});
