/**
 * Step 3 — `textEquals(u8(...))` (src/json-reader.ts) compares the current string or property name with
 * pre-encoded UTF-8, as C#'s `ValueTextEquals("itemCount"u8)` does: the same length and the same bytes, no
 * string made. A name with escapes goes to the given `escapedTextEquals` (two escaped names check that it
 * is called; every escape and surrogate case is going further: going-further/escapes.test.ts).
 * (numberValue() is given, in @hotpath/api/json-reader-base, and tested there.)
 */
import { u8 } from '@hotpath/api';
import { describe, expect, it } from 'vitest';
import { bytesOf, newReader, textEqualsMistakes } from './support/subject.ts';

/** [the text between the quotes, as written in JSON; the expected text; equal?] */
const TEXT_CASES: [string, string, boolean][] = [
  ['itemCount', 'itemCount', true],
  ['itemCount', 'itemcount', false],
  ['itemCount', 'itemCoun', false],
  ['itemCount', 'itemCounts', false],
  ['itemCount', 'timestamp', false],
  ['timestamp', 'timestamp', true],
  ['', '', true],
  ['', 'a', false],
  ['a', '', false],
  ['ab', 'ab\n', false],
  ['café', 'café', true],
  ['café', 'cafe', false],
  ['😀', '😀', true],
  ['😀', '😁', false],
  ['item\\u0043ount', 'itemCount', true],
  ['item\\u0043ount', 'itemCounts', false],
];

describe('textEquals()', () => {
  it('is true exactly when the string or name, unescaped, is the expected UTF-8', async () => {
    const reader = await newReader();
    const wrong = textEqualsMistakes(reader, TEXT_CASES);
    const rule = 'without escapes, compare the lengths (tokenEnd - tokenStart), then the bytes; with escapes, keep the given escapedTextEquals call';
    expect(wrong, `textEquals() answered wrong: ${rule}`).toEqual([]);
  });

  it("compares the bytes of a view that does not start at its buffer's start", async () => {
    const reader = await newReader();
    const whole = bytesOf('itemCount{"itemCount":1,"timestamp":2}timestamp');
    reader.reset(whole.subarray(9, whole.length - 9));
    reader.read();
    reader.read();
    expect(
      [reader.textEquals(u8('itemCount')), reader.textEquals(u8('timestamp'))],
      'tokenStart and tokenEnd index the Uint8Array you were given: compare bytes[tokenStart + k]',
    ).toEqual([true, false]);
  });
});
