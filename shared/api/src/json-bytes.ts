/**
 * The vocabulary of lab 03's byte-level JSON readers, defined once: the bytes they look for by name (`Char`),
 * the tokens a pull reader returns (`Token`), the errors it reports with a byte offset (`JsonError`), and
 * `u8()`, which pre-encodes a property name the way C#'s `"itemCount"u8` literal does.
 *
 * Both readers speak it: the readable reference in `json-reference-reader.ts` (the grammar, one function per
 * rule) and the fast pull reader a lab 03 package writes. Their token streams and errors must be identical,
 * so the rules below say exactly which error, at which byte, each kind of bad input gets.
 *
 * Error rules (the offset is a byte index into the document):
 * - `UnexpectedEnd` at the document's length: the bytes ran out where more were needed (an empty or
 *   whitespace-only document, an unclosed string, container or escape, a cut-off literal or number).
 * - `UnexpectedByte` at the byte: it cannot start what the grammar expects there (a value, a property name,
 *   `:`, `,` or the matching closing bracket).
 * - `InvalidLiteral` at the first byte that differs from `true`, `false` or `null`.
 * - `InvalidNumber` at the byte where a digit was required (`-x`, `1.x`, `1ex`) or at a digit after a
 *   leading zero (`01`, `-00`).
 * - `InvalidEscape` at the byte after `\` that is not an escape letter, or at the first non-hex digit of `\u`.
 * - `ControlCharacter` at a raw byte below 0x20 inside a string.
 * - `InvalidUtf8` at the first byte of an ill-formed UTF-8 sequence inside a string (Unicode's table 3-7:
 *   no overlongs, no surrogates, nothing above U+10FFFF; a sequence cut off by the end counts as ill-formed).
 *   Outside strings every byte of 0x80 and above is simply an `UnexpectedByte`.
 * - `TooDeep` at the `{` or `[` that would open nesting level `maxDepth + 1`.
 * - `TrailingData` at the first non-whitespace byte after the top-level value.
 * Whitespace is exactly space, tab, line feed and carriage return (RFC 8259), never a BOM.
 */

/** The bytes a JSON reader tests for, by name. */
export const Char = {
  Tab: 0x09,
  LineFeed: 0x0a,
  CarriageReturn: 0x0d,
  Space: 0x20,
  Quote: 0x22,
  Plus: 0x2b,
  Comma: 0x2c,
  Minus: 0x2d,
  Dot: 0x2e,
  Slash: 0x2f,
  Digit0: 0x30,
  Digit1: 0x31,
  Digit9: 0x39,
  Colon: 0x3a,
  UpperA: 0x41,
  UpperE: 0x45,
  UpperF: 0x46,
  OpenBracket: 0x5b,
  Backslash: 0x5c,
  CloseBracket: 0x5d,
  LowerA: 0x61,
  LowerB: 0x62,
  LowerE: 0x65,
  LowerF: 0x66,
  LowerN: 0x6e,
  LowerR: 0x72,
  LowerT: 0x74,
  LowerU: 0x75,
  OpenBrace: 0x7b,
  CloseBrace: 0x7d,
} as const;

/** What `read()` returns: the kind of the token it just read. */
export const Token = {
  /** Nothing read yet. */
  None: 0,
  StartObject: 1,
  EndObject: 2,
  StartArray: 3,
  EndArray: 4,
  /** An object member's name; the reader is now before its `:` and value. */
  PropertyName: 5,
  String: 6,
  Number: 7,
  True: 8,
  False: 9,
  Null: 10,
  /** The whole document was read and is valid: only whitespace followed the top-level value. */
  EndOfDocument: 11,
  /** The document is not valid JSON: `errorCode` and `errorOffset` say why and where. */
  Error: 12,
} as const;
export type TokenType = (typeof Token)[keyof typeof Token];

/** Why a document is not valid JSON (see the rules in this module's header). */
export const JsonError = {
  None: 0,
  UnexpectedEnd: 1,
  UnexpectedByte: 2,
  InvalidLiteral: 3,
  InvalidNumber: 4,
  InvalidEscape: 5,
  ControlCharacter: 6,
  InvalidUtf8: 7,
  TooDeep: 8,
  TrailingData: 9,
} as const;
export type JsonErrorCode = (typeof JsonError)[keyof typeof JsonError];

/** Each token type's name, for messages and test output. */
export const TOKEN_NAMES: Record<TokenType, string> = Object.fromEntries(Object.entries(Token).map(([name, value]) => [value, name])) as Record<
  TokenType,
  string
>;

/** Each error's name, for messages and test output. */
export const JSON_ERROR_NAMES: Record<JsonErrorCode, string> = Object.fromEntries(Object.entries(JsonError).map(([name, value]) => [value, name])) as Record<
  JsonErrorCode,
  string
>;

const ERROR_TEXT: Record<JsonErrorCode, string> = {
  [JsonError.None]: 'no error',
  [JsonError.UnexpectedEnd]: 'the body ends too early',
  [JsonError.UnexpectedByte]: 'unexpected byte',
  [JsonError.InvalidLiteral]: 'misspelled true, false or null',
  [JsonError.InvalidNumber]: 'malformed number',
  [JsonError.InvalidEscape]: 'bad escape in a string',
  [JsonError.ControlCharacter]: 'raw control character in a string',
  [JsonError.InvalidUtf8]: 'invalid UTF-8 in a string',
  [JsonError.TooDeep]: 'nesting too deep',
  [JsonError.TrailingData]: 'data after the end of the document',
};

/** A person's sentence for an error: `unexpected byte at byte 12`. Only built on the error path. */
export function describeJsonError(code: JsonErrorCode, offset: number): string {
  return `${ERROR_TEXT[code]} at byte ${offset}`;
}

const encoder = new TextEncoder();

/**
 * The UTF-8 bytes of `text`, made once at module load: the Node version of C#'s `"itemCount"u8`, for
 * comparing property names as bytes (`reader.textEquals(ITEM_COUNT)`) without making strings per request.
 */
export function u8(text: string): Uint8Array {
  return encoder.encode(text);
}
