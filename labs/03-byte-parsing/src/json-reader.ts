/**
 * Your pull reader over a JSON document's UTF-8 bytes: Node's take on .NET's Utf8JsonReader (README steps
 * 2, 3 and 5). `read()` returns the next token — its bytes are `tokenStart`..`tokenEnd` — and `skip()` passes
 * over a whole value. It validates every byte it passes, never makes a string, never throws on bad input
 * (an error is `Token.Error`), never recurses, and allocates nothing per document: one reader is built once
 * and `reset()` for each body.
 *
 * Given (JsonReaderBase, @hotpath/api/json-reader-base — shared/api/src/json-reader-base.ts): the public
 * fields, `reset()`, `numberValue()`, the document's `bytes`, the current `state`, `closers` (the byte that
 * closes each open container, by depth: `closers[depth]`), the recorders `token(type, start, end, next)`,
 * `fail(code, offset)` and `unexpected(i, b)` (`b === END` when the bytes ran out), and two scanners that
 * validate one token at `i` and record the exact error when it is bad: `scanString(i)` answers the index of
 * the closing quote, `scanScalar(i)` — any string, number or literal — the index after it (with its type
 * in `scalarType`); both answer -1 on an error. `skipWhitespace(bytes, i)` comes from the same module.
 * The spec is the readable reference, @hotpath/api/json-reference: your token stream must be identical.
 */
import { Char, JsonError, Token, type TokenType } from '@hotpath/api';
import { END, JsonReaderBase, State, escapedTextEquals, skipWhitespace } from '@hotpath/api/json-reader-base';

export class JsonReader extends JsonReaderBase {
  /**
   * Reads the next token and returns its type; after the last one, EndOfDocument or Error, again and again.
   *
   * TODO (step 2): one loop. Skip whitespace, look at the byte `b` there (`END` past the end), then
   * `switch (this.state)` — each state accepts a few bytes and moves to the next state:
   * - DocumentStart, Value, and ArrayStart (which also takes `]`): a value. `{` or `[` opens a container —
   *   `closers[++depth]` = its closing byte, state ObjectStart or ArrayStart; at depth `maxDepth` it is
   *   `fail(JsonError.TooDeep, i)` instead. Anything else is a scalar: `scanScalar(i)`, then AfterValue.
   * - ObjectStart (which also takes `}`), PropertyName: a `"` name (`scanString(i)`), then Colon.
   * - Colon: `:` only moves on to Value, without returning: go round the loop again. Same for `,` in AfterValue.
   * - AfterValue: `,` (then PropertyName or Value, by `closers[depth]`), or `closers[depth]` itself; at
   *   depth 0 only the end of the bytes (EndOfDocument, state Done), anything else `fail(JsonError.TrailingData, i)`.
   * - Done: EndOfDocument again; Failed: Token.Error again.
   * Return every value, name and bracket with `token(type, start, end, next)`: a string or name spans the
   * text between its quotes (`i + 1`..closing quote, next = after the quote), anything else itself.
   * `depth` counts the containers open after the token (0 after the top-level `}`); a bad byte is
   * `unexpected(i, b)`; a scanner's -1 is `return Token.Error` (the error is recorded already).
   */
  read(): TokenType {
    throw new Error('TODO (README step 2): write read() in src/json-reader.ts');
  }

  /**
   * Skips the current token's whole value: after a PropertyName, its value; after StartObject or StartArray,
   * everything up to and including the matching end (that token is current after it); on anything else,
   * nothing. Every skipped byte is still validated. Returns the type of the last token read (Error if the
   * skipped part is invalid).
   *
   * TODO (step 3): the simple version: read() until `depth` is back to what it was outside the container.
   * TODO (step 5): most of an ingest body is skipped, and returning every skipped token through read()
   * costs most of the time. Write skip()'s own loop over the container's bytes: `closers[depth]` says whether
   * you are in an object (name, `:`, value) or an array (value); scan scalars with the given scanners,
   * track `depth` and `closers` as read() does, check `,` and closing brackets, and record only the matching
   * end with token() — state AfterValue after it, as after any value.
   */
  skip(): TokenType {
    throw new Error('TODO (README step 3): write skip() in src/json-reader.ts');
  }

  /**
   * Whether the current string or property name, unescaped, is exactly `expected` (e.g. `u8('itemCount')`).
   * Escapes are given: `"item\u0043ount"` is itemCount.
   */
  textEquals(expected: Uint8Array): boolean {
    if (this.hasEscapes) return escapedTextEquals(this.bytes, this.tokenStart, this.tokenEnd, expected);
    // TODO (step 3): no escapes — compare the lengths, then the bytes at tokenStart..tokenEnd. Allocate nothing.
    throw new Error('TODO (README step 3): compare plain text in textEquals() in src/json-reader.ts');
  }
}
