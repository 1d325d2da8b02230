/**
 * What lab 03's readers need to know about the bytes of a JSON document, given once: whitespace, digits,
 * the escape letters, hex digits, Unicode's table of well-formed UTF-8 sequences, comparing an escaped
 * string with pre-encoded UTF-8 in place (`escapedTextEquals`: `"item\u0043ount"` is `itemCount`, a
 * `\uD83D\uDE00` pair is one code point) and numbers exactly as JSON.parse reads them (`readNumber`: plain
 * integers from the bytes, the rare spellings through `numberFromText`). Nothing here allocates, except
 * numberFromText.
 *
 * The readable twin of this code is json-reference-reader.ts (the grammar) and `JSON.parse` itself; the
 * property tests in test/json-given.test.ts hold them together.
 */
import { Char } from './json-bytes.ts';

/**
 * skipWhitespace(bytes, i): number — the index of the first byte at or after `i` that is not JSON
 * whitespace (space, tab, LF, CR — nothing else); `bytes.length` when only whitespace is left.
 */
export function skipWhitespace(bytes: Uint8Array, i: number): number {
  const length = bytes.length;
  while (i < length) {
    const b = bytes[i]!;
    if (b > Char.Space || (b !== Char.Space && b !== Char.LineFeed && b !== Char.CarriageReturn && b !== Char.Tab)) break;
    i++;
  }
  return i;
}

/** Whether `b` is an ASCII digit 0-9. */
export const isDigit = (b: number): boolean => b >= Char.Digit0 && b <= Char.Digit9;

const isContinuation = (b: number) => (b & 0xc0) === 0x80;

/** The value of a hex digit (0-9, a-f, A-F), or -1. */
export function hexValue(b: number): number {
  if (b >= Char.Digit0 && b <= Char.Digit9) return b - Char.Digit0;
  const lower = b | 0x20;
  return lower >= Char.LowerA && lower <= Char.LowerF ? lower - Char.LowerA + 10 : -1;
}

/** What each one-letter escape stands for, by the letter after `\` (0: not an escape letter); `u` is apart. */
export const ESCAPED_BYTE = new Uint8Array(256);
for (const [letter, byte] of [
  ['"', 0x22],
  ['\\', 0x5c],
  ['/', 0x2f],
  ['b', 0x08],
  ['f', 0x0c],
  ['n', 0x0a],
  ['r', 0x0d],
  ['t', 0x09],
] as const) {
  ESCAPED_BYTE[letter.charCodeAt(0)] = byte;
}

/**
 * Size of the well-formed UTF-8 sequence whose lead byte `lead` (≥ 0x80) is at `j`, or 0 when it is
 * ill-formed: a stray continuation byte, an overlong form, a surrogate, above U+10FFFF, or cut short
 * (Unicode's table 3-7).
 */
export function utf8SequenceSize(bytes: Uint8Array, j: number, lead: number): number {
  const length = bytes.length;
  if (lead < 0xc2) return 0;
  if (lead < 0xe0) return j + 1 < length && isContinuation(bytes[j + 1]!) ? 2 : 0;
  if (lead < 0xf0) {
    if (j + 2 >= length) return 0;
    const b1 = bytes[j + 1]!;
    const ok = lead === 0xe0 ? b1 >= 0xa0 && b1 <= 0xbf : lead === 0xed ? b1 >= 0x80 && b1 <= 0x9f : isContinuation(b1);
    return ok && isContinuation(bytes[j + 2]!) ? 3 : 0;
  }
  if (lead < 0xf5) {
    if (j + 3 >= length) return 0;
    const b1 = bytes[j + 1]!;
    const ok = lead === 0xf0 ? b1 >= 0x90 && b1 <= 0xbf : lead === 0xf4 ? b1 >= 0x80 && b1 <= 0x8f : isContinuation(b1);
    return ok && isContinuation(bytes[j + 2]!) && isContinuation(bytes[j + 3]!) ? 4 : 0;
  }
  return 0;
}

/** Reads the 4 hex digits at `i` (already validated) as a UTF-16 code unit. */
function hex4(bytes: Uint8Array, i: number): number {
  return (hexValue(bytes[i]!) << 12) | (hexValue(bytes[i + 1]!) << 8) | (hexValue(bytes[i + 2]!) << 4) | hexValue(bytes[i + 3]!);
}

