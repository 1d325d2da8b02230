/**
 * Your pull reader over a JSON document's UTF-8 bytes: Node's take on .NET's Utf8JsonReader (README steps
 * 2 and 5). `read()` returns the next token — its bytes are `tokenStart`..`tokenEnd` — and `skip()` passes
 * over a whole value. It must validate every byte it passes (RFC 8259 in full), never make a string, never
 * throw on bad input (an error is `Token.Error` with `errorCode` and `errorOffset`), never recurse, and
 * allocate nothing per document: one reader is built once and `reset()` for each body.
 *
 * The spec is executable: @hotpath/api/json-reference (shared/api/src/json-reference-reader.ts) reads the
 * same grammar the slow, readable way, and your token stream and errors must be identical to its — the
 * exact error rules are in shared/api/src/json-bytes.ts. The fields, reset() and the State names are given;
 * read() and skip() are yours. Keep to one loop over named states: `State` says what may come next.
 */
import { Char, JsonError, MAX_JSON_DEPTH, Token, type JsonErrorCode, type TokenType } from '@hotpath/api';
import { numberValue, textEquals } from './json-values.ts';

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
   * What each open container is, by depth (index 1 is the top-level container): store the byte that closes
   * it (`Char.CloseBrace` or `Char.CloseBracket`), and a `,` or a closing bracket can be checked against it.
   */
  private readonly closers: Uint8Array;

  constructor(readonly maxDepth: number = MAX_JSON_DEPTH) {
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
    return this;
  }

  /**
   * Reads the next token and returns its type; after the last one, EndOfDocument or Error, again and again.
   *
   * TODO (step 2): one loop. Skip whitespace (space, tab, LF, CR — nothing else), then `switch (this.state)`:
   * each state accepts a few bytes and moves to the next state — e.g. Colon accepts `:` and goes on to Value
   * without returning; AfterValue accepts `,` (then PropertyName or Value, by what `closers[depth]` says) or
   * the matching closing bracket, and at depth 0 only the end of the bytes. A value starts with `{ [ " - 0-9
   * t f n`; scan strings, numbers and literals with small helpers that return the index after the token.
   * Record every token with `token()`, every error with `fail()`: the first bad byte decides, as in the
   * reference. `{` or `[` at depth maxDepth is TooDeep.
   */
  read(): TokenType {
    throw new Error('TODO (README step 2): write read() in src/json-reader.ts');
  }

  /**
   * Skips the current token's whole value: after a PropertyName, its value; after StartObject or StartArray,
   * everything up to and including the matching end. Every skipped byte is still validated. Returns the type
   * of the last token read (Error if the skipped part is invalid).
   *
   * TODO (step 3): the simple version reads until `depth` is back to what it was outside the container.
   * Step 5 makes it fast: most of an ingest body is skipped.
   */
  skip(): TokenType {
    throw new Error('TODO (README step 3): write skip() in src/json-reader.ts');
  }

  /** Whether the current string or property name, unescaped, is exactly `expected` (e.g. `u8('itemCount')`). */
  textEquals(expected: Uint8Array): boolean {
    return textEquals(this.bytes, this.tokenStart, this.tokenEnd, this.hasEscapes, expected);
  }

  /** The current Number token's value, exactly as JSON.parse gives it. */
  numberValue(): number {
    return numberValue(this.bytes, this.tokenStart, this.tokenEnd);
  }

  /** Records a token (its bytes are start..end) and where reading goes on (`next`); returns its type. */
  private token(type: TokenType, start: number, end: number, next: number): TokenType {
    this.tokenType = type;
    this.tokenStart = start;
    this.tokenEnd = end;
    this.position = next;
    return type;
  }

  /** Records an error: from now on read() returns Token.Error. */
  private fail(code: JsonErrorCode, offset: number): TokenType {
    this.errorCode = code;
    this.errorOffset = offset;
    this.state = State.Failed;
    this.tokenType = Token.Error;
    return Token.Error;
  }
}
