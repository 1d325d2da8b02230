/**
 * What every lab 03 pull reader starts from, given once: the grammar's named states (`State`: what may
 * come next), the reader's public fields (the current token, depth, error), `reset()`, the recorders
 * `token()`, `fail()` and `unexpected()`, the token scanners `scanScalar()` (any string, number or literal)
 * and `scanString()`, which validate one token and already report the exact error and byte offset the
 * rules of json-bytes.ts give, and `numberValue()`. The lab's starting code and its reference both extend
 * `JsonReaderBase` and add `read()`, `skip()` and `textEquals()` — the loop over the states; the tests read
 * only the public fields. The readable twin of the scanners is json-reference-reader.ts (`string`, `escape`, `number`,
 * `literal`); lab 03's agreement tests and test/json-given.test.ts hold the two together.
 */
import { isUtf8 } from 'node:buffer';
import { Char, JsonError, Token, u8, type JsonErrorCode, type TokenType } from './json-bytes.ts';
import { ESCAPED_BYTE, hexValue, isDigit, readNumber, utf8SequenceSize } from './json-text.ts';
import { MAX_JSON_DEPTH } from './limits.ts';

export { ESCAPED_BYTE, escapedTextEquals, isDigit, numberFromText, readNumber, skipWhitespace } from './json-text.ts';

/** Where a reader is in the grammar: what the next token may be. */
export const State = {
  /** The top-level value. */
  DocumentStart: 0,
  /** Just after `{`: a property name or `}`. */
  ObjectStart: 1,
  /** After `,` in an object: a property name. */
  PropertyName: 2,
  /** After a property name: `:`, then its value. */
  Colon: 3,
  /** Just after `[`: a value or `]`. */
  ArrayStart: 4,
  /** After `:` or after `,` in an array: a value. */
  Value: 5,
  /** After a value: `,`, the open container's closing bracket, or (at depth 0) the end of the document. */
  AfterValue: 6,
  /** EndOfDocument was returned. */
  Done: 7,
  /** Error was returned. */
  Failed: 8,
} as const;
export type StateValue = (typeof State)[keyof typeof State];

/** Stands for "no byte": the document ended. */
export const END = -1;

const EMPTY = new Uint8Array(0);

/** 1 for the bytes a string can hold as they are: 0x20..0x7F except `"` and `\`. */
const PLAIN_STRING_BYTE = new Uint8Array(256);
for (let b = 0x20; b < 0x80; b++) PLAIN_STRING_BYTE[b] = b === Char.Quote || b === Char.Backslash ? 0 : 1;

const TRUE = u8('true');
const FALSE = u8('false');
const NULL = u8('null');

/**
 * The given half of a pull reader: its fields, reset(), the recorders, the token scanners and numberValue().
 * A subclass adds `read()` (the loop over `State`), `skip()` and `textEquals()`; everything here is
 * allocation-free and never throws.
 */
export class JsonReaderBase {
  /** The type of the token read last. */
  tokenType: TokenType = Token.None;
  /** Its bytes: the text between the quotes for strings and names, the token itself otherwise. */
  tokenStart = 0;
  tokenEnd = 0;
  /** True when the current string or property name contains backslash escapes. */
  hasEscapes = false;
  /** Containers open after the current token: 1 after the top-level `{`, 0 after its `}`. */
  depth = 0;
  /** Why the document is invalid, once `read()` has returned Token.Error. */
  errorCode: JsonErrorCode = JsonError.None;
  /** Where (a byte offset), or -1. */
  errorOffset = -1;
  /** The next byte to read. */
  position = 0;

  protected bytes: Uint8Array = EMPTY;
  protected state: StateValue = State.DocumentStart;
  /**
   * What each open container is, by depth (index 1 is the top-level container): the byte that closes it
   * (`Char.CloseBrace` or `Char.CloseBracket`), so a `,` or a closing bracket can be checked against it.
   */
  protected readonly closers: Uint8Array;
  /**
   * Whether the whole document is well-formed UTF-8, checked once in reset() by Node's native (SIMD)
   * `isUtf8()`. When it is, scanString() passes multi-byte sequences without decoding them; when not, it
   * checks them one by one, to report the first bad sequence where it is.
   */
  protected wellFormedUtf8 = true;
  /** The token type of the value scanScalar() passed last: String, Number, True, False or Null. */
  protected scalarType: TokenType = Token.None;

  /** The deepest nesting read() accepts: opening level `maxDepth + 1` is a TooDeep error. */
  readonly maxDepth: number;

  constructor(maxDepth: number = MAX_JSON_DEPTH) {
    this.maxDepth = maxDepth;
    this.closers = new Uint8Array(maxDepth + 1);
  }

  /** Starts reading `bytes` from the beginning. Nothing is allocated: keep one reader and reset it. */
  reset(bytes: Uint8Array): this {
    this.bytes = bytes;
    this.position = 0;
    this.state = State.DocumentStart;
    this.depth = 0;
    this.tokenType = Token.None;
    this.tokenStart = 0;
    this.tokenEnd = 0;
    this.hasEscapes = false;
    this.errorCode = JsonError.None;
    this.errorOffset = -1;
    this.wellFormedUtf8 = isUtf8(bytes);
    return this;
  }

  /** Records a token (its bytes are start..end) and where reading goes on (`next`); returns its type. */
  protected token(type: TokenType, start: number, end: number, next: number): TokenType {
    this.tokenType = type;
    this.tokenStart = start;
    this.tokenEnd = end;
    this.position = next;
    return type;
  }

