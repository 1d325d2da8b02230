/**
 * Lab 01's given surface: the contract's plumbing the POST routes answer with, each with what it does. Your
 * code imports it as `#given` (src/responses.ts re-exports the errors, so handlers write `respond.tooDeep()`);
 * the README's "What you build on" table lists the same names (a test keeps the two equal). You do not edit
 * this file: step 3 asks you to write the rest of the responses in the same style, and the handlers.
 * src/routes.ts re-exports the app's types (AppState, AppEnv, Route) and src/responses.ts TodoListCache.
 *
 * Everything here is decided at module load; a Response is still made per call (its body can be read once).
 */
import {
  BODY_LIMIT_BYTES,
  ERROR_STATUS,
  MAX_JSON_DEPTH,
  MESSAGES,
  RETRY_AFTER_SECONDS,
  TOO_LARGE,
  errorBody,
  isJsonContentType,
  jsonTextDepth,
  readBodyWithin,
  type ErrorCode,
  type IngestSink,
  type Logger,
  type TodoStore,
} from '@hotpath/api';
import type { Handler } from 'hono';

/** TodoListCache — `{ body(): string }`: the GET /todos body of one store, serialized again only after the store changed. */
export interface TodoListCache {
  body(): string;
}

/** AppState — what one app owns; createApp() builds it and hands it to every request as `c.env`. */
export interface AppState {
  todos: TodoStore;
  todoList: TodoListCache;
  sink: IngestSink;
  /** True from the first refused event until the sink takes one again: the warning is logged once per episode. */
  sinkRefusing: boolean;
  log: Logger;
}

/** AppEnv — the Hono environment of every handler: `Context<AppEnv>` makes `c.env` an `AppState`. */
export type AppEnv = { Bindings: AppState };

/** Route — one entry of the route table: `{ method: 'GET' | 'POST', path, handler }`. */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handler: Handler<AppEnv>;
}

/** jsonInit(status, extraHeaders?): ResponseInit — a JSON ResponseInit made once and shared by every response of a kind (nothing mutates it). */
export const jsonInit = (status: number, extraHeaders: Record<string, string> = {}): ResponseInit => ({
  status,
  headers: { 'content-type': 'application/json', ...extraHeaders },
});

/** ERROR_INIT — the ResponseInit of each error code (the 503s carry Retry-After). */
export const ERROR_INIT: Record<ErrorCode, ResponseInit> = {
  invalid_json: jsonInit(ERROR_STATUS.invalid_json),
  validation_failed: jsonInit(ERROR_STATUS.validation_failed),
  not_found: jsonInit(ERROR_STATUS.not_found),
  payload_too_large: jsonInit(ERROR_STATUS.payload_too_large),
  unsupported_media_type: jsonInit(ERROR_STATUS.unsupported_media_type),
  sink_full: jsonInit(ERROR_STATUS.sink_full, { 'retry-after': String(RETRY_AFTER_SECONDS) }),
  server_busy: jsonInit(ERROR_STATUS.server_busy, { 'retry-after': String(RETRY_AFTER_SECONDS) }),
  bad_request: jsonInit(ERROR_STATUS.bad_request),
  request_timeout: jsonInit(ERROR_STATUS.request_timeout),
  header_too_large: jsonInit(ERROR_STATUS.header_too_large),
};

/** fixedError(code, message): () => Response — an error whose body never changes, serialized once; each call makes a new Response of it. */
export const fixedError = (code: ErrorCode, message: string) => {
  const body = JSON.stringify(errorBody(code, message));
  return (): Response => new Response(body, ERROR_INIT[code]);
};

