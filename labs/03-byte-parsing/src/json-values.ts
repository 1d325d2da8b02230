/**
 * What your reader does with a token's bytes once it has read it: compare a string with pre-encoded UTF-8
 * (`textEquals`, README step 3) and read a number exactly as JSON.parse would (`numberValue`), without
 * making a string. The byte tests below are given; json-reader.ts uses them too.
 */
import { Char } from '@hotpath/api';

export const isDigit = (b: number): boolean => b >= Char.Digit0 && b <= Char.Digit9;

/** The value of a hex digit, or -1. */
export function hexValue(b: number): number {
  if (b >= Char.Digit0 && b <= Char.Digit9) return b - Char.Digit0;
  const lower = b | 0x20;
  return lower >= Char.LowerA && lower <= Char.LowerF ? lower - Char.LowerA + 10 : -1;
}

/**
 * Whether the string text at `start`..`end` (between the quotes, escapes still escaped), once unescaped,
 * is exactly the UTF-8 text `expected` (e.g. `u8('itemCount')`).
 *
 * TODO (step 3): without escapes, compare lengths, then bytes. With escapes (`"item\u0043ount"` is
 * itemCount), decode one escape at a time and compare the UTF-8 bytes it stands for with `expected`, in
 * place: \n and friends are one byte; \uXXXX is a code unit (a \uD83D\uDE00 pair is one code point, four
 * UTF-8 bytes); a lone surrogate never equals valid UTF-8. Allocate nothing.
 */
export function textEquals(bytes: Uint8Array, start: number, end: number, hasEscapes: boolean, expected: Uint8Array): boolean {
  throw new Error('TODO (README step 3): write textEquals() in src/json-values.ts');
}

/**
 * The value of the number token at `start`..`end`, exactly what JSON.parse gives for its text.
 *
 * TODO (step 3): the common case is a plain integer (`-`? digits): accumulate `value * 10 + digit`
 * straight from the bytes. That is exact while it stays below 2^53 — decide how many digits you can
 * take this way. Anything else (a fraction, an exponent, a long integer) is rare in an ingest body: there,
 * Number() on the token's ASCII text is fine (e.g. `Buffer.from(bytes.buffer, bytes.byteOffset + start,
 * end - start).toString('latin1')`). `-0` must stay -0.
 */
export function numberValue(bytes: Uint8Array, start: number, end: number): number {
  throw new Error('TODO (README step 3): write numberValue() in src/json-values.ts');
}
