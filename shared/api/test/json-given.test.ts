/**
 * The given half of lab 03's reader (json-reader-base.ts, json-text.ts) against its readable twins. The
 * scanners (`scanScalar`, `scanString`) against the reference reader (json-reference-reader.ts): on any
 * scalar-looking bytes — strings with escapes, controls and UTF-8 of every kind, numbers, literals, and
 * mutations of them — the same end, token type, error code and error offset. `readNumber` and
 * `numberFromText` against JSON.parse, on every spelling. `escapedTextEquals` against decoding with
 * JSON.parse and comparing with TextEncoder's bytes. `skipWhitespace` against RFC 8259's four bytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonError, Token, type TokenType } from '../src/json-bytes.ts';
import { JsonReaderBase, escapedTextEquals, numberFromText, readNumber, skipWhitespace } from '../src/json-reader-base.ts';
import { readAllTokens } from '../src/json-reference-reader.ts';

const encoder = new TextEncoder();
const utf8 = (text: string) => encoder.encode(text);

/** A reader with nothing but the given half, scanning the scalar at the start of a document. */
class ScalarProbe extends JsonReaderBase {
  scan(bytes: Uint8Array): { end: number; type: TokenType; errorCode: number; errorOffset: number } {
    this.reset(bytes);
    const end = this.scanScalar(0);
    return { end, type: end < 0 ? Token.None : this.scalarType, errorCode: this.errorCode, errorOffset: this.errorOffset };
  }
}

/** What the reference says about the scalar at the start of `bytes`: the same shape as ScalarProbe.scan. */
function referenceScalar(bytes: Uint8Array): { end: number; type: TokenType; errorCode: number; errorOffset: number } {
  const reading = readAllTokens(bytes);
  const first = reading.tokens[0];
  if (first) return { end: first.type === Token.String ? first.end + 1 : first.end, type: first.type, errorCode: JsonError.None, errorOffset: -1 };
  return { end: -1, type: Token.None, errorCode: reading.errorCode, errorOffset: reading.errorOffset };
}

const piece = fc.oneof(
  fc.constantFrom(
    '"',
    '\\',
    '\\"',
    '\\n',
    '\\/',
    '\\u',
    '\\u00e9',
    '\\uD83D\\uDE00',
    '\\uZZ',
    '\\x',
    '\t',
    '\u0000',
    '\u001f',
    'é',
    '€',
    '😀',
    '\u2028',
    'a',
    ' ',
  ),
  fc.constantFrom('-', '0', '1', '9', '.', 'e', 'E', '+', 'true', 'false', 'null', 'tru', 'nul', 'x', ']', ','),
  fc.string({ maxLength: 3 }),
);
const bytePiece = fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f, 0x90);
/** Bytes that start like a scalar (or not), then anything: pieces of JSON text and stray UTF-8 bytes. */
const scalarish: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.constantFrom('"', '"', '"', '-', '0', '1', 't', 'f', 'n', 'x'),
    fc.array(
      fc.oneof(
        { weight: 4, arbitrary: piece.map(utf8) },
        bytePiece.map((b) => Uint8Array.of(b)),
      ),
      { maxLength: 12 },
    ),
  )
  .map(([first, rest]) => Uint8Array.from([...utf8(first), ...rest.flatMap((part) => [...part])]));

describe('the given scanners agree with the reference reader', () => {
  it('scanScalar: the same end, type, error code and offset on scalar-looking bytes', () => {
    const probe = new ScalarProbe();
    fc.assert(
      fc.property(scalarish, (bytes) => {
        expect(probe.scan(bytes), `scanScalar(0) of ${JSON.stringify(Buffer.from(bytes).toString('latin1'))}`).toEqual(referenceScalar(bytes));
      }),
      { numRuns: 5000 },
    );
  });

  it('scanString sets hasEscapes exactly when the string holds a backslash', () => {
    const probe = new ScalarProbe();
    for (const [text, escapes] of [
      ['"abc"', false],
      ['"a\\nb"', true],
      ['"é😀"', false],
      ['"\\u0041"', true],
      ['""', false],
    ] as const) {
      probe.scan(utf8(text));
      expect(probe.hasEscapes, text).toBe(escapes);
    }
  });

  it('checks UTF-8 the same way whether isUtf8() passed the whole document or not', () => {
    const probe = new ScalarProbe();
    // The same ill-formed string, once alone and once after a well-formed document part: same verdict.
    for (const bad of [
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe2, 0x82],
    ]) {
      const bytes = Uint8Array.from([0x22, 0x61, ...bad, 0x22]);
      expect(probe.scan(bytes), `"a${bad.map((b) => `\\x${b.toString(16)}`).join('')}"`).toEqual({
        end: -1,
        type: Token.None,
        errorCode: JsonError.InvalidUtf8,
        errorOffset: 2,
      });
    }
  });
});

