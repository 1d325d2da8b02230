/**
 * The byte-level half of lab 03's reader: on the given JsonReaderBase (the grammar's states, the fields,
 * reset, token and fail, in @hotpath/api/json-reader-base), one scanner per kind of token (string, number, literal) that returns the index after the token or records the error
 * (a JsonError code and the byte offset) and returns -1. json-reader.ts builds read() and skip() on it.
 * Byte tests use the named constants of @hotpath/api's `Char`; nothing here allocates.
 */
import { isUtf8 } from 'node:buffer';
import { Char, JsonError, u8 } from '@hotpath/api';
import { END, JsonReaderBase } from '@hotpath/api/json-reader-base';
import { ESCAPED_BYTE, hexValue, isDigit, utf8SequenceSize } from './json-values.ts';

/** 1 for the bytes a string can hold as they are: 0x20..0x7F except `"` and `\`. */
const PLAIN_STRING_BYTE = new Uint8Array(256);
for (let b = 0x20; b < 0x80; b++) PLAIN_STRING_BYTE[b] = b === Char.Quote || b === Char.Backslash ? 0 : 1;

const TRUE = u8('true');
const FALSE = u8('false');
const NULL = u8('null');

/** The literal whose first byte is `b` (`t`, `f` or `n`): its bytes, for scanLiteral(). */
export function literalText(b: number): Uint8Array {
  return b === Char.LowerT ? TRUE : b === Char.LowerF ? FALSE : NULL;
}

/** The index of the first byte at or after `i` that is not JSON whitespace (space, tab, LF, CR). */
export function skipWhitespace(bytes: Uint8Array, i: number): number {
  const length = bytes.length;
  while (i < length) {
    const b = bytes[i]!;
    if (b > Char.Space || (b !== Char.Space && b !== Char.LineFeed && b !== Char.CarriageReturn && b !== Char.Tab)) break;
    i++;
  }
  return i;
}

/** The reader's state and its token scanners; JsonReader (json-reader.ts) adds read() and skip(). */
export class JsonScanner extends JsonReaderBase {
  /**
   * Whether the whole document is well-formed UTF-8, checked once by Node's native (SIMD) validator. When
   * it is, strings are scanned without decoding their multi-byte sequences; when not, byte by byte, to
   * report the first bad sequence where it is.
   */
  protected wellFormedUtf8 = true;

  override reset(bytes: Uint8Array): this {
    super.reset(bytes);
    this.wellFormedUtf8 = isUtf8(bytes);
    return this;
  }

  /**
   * Scans the string whose opening quote is at `i`: plain bytes in a tight loop, then the rare ones
   * (escapes, UTF-8 sequences, errors). Sets `hasEscapes`; answers the closing quote's index, or -1.
   */
  protected scanString(i: number): number {
    const bytes = this.bytes;
    const length = bytes.length;
    let j = i + 1;
    if (this.wellFormedUtf8) {
      // The common string: plain bytes up to the closing quote. Every byte of 0x80 and above is part of a
      // well-formed sequence here, so only a quote, a backslash or a control byte stops the loop.
      for (; j < length; j++) {
        const b = bytes[j]!;
        if (b === Char.Quote) {
          this.hasEscapes = false;
          return j;
        }
        if (b === Char.Backslash || b < Char.Space) break;
      }
    }
    return this.scanRestOfString(j);
  }

  /** The rest of a string from `j`, byte by byte: escapes, controls, UTF-8 sequences and the end. */
  private scanRestOfString(j: number): number {
    const bytes = this.bytes;
    const length = bytes.length;
    let escapes = false;
    for (;;) {
      while (j < length && PLAIN_STRING_BYTE[bytes[j]!] === 1) j++;
      if (j >= length) return this.fail(JsonError.UnexpectedEnd, length), -1;
      const b = bytes[j]!;
      if (b === Char.Quote) break;
      if (b === Char.Backslash) {
        j = this.escape(j);
        if (j < 0) return -1;
        escapes = true;
      } else if (b < Char.Space) {
        return this.fail(JsonError.ControlCharacter, j), -1;
      } else {
        const size = utf8SequenceSize(bytes, j, b);
        if (size === 0) return this.fail(JsonError.InvalidUtf8, j), -1;
        j += size;
      }
    }
    this.hasEscapes = escapes;
    return j;
  }

  /** Validates the escape whose backslash is at `j`; the index after it, or -1 (the error is recorded). */
  protected escape(j: number): number {
    const bytes = this.bytes;
    const length = bytes.length;
    if (j + 1 >= length) return this.fail(JsonError.UnexpectedEnd, length), -1;
    const letter = bytes[j + 1]!;
    if (ESCAPED_BYTE[letter] !== 0) return j + 2;
    if (letter !== Char.LowerU) return this.fail(JsonError.InvalidEscape, j + 1), -1;
    for (let k = j + 2; k < j + 6; k++) {
      if (k >= length) return this.fail(JsonError.UnexpectedEnd, length), -1;
      if (hexValue(bytes[k]!) < 0) return this.fail(JsonError.InvalidEscape, k), -1;
    }
    return j + 6;
  }

  /** Scans the number starting at `i` (a `-` or a digit); the index after it, or -1. */
  protected scanNumber(i: number): number {
    const bytes = this.bytes;
    const length = bytes.length;
    let j = i;
    let b = bytes[j]!;
    if (b === Char.Minus) b = ++j < length ? bytes[j]! : END;
    if (b === Char.Digit0) {
      b = ++j < length ? bytes[j]! : END;
      if (isDigit(b)) return this.fail(JsonError.InvalidNumber, j), -1; // no leading zeros
    } else {
      if (!isDigit(b)) return this.fail(b === END ? JsonError.UnexpectedEnd : JsonError.InvalidNumber, j), -1;
      do b = ++j < length ? bytes[j]! : END;
      while (isDigit(b));
    }
    if (b === Char.Dot) {
      j = this.digits(j + 1);
      if (j < 0) return -1;
      b = j < length ? bytes[j]! : END;
    }
    if (b === Char.LowerE || b === Char.UpperE) {
      j++;
      if (j < length && (bytes[j] === Char.Plus || bytes[j] === Char.Minus)) j++;
      j = this.digits(j);
    }
    return j;
  }

  /** One or more digits from `j` (the first is required); the index after them, or -1. */
  protected digits(j: number): number {
    const bytes = this.bytes;
    const length = bytes.length;
    if (j >= length) return this.fail(JsonError.UnexpectedEnd, length), -1;
    if (!isDigit(bytes[j]!)) return this.fail(JsonError.InvalidNumber, j), -1;
    j++;
    while (j < length && isDigit(bytes[j]!)) j++;
    return j;
  }

  /** Checks `true`, `false` or `null` at `i` (its first byte already matched); the index after it, or -1. */
  protected scanLiteral(i: number, text: Uint8Array): number {
    const bytes = this.bytes;
    const length = bytes.length;
    for (let k = 1; k < text.length; k++) {
      if (i + k >= length) return this.fail(JsonError.UnexpectedEnd, length), -1;
      if (bytes[i + k] !== text[k]) return this.fail(JsonError.InvalidLiteral, i + k), -1;
    }
    return i + text.length;
  }
}