/** unsupportedMediaType(): Response — 415 `unsupported_media_type`: the POST body is not JSON. */
export const unsupportedMediaType = fixedError('unsupported_media_type', MESSAGES.unsupportedMediaType);
/** payloadTooLarge(): Response — 413 `payload_too_large`: the body is past BODY_LIMIT_BYTES. */
export const payloadTooLarge = fixedError('payload_too_large', MESSAGES.payloadTooLarge);
/** emptyBody(): Response — 400 `invalid_json`: a POST without a body. */
export const emptyBody = fixedError('invalid_json', MESSAGES.emptyBody);
/** bodyAborted(): Response — 400 `invalid_json`: the client cut the upload off (written only if the socket still takes it). */
export const bodyAborted = fixedError('invalid_json', MESSAGES.bodyAborted);
/** invalidUtf8(): Response — 400 `invalid_json`: the body is not UTF-8. */
export const invalidUtf8 = fixedError('invalid_json', MESSAGES.invalidUtf8);
/** tooDeep(): Response — 400 `invalid_json`: the JSON nests deeper than MAX_JSON_DEPTH. */
export const tooDeep = fixedError('invalid_json', MESSAGES.tooDeep);

/** errorResponse(code, message): Response — an error whose message depends on the request (a JSON syntax error, a validation message). */
export const errorResponse = (code: ErrorCode, message: string): Response => new Response(JSON.stringify(errorBody(code, message)), ERROR_INIT[code]);

/** PostContext — what the POST pipeline reads of a handler's `c`: the request, and `c.env.log` (any `Context<AppEnv>` is one). */
export interface PostContext {
  req: { raw: Request; method: string; path: string; header(name: string): string | undefined };
  env: { log: Logger };
}

/** PostPipeline — `{ readBodyBytes(c), readJson(c, errorResponse?) }`, what `postPipeline(requestAborted)` returns. */
export interface PostPipeline {
  /** 415 for a body that is not JSON, 413 past the limit, 400 for an empty body or one the client cut off; else the body's bytes. */
  readBodyBytes(c: PostContext): Promise<Uint8Array | Response>;
  /** readBodyBytes, then UTF-8, JSON.parse and the depth limit (400 `invalid_json`): the parsed body, or the error Response. */
  readJson(c: PostContext, makeError?: (code: ErrorCode, message: string) => Response): Promise<unknown>;
}

/** Fatal: invalid UTF-8 is an error, not U+FFFD. ignoreBOM: a BOM stays in the text, so JSON.parse rejects it. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * True when reading the body failed because the client went away mid-body: Node's IncomingMessage errors
 * with "aborted" (code ECONNRESET) and @hono/node-server aborts the request's signal. Anything else thrown
 * while reading is a bug, and goes on to onError.
 */
function clientWentAway(c: PostContext, error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ECONNRESET' || c.req.raw.signal.aborted;
}

/**
 * postPipeline(requestAborted): PostPipeline — the POST pipeline in the contract's order, logging each upload
 * the client cut off with `requestAborted(c.env.log, method, path)` (your debug event, from your step 1
 * defineLogEvent). Its functions resolve to the body or to the error Response to return as is; they throw
 * only what is a bug (an error reading the body that is not a dropped connection).
 */
export function postPipeline(requestAborted: (log: Logger, method: string, path: string) => void): PostPipeline {
  async function readBodyBytes(c: PostContext): Promise<Uint8Array | Response> {
    if (!isJsonContentType(c.req.header('content-type'))) return unsupportedMediaType();
    let bytes: Uint8Array | typeof TOO_LARGE;
    try {
      bytes = await readBodyWithin(c.req.raw, BODY_LIMIT_BYTES);
    } catch (error) {
      if (!clientWentAway(c, error)) throw error;
      requestAborted(c.env.log, c.req.method, c.req.path);
      return bodyAborted();
    }
    if (bytes === TOO_LARGE) return payloadTooLarge();
    if (bytes.byteLength === 0) return emptyBody();
    return bytes;
  }

  async function readJson(c: PostContext, makeError = errorResponse): Promise<unknown> {
    const bytes = await readBodyBytes(c);
    if (bytes instanceof Response) return bytes;
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return invalidUtf8();
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return makeError('invalid_json', MESSAGES.invalidJson((error as Error).message));
    }
    if (jsonTextDepth(text) > MAX_JSON_DEPTH) return tooDeep();
    return value;
  }

  return { readBodyBytes, readJson };
}
