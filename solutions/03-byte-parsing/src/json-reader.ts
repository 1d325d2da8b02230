/**
 * A pull reader over a JSON document's UTF-8 bytes: Node's take on .NET's Utf8JsonReader. `read()` returns
 * the next token (its bytes are `tokenStart`..`tokenEnd`), `skip()` passes over a whole value, and the
 * reader validates every byte it passes, RFC 8259 in full. It never makes a string, never throws on bad
 * input (an error is `Token.Error` with `errorCode` and `errorOffset`), never recurses, and allocates
 * nothing per document: one reader is built once and `reset()` for each body.
 *
 * read() is one loop over the grammar's named states (`State`); skip() is its fast path for the bulk of a
 * body, the same grammar with the state kept by where the code is. The states, the fields and the token
 * scanners (with their exact errors) are given (@hotpath/api/json-reader-base). The core leaves the
 * comparison of escaped text and numberValue() to the given code too; the reference does both itself, the
 * lab's going further (escapes-and-numbers.ts). The readable reference with the same token stream and
 * errors is @hotpath/api/json-reference; lab 03's property tests hold the two together.
 */
import { Char, JsonError, Token, type TokenType } from '@hotpath/api';
import { END, JsonReaderBase, State, skipWhitespace } from '@hotpath/api/json-reader-base';
import { escapedEquals, numberAt } from './escapes-and-numbers.ts';

export class JsonReader extends JsonReaderBase {
  /**
   * Reads the next token and returns its type; after the last one, EndOfDocument or Error, again and again.
   * The one loop over the grammar's states: `:` and `,` only move the state on, so it goes round again for
   * them; every value, name and bracket is returned.
   */
  read(): TokenType {
    const bytes = this.bytes;
    let i = this.position;
    for (;;) {
      i = skipWhitespace(bytes, i);
      const b = i < bytes.length ? bytes[i]! : END;
      switch (this.state) {
        case State.DocumentStart:
        case State.Value:
          return this.value(i, b);
        case State.ArrayStart:
          return b === Char.CloseBracket ? this.close(i) : this.value(i, b);
        // biome-ignore lint/suspicious/noFallthroughSwitchClause: an object's first token is a property name, read by the next case
        case State.ObjectStart:
          if (b === Char.CloseBrace) return this.close(i);
        // falls through: a property name
        case State.PropertyName: {
          if (b !== Char.Quote) return this.unexpected(i, b);
          const close = this.scanString(i);
          if (close < 0) return Token.Error;
          this.state = State.Colon;
          return this.token(Token.PropertyName, i + 1, close, close + 1);
        }
        case State.Colon:
          if (b !== Char.Colon) return this.unexpected(i, b);
          i++;
          this.state = State.Value;
          continue;
        case State.AfterValue:
          if (this.depth === 0) {
            if (b !== END) return this.fail(JsonError.TrailingData, i);
            this.state = State.Done;
            return this.token(Token.EndOfDocument, i, i, i);
          }
          if (b === Char.Comma) {
            i++;
            this.state = this.closers[this.depth] === Char.CloseBrace ? State.PropertyName : State.Value;
            continue;
          }
          return b === this.closers[this.depth] ? this.close(i) : this.unexpected(i, b);
        case State.Done:
          return Token.EndOfDocument;
        default:
          return Token.Error;
      }
    }
  }

  /** The value whose first byte `b` is at `i`: a container's opening bracket, or a whole scalar. */
  private value(i: number, b: number): TokenType {
    if (b === Char.OpenBrace || b === Char.OpenBracket) {
      if (this.depth >= this.maxDepth) return this.fail(JsonError.TooDeep, i);
      const object = b === Char.OpenBrace;
      this.closers[++this.depth] = object ? Char.CloseBrace : Char.CloseBracket;
      this.state = object ? State.ObjectStart : State.ArrayStart;
      return this.token(object ? Token.StartObject : Token.StartArray, i, i + 1, i + 1);
    }
    const end = this.scanScalar(i);
    if (end < 0) return Token.Error;
    this.state = State.AfterValue;
    const type = this.scalarType;
    return type === Token.String ? this.token(type, i + 1, end - 1, end) : this.token(type, i, end, end);
  }

  /** The closing bracket at `i` of the innermost open container (already checked against closers[depth]). */
  private close(i: number): TokenType {
    const type = this.closers[this.depth] === Char.CloseBrace ? Token.EndObject : Token.EndArray;
    this.depth--;
    this.state = State.AfterValue;
    return this.token(type, i, i + 1, i + 1);
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
    return this.skipContainer();
  }

