/**
 * Going further — escaped names, your own way. The core's textEquals() hands a name with escapes to the
 * given `escapedTextEquals` (@hotpath/api/json-reader-base). Here you compare them yourself: your
 * textEquals() must no longer call it (the module is wrapped to count its calls), must still answer every
 * case — one-letter escapes, `\uXXXX` in either case, a `\uD83D\uDE00` pair as one four-byte code point,
 * lone or reversed surrogates that equal nothing, any string however it is escaped (fast-check) — and must
 * allocate nothing doing it (the harness's bytes/op, bytes not time).
 */
import fc from 'fast-check';
import { Token, u8 } from '@hotpath/api';
import { escapedTextEquals } from '@hotpath/api/json-reader-base';
import { measureBytesPerOpWithin } from '@hotpath/harness';
import { describe, expect, it, vi } from 'vitest';
import { spell } from '../support/arbitraries.ts';
import { ESCAPED_TEXT_CASES } from '../support/cases.ts';
import { bytesOf, newReader, readText, showBytes, tokenName, textEqualsMistakes } from '../support/subject.ts';

// The given comparison, counted: your reader imports this wrapper in its place.
vi.mock('@hotpath/api/json-reader-base', async (importOriginal) => {
  const given = await importOriginal<typeof import('@hotpath/api/json-reader-base')>();
  return { ...given, escapedTextEquals: vi.fn(given.escapedTextEquals) };
});

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

describe('textEquals() with escapes, your own comparison', () => {
  it('no longer calls the given escapedTextEquals', async () => {
    const reader = await newReader();
    vi.mocked(escapedTextEquals).mockClear();
    for (const [written, text] of ESCAPED_TEXT_CASES) {
      readText(reader, bytesOf(`{"${written}":1}`));
      reader.textEquals(u8(text));
    }
    expect(
      vi.mocked(escapedTextEquals).mock.calls.length,
      'textEquals() still hands escaped names to the given escapedTextEquals: decode one escape at a time yourself (in src/json-reader.ts) and compare the UTF-8 bytes it stands for',
    ).toBe(0);
  });

  it('decodes one-letter escapes, \\uXXXX in either case and surrogate pairs; a lone surrogate equals nothing', async () => {
    const reader = await newReader();
    const wrong = textEqualsMistakes(reader, ESCAPED_TEXT_CASES);
    const rule =
      'decode each escape and compare the UTF-8 bytes it stands for; a \\uD83D\\uDE00 pair is one code point (4 UTF-8 bytes); a lone surrogate never equals valid UTF-8';
    expect(wrong, `textEquals() answered wrong: ${rule}`).toEqual([]);
  });

  it('equals the unescaped text of any string however it is escaped, and nothing else', async () => {
    const reader = await newReader();
    const wellFormed = fc.string({ unit: 'grapheme', maxLength: 12 });
    const other = (s: string) =>
      fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(`${s}x`, s.slice(0, -1), s.toUpperCase(), `\u0000${s}`));
    fc.assert(
      fc.property(
        wellFormed.chain((s) => fc.tuple(fc.constant(s), other(s), fc.integer())),
        ([s, t, seed]) => {
          const doc = bytesOf(spell({ [s]: s }, seed));
          const check = () => {
            const where = `the ${tokenName(reader.tokenType)} of ${showBytes(doc)}`;
            if (!reader.textEquals(u8(s)))
              throw new Error(`textEquals(u8(${JSON.stringify(s)})) should be true for ${where}: decode its escapes as you compare`);
            const expected = sameBytes(u8(s), u8(t));
            if (reader.textEquals(u8(t)) !== expected) throw new Error(`textEquals(u8(${JSON.stringify(t)})) should be ${expected} for ${where}`);
          };
          readText(reader, doc); // the property name
          check();
          if (reader.read() !== Token.String) throw new Error(`Expected the String value after the name in ${showBytes(doc)}`);
          check(); // the same text as a string value
        },
      ),
      { numRuns: 500 },
    );
  });

  it('allocates nothing comparing escaped names', async () => {
    const reader = await newReader();
    const doc = bytesOf('{"item\\u0043ount":1,"\\u0074imestamp":2,"caf\\u00e9\\n":3,"\\uD83D\\uDE00":4}');
    const names = [u8('itemCount'), u8('timestamp'), u8('café\n'), u8('😀')];
    const COMPARISONS = 16;
    const compareAll = () => {
      let equal = 0;
      reader.reset(doc);
      for (let type = reader.read(); type !== Token.EndOfDocument && type !== Token.Error; type = reader.read()) {
        if (type !== Token.PropertyName) continue;
        for (let k = 0; k < COMPARISONS / names.length; k++) for (const name of names) if (reader.textEquals(name)) equal++;
      }
      return equal;
    };
    expect(compareAll(), 'Each escaped name of the document equals its own text, 4 times').toBe(4 * (COMPARISONS / names.length));
    const measured = measureBytesPerOpWithin(compareAll, 64, { minIterations: 16, maxWindowMs: 100 });
    expect(
      measured.bytesPerOp,
      `${4 * COMPARISONS} comparisons of escaped names allocated ${measured.bytesPerOp.toFixed(0)} B: compare in place, one escape at a time — no decoded string, no subarray(), no array of code points`,
    ).toBeLessThanOrEqual(64);
  });
});
