/**
 * The readable reference for lab 03's byte-level JSON reader: RFC 8259's grammar written as one small
 * function per rule (document, value, object, array, string, number, literal, UTF-8 sequence), reading a
 * Uint8Array and recording the token stream a pull reader must return, in order, with each token's byte
 * span — or the first error, as a code and a byte offset (the rules are in json-bytes.ts).
 *
 * It is written to be obviously right, not fast: it allocates a record per token and recurses once per
 * nesting level (bounded by `maxDepth`, so a 100,000-deep body is a TooDeep error, not a stack overflow).
 * Lab 03's property tests check that a fast reader returns exactly this stream on any input.
 */
import { Char, JsonError, Token, type JsonErrorCode, type TokenType } from './json-bytes.ts';
import { MAX_JSON_DEPTH } from './limits.ts';

/**
 * One token and its bytes. For strings and property names, `start`..`end` is the text between the quotes
 * (escapes still escaped); for containers, the bracket; for numbers and literals, the token itself; for
 * EndOfDocument, the empty span at the document's length.
 */
export interface TokenRecord {
  type: TokenType;
  start: number;
  end: number;
}

export interface ReferenceReading {
  /** Every token up to the first error; ends with EndOfDocument when the document is valid. */
  tokens: TokenRecord[];
  /** JsonError.None when the document is valid. */
  errorCode: JsonErrorCode;
  /** Byte offset of the error, -1 when valid. */
  errorOffset: number;
}

/** Reads a whole document the slow, readable way: every token, or the tokens before the first error. */
export function readAllTokens(bytes: Uint8Array, maxDepth: number = MAX_JSON_DEPTH): ReferenceReading {
  const reader = new ReferenceReader(bytes, maxDepth);
  reader.document();
  return { tokens: reader.tokens, errorCode: reader.errorCode, errorOffset: reader.errorOffset };
}

const LITERALS = [
  { first: Char.LowerT, text: 'true', type: Token.True },
  { first: Char.LowerF, text: 'false', type: Token.False },
  { first: Char.LowerN, text: 'null', type: Token.Null },
] as const;

/** The one-letter escapes after a backslash: \" \\ \/ \b \f \n \r \t. */
const SIMPLE_ESCAPES = new Set([...'"\\/bfnrt'].map((ch) => ch.charCodeAt(0)));

const isDigit = (b: number | undefined) => b !== undefined && b >= Char.Digit0 && b <= Char.Digit9;
const isHexDigit = (b: number | undefined) =>
  isDigit(b) || (b !== undefined && ((b >= Char.UpperA && b <= Char.UpperF) || (b >= Char.LowerA && b <= Char.LowerF)));
const isWhitespace = (b: number | undefined) => b === Char.Space || b === Char.Tab || b === Char.LineFeed || b === Char.CarriageReturn;
const inRange = (b: number | undefined, low: number, high: number) => b !== undefined && b >= low && b <= high;

/**
 * How many bytes the well-formed UTF-8 sequence at `i` takes (1 to 4), or 0 when it is ill-formed: a stray
 * continuation byte, an overlong form, a surrogate, a code point above U+10FFFF, or a sequence cut short.
 * The ranges are Unicode's table 3-7 ("well-formed UTF-8 byte sequences").
 */
export function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  const [b1, b2, b3] = [bytes[i + 1], bytes[i + 2], bytes[i + 3]];
  const cont = (b: number | undefined) => inRange(b, 0x80, 0xbf);
  if (lead < 0x80) return 1;
  if (lead < 0xc2) return 0; // a continuation byte, or C0/C1: an overlong 2-byte form
  if (lead < 0xe0) return cont(b1) ? 2 : 0;
  if (lead < 0xf0) {
    const second = lead === 0xe0 ? inRange(b1, 0xa0, 0xbf) : lead === 0xed ? inRange(b1, 0x80, 0x9f) : cont(b1);
    return second && cont(b2) ? 3 : 0; // E0: no overlongs; ED: no surrogates U+D800..U+DFFF
  }
  if (lead < 0xf5) {
    const second = lead === 0xf0 ? inRange(b1, 0x90, 0xbf) : lead === 0xf4 ? inRange(b1, 0x80, 0x8f) : cont(b1);
    return second && cont(b2) && cont(b3) ? 4 : 0; // F0: no overlongs; F4: nothing above U+10FFFF
  }
  return 0; // F5..FF never appear in UTF-8
}

