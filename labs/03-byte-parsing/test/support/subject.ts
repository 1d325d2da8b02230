/**
 * Loading the subject's modules (the `src/` that `#lab/` points at) and reading documents with its reader.
 * Modules are imported lazily, inside each test (never in beforeAll): on unfinished code each test then
 * fails with the TODO's message instead of the whole file being skipped. `readAll` runs a reader over a
 * document the way the reference's `readAllTokens` does, so the two can be compared token for token, and
 * `differenceFrom` says, as an instruction, where they part: in the token stream (the core), or also in the
 * error code and offset (`exact`).
 */
import { JSON_ERROR_NAMES, JsonError, TOKEN_NAMES, Token, u8, type JsonErrorCode, type TokenType } from '@hotpath/api';
import { readAllTokens, type ReferenceReading, type TokenRecord } from '@hotpath/api/json-reference';
import type { JsonReader } from '#lab/json-reader.ts';

export type { JsonReader };

// Each loader imports a module of the subject: the module loader evaluates it once and hands every later
// import() the same module (or the same error, for unfinished code).

export const loadReaderModule = () => import('#lab/json-reader.ts');
export const loadIngestModule = () => import('#lab/ingest.ts');
export const loadAppModule = () => import('#lab/app.ts');

/** A new reader of the subject's JsonReader class. */
export async function newReader(maxDepth?: number): Promise<JsonReader> {
  const { JsonReader } = await loadReaderModule();
  return maxDepth === undefined ? new JsonReader() : new JsonReader(maxDepth);
}

const encoder = new TextEncoder();
/** The UTF-8 bytes of `text`, or `bytes` as they are. */
export const bytesOf = (doc: string | Uint8Array): Uint8Array => (typeof doc === 'string' ? encoder.encode(doc) : doc);

/** Bytes from a string of byte values 0..255 (`'"\xC0\xAF"'`): for documents that are not valid UTF-8. */
export const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

