/**
 * What every lab 03 pull reader starts from, given once: the grammar's named states (`State`: what may
 * come next), the reader's public fields (the current token, depth, error), `reset()`, and the two
 * recorders `token()` and `fail()`. The lab's starting code and its reference both extend
 * `JsonReaderBase` and add `read()` and `skip()`; the tests read only the public fields.
 */
import { JsonError, Token, type JsonErrorCode, type TokenType } from './json-bytes.ts';
import { MAX_JSON_DEPTH } from './limits.ts';

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
}
