/**
 * Lab 01 — responses built once (step 3). A Response can be read only once, so one is made per request,
 * but everything it is made of can be decided before the first request: the ResponseInit of each status
 * (status + headers object), the bodies that never change (GET /health, the 404, the fixed error
 * messages), and the JSON of the todo list until the list changes. ASP.NET Core 7 caches its result
 * objects the same way (seed 004).
 *
 * Given (the worked example, and what the POST pipeline in routes.ts answers): jsonInit(), ERROR_INIT — the
 * ResponseInit of each error code, the 503's with Retry-After — fixedError(), the fixed errors 415, 413,
 * empty body, aborted body, invalid UTF-8 and too deep, and errorResponse(code, message) for a message that
 * depends on the request.
 *
 * TODO(step 3): the rest, in the same style — everything decided at module load, a new Response per call:
 *   - the inits `OK` (200), `ACCEPTED` (202) and `INTERNAL_ERROR` (500), made with jsonInit();
 *   - `health()` (200 `{"status":"ok"}`), `ok(json)` (200), `accepted(json)` (202) and
 *     `created(json, location)` (201 with a `location` header besides the content type);
 *   - `notFound()` (404 not_found) with fixedError() and one message of your own for every unknown path or
 *     todo: MESSAGES has none (lab 00's 404 names the path, which a fixed body cannot) and the contract checks
 *     the code only — the reference says 'No such route or todo; the API serves /health, /todos, /todos/:id
 *     and /ingest/v1'; `sinkFull()` (503 sink_full, MESSAGES.sinkFull) with fixedError();
 *     `internalError()` (500, INTERNAL_ERROR_BODY);
 *   - createTodoListCache() below.
 */
import { ERROR_STATUS, INTERNAL_ERROR_BODY, MESSAGES, RETRY_AFTER_SECONDS, errorBody, type ErrorCode, type Todo, type TodoStore } from '@hotpath/api';

const JSON_TYPE = 'application/json';

/** ResponseInit objects shared by every response of a kind (nothing mutates them). */
const jsonInit = (status: number, extraHeaders: Record<string, string> = {}): ResponseInit => ({
  status,
  headers: { 'content-type': JSON_TYPE, ...extraHeaders },
});
// TODO(step 3): OK, ACCEPTED and INTERNAL_ERROR.
/** The ResponseInit of each error code (the 503s carry Retry-After). */
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

/** An error body whose message never changes, serialized once. */
const fixedError = (code: ErrorCode, message: string) => {
  const body = JSON.stringify(errorBody(code, message));
  return (): Response => new Response(body, ERROR_INIT[code]);
};

// TODO(step 3): health(), ok(json), accepted(json), created(json, location) and notFound().
export const unsupportedMediaType = fixedError('unsupported_media_type', MESSAGES.unsupportedMediaType);
export const payloadTooLarge = fixedError('payload_too_large', MESSAGES.payloadTooLarge);
export const emptyBody = fixedError('invalid_json', MESSAGES.emptyBody);
export const bodyAborted = fixedError('invalid_json', MESSAGES.bodyAborted);
export const invalidUtf8 = fixedError('invalid_json', MESSAGES.invalidUtf8);
export const tooDeep = fixedError('invalid_json', MESSAGES.tooDeep);
// TODO(step 3): sinkFull() and internalError().

/** An error whose message depends on the request (a JSON syntax error, a validation message). */
export const errorResponse = (code: ErrorCode, message: string): Response => new Response(JSON.stringify(errorBody(code, message)), ERROR_INIT[code]);

/** The GET /todos body of one store, serialized again only after the store changed. */
export interface TodoListCache {
  body(): string;
}

/**
 * TODO(step 3): keep the JSON of `[...store.values()]` and the `store.version` it was built at; build it
 * again only when store.version has changed (after a POST /todos).
 */
export function createTodoListCache(store: TodoStore): TodoListCache {
  throw new Error(`TODO(lab 01, step 3): cache the todo list JSON (store version ${store.version}) in src/responses.ts`);
}
