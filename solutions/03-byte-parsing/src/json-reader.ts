/**
 * A pull reader over a JSON document's UTF-8 bytes: Node's take on .NET's Utf8JsonReader. `read()` returns
 * the next token (its bytes are `tokenStart`..`tokenEnd`), `skip()` passes over a whole value, and the
 * reader validates every byte it passes, RFC 8259 in full. It never makes a string, never throws on bad
 * input (an error is `Token.Error` with `errorCode` and `errorOffset`), never recurses, and allocates
 * nothing per document: one reader is built once and `reset()` for each body.
 *
 * read() is one loop over the grammar's named states (`State`); skip() is its fast path for the bulk of a
 * body, the same grammar with the state kept by where the code is. The states and the fields are given
 * (@hotpath/api/json-reader-base); the token scanners (strings, numbers, literals) are in json-scan.ts; what a token's bytes mean (textEquals,
 * numberValue) in json-values.ts. The readable reference with the same token stream and errors is
 * @hotpath/api/json-reference; lab 03's property tests hold the two together.
 */
import { Char, JsonError, Token, type TokenType } from '@hotpath/api';
import { END, State } from '@hotpath/api/json-reader-base';
import { JsonScanner, literalText, skipWhitespace } from './json-scan.ts';
import { isDigit, numberValue, textEquals } from './json-values.ts';

export class JsonReader extends JsonScanner {
  /**
   * Reads the next token and returns its type; after the last one, EndOfDocument or Error, again and again.
   * The one loop over the grammar's states: `:` and `,` only move the state on, so it goes round again for
   * them; every value, name and bracket is returned.
   */
  read(): TokenType {
    const bytes = this.bytes;
    const length = bytes.length;
    const closers = this.closers;
    let i = this.position;
    let state = this.state;
    let depth = this.depth;
    for (;;) {
      i = skipWhitespace(bytes, i);
      const b = i < length ? bytes[i]! : END;
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
          } else if (b === Char.LowerT || b === Char.LowerF || b === Char.LowerN) {
            end = this.scanLiteral(i, literalText(b));
            if (end < 0) return Token.Error;
            type = b === Char.LowerT ? Token.True : b === Char.LowerF ? Token.False : Token.Null;
          } else {
            return this.unexpected(i, b);
          }
          break;
        case State.Done:
          return Token.EndOfDocument;
        default:
          return Token.Error;
      }
      this.state = state;
      this.depth = depth;
      return this.token(type, start, end, type === Token.String || type === Token.PropertyName ? end + 1 : end);
    }
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
        if (b === Char.Quote) {
          i = this.scanString(i);
          if (i < 0) return Token.Error;
          i++;
        } else if (b === Char.Minus || isDigit(b)) {
          i = this.scanNumber(i);
          if (i < 0) return Token.Error;
        } else if (b === Char.OpenBrace || b === Char.OpenBracket) {
          if (depth >= this.maxDepth) return this.fail(JsonError.TooDeep, i);
          closers[++depth] = b === Char.OpenBrace ? Char.CloseBrace : Char.CloseBracket;
          b = ++i < length ? bytes[i]! : END;
          while (b === Char.Space || b === Char.LineFeed || b === Char.CarriageReturn || b === Char.Tab) b = ++i < length ? bytes[i]! : END;
          opened = true;
          continue;
        } else if (b === Char.LowerT || b === Char.LowerF || b === Char.LowerN) {
          i = this.scanLiteral(i, literalText(b));
          if (i < 0) return Token.Error;
        } else {
          return this.unexpected(i, b);
        }
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
   * `u8('itemCount')`). Without escapes it compares bytes; `"item\u0043ount"` is decoded as it is compared.
   */
  textEquals(expected: Uint8Array): boolean {
    return textEquals(this.bytes, this.tokenStart, this.tokenEnd, this.hasEscapes, expected);
  }

  /** The current Number token's value, exactly as JSON.parse gives it (see numberValue in json-values.ts). */
  numberValue(): number {
    return numberValue(this.bytes, this.tokenStart, this.tokenEnd);
  }
}
