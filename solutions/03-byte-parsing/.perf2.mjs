// ../../shared/api/src/fixtures.ts
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
var FIXTURES_DIR = new URL("../fixtures/", import.meta.url);
var fixturesDir = fileURLToPath(FIXTURES_DIR);
function readFixtureBytes(file) {
  let buf;
  try {
    buf = readFileSync(new URL(file, FIXTURES_DIR));
  } catch (cause) {
    throw new Error(`Missing fixture ${file}: run \`pnpm --filter @hotpath/api fixtures\``, { cause });
  }
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
var todosJson = utf8.decode(readFixtureBytes("todos.json"));
function loadIngest(file) {
  const bytes = readFixtureBytes(file);
  const text = utf8.decode(bytes);
  const { itemCount, timestamp } = JSON.parse(text);
  return Object.freeze({ file, bytes, text, itemCount, timestamp });
}
var INGEST_FILES = { "1k": "ingest-1k.json", "64k": "ingest-64k.json" };
var ingestCache = /* @__PURE__ */ new Map();
function ingestFixture(size) {
  let fixture = ingestCache.get(size);
  if (!fixture) ingestCache.set(size, fixture = loadIngest(INGEST_FILES[size]));
  return fixture;
}
var ingest1k = ingestFixture("1k").bytes;
var ingest64k = ingestFixture("64k").bytes;
var encoder = new TextEncoder();
var STRINGS = ['"x"', '""', '"\xE9\u65E5\u{1F680}"', String.raw`"\"\\\/\b\f\n\r\t"`, String.raw`"\u00e9\uD83D\uDE80\uDBFF"`, String.raw`"{\"itemCount\":0}"`, '"[1,2"'];
var SCALARS = ["0", "-0", "1.5e-3", "-12", "1e400", "123456789012345678901234567890", "0.0", "true", "false", "null", ...STRINGS];
var KEYS = ['"a"', '"itemCount"', '"timestamp"', String.raw`"item\u0043ount"`, '""', '"\u{1F511}"', '"__proto__"', '"constructor"'];

// ../../shared/api/src/limits.ts
var BODY_LIMIT_BYTES = 1024 * 1024;
var MAX_JSON_DEPTH = 64;
var RETRY_AFTER_SECONDS = 1;
var MAX_TITLE_LENGTH = 200;

// ../../shared/api/src/errors.ts
var ERROR_STATUS = {
  invalid_json: 400,
  validation_failed: 400,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  sink_full: 503
};
function errorBody(code, message) {
  return { error: { code, message } };
}

// ../../shared/api/src/body.ts
var EMPTY = new Uint8Array(0);

// ../../shared/api/src/logging.ts
var LOG_LEVEL_RANK = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

// ../../shared/api/src/messages.ts
var MESSAGES = {
  unsupportedMediaType: "Send the body as JSON with Content-Type: application/json",
  payloadTooLarge: `The request body is larger than ${BODY_LIMIT_BYTES} bytes`,
  emptyBody: "The body is empty; send a JSON object",
  invalidUtf8: "The body is not valid UTF-8",
  invalidJson: (parserMessage) => `The body is not valid JSON: ${parserMessage}`,
  tooDeep: `JSON nesting is deeper than ${MAX_JSON_DEPTH} levels`,
  notAnObject: "The body must be a JSON object",
  sinkFull: "The ingest queue is full; retry later",
  // POST /todos
  titleRequired: "title is required",
  titleNotString: "title must be a string",
  titleLength: `title must be 1 to ${MAX_TITLE_LENGTH} characters long`,
  isCompleteNotBoolean: "isComplete must be true or false",
  // POST /ingest/v1
  required: (field) => `${field} is required`,
  notPositiveInteger: (field) => `${field} must be a positive integer`,
  tooLarge: (field) => `${field} must be at most ${Number.MAX_SAFE_INTEGER}`
};

// ../../shared/api/src/json-bytes.ts
var Char = {
  Tab: 9,
  LineFeed: 10,
  CarriageReturn: 13,
  Space: 32,
  Quote: 34,
  Plus: 43,
  Comma: 44,
  Minus: 45,
  Dot: 46,
  Slash: 47,
  Digit0: 48,
  Digit1: 49,
  Digit9: 57,
  Colon: 58,
  UpperA: 65,
  UpperE: 69,
  UpperF: 70,
  OpenBracket: 91,
  Backslash: 92,
  CloseBracket: 93,
  LowerA: 97,
  LowerB: 98,
  LowerE: 101,
  LowerF: 102,
  LowerN: 110,
  LowerR: 114,
  LowerT: 116,
  LowerU: 117,
  OpenBrace: 123,
  CloseBrace: 125
};
var Token = {
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
  Error: 12
};
var JsonError = {
  None: 0,
  UnexpectedEnd: 1,
  UnexpectedByte: 2,
  InvalidLiteral: 3,
  InvalidNumber: 4,
  InvalidEscape: 5,
  ControlCharacter: 6,
  InvalidUtf8: 7,
  TooDeep: 8,
  TrailingData: 9
};
var TOKEN_NAMES = Object.fromEntries(
  Object.entries(Token).map(([name, value]) => [value, name])
);
var JSON_ERROR_NAMES = Object.fromEntries(
  Object.entries(JsonError).map(([name, value]) => [value, name])
);
var ERROR_TEXT = {
  [JsonError.None]: "no error",
  [JsonError.UnexpectedEnd]: "the body ends too early",
  [JsonError.UnexpectedByte]: "unexpected byte",
  [JsonError.InvalidLiteral]: "misspelled true, false or null",
  [JsonError.InvalidNumber]: "malformed number",
  [JsonError.InvalidEscape]: "bad escape in a string",
  [JsonError.ControlCharacter]: "raw control character in a string",
  [JsonError.InvalidUtf8]: "invalid UTF-8 in a string",
  [JsonError.TooDeep]: "nesting too deep",
  [JsonError.TrailingData]: "data after the end of the document"
};
var encoder2 = new TextEncoder();
function u8(text) {
  return encoder2.encode(text);
}

// src/json-reader.ts
var State = {
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
  Failed: 8
};
var END = -1;
var PLAIN_STRING_BYTE = new Uint8Array(256);
for (let b2 = 32; b2 < 128; b2++) PLAIN_STRING_BYTE[b2] = b2 === Char.Quote || b2 === Char.Backslash ? 0 : 1;
var ESCAPED_BYTE = new Uint8Array(256);
for (const [letter, byte] of [['"', 34], ["\\", 92], ["/", 47], ["b", 8], ["f", 12], ["n", 10], ["r", 13], ["t", 9]]) {
  ESCAPED_BYTE[letter.charCodeAt(0)] = byte;
}
var TRUE = u8("true");
var FALSE = u8("false");
var NULL = u8("null");
var EMPTY2 = new Uint8Array(0);
var isDigit = (b2) => b2 >= Char.Digit0 && b2 <= Char.Digit9;
var isContinuation = (b2) => (b2 & 192) === 128;
function hexValue(b2) {
  if (b2 >= Char.Digit0 && b2 <= Char.Digit9) return b2 - Char.Digit0;
  const lower = b2 | 32;
  return lower >= Char.LowerA && lower <= Char.LowerF ? lower - Char.LowerA + 10 : -1;
}
var JsonReader = class {
  constructor(maxDepth = MAX_JSON_DEPTH) {
    this.maxDepth = maxDepth;
    /** The type of the token read last. */
    this.tokenType = Token.None;
    /** Its bytes: the text between the quotes for strings and names, the token itself otherwise. */
    this.tokenStart = 0;
    this.tokenEnd = 0;
    /** True when the current string or property name contains backslash escapes. */
    this.hasEscapes = false;
    /** Containers open after the current token: 1 after the top-level `{`, 0 after its `}`. */
    this.depth = 0;
    /** Why the document is invalid, once `read()` has returned Token.Error. */
    this.errorCode = JsonError.None;
    /** Where (a byte offset), or -1. */
    this.errorOffset = -1;
    /** The next byte to read. */
    this.position = 0;
    this.bytes = EMPTY2;
    this.state = State.DocumentStart;
    this.closers = new Uint8Array(maxDepth + 1);
  }
  /** Starts reading `bytes` from the beginning. Nothing is allocated: keep one reader and reset it. */
  reset(bytes) {
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
  /** Reads the next token and returns its type; after the last one, EndOfDocument or Error, again and again. */
  read() {
    return this.advance(this.maxDepth);
  }
  /**
   * Skips the current token's whole value: after a PropertyName, its value; after StartObject or StartArray,
   * everything up to and including the matching end. Every skipped byte is still validated. Returns the type
   * of the last token read (Error if the skipped part is invalid).
   */
  skip() {
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
  advance(stopDepth) {
    const bytes = this.bytes;
    const length = bytes.length;
    const closers = this.closers;
    let i = this.position;
    let state = this.state;
    let depth = this.depth;
    for (; ; ) {
      let b2 = END;
      while (i < length) {
        b2 = bytes[i];
        if (b2 !== Char.Space && b2 !== Char.LineFeed && b2 !== Char.CarriageReturn && b2 !== Char.Tab) break;
        b2 = END;
        i++;
      }
      let type;
      let start = i;
      let end;
      switch (state) {
        case State.AfterValue:
          if (depth === 0) {
            if (b2 !== END) return this.fail(JsonError.TrailingData, i);
            this.state = State.Done;
            this.depth = 0;
            return this.token(Token.EndOfDocument, i, i, i);
          }
          if (b2 === Char.Comma) {
            i++;
            state = closers[depth] === Char.CloseBrace ? State.PropertyName : State.Value;
            continue;
          }
          if (b2 !== closers[depth]) return this.unexpected(i, b2);
          depth--;
          type = b2 === Char.CloseBrace ? Token.EndObject : Token.EndArray;
          end = i + 1;
          break;
        case State.Colon:
          if (b2 !== Char.Colon) return this.unexpected(i, b2);
          i++;
          state = State.Value;
          continue;
        case State.ObjectStart:
        case State.PropertyName:
          if (b2 === Char.Quote) {
            end = this.scanString(i);
            if (end < 0) return Token.Error;
            type = Token.PropertyName;
            start = i + 1;
            state = State.Colon;
            break;
          }
          if (b2 !== Char.CloseBrace || state !== State.ObjectStart) return this.unexpected(i, b2);
          depth--;
          type = Token.EndObject;
          end = i + 1;
          state = State.AfterValue;
          break;
        case State.ArrayStart:
        case State.DocumentStart:
        case State.Value:
          if (b2 === Char.CloseBracket && state === State.ArrayStart) {
            depth--;
            type = Token.EndArray;
            end = i + 1;
            state = State.AfterValue;
            break;
          }
          state = State.AfterValue;
          if (b2 === Char.OpenBrace || b2 === Char.OpenBracket) {
            if (depth >= this.maxDepth) return this.fail(JsonError.TooDeep, i);
            const object = b2 === Char.OpenBrace;
            closers[++depth] = object ? Char.CloseBrace : Char.CloseBracket;
            type = object ? Token.StartObject : Token.StartArray;
            state = object ? State.ObjectStart : State.ArrayStart;
            end = i + 1;
          } else if (b2 === Char.Quote) {
            end = this.scanString(i);
            if (end < 0) return Token.Error;
            type = Token.String;
            start = i + 1;
          } else if (b2 === Char.Minus || isDigit(b2)) {
            end = this.scanNumber(i);
            if (end < 0) return Token.Error;
            type = Token.Number;
          } else if (b2 === Char.LowerT) {
            end = this.scanLiteral(i, TRUE);
            if (end < 0) return Token.Error;
            type = Token.True;
          } else if (b2 === Char.LowerF) {
            end = this.scanLiteral(i, FALSE);
            if (end < 0) return Token.Error;
            type = Token.False;
          } else if (b2 === Char.LowerN) {
            end = this.scanLiteral(i, NULL);
            if (end < 0) return Token.Error;
            type = Token.Null;
          } else {
            return this.unexpected(i, b2);
          }
          break;
        case State.Done:
          return Token.EndOfDocument;
        default:
          return Token.Error;
      }
      const next = type === Token.String || type === Token.PropertyName ? end + 1 : end;
      if (depth <= stopDepth) {
        this.state = state;
        this.depth = depth;
        return this.token(type, start, end, next);
      }
      i = next;
    }
  }
  /**
   * Whether the current string or property name, unescaped, is exactly `expected` (UTF-8 bytes, e.g. from
   * `u8('itemCount')`). Without escapes it compares bytes; `"item\u0043ount"` is decoded as it is compared.
   */
  textEquals(expected) {
    const bytes = this.bytes;
    const start = this.tokenStart;
    const length = this.tokenEnd - start;
    if (this.hasEscapes) return escapedTextEquals(bytes, start, this.tokenEnd, expected);
    if (length !== expected.length) return false;
    for (let k = 0; k < length; k++) if (bytes[start + k] !== expected[k]) return false;
    return true;
  }
  /**
   * The current Number token's value, exactly as JSON.parse gives it. Integers of up to 16 digits (every
   * safe integer, and the first unsafe ones) are computed from the bytes; fractions, exponents and longer
   * integers — rare in an ingest body — go through Number() on the token's ASCII text.
   */
  numberValue() {
    const bytes = this.bytes;
    const end = this.tokenEnd;
    let i = this.tokenStart;
    const negative = bytes[i] === Char.Minus;
    if (negative) i++;
    if (end - i <= 16) {
      let value = 0;
      for (; i < end; i++) {
        const digit = bytes[i] - Char.Digit0;
        if (digit < 0 || digit > 9) break;
        value = value * 10 + digit;
      }
      if (i === end) return negative ? -value : value;
    }
    return Number(Buffer.from(bytes.buffer, bytes.byteOffset + this.tokenStart, end - this.tokenStart).toString("latin1"));
  }
  /**
   * Scans the string whose opening quote is at `i`: plain bytes in a tight loop, then the rare ones
   * (escapes, UTF-8 sequences, errors). Sets `hasEscapes`; answers the closing quote's index, or -1.
   */
  scanString(i) {
    const bytes = this.bytes;
    const length = bytes.length;
    let j = i + 1;
    let escapes = false;
    for (; ; ) {
      while (j < length && PLAIN_STRING_BYTE[bytes[j]] === 1) j++;
      if (j >= length) return this.fail(JsonError.UnexpectedEnd, length), -1;
      const b2 = bytes[j];
      if (b2 === Char.Quote) break;
      if (b2 === Char.Backslash) {
        j = this.escape(j);
        if (j < 0) return -1;
        escapes = true;
      } else if (b2 < Char.Space) {
        return this.fail(JsonError.ControlCharacter, j), -1;
      } else {
        const size = utf8SequenceSize(bytes, j, b2);
        if (size === 0) return this.fail(JsonError.InvalidUtf8, j), -1;
        j += size;
      }
    }
    this.hasEscapes = escapes;
    return j;
  }
  /** Validates the escape whose backslash is at `j`; the index after it, or -1 (the error is recorded). */
  escape(j) {
    const bytes = this.bytes;
    const length = bytes.length;
    if (j + 1 >= length) return this.fail(JsonError.UnexpectedEnd, length), -1;
    const letter = bytes[j + 1];
    if (ESCAPED_BYTE[letter] !== 0) return j + 2;
    if (letter !== Char.LowerU) return this.fail(JsonError.InvalidEscape, j + 1), -1;
    for (let k = j + 2; k < j + 6; k++) {
      if (k >= length) return this.fail(JsonError.UnexpectedEnd, length), -1;
      if (hexValue(bytes[k]) < 0) return this.fail(JsonError.InvalidEscape, k), -1;
    }
    return j + 6;
  }
  /** Scans the number starting at `i` (a `-` or a digit); the index after it, or -1. */
  scanNumber(i) {
    const bytes = this.bytes;
    const length = bytes.length;
    let j = bytes[i] === Char.Minus ? i + 1 : i;
    if (j >= length) return this.fail(JsonError.UnexpectedEnd, length), -1;
    if (bytes[j] === Char.Digit0) {
      j++;
      if (j < length && isDigit(bytes[j])) return this.fail(JsonError.InvalidNumber, j), -1;
    } else {
      j = this.digits(j);
      if (j < 0) return -1;
    }
    if (j < length && bytes[j] === Char.Dot) {
      j = this.digits(j + 1);
      if (j < 0) return -1;
    }
    if (j < length && (bytes[j] | 32) === Char.LowerE) {
      j++;
      if (j < length && (bytes[j] === Char.Plus || bytes[j] === Char.Minus)) j++;
      j = this.digits(j);
    }
    return j;
  }
  /** One or more digits from `j` (the first is required); the index after them, or -1. */
  digits(j) {
    const bytes = this.bytes;
    const length = bytes.length;
    if (j >= length) return this.fail(JsonError.UnexpectedEnd, length), -1;
    if (!isDigit(bytes[j])) return this.fail(JsonError.InvalidNumber, j), -1;
    j++;
    while (j < length && isDigit(bytes[j])) j++;
    return j;
  }
  /** Checks `true`, `false` or `null` at `i` (its first byte already matched); the index after it, or -1. */
  scanLiteral(i, text) {
    const bytes = this.bytes;
    const length = bytes.length;
    for (let k = 1; k < text.length; k++) {
      if (i + k >= length) return this.fail(JsonError.UnexpectedEnd, length), -1;
      if (bytes[i + k] !== text[k]) return this.fail(JsonError.InvalidLiteral, i + k), -1;
    }
    return i + text.length;
  }
  unexpected(i, b2) {
    return this.fail(b2 === END ? JsonError.UnexpectedEnd : JsonError.UnexpectedByte, i);
  }
  token(type, start, end, next) {
    this.tokenType = type;
    this.tokenStart = start;
    this.tokenEnd = end;
    this.position = next;
    return type;
  }
  fail(code, offset) {
    this.errorCode = code;
    this.errorOffset = offset;
    this.state = State.Failed;
    this.tokenType = Token.Error;
    return Token.Error;
  }
};
function utf8SequenceSize(bytes, j, lead) {
  const length = bytes.length;
  if (lead < 194) return 0;
  if (lead < 224) return j + 1 < length && isContinuation(bytes[j + 1]) ? 2 : 0;
  if (lead < 240) {
    if (j + 2 >= length) return 0;
    const b1 = bytes[j + 1];
    const ok2 = lead === 224 ? b1 >= 160 && b1 <= 191 : lead === 237 ? b1 >= 128 && b1 <= 159 : isContinuation(b1);
    return ok2 && isContinuation(bytes[j + 2]) ? 3 : 0;
  }
  if (lead < 245) {
    if (j + 3 >= length) return 0;
    const b1 = bytes[j + 1];
    const ok2 = lead === 240 ? b1 >= 144 && b1 <= 191 : lead === 244 ? b1 >= 128 && b1 <= 143 : isContinuation(b1);
    return ok2 && isContinuation(bytes[j + 2]) && isContinuation(bytes[j + 3]) ? 4 : 0;
  }
  return 0;
}
function hex4(bytes, i) {
  return hexValue(bytes[i]) << 12 | hexValue(bytes[i + 1]) << 8 | hexValue(bytes[i + 2]) << 4 | hexValue(bytes[i + 3]);
}
function escapedTextEquals(bytes, start, end, expected) {
  let i = start;
  let k = 0;
  while (i < end) {
    const b2 = bytes[i];
    if (b2 !== Char.Backslash) {
      if (expected[k] !== b2) return false;
      i++;
      k++;
      continue;
    }
    const letter = bytes[i + 1];
    if (letter !== Char.LowerU) {
      if (expected[k] !== ESCAPED_BYTE[letter]) return false;
      i += 2;
      k++;
      continue;
    }
    let codePoint = hex4(bytes, i + 2);
    i += 6;
    if (codePoint >= 55296 && codePoint <= 56319 && i + 6 <= end && bytes[i] === Char.Backslash && bytes[i + 1] === Char.LowerU) {
      const low = hex4(bytes, i + 2);
      if (low >= 56320 && low <= 57343) {
        codePoint = 65536 + (codePoint - 55296 << 10) + (low - 56320);
        i += 6;
      }
    }
    if (codePoint >= 55296 && codePoint <= 57343) return false;
    k = matchCodePoint(expected, k, codePoint);
    if (k < 0) return false;
  }
  return k === expected.length;
}
function matchCodePoint(expected, k, codePoint) {
  if (codePoint < 128) return expected[k] === codePoint ? k + 1 : -1;
  if (codePoint < 2048) {
    return expected[k] === (192 | codePoint >> 6) && expected[k + 1] === (128 | codePoint & 63) ? k + 2 : -1;
  }
  if (codePoint < 65536) {
    return expected[k] === (224 | codePoint >> 12) && expected[k + 1] === (128 | codePoint >> 6 & 63) && expected[k + 2] === (128 | codePoint & 63) ? k + 3 : -1;
  }
  return expected[k] === (240 | codePoint >> 18) && expected[k + 1] === (128 | codePoint >> 12 & 63) && expected[k + 2] === (128 | codePoint >> 6 & 63) && expected[k + 3] === (128 | codePoint & 63) ? k + 4 : -1;
}

// ../01-slim-builder/src/logger.ts
function defineLogEvent(level, message, ...fields) {
  const rank = LOG_LEVEL_RANK[level];
  const head = `,"level":${JSON.stringify(level)},"msg":${JSON.stringify(message)}`;
  const [keyA, keyB, keyC] = fields.map((field) => `,${JSON.stringify(field)}:`);
  const count = fields.length;
  function emit(log, a, b2, c) {
    if (rank < log.threshold) return;
    let line = `{"time":${Date.now()}${head}`;
    if (count > 0) line += keyA + JSON.stringify(a ?? null);
    if (count > 1) line += keyB + JSON.stringify(b2 ?? null);
    if (count > 2) line += keyC + JSON.stringify(c ?? null);
    log.write(`${line}}
`);
  }
  return emit;
}

// ../01-slim-builder/src/responses.ts
var JSON_TYPE = "application/json";
var jsonInit = (status, extraHeaders = {}) => ({
  status,
  headers: { "content-type": JSON_TYPE, ...extraHeaders }
});
var OK = jsonInit(200);
var ACCEPTED = jsonInit(202);
var INTERNAL_ERROR = jsonInit(500);
var ERROR_INIT = {
  invalid_json: jsonInit(ERROR_STATUS.invalid_json),
  validation_failed: jsonInit(ERROR_STATUS.validation_failed),
  not_found: jsonInit(ERROR_STATUS.not_found),
  payload_too_large: jsonInit(ERROR_STATUS.payload_too_large),
  unsupported_media_type: jsonInit(ERROR_STATUS.unsupported_media_type),
  sink_full: jsonInit(ERROR_STATUS.sink_full, { "retry-after": String(RETRY_AFTER_SECONDS) })
};
var fixedError = (code, message) => {
  const body = JSON.stringify(errorBody(code, message));
  return () => new Response(body, ERROR_INIT[code]);
};
var notFound = fixedError("not_found", "No such route or todo; the API serves /health, /todos, /todos/:id and /ingest/v1");
var unsupportedMediaType = fixedError("unsupported_media_type", MESSAGES.unsupportedMediaType);
var payloadTooLarge = fixedError("payload_too_large", MESSAGES.payloadTooLarge);
var emptyBody = fixedError("invalid_json", MESSAGES.emptyBody);
var invalidUtf8 = fixedError("invalid_json", MESSAGES.invalidUtf8);
var tooDeep = fixedError("invalid_json", MESSAGES.tooDeep);
var sinkFull = fixedError("sink_full", MESSAGES.sinkFull);

// ../01-slim-builder/src/routes.ts
var todoCreated = defineLogEvent("debug", "todo created", "id", "title");
var sinkFilledUp = defineLogEvent("warn", "ingest sink full; refusing events until it drains", "capacity");
var utf82 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

// ../02-generated-serializers/src/routes.ts
var todoCreated2 = defineLogEvent("debug", "todo created", "id", "title");

// src/ingest.ts
var ITEM_COUNT = u8("itemCount");
var TIMESTAMP = u8("timestamp");
var IngestRead = {
  /** A top-level object: `fields` holds what it said. */
  Fields: 0,
  /** Valid JSON whose top-level value is not an object. */
  NotAnObject: 1,
  /** Not valid JSON: the reader's `errorCode` and `errorOffset` say why and where. */
  InvalidJson: 2
};
function numberOrNull(reader2) {
  if (reader2.read() === Token.Number) return reader2.numberValue();
  reader2.skip();
  return null;
}
function readIngest(reader2, bytes, fields) {
  fields.itemCount = void 0;
  fields.timestamp = void 0;
  reader2.reset(bytes);
  if (reader2.read() !== Token.StartObject) {
    reader2.skip();
    return reader2.read() === Token.EndOfDocument ? IngestRead.NotAnObject : IngestRead.InvalidJson;
  }
  for (; ; ) {
    const token = reader2.read();
    if (token === Token.EndObject) break;
    if (token !== Token.PropertyName) return IngestRead.InvalidJson;
    if (reader2.textEquals(ITEM_COUNT)) fields.itemCount = numberOrNull(reader2);
    else if (reader2.textEquals(TIMESTAMP)) fields.timestamp = numberOrNull(reader2);
    else reader2.skip();
    if (reader2.tokenType === Token.Error) return IngestRead.InvalidJson;
  }
  return reader2.read() === Token.EndOfDocument ? IngestRead.Fields : IngestRead.InvalidJson;
}
var reader = new JsonReader();

// perf2.ts
var r = new JsonReader();
var f = {};
var b = ingestFixture("64k").bytes;
var toks = 0;
r.reset(b);
while (r.read() < 11) toks++;
console.log("tokens", toks);
var t = performance.now();
for (let i = 0; i < 2e4; i++) readIngest(r, b, f);
console.log((performance.now() - t) / 2e4 * 1e3, "us");