/** Every spelling JSON.parse accepts, with what it gives: -0, exponents, 2^53 and beyond, 1e400, 5e-324. */
const NUMBERS = [
  '0',
  '-0',
  '-0.0',
  '0e0',
  '-0e-5',
  '7',
  '-12',
  '1e3',
  '1E+3',
  '1e-3',
  '1.0',
  '10e-1',
  '2.50e1',
  '0.1e1',
  '1.5',
  '-2.5e-3',
  '0.1',
  '0.30000000000000004',
  '1717171717171',
  '999999999999999',
  '-999999999999999',
  '9007199254740991',
  '-9007199254740991',
  '9007199254740992',
  '9007199254740993',
  '9007199254740995',
  '1234567890123456',
  '9999999999999999',
  '12345678901234567',
  '99999999999999999',
  '-12345678901234567890',
  '123456789012345678901234567890',
  '1.00000000000000001',
  '1e400',
  '-1e400',
  '1e-400',
  '5e-324',
  '2.4703282292062328e-324',
  '1.7976931348623157e308',
  '1e21',
  '4503599627370495.5',
];

describe('readNumber and numberFromText give what JSON.parse gives', () => {
  const same = (a: number, b: number) => Object.is(a, b);

  it.each(NUMBERS)('%s', (text) => {
    const bytes = utf8(` [${text}] `);
    expect(same(readNumber(bytes, 2, 2 + text.length), JSON.parse(text) as number), 'readNumber').toBe(true);
    expect(same(numberFromText(bytes, 2, 2 + text.length), JSON.parse(text) as number), 'numberFromText').toBe(true);
  });

  it('on random doubles in every spelling and integers of any length, in a view that does not start at its buffer', () => {
    const spelled = fc
      .tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 21 }))
      .map(([d, how, p]) => {
        const texts = [JSON.stringify(d), d.toExponential(), d.toExponential().toUpperCase(), d.toPrecision(p), d.toPrecision(p).replace('e', 'E')];
        return texts[how]!;
      });
    const integer = fc
      .oneof(
        fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
        fc.bigInt({ min: 2n ** 52n, max: 2n ** 58n }),
        fc.bigInt({ min: -(2n ** 58n), max: -(2n ** 52n) }),
      )
      .map(String);
    fc.assert(
      fc.property(fc.oneof(spelled, integer), (text) => {
        const view = utf8(`12345[${text}]`).subarray(5);
        expect(same(readNumber(view, 1, 1 + text.length), JSON.parse(text) as number), `readNumber of ${text}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('escapedTextEquals compares unescaped text with UTF-8, in place', () => {
  /** `text` as JSON string contents with every code unit (or some) as a \uXXXX escape, or a one-letter escape. */
  const escaped = (text: string, seed: number) =>
    [...text]
      .map((ch, k) => {
        const units = [...Array(ch.length).keys()].map((u) => ch.charCodeAt(u));
        if (units.some((u) => u >= 0xd800 && u <= 0xdfff && ch.length === 1) || (seed >> (k % 16)) & 1)
          return units.map((u) => `\\u${u.toString(16).padStart(4, '0')}`).join('');
        return JSON.stringify(ch).slice(1, -1);
      })
      .join('');

  it('equals the text JSON.parse reads from the string, and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 10 }), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.nat(), (text, other, seed) => {
        const contents = utf8(escaped(text, seed));
        const decoded = JSON.parse(`"${escaped(text, seed)}"`) as string;
        const wellFormed = !/\p{Surrogate}/u.test(decoded);
        // A lone surrogate equals no valid UTF-8; otherwise the text equals exactly its own UTF-8 bytes.
        expect(escapedTextEquals(contents, 0, contents.length, utf8(decoded)), `${escaped(text, seed)} vs its own text`).toBe(wellFormed);
        const otherBytes = utf8(other);
        const equal = wellFormed && Buffer.from(utf8(decoded)).equals(Buffer.from(otherBytes));
        expect(escapedTextEquals(contents, 0, contents.length, otherBytes), `${escaped(text, seed)} vs ${JSON.stringify(other)}`).toBe(equal);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('skipWhitespace', () => {
  it('skips exactly space, tab, LF and CR', () => {
    for (let b = 0; b < 256; b++) {
      const bytes = Uint8Array.of(0x20, b, 0x31);
      expect(skipWhitespace(bytes, 0), `byte 0x${b.toString(16)}`).toBe([0x20, 0x09, 0x0a, 0x0d].includes(b) ? 2 : 1);
    }
    expect(skipWhitespace(utf8(' \t\r\n'), 0)).toBe(4);
  });
});
