/**
 * A pull reader over a JSON document's UTF-8 bytes: Node's take on .NET's Utf8JsonReader. `read()` returns
 * the next token (its bytes are `tokenStart`..`tokenEnd`), `skip()` passes over a whole value, and the
 * reader validates every byte it passes, RFC 8259 in full. It never makes a string, never throws on bad
 * input (an error is `Token.Error` with `errorCode` and `errorOffset`), never recurses, and allocates
 * nothing per document: one reader is built once and `reset()` for each body.
 *
 * The grammar is one loop over named states (`State`): what may come next. Byte tests use the named
 * constants of @hotpath/api's `Char` and two 256-entry tables built once. The readable reference with the
 * same token stream is @hotpath/api/json-reference; lab 03's property tests hold the two together.
 */
import { isUtf8 } from 'node:buffer';
import { Char, JsonError, MAX_JSON_DEPTH, Token, u8, type JsonErrorCode, type TokenType } from '@hotpath/api';
import { ESCAPED_BYTE, hexValue, isDigit, numberValue, textEquals, utf8SequenceSize } from './json-values.ts';

/** Where the reader is in the grammar: what the next token may be. */
const State = {
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
type StateValue = (typeof State)[keyof typeof State];

/** Stands for "no byte": the document ended. */
const END = -1;

/** 1 for the bytes a string can hold as they are: 0x20..0x7F except `"` and `\`. */
const PLAIN_STRING_BYTE = new Uint8Array(256);
for (let b = 0x20; b < 0x80; b++) PLAIN_STRING_BYTE[b] = b === Char.Quote || b === Char.Backslash ? 0 : 1;

const TRUE = u8('true');
const FALSE = u8('false');
const NULL = u8('null');
const EMPTY = new Uint8Array(0);

export class JsonReader {
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

  private bytes: Uint8Array = EMPTY;
  private state: StateValue = State.DocumentStart;
  /**
   * Whether the whole document is well-formed UTF-8, checked once by Node's native (SIMD) validator. When
   * it is, strings are scanned without decoding their multi-byte sequences; when not, byte by byte, to
   * report the first bad sequence where it is.
   */
  private wellFormedUtf8 = true;
  /** The closing byte each open container expects, by depth (index 1 is the top-level container). */
  private readonly closers: Uint8Array;

  constructor(readonly maxDepth: number = MAX_JSON_DEPTH) {
    this.closers = new Uint8Array(maxDepth + 1);
  }

  /** Starts reading `bytes` from the beginning. Nothing is allocated: keep one reader and reset it. */
  reset(bytes: Uint8Array): this {
    this.bytes = bytes;
    this.wellFormedUtf8 = isUtf8(bytes);
    this.position = 0;
    this.state = State.DocumentStart;
    this.depth = 0;
    this.tokenType = Token.None;
    this.tokenStart = 0;
    this.tokenEnd = 0;
    this.hasEscapes = false;
    this.errorCode = JsonError.None;
    this.errorOffset = -1;
    return this;
  }

  /** Reads the next token and returns its type; after the last one, EndOfDocument or Error, again and again. */
  read(): TokenType {
    return this.advance(this.maxDepth);
  }

  /**
   * Skips the current token's whole value: after a PropertyName, its value; after StartObject or StartArray,
   * everything up to and including the matching end. Every skipped byte is still validated. Returns the type
   * of the last token read (Error if the skipped part is invalid).
   */
  skip(): TokenType {
    let type = this.tokenType;
    if (type === Token.PropertyName) type = this.read();
    if (type !== Token.StartObject && type !== Token.StartArray) return type;
    return this.advance(this.depth - 1);
  }

  /**
   * The one loop: moves through the grammar's states token by token, and returns the first token that
   * leaves at most `stopDepth` containers open (read() passes maxDepth: every token; skip() passes the depth
   * outside the container it skips). Tokens passed over are validated but not recorded.
   */
  private advance(stopDepth: number): TokenType {
    const bytes = this.bytes;
    const length = bytes.length;
    const closers = this.closers;
    let i = this.position;
    let state = this.state;
    let depth = this.depth;
    for (;;) {
      let b = END;
      while (i < length) {
        b = bytes[i]!;
        if (b > Char.Space || (b !== Char.Space && b !== Char.LineFeed && b !== Char.CarriageReturn && b !== Char.Tab)) break;
        b = END;
        i++;
      }
      let type: TokenType;
      let start = i;
      let end: number;
      switch (state) {
        case State.AfterValue:
          if (depth === 0) {
            if (b !== END) return this.fail(JsonError.TrailingData, i);
            this.state = State.Done;
            this.depth = 0;
            return this.token(Token.EndOfDocument, i, i, i);
          }
          if (b === Char.Comma) {
            i++;
            state = closers[depth] === Char.CloseBrace ? State.PropertyName : State.Value;
            continue;
          }
          if (b !== closers[depth]) return this.unexpected(i, b);
          depth--;
          type = b === Char.CloseBrace ? Token.EndObject : Token.EndArray;
          end = i + 1;
          break;
        case State.Colon:
          if (b !== Char.Colon) return this.unexpected(i, b);
          i++;
          state = State.Value;
          continue;
        case State.ObjectStart:
        case State.PropertyName:
          if (b === Char.Quote) {
            end = this.scanString(i);
            if (end < 0) return Token.Error;
            type = Token.PropertyName;
            start = i + 1;
            state = State.Colon;
            break;
          }
          if (b !== Char.CloseBrace || state !== State.ObjectStart) return this.unexpected(i, b);
          depth--;
          type = Token.EndObject;
          end = i + 1;
          state = State.AfterValue;
          break;
        case State.ArrayStart:
        case State.DocumentStart:
        case State.Value:
          if (b === Char.CloseBracket && state === State.ArrayStart) {
            depth--;
            type = Token.EndArray;
            end = i + 1;
            state = State.AfterValue;
            break;
          }
          state = State.AfterValue;
          if (b === Char.OpenBrace || b === Char.OpenBracket) {
            if (depth >= this.maxDepth) return this.fail(JsonError.TooDeep, i);
            const object = b === Char.OpenBrace;
            closers[++depth] = object ? Char.CloseBrace : Char.CloseBracket;
            type = object ? Token.StartObject : Token.StartArray;
            state = object ? State.ObjectStart : State.ArrayStart;
            end = i + 1;
          } else if (b === Char.Quote) {
            end = this.scanString(i);
            if (end < 0) return Token.Error;
            type = Token.String;
            start = i + 1;
          } else if (b === Char.Minus || isDigit(b)) {
            end = this.scanNumber(i);
            if (end < 0) return Token.Error;
            type = Token.Number;
          } else if (b === Char.LowerT) {
            end = this.scanLiteral(i, TRUE);
            if (end < 0) return Token.Error;
            type = Token.True;
          } else if (b === Char.LowerF) {
            end = this.scanLiteral(i, FALSE);
            if (end < 0) return Token.Error;
            type = Token.False;
          } else if (b === Char.LowerN) {
            end = this.scanLiteral(i, NULL);
            if (end < 0) return Token.Error;
            type = Token.Null;
          } else {
            return this.unexpected(i, b);
          }
          break;
        case State.Done:
          return Token.EndOfDocument;
        default:
          return Token.Error;
      }
      // A value or a closing bracket: return it, or go on when skipping deeper than stopDepth.
      const next = type === Token.String || type === Token.PropertyName ? end + 1 : end; // past the closing quote
      if (depth <= stopDepth) {
        this.state = state;
        this.depth = depth;
        return this.token(type, start, end, next);
      }
      i = next;
      // Compact JSON's common case, without a trip round the loop: the `:` or `,` right after the token.
      if (state === State.AfterValue) {
        if (bytes[i] === Char.Comma && depth > 0) {
          i++;
          state = closers[depth] === Char.CloseBrace ? State.PropertyName : State.Value;
        }
      } else if (state === State.Colon && bytes[i] === Char.Colon) {
        i++;
        state = State.Value;
      }
    }
  }

  /**
   * Whether the current string or property name, unescaped, is exactly `expected` (UTF-8 bytes, e.g. from
   * `u8('itemCount')`). Without escapes it compares bytes; `"item\u0043ount"` is decoded as it is compared.
   */
  textEquals(expected: Uint8Array): boolean {
    return textEquals(this.bytes, this.tokenStart, this.tokenEnd, this.hasEscapes, expected);
  }

  /** The current Number token's value, exactly as JSON.parse gives it (see numberValue in json-values.ts). */
  numberValue(): number {
    return numberValue(this.bytes, this.tokenStart, this.tokenEnd);
  }

  /**
   * Scans the string whose opening quote is at `i`: plain bytes in a tight loop, then the rare ones
   * (escapes, UTF-8 sequences, errors). Sets `hasEscapes`; answers the closing quote's index, or -1.
   */
  private scanString(i: number): number {
    const bytes = this.bytes;
    const length = bytes.length;
    let j = i + 1;
    let escapes = false;
    for (;;) {
      if (this.wellFormedUtf8) {
        // Every byte of 0x80 and above is part of a well-formed sequence: only " \\ and controls stop us.
        for (; j < length; j++) {
          const b = bytes[j]!;
          if (b === Char.Quote || b === Char.Backslash || b < Char.Space) break;
        }
      } else {
        while (j < length && PLAIN_STRING_BYTE[bytes[j]!] === 1) j++;
      }
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
  private escape(j: number): number {
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
  private scanNumber(i: number): number {
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
  private digits(j: number): number {
    const bytes = this.bytes;
    const length = bytes.length;
    if (j >= length) return this.fail(JsonError.UnexpectedEnd, length), -1;
    if (!isDigit(bytes[j]!)) return this.fail(JsonError.InvalidNumber, j), -1;
    j++;
    while (j < length && isDigit(bytes[j]!)) j++;
    return j;
  }

  /** Checks `true`, `false` or `null` at `i` (its first byte already matched); the index after it, or -1. */
  private scanLiteral(i: number, text: Uint8Array): number {
    const bytes = this.bytes;
    const length = bytes.length;
    for (let k = 1; k < text.length; k++) {
      if (i + k >= length) return this.fail(JsonError.UnexpectedEnd, length), -1;
      if (bytes[i + k] !== text[k]) return this.fail(JsonError.InvalidLiteral, i + k), -1;
    }
    return i + text.length;
  }

  private unexpected(i: number, b: number): TokenType {
    return this.fail(b === END ? JsonError.UnexpectedEnd : JsonError.UnexpectedByte, i);
  }

  private token(type: TokenType, start: number, end: number, next: number): TokenType {
    this.tokenType = type;
    this.tokenStart = start;
    this.tokenEnd = end;
    this.position = next;
    return type;
  }

  private fail(code: JsonErrorCode, offset: number): TokenType {
    this.errorCode = code;
    this.errorOffset = offset;
    this.state = State.Failed;
    this.tokenType = Token.Error;
    return Token.Error;
  }
}
