/**
 * What lab 03's reader does with a token's bytes once it has read it — compare a string with pre-encoded
 * UTF-8 (`textEquals`, escapes decoded in place) and read a number exactly as JSON.parse would
 * (`numberValue`) — plus the byte tests its scanner shares: digits, hex digits, escape letters and
 * well-formed UTF-8 sequences. Nothing here allocates, except numberValue's rare path.
 */
import { Char } from '@hotpath/api';

export const isDigit = (b: number): boolean => b >= Char.Digit0 && b <= Char.Digit9;
const isContinuation = (b: number) => (b & 0xc0) === 0x80;

/** The value of a hex digit, or -1. */
export function hexValue(b: number): number {
  if (b >= Char.Digit0 && b <= Char.Digit9) return b - Char.Digit0;
  const lower = b | 0x20;
  return lower >= Char.LowerA && lower <= Char.LowerF ? lower - Char.LowerA + 10 : -1;
}

/** What each one-letter escape stands for (0: not an escape letter); `u` is handled apart. */
export const ESCAPED_BYTE = new Uint8Array(256);
for (const [letter, byte] of [['"', 0x22], ['\\', 0x5c], ['/', 0x2f], ['b', 0x08], ['f', 0x0c], ['n', 0x0a], ['r', 0x0d], ['t', 0x09]] as const) {
  ESCAPED_BYTE[letter.charCodeAt(0)] = byte;
}

/** Whether the string text at `start`..`end` (escapes undecoded), unescaped, is the UTF-8 text `expected`. */
export function textEquals(bytes: Uint8Array, start: number, end: number, hasEscapes: boolean, expected: Uint8Array): boolean {
  if (hasEscapes) return escapedTextEquals(bytes, start, end, expected);
  if (end - start !== expected.length) return false;
  for (let k = 0; k < expected.length; k++) if (bytes[start + k] !== expected[k]) return false;
  return true;
}

/**
 * The value of the number token at `start`..`end`, exactly as JSON.parse gives it. Integers of up to 16
 * digits (every safe integer, and the first unsafe ones) are computed from the bytes; fractions, exponents
 * and longer integers — rare in an ingest body — go through Number() on the token's ASCII text.
 */
export function numberValue(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = bytes[i] === Char.Minus;
  if (negative) i++;
  if (end - i <= 16) {
    let value = 0;
    for (; i < end; i++) {
      const digit = bytes[i]! - Char.Digit0;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit; // exact below 2^53, correctly rounded above (value * 10 stays exact)
    }
    if (i === end) return negative ? -value : value;
  }
  return Number(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1'));
}

/** Size of the well-formed UTF-8 sequence whose lead byte `lead` (≥ 0x80) is at `j`, or 0 (table 3-7). */
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
 * Whether the validated string text at `start`..`end`, with its escapes decoded, is the UTF-8 text
 * `expected`. Decodes one escape at a time and compares its UTF-8 encoding in place: nothing is allocated.
 */
function escapedTextEquals(bytes: Uint8Array, start: number, end: number, expected: Uint8Array): boolean {
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
