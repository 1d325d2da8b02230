/**
 * Step 3 — what the reader does with a token's bytes (src/json-values.ts, through JsonReader):
 * `textEquals(u8(...))` compares a string or property name, escapes decoded, with pre-encoded UTF-8 —
 * plain and escaped keys, `\/`, surrogate pairs against an emoji's UTF-8, lone surrogates that equal
 * nothing, wrong lengths and prefixes — and `numberValue()` gives exactly what JSON.parse gives for the
 * token's text, by example (-0, exponents, 2^53 and beyond, 1e400, 5e-324) and on random doubles and
 * integers of any length.
 */
import fc from 'fast-check';
import { Token, u8 } from '@hotpath/api';
import { describe, expect, it } from 'vitest';
import { spell } from './support/arbitraries.ts';
import { bytesOf, newReader, showBytes, tokenName, type JsonReader } from './support/subject.ts';

/** Reads `doc` up to its first String or PropertyName token. */
function readText(reader: JsonReader, doc: Uint8Array): void {
  reader.reset(doc);
  for (let k = 0; k < 4; k++) {
    const type = reader.read();
    if (type === Token.String || type === Token.PropertyName) return;
  }
  throw new Error(`Expected a string or property name in ${showBytes(doc)}: read() returned ${tokenName(reader.tokenType)}`);
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** [the text between the quotes, as written in JSON; the expected text; equal?] */
const TEXT_CASES: [string, string, boolean][] = [
  ['itemCount', 'itemCount', true], ['itemCount', 'itemcount', false], ['itemCount', 'itemCoun', false], ['itemCount', 'itemCounts', false],
  ['', '', true], ['', 'a', false], ['a', '', false],
  ['item\\u0043ount', 'itemCount', true], ['item\\u0043ount', 'itemCoun', false], ['item\\u0043ount', 'itemCounts', false],
  ['item\\u0063ount', 'itemCount', false], ['item\\u0043oun', 'itemCount', false], ['item\\u0043ount\\u0000', 'itemCount', false],
  ['item\\u0043ount\\u0000', 'itemCount\u0000', true],
  ['\\u0074\\u0069\\u006d\\u0065\\u0073\\u0074\\u0061\\u006d\\u0070', 'timestamp', true],
  ['\\u0074\\u0069\\u006D\\u0065\\u0073\\u0074\\u0061\\u006D\\u0070', 'timestamp', true],
  ['\\u0074\\u0069\\u006d\\u0065\\u0073\\u0074\\u0061\\u006d\\u0070', 'timestampx', false],
  ['a\\/b', 'a/b', true], ['a\\/b', 'a\\/b', false], ['\\"\\\\\\/\\b\\f\\n\\r\\t', '"\\/\b\f\n\r\t', true], ['ab\\n', 'ab', false], ['ab', 'ab\n', false],
  ['caf\\u00e9', 'café', true], ['\\u20AC', '€', true], ['café', 'cafe', false], ['😀', '😀', true],
  ['\\uD83D\\uDE00', '😀', true], ['\\ud83d\\ude00', '😀', true], ['x\\uD83D\\uDE00y', 'x😀y', true], ['\\uD83D\\uDE00', '😁', false],
  ['\\uD83D\\uDE00', '\uFFFD', false], ['\\uDE00\\uD83D', '😀', false], ['\\uDE00\\uD83D', '\uFFFD\uFFFD', false],
  ['\\uD800', '\uFFFD', false], ['\\uD800', '', false], ['\\uD83Dx', '\uFFFDx', false], ['\\uD83D', '\ud83d', false],
];

describe('textEquals()', () => {
  it.each(TEXT_CASES)('"%s" equals %j: %s', async (written, text, equal) => {
    const reader = await newReader();
    for (const doc of [`"${written}"`, `{"${written}":1}`]) {
      readText(reader, bytesOf(doc));
      const what = reader.tokenType === Token.String ? 'string' : 'property name';
      const rule = written.includes('\\uD') || written.includes('\\ud')
        ? 'a \\uD83D\\uDE00 pair is one code point (4 UTF-8 bytes); a lone surrogate never equals valid UTF-8'
        : written.includes('\\') ? 'decode each escape and compare the UTF-8 bytes it stands for' : 'compare the lengths, then the bytes';
      expect(reader.textEquals(u8(text)), `The ${what} ${doc} ${equal ? 'equals' : 'does not equal'} ${JSON.stringify(text)}: ${rule}`).toBe(equal);
    }
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

/** Reads the first Number token of `doc` and returns numberValue(). */
function firstNumber(reader: JsonReader, doc: Uint8Array): number {
  reader.reset(doc);
  for (let k = 0; k < 4; k++) if (reader.read() === Token.Number) return reader.numberValue();
  throw new Error(`Expected a number in ${showBytes(doc)}: read() returned ${tokenName(reader.tokenType)}`);
}

const NUMBERS = [
  '0', '-0', '-0.0', '0e0', '-0e-5', '7', '-12', '1e3', '1E+3', '1e-3', '1.0', '10e-1', '2.50e1', '0.1e1', '1.5', '-2.5e-3', '0.1', '0.30000000000000004',
  '9007199254740991', '-9007199254740991', '9007199254740992', '9007199254740993', '9007199254740995', '1234567890123456', '9999999999999999',
  '12345678901234567', '99999999999999999', '-12345678901234567890', '123456789012345678901234567890', '1.00000000000000001',
  '1e400', '-1e400', '1e-400', '5e-324', '2.4703282292062328e-324', '1.7976931348623157e308', '1e21', '4503599627370495.5',
];

describe('numberValue()', () => {
  it.each(NUMBERS)('%s is what JSON.parse gives', async (text) => {
    const reader = await newReader();
    const mine = firstNumber(reader, bytesOf(text));
    const expected = JSON.parse(text) as number;
    const hint = Object.is(expected, -0) ? ' (-0 must stay -0: negate the value, do not subtract it from 0)' : text.length > 16 ? ' (past 16 digits, value * 10 + digit is no longer exact: use Number() on the text)' : '';
    expect(Object.is(mine, expected), `numberValue() of ${text} is ${mine}; JSON.parse gives ${Object.is(expected, -0) ? '-0' : expected}${hint}`).toBe(true);
  });

  it('reads the token\'s own bytes in a view that does not start at the buffer\'s start', async () => {
    const reader = await newReader();
    const whole = bytesOf('99999[ 123.5e1 ,-0, 12345678901234567 ]99999');
    const view = whole.subarray(5, whole.length - 5);
    reader.reset(view);
    reader.read();
    const values: number[] = [];
    while (reader.read() === Token.Number) values.push(reader.numberValue());
    expect(values.map(String).concat(Object.is(values[1], -0) ? '-0' : '0'), 'tokenStart and tokenEnd index the Uint8Array you were given: add bytes.byteOffset when you go through bytes.buffer').toEqual(['1235', '0', '12345678901234568', '-0']);
  });

  it('equals JSON.parse on random doubles in every spelling, and on integers of any length', async () => {
    const reader = await newReader();
    const spelled = fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 21 })).map(([d, how, p]) => {
      const texts = [JSON.stringify(d), d.toExponential(), d.toExponential().toUpperCase(), d.toPrecision(p), d.toPrecision(p).replace('e', 'E')];
      return texts[how]!;
    });
    const integer = fc.oneof(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.bigInt({ min: 2n ** 52n, max: 2n ** 58n }), fc.bigInt({ min: -(2n ** 58n), max: -(2n ** 52n) })).map(String);
    fc.assert(
      fc.property(fc.oneof(spelled, integer), (text) => {
        const mine = firstNumber(reader, bytesOf(` [${text}] `));
        const expected = JSON.parse(text) as number;
        if (!Object.is(mine, expected)) throw new Error(`numberValue() of ${text} is ${mine}; JSON.parse gives ${expected}: return exactly JSON.parse's value`);
      }),
      { numRuns: 2000 },
    );
  });
});
