/**
 * Lab 03's going further, in the reference: the two pieces of byte work the core is given, written here
 * instead — comparing a string with escapes against pre-encoded UTF-8 (instead of the given
 * `escapedTextEquals`), and reading a number token's value (instead of the given `numberValue()`, which
 * goes through a string for every fraction and exponent). Both work in place on the document's bytes and
 * allocate nothing, except for a number that one floating-point operation cannot convert exactly (more
 * than 15 significant digits, or a power of ten beyond 10^22): that rare one goes to `Number()` as text.
 * The JSON.parse-exact rule is Clinger's fast path: an integer below 2^53 times or divided by an exactly
 * representable power of ten is one correctly rounded IEEE operation.
 */
import { Char } from '@hotpath/api';
// What each one-letter escape stands for, by the letter after the backslash (`u` is handled apart): the table
// the given reader uses too.
import { ESCAPED_BYTE } from '@hotpath/api/json-reader-base';

/** The value of one hex digit (already validated by the scanner). */
const hex = (b: number) => (b <= Char.Digit9 ? b - Char.Digit0 : (b | 0x20) - Char.LowerA + 10);

/** The UTF-16 code unit written as the four hex digits at `i`. */
const codeUnitAt = (bytes: Uint8Array, i: number) => (hex(bytes[i]!) << 12) | (hex(bytes[i + 1]!) << 8) | (hex(bytes[i + 2]!) << 4) | hex(bytes[i + 3]!);

/**
 * Whether the validated string text at `start`..`end` (between the quotes, escapes still escaped), once
 * unescaped, is exactly the UTF-8 `expected`. One escape at a time: a one-letter escape is one byte,
 * `\uXXXX` one code point compared as its UTF-8 bytes, a `\uD83D\uDE00` pair one four-byte code point; a
 * lone or reversed surrogate is not text, so it equals nothing.
 */
export function escapedEquals(bytes: Uint8Array, start: number, end: number, expected: Uint8Array): boolean {
  let k = 0;
  let i = start;
  while (i < end) {
    const b = bytes[i]!;
    if (b !== Char.Backslash) {
      if (expected[k++] !== b) return false;
      i++;
      continue;
    }
    const letter = bytes[i + 1]!;
    if (letter !== Char.LowerU) {
      if (expected[k++] !== ESCAPED_BYTE[letter]) return false;
      i += 2;
      continue;
    }
    let point = codeUnitAt(bytes, i + 2);
    i += 6;
    if (point >= 0xdc00 && point <= 0xdfff) return false; // a low surrogate with no high one before it
    if (point >= 0xd800 && point <= 0xdbff) {
      if (i + 6 > end || bytes[i] !== Char.Backslash || bytes[i + 1] !== Char.LowerU) return false;
      const low = codeUnitAt(bytes, i + 2);
      if (low < 0xdc00 || low > 0xdfff) return false;
      point = 0x10000 + ((point - 0xd800) << 10) + (low - 0xdc00);
      i += 6;
    }
    if (point < 0x80) {
      if (expected[k++] !== point) return false;
    } else if (point < 0x800) {
      if (expected[k] !== (0xc0 | (point >> 6)) || expected[k + 1] !== (0x80 | (point & 0x3f))) return false;
      k += 2;
    } else if (point < 0x10000) {
      if (expected[k] !== (0xe0 | (point >> 12)) || expected[k + 1] !== (0x80 | ((point >> 6) & 0x3f)) || expected[k + 2] !== (0x80 | (point & 0x3f)))
        return false;
      k += 3;
    } else {
      if (expected[k] !== (0xf0 | (point >> 18)) || expected[k + 1] !== (0x80 | ((point >> 12) & 0x3f))) return false;
      if (expected[k + 2] !== (0x80 | ((point >> 6) & 0x3f)) || expected[k + 3] !== (0x80 | (point & 0x3f))) return false;
      k += 4;
    }
  }
  return k === expected.length;
}

/** 10^0 .. 10^22: every one an exact double. */
const POWERS_OF_TEN = Float64Array.from({ length: 23 }, (_, n) => 10 ** n);

/** Significant digits a double holds exactly (every integer below 10^15 is below 2^53). */
const MAX_DIGITS = 15;

/**
 * The value of the validated number token at `start`..`end`, exactly as JSON.parse gives it for its text.
 * The significant digits are gathered into an integer and the decimal exponent counted (`12.5e1`: 125 and
 * 0); within 15 digits and 10^±22 that is one multiplication or division, correctly rounded. Zero keeps its
 * sign (`-0` is -0). Anything longer is the rare case: Number() on the token's text.
 */
export function numberAt(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = bytes[i] === Char.Minus;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0; // significant digits gathered: leading zeros do not count
  let exponent = 0;
  let b = bytes[i]!;
  for (; i < end && b >= Char.Digit0 && b <= Char.Digit9; b = bytes[++i]!) {
    if (digits > 0 || b !== Char.Digit0) {
      mantissa = mantissa * 10 + (b - Char.Digit0);
      digits++;
    }
  }
  if (i < end && b === Char.Dot) {
    for (b = bytes[++i]!; i < end && b >= Char.Digit0 && b <= Char.Digit9; b = bytes[++i]!) {
      if (digits > 0 || b !== Char.Digit0) {
        mantissa = mantissa * 10 + (b - Char.Digit0);
        digits++;
      }
      exponent--;
    }
  }
  if (i < end) {
    // e or E, a sign, digits (validated by the scanner); capped so a 400-digit exponent cannot overflow.
    b = bytes[++i]!;
    const negativeExponent = b === Char.Minus;
    if (b === Char.Minus || b === Char.Plus) i++;
    let power = 0;
    for (; i < end; i++) if (power < 100_000) power = power * 10 + (bytes[i]! - Char.Digit0);
    exponent += negativeExponent ? -power : power;
  }
  if (digits === 0) return negative ? -0 : 0;
  if (digits > MAX_DIGITS || exponent > 22 || exponent < -22) return Number(String.fromCharCode(...bytes.subarray(start, end)));
  const value = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent]! : mantissa / POWERS_OF_TEN[-exponent]!;
  return negative ? -value : value;
}
