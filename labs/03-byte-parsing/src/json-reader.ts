/**
 * Your pull reader over a JSON document's UTF-8 bytes: Node's take on .NET's Utf8JsonReader (README steps
 * 2 and 5). `read()` returns the next token — its bytes are `tokenStart`..`tokenEnd` — and `skip()` passes
 * over a whole value. It must validate every byte it passes (RFC 8259 in full), never make a string, never
 * throw on bad input (an error is `Token.Error` with `errorCode` and `errorOffset`), never recurse, and
 * allocate nothing per document: one reader is built once and `reset()` for each body.
 *
 * The spec is executable: @hotpath/api/json-reference (shared/api/src/json-reference-reader.ts) reads the
 * same grammar the slow, readable way, and your token stream and errors must be identical to its — the
 * exact error rules are in shared/api/src/json-bytes.ts. The fields, reset() and the State names are given
 * (below); read() and skip() are yours. Keep to one loop over named states: `State` says what may come next.
 */
import { Char, JsonError, Token, type TokenType } from '@hotpath/api';
import { END, JsonReaderBase, State } from '@hotpath/api/json-reader-base';
import { numberValue, textEquals } from './json-values.ts';

/**
 * Given (JsonReaderBase, in shared/api/src/json-reader-base.ts): the public fields (`tokenType`,
 * `tokenStart`, `tokenEnd`, `hasEscapes`, `depth`, `errorCode`, `errorOffset`, `position`), `reset()`, the
 * document's `bytes`, the current `state`, the `closers` of the open containers (the byte that closes each,
 * by depth), and the recorders `token(type, start, end, next)`, `fail(code, offset)` and `unexpected(i, b)`
 * (`b === END` when the bytes ran out). `State` names what may come next.
 */
export class JsonReader extends JsonReaderBase {
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
}