  /**
   * skip()'s fast path, for the container just opened: the same grammar and errors as read(), but with the
   * state kept by where the code is — at a member (name, colon, value) or after one (`,` or closers) —
   * rather than in a variable, and nothing recorded until the container's end. Compact JSON runs straight
   * through it; the agreement tests hold it to the reference like read().
   */
  private skipContainer(): TokenType {
    const bytes = this.bytes;
    const length = bytes.length;
    const closers = this.closers;
    const outside = this.depth - 1;
    let depth = this.depth;
    let i = this.position;
    let b = i < length ? bytes[i]! : END;
    while (b === Char.Space || b === Char.LineFeed || b === Char.CarriageReturn || b === Char.Tab) b = ++i < length ? bytes[i]! : END;
    let opened = true; // just after an opening bracket, where its closer may come at once
    for (;;) {
      if (!opened || b !== closers[depth]) {
        if (closers[depth] === Char.CloseBrace) {
          // In an object: the member's name and colon come first.
          if (b !== Char.Quote) return this.unexpected(i, b);
          i = this.scanString(i);
          if (i < 0) return Token.Error;
          b = ++i < length ? bytes[i]! : END;
          while (b === Char.Space || b === Char.LineFeed || b === Char.CarriageReturn || b === Char.Tab) b = ++i < length ? bytes[i]! : END;
          if (b !== Char.Colon) return this.unexpected(i, b);
          b = ++i < length ? bytes[i]! : END;
          while (b === Char.Space || b === Char.LineFeed || b === Char.CarriageReturn || b === Char.Tab) b = ++i < length ? bytes[i]! : END;
        }
        if (b === Char.OpenBrace || b === Char.OpenBracket) {
          if (depth >= this.maxDepth) return this.fail(JsonError.TooDeep, i);
          closers[++depth] = b === Char.OpenBrace ? Char.CloseBrace : Char.CloseBracket;
          b = ++i < length ? bytes[i]! : END;
          while (b === Char.Space || b === Char.LineFeed || b === Char.CarriageReturn || b === Char.Tab) b = ++i < length ? bytes[i]! : END;
          opened = true;
          continue;
        }
        i = this.scanScalar(i); // a string, number or literal (or the error for any other byte)
        if (i < 0) return Token.Error;
        b = i < length ? bytes[i]! : END;
        while (b === Char.Space || b === Char.LineFeed || b === Char.CarriageReturn || b === Char.Tab) b = ++i < length ? bytes[i]! : END;
      }
      // After a value, or at the closer of an empty container: a comma, or as many closers as there are.
      opened = false;
      while (b !== Char.Comma) {
        if (b !== closers[depth]) return this.unexpected(i, b);
        if (--depth === outside) {
          this.depth = depth;
          this.state = State.AfterValue;
          return this.token(b === Char.CloseBrace ? Token.EndObject : Token.EndArray, i, i + 1, i + 1);
        }
        b = ++i < length ? bytes[i]! : END;
        while (b === Char.Space || b === Char.LineFeed || b === Char.CarriageReturn || b === Char.Tab) b = ++i < length ? bytes[i]! : END;
      }
      b = ++i < length ? bytes[i]! : END;
      while (b === Char.Space || b === Char.LineFeed || b === Char.CarriageReturn || b === Char.Tab) b = ++i < length ? bytes[i]! : END;
    }
  }

  /**
   * Whether the current string or property name, unescaped, is exactly `expected` (UTF-8 bytes, e.g. from
   * `u8('itemCount')`): the lengths, then the bytes; a name with escapes (`"item\u0043ount"`) is decoded as
   * it is compared (escapedEquals: going further, where the core calls the given escapedTextEquals).
   */
  textEquals(expected: Uint8Array): boolean {
    const bytes = this.bytes;
    const start = this.tokenStart;
    if (this.hasEscapes) return escapedEquals(bytes, start, this.tokenEnd, expected);
    if (this.tokenEnd - start !== expected.length) return false;
    for (let k = 0; k < expected.length; k++) if (bytes[start + k] !== expected[k]) return false;
    return true;
  }

  /** The current Number token's value, exactly as JSON.parse gives it, read from its bytes (going further: numberAt). */
  override numberValue(): number {
    return numberAt(this.bytes, this.tokenStart, this.tokenEnd);
  }
}