/**
 * escapedTextEquals(bytes, start, end, expected): boolean — whether the validated string text at
 * `start`..`end` (between the quotes, escapes still escaped), once unescaped, is exactly the UTF-8 text
 * `expected`. Decodes one escape at a time and compares the bytes it stands for in place: `\n` is one byte,
 * `\u0043` is `C`, a `\uD83D\uDE00` pair is one code point (four UTF-8 bytes), and a lone surrogate never
 * equals valid UTF-8 (false). Allocates nothing, never throws.
 */
export function escapedTextEquals(bytes: Uint8Array, start: number, end: number, expected: Uint8Array): boolean {
  let i = start;
  let k = 0;
  while (i < end) {
    const b = bytes[i]!;
    if (b !== Char.Backslash) {
      if (expected[k] !== b) return false;
      i++;
      k++;
      continue;
    }
    const letter = bytes[i + 1]!;
    if (letter !== Char.LowerU) {
      if (expected[k] !== ESCAPED_BYTE[letter]) return false;
      i += 2;
      k++;
      continue;
    }
    let codePoint = hex4(bytes, i + 2);
    i += 6;
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && i + 6 <= end && bytes[i] === Char.Backslash && bytes[i + 1] === Char.LowerU) {
      const low = hex4(bytes, i + 2);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (low - 0xdc00);
        i += 6;
      }
    }
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) return false; // a lone surrogate is not UTF-8 text
    k = matchCodePoint(expected, k, codePoint);
    if (k < 0) return false;
  }
  return k === expected.length;
}

/** Compares the UTF-8 encoding of `codePoint` with `expected` at `k`: the index after it, or -1. */
function matchCodePoint(expected: Uint8Array, k: number, codePoint: number): number {
  if (codePoint < 0x80) return expected[k] === codePoint ? k + 1 : -1;
  if (codePoint < 0x800) {
    return expected[k] === (0xc0 | (codePoint >> 6)) && expected[k + 1] === (0x80 | (codePoint & 0x3f)) ? k + 2 : -1;
  }
  if (codePoint < 0x10000) {
    return expected[k] === (0xe0 | (codePoint >> 12)) &&
      expected[k + 1] === (0x80 | ((codePoint >> 6) & 0x3f)) &&
      expected[k + 2] === (0x80 | (codePoint & 0x3f))
      ? k + 3
      : -1;
  }
  return expected[k] === (0xf0 | (codePoint >> 18)) &&
    expected[k + 1] === (0x80 | ((codePoint >> 12) & 0x3f)) &&
    expected[k + 2] === (0x80 | ((codePoint >> 6) & 0x3f)) &&
    expected[k + 3] === (0x80 | (codePoint & 0x3f))
    ? k + 4
    : -1;
}

/**
 * numberFromText(bytes, start, end): number — the value of the number token at `start`..`end`, exactly what
 * JSON.parse gives for its text: `Number()` on the token's ASCII bytes. Right for every spelling (fractions,
 * exponents, 30-digit integers, `1e400` → Infinity, `-0` → -0) but it makes a string: keep it for the rare
 * forms. Never throws on a token read() accepted.
 */
export function numberFromText(bytes: Uint8Array, start: number, end: number): number {
  return Number(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1'));
}

/**
 * readNumber(bytes, start, end): number — the value of the number token at `start`..`end`, exactly what
 * JSON.parse gives for its text, without a string on the common path: a plain integer of at most 15 digits
 * (`-`? digits; every step of `value * 10 + digit` is exact below 2^53) is accumulated from the bytes, `-0`
 * stays -0; a fraction, an exponent or a longer integer goes through numberFromText(). Never throws.
 */
export function readNumber(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = bytes[i] === Char.Minus;
  if (negative) i++;
  if (end - i > 15) return numberFromText(bytes, start, end);
  let value = 0;
  for (; i < end; i++) {
    const digit = bytes[i]! - Char.Digit0;
    if (digit < 0 || digit > 9) return numberFromText(bytes, start, end);
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}