class ReferenceReader {
  tokens: TokenRecord[] = [];
  errorCode: JsonErrorCode = JsonError.None;
  errorOffset = -1;
  private pos = 0;
  private readonly bytes: Uint8Array;
  private readonly maxDepth: number;

  constructor(bytes: Uint8Array, maxDepth: number) {
    this.bytes = bytes;
    this.maxDepth = maxDepth;
  }

  /** document = ws value ws, and nothing after it. */
  document(): void {
    if (!this.value(0)) return;
    this.skipWhitespace();
    if (this.pos < this.bytes.length) {
      this.fail(JsonError.TrailingData, this.pos);
      return;
    }
    this.emit(Token.EndOfDocument, this.pos, this.pos);
  }

  /** value = object | array | string | number | true | false | null, after optional whitespace. */
  private value(depth: number): boolean {
    this.skipWhitespace();
    const b = this.peek();
    if (b === undefined) return this.fail(JsonError.UnexpectedEnd, this.pos);
    if (b === Char.OpenBrace) return this.object(depth);
    if (b === Char.OpenBracket) return this.array(depth);
    if (b === Char.Quote) return this.string(Token.String);
    if (b === Char.Minus || isDigit(b)) return this.number();
    const literal = LITERALS.find((l) => l.first === b);
    if (literal) return this.literal(literal.text, literal.type);
    return this.fail(JsonError.UnexpectedByte, this.pos);
  }

  /** object = '{' ws '}' | '{' member (',' member)* '}', member = ws string ws ':' value ws. */
  private object(depth: number): boolean {
    if (!this.open(depth, Token.StartObject)) return false;
    this.skipWhitespace();
    if (this.peek() === Char.CloseBrace) return this.close(Token.EndObject);
    for (;;) {
      this.skipWhitespace();
      const b = this.peek();
      if (b === undefined) return this.fail(JsonError.UnexpectedEnd, this.pos);
      if (b !== Char.Quote) return this.fail(JsonError.UnexpectedByte, this.pos);
      if (!this.string(Token.PropertyName)) return false;
      if (!this.expect(Char.Colon)) return false;
      if (!this.value(depth + 1)) return false;
      const next = this.afterMember(Char.CloseBrace);
      if (next === 'close') return this.close(Token.EndObject);
      if (next === 'error') return false;
    }
  }

  /** array = '[' ws ']' | '[' value (',' value)* ']'. */
  private array(depth: number): boolean {
    if (!this.open(depth, Token.StartArray)) return false;
    this.skipWhitespace();
    if (this.peek() === Char.CloseBracket) return this.close(Token.EndArray);
    for (;;) {
      if (!this.value(depth + 1)) return false;
      const next = this.afterMember(Char.CloseBracket);
      if (next === 'close') return this.close(Token.EndArray);
      if (next === 'error') return false;
    }
  }

  /** After a member or element: ',' (another follows) or the container's own closing bracket. */
  private afterMember(closing: number): 'comma' | 'close' | 'error' {
    this.skipWhitespace();
    const b = this.peek();
    if (b === Char.Comma) {
      this.pos++;
      return 'comma';
    }
    if (b === closing) return 'close';
    this.fail(b === undefined ? JsonError.UnexpectedEnd : JsonError.UnexpectedByte, this.pos);
    return 'error';
  }

  /** Opens a container that would be nesting level depth + 1, if the limit allows it. */
  private open(depth: number, type: TokenType): boolean {
    if (depth >= this.maxDepth) return this.fail(JsonError.TooDeep, this.pos);
    this.emit(type, this.pos, this.pos + 1);
    this.pos++;
    return true;
  }

  private close(type: TokenType): boolean {
    this.emit(type, this.pos, this.pos + 1);
    this.pos++;
    return true;
  }