  /** Records an error: from now on read() returns Token.Error. */
  protected fail(code: JsonErrorCode, offset: number): TokenType {
    this.errorCode = code;
    this.errorOffset = offset;
    this.state = State.Failed;
    this.tokenType = Token.Error;
    return Token.Error;
  }

  /** The error for byte `b` at `i` where it cannot go: UnexpectedEnd when the bytes ran out, else UnexpectedByte. */
  protected unexpected(i: number, b: number): TokenType {
    return this.fail(b === END ? JsonError.UnexpectedEnd : JsonError.UnexpectedByte, i);
  }

  /** The current Number token's value, exactly as JSON.parse gives it (readNumber in json-text.ts). */
  numberValue(): number {
    return readNumber(this.bytes, this.tokenStart, this.tokenEnd);
  }

  /**
   * Scans the string, number or literal that starts at `i`, chosen by its first byte (`"`; `-` or a digit;
   * `t`, `f` or `n`): the index after it — for a string, after its closing quote — with its token type in
   * `scalarType`; or -1 with the error recorded (UnexpectedByte, or UnexpectedEnd past the end, when no
   * value starts at `i`).
   */
  protected scanScalar(i: number): number {
    const b = i < this.bytes.length ? this.bytes[i]! : END;
    if (b === Char.Quote) {
      this.scalarType = Token.String;
      const close = this.scanString(i);
      return close < 0 ? -1 : close + 1;
    }
    if (b === Char.Minus || isDigit(b)) {
      this.scalarType = Token.Number;
      return this.scanNumber(i);
    }
    if (b === Char.LowerT || b === Char.LowerF || b === Char.LowerN) {
      this.scalarType = b === Char.LowerT ? Token.True : b === Char.LowerF ? Token.False : Token.Null;
      return this.scanLiteral(i);
    }
    return (this.unexpected(i, b), -1);
  }

  /**
   * Scans the string whose opening quote is at `i`: the index of its closing quote, or -1 when it is invalid
   * (the error is recorded: UnexpectedEnd, ControlCharacter, InvalidEscape or InvalidUtf8, at its byte).
   * Sets `hasEscapes`. A string token spans `i + 1`..closing quote; reading goes on after the quote.
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
      if (j >= length) return (this.fail(JsonError.UnexpectedEnd, length), -1);
      const b = bytes[j]!;
      if (b === Char.Quote) break;
      if (b === Char.Backslash) {
        j = this.escape(j);
        if (j < 0) return -1;
        escapes = true;
      } else if (b < Char.Space) {
        return (this.fail(JsonError.ControlCharacter, j), -1);
      } else {
        const size = utf8SequenceSize(bytes, j, b);
        if (size === 0) return (this.fail(JsonError.InvalidUtf8, j), -1);
        j += size;
      }
    }
    this.hasEscapes = escapes;
    return j;
  }

  /** Validates the escape whose backslash is at `j`; the index after it, or -1 (the error is recorded). */
  private escape(j: number): number {
    const bytes = this.bytes;
    const length = bytes.length;
    if (j + 1 >= length) return (this.fail(JsonError.UnexpectedEnd, length), -1);
    const letter = bytes[j + 1]!;
    if (ESCAPED_BYTE[letter] !== 0) return j + 2;
    if (letter !== Char.LowerU) return (this.fail(JsonError.InvalidEscape, j + 1), -1);
    for (let k = j + 2; k < j + 6; k++) {
      if (k >= length) return (this.fail(JsonError.UnexpectedEnd, length), -1);
      if (hexValue(bytes[k]!) < 0) return (this.fail(JsonError.InvalidEscape, k), -1);
    }
    return j + 6;
  }

  /**
   * Scans the number whose first byte (`-` or a digit) is at `i`: the index after it, or -1 when it is
   * invalid (the error is recorded: InvalidNumber or UnexpectedEnd, at its byte). A number token spans
   * `i`..that index, and reading goes on there.
   */
  protected scanNumber(i: number): number {
    const bytes = this.bytes;
    const length = bytes.length;
    let j = i;
    let b = bytes[j]!;
    if (b === Char.Minus) b = ++j < length ? bytes[j]! : END;
    if (b === Char.Digit0) {
      b = ++j < length ? bytes[j]! : END;
      if (isDigit(b)) return (this.fail(JsonError.InvalidNumber, j), -1); // no leading zeros
    } else {
      if (!isDigit(b)) return (this.fail(b === END ? JsonError.UnexpectedEnd : JsonError.InvalidNumber, j), -1);
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
  private digits(j: number): number {
    const bytes = this.bytes;
    const length = bytes.length;
    if (j >= length) return (this.fail(JsonError.UnexpectedEnd, length), -1);
    if (!isDigit(bytes[j]!)) return (this.fail(JsonError.InvalidNumber, j), -1);
    j++;
    while (j < length && isDigit(bytes[j]!)) j++;
    return j;
  }

  /**
   * Scans `true`, `false` or `null`, chosen by its first byte (`t`, `f` or `n`) at `i`: the index after it,
   * or -1 (the error is recorded: InvalidLiteral at the first byte that differs, or UnexpectedEnd). The token
   * spans `i`..that index.
   */
  protected scanLiteral(i: number): number {
    const bytes = this.bytes;
    const length = bytes.length;
    const first = bytes[i];
    const text = first === Char.LowerT ? TRUE : first === Char.LowerF ? FALSE : NULL;
    for (let k = 1; k < text.length; k++) {
      if (i + k >= length) return (this.fail(JsonError.UnexpectedEnd, length), -1);
      if (bytes[i + k] !== text[k]) return (this.fail(JsonError.InvalidLiteral, i + k), -1);
    }
    return i + text.length;
  }
}