/** A readable rendering of a document's bytes: printable ASCII as is (a backslash doubled), every other byte as \xHH. */
export function showBytes(bytes: Uint8Array, max = 200): string {
  let out = '';
  for (let i = 0; i < Math.min(bytes.length, max); i++) {
    const b = bytes[i]!;
    if (b === 0x5c) out += '\\\\';
    else out += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `"${out}"${bytes.length > max ? `… (${bytes.length} bytes)` : ''}`;
}

export const tokenName = (type: number) => TOKEN_NAMES[type as TokenType] ?? `unknown token type ${type}`;
export const errorName = (code: number) => JSON_ERROR_NAMES[code as JsonErrorCode] ?? `unknown error code ${code}`;
export const showToken = (t: TokenRecord) => `${tokenName(t.type)} ${t.start}..${t.end}`;
export const showError = (code: number, offset: number) => (code === JsonError.None ? 'no error' : `${errorName(code)} at byte ${offset}`);

/**
 * Reads `bytes` with `reader` (reset first), the way readAllTokens records it: every token up to and
 * including EndOfDocument, or up to the Error (not recorded), then errorCode and errorOffset. Checks on the
 * way that tokenType is what read() returned and that hasEscapes says whether a string holds a backslash.
 */
export function readAll(reader: JsonReader, bytes: Uint8Array): ReferenceReading {
  reader.reset(bytes);
  const tokens: TokenRecord[] = [];
  for (let n = 0; n <= bytes.length + 1; n++) {
    const type = reader.read();
    if (type !== reader.tokenType) {
      throw new Error(`read() returned ${tokenName(type)} but tokenType is ${tokenName(reader.tokenType)}: set tokenType to the type read() returns`);
    }
    if (type === Token.Error) return { tokens, errorCode: reader.errorCode, errorOffset: reader.errorOffset };
    if ((type === Token.String || type === Token.PropertyName) && reader.hasEscapes !== bytes.subarray(reader.tokenStart, reader.tokenEnd).includes(0x5c)) {
      throw new Error(
        `In ${showBytes(bytes)}, hasEscapes is ${reader.hasEscapes} for the ${tokenName(type)} at ${reader.tokenStart}..${reader.tokenEnd}: set it when the text holds a backslash, clear it when not`,
      );
    }
    tokens.push({ type, start: reader.tokenStart, end: reader.tokenEnd });
    if (type === Token.EndOfDocument) return { tokens, errorCode: reader.errorCode, errorOffset: reader.errorOffset };
  }
  throw new Error(
    `read() returned more than ${bytes.length + 1} tokens for the ${bytes.length}-byte document ${showBytes(bytes)} without reaching EndOfDocument or Error: every token must move past at least one byte`,
  );
}

/**
 * Where `mine` parts from `reference`, as an instruction to the learner, or undefined when they agree.
 * Compares the tokens in order (type and byte span) — equal streams also mean the same verdict: both end
 * in EndOfDocument, or both in Error at the same token — then, when `exact`, the error code and offset.
 */
export function differenceFrom(reference: ReferenceReading, mine: ReferenceReading, bytes: Uint8Array, exact = false): string | undefined {
  const doc = `In the document ${showBytes(bytes)}`;
  const n = Math.min(reference.tokens.length, mine.tokens.length);
  for (let k = 0; k < n; k++) {
    const want = reference.tokens[k]!;
    const got = mine.tokens[k]!;
    if (want.type !== got.type || want.start !== got.start || want.end !== got.end) {
      return `${doc}, token #${k} should be ${showToken(want)} but your reader returned ${showToken(got)}. Strings and names span the text between the quotes, containers their bracket, numbers and literals themselves, EndOfDocument the empty span at the length`;
    }
  }
  if (reference.tokens.length > mine.tokens.length) {
    const want = reference.tokens[n]!;
    return `${doc}, token #${n} should be ${showToken(want)} but your reader returned Token.Error (${showError(mine.errorCode, mine.errorOffset)}) there: that part is valid JSON`;
  }
  if (mine.tokens.length > reference.tokens.length) {
    const got = mine.tokens[n]!;
    return `${doc}, your reader returned ${showToken(got)} as token #${n}, but the document is invalid there: return Token.Error (the reference reports JsonError.${errorName(reference.errorCode)} at byte ${reference.errorOffset})`;
  }
  if (!exact) return undefined;
  if (reference.errorCode !== mine.errorCode || reference.errorOffset !== mine.errorOffset) {
    if (reference.errorCode === JsonError.None) {
      return `${doc}, the document is valid: leave errorCode at JsonError.None and errorOffset at -1 (yours: ${showError(mine.errorCode, mine.errorOffset)}, offset ${mine.errorOffset})`;
    }
    return `${doc}, return Token.Error with JsonError.${errorName(reference.errorCode)} at byte ${reference.errorOffset}, not ${showError(mine.errorCode, mine.errorOffset)} (the rules are in json-bytes.ts's header)`;
  }
  return undefined;
}

/**
 * Reads `bytes` with `reader` and with the reference; throws the difference as an instruction. `exact`: the
 * error code and offset must be the reference's too, not only the token stream.
 */
export function expectSameAsReference(reader: JsonReader, bytes: Uint8Array, exact = false): ReferenceReading {
  const reference = readAllTokens(bytes);
  const difference = differenceFrom(reference, readAll(reader, bytes), bytes, exact);
  if (difference !== undefined) throw new Error(difference);
  return reference;
}

/** Reads `doc` with `reader` up to its first String or PropertyName token. */
export function readText(reader: JsonReader, doc: Uint8Array): void {
  reader.reset(doc);
  for (let k = 0; k < 4; k++) {
    const type = reader.read();
    if (type === Token.String || type === Token.PropertyName) return;
  }
  throw new Error(`Expected a string or property name in ${showBytes(doc)}: read() returned ${tokenName(reader.tokenType)}`);
}

/**
 * Each `[written, text, equal]` case read as a string and as a name: those where `reader.textEquals(u8(text))`
 * does not answer `equal`, as "<document> equals / does not equal <text>".
 */
export function textEqualsMistakes(reader: JsonReader, cases: readonly (readonly [string, string, boolean])[]): string[] {
  const wrong: string[] = [];
  for (const [written, text, equal] of cases) {
    for (const doc of [`"${written}"`, `{"${written}":1}`]) {
      readText(reader, bytesOf(doc));
      if (reader.textEquals(u8(text)) !== equal) wrong.push(`${doc} ${equal ? 'equals' : 'does not equal'} ${JSON.stringify(text)}`);
    }
  }
  return wrong;
}