  /** string = '"' (unescaped char | escape)* '"'; the token spans the text between the quotes. */
  private string(type: TokenType): boolean {
    const bytes = this.bytes;
    const start = ++this.pos;
    for (;;) {
      const b = this.peek();
      if (b === undefined) return this.fail(JsonError.UnexpectedEnd, this.pos);
      if (b === Char.Quote) {
        this.emit(type, start, this.pos);
        this.pos++;
        return true;
      }
      if (b === Char.Backslash) {
        if (!this.escape()) return false;
      } else if (b < 0x20) {
        return this.fail(JsonError.ControlCharacter, this.pos);
      } else {
        const length = utf8SequenceLength(bytes, this.pos);
        if (length === 0) return this.fail(JsonError.InvalidUtf8, this.pos);
        this.pos += length;
      }
    }
  }

  /** escape = '\' ( one of "\/bfnrt | 'u' hex hex hex hex ). */
  private escape(): boolean {
    this.pos++; // the backslash
    const letter = this.peek();
    if (letter === undefined) return this.fail(JsonError.UnexpectedEnd, this.pos);
    if (SIMPLE_ESCAPES.has(letter)) {
      this.pos++;
      return true;
    }
    if (letter !== Char.LowerU) return this.fail(JsonError.InvalidEscape, this.pos);
    this.pos++;
    for (let k = 0; k < 4; k++) {
      const b = this.peek();
      if (b === undefined) return this.fail(JsonError.UnexpectedEnd, this.pos);
      if (!isHexDigit(b)) return this.fail(JsonError.InvalidEscape, this.pos);
      this.pos++;
    }
    return true;
  }

  /** number = '-'? int frac? exp?, int = '0' | [1-9][0-9]*, frac = '.' [0-9]+, exp = [eE] [+-]? [0-9]+. */
  private number(): boolean {
    const start = this.pos;
    if (this.peek() === Char.Minus) this.pos++;
    if (this.peek() === Char.Digit0) {
      this.pos++;
      if (isDigit(this.peek())) return this.fail(JsonError.InvalidNumber, this.pos); // no leading zeros
    } else if (!this.digits()) return false;
    if (this.peek() === Char.Dot) {
      this.pos++;
      if (!this.digits()) return false;
    }
    const e = this.peek();
    if (e === Char.LowerE || e === Char.UpperE) {
      this.pos++;
      const sign = this.peek();
      if (sign === Char.Plus || sign === Char.Minus) this.pos++;
      if (!this.digits()) return false;
    }
    this.emit(Token.Number, start, this.pos);
    return true;
  }

  /** One or more digits; the first one is required. */
  private digits(): boolean {
    const b = this.peek();
    if (b === undefined) return this.fail(JsonError.UnexpectedEnd, this.pos);
    if (!isDigit(b)) return this.fail(JsonError.InvalidNumber, this.pos);
    while (isDigit(this.peek())) this.pos++;
    return true;
  }

  /** true, false or null, byte for byte. */
  private literal(text: string, type: TokenType): boolean {
    const start = this.pos;
    for (let k = 0; k < text.length; k++) {
      const b = this.peek();
      if (b === undefined) return this.fail(JsonError.UnexpectedEnd, this.pos);
      if (b !== text.charCodeAt(k)) return this.fail(JsonError.InvalidLiteral, this.pos);
      this.pos++;
    }
    this.emit(type, start, this.pos);
    return true;
  }

  private expect(b: number): boolean {
    this.skipWhitespace();
    const next = this.peek();
    if (next === b) {
      this.pos++;
      return true;
    }
    return this.fail(next === undefined ? JsonError.UnexpectedEnd : JsonError.UnexpectedByte, this.pos);
  }

  private skipWhitespace(): void {
    while (isWhitespace(this.peek())) this.pos++;
  }

  private peek(): number | undefined {
    return this.pos < this.bytes.length ? this.bytes[this.pos] : undefined;
  }

  private emit(type: TokenType, start: number, end: number): void {
    this.tokens.push({ type, start, end });
  }

  private fail(code: JsonErrorCode, offset: number): false {
    this.errorCode = code;
    this.errorOffset = offset;
    return false;
  }
}
