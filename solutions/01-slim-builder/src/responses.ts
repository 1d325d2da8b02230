/**
 * Everything about a response that can be decided before the first request, decided once: the header
 * objects of each status, the bodies that never change (health, 404, the fixed error messages) and a cache
 * of the GET /todos body that is rebuilt only when the list changes — ASP.NET 7's cached results (seed 004)
 * in Hono form. A Response itself is made per request (its body can be read only once), from these parts.
 */
import { ERROR_STATUS, INTERNAL_ERROR_BODY, MESSAGES, RETRY_AFTER_SECONDS, errorBody, type ErrorCode, type Todo, type TodoStore } from '@hotpath/api';

const JSON_TYPE = 'application/json';

/** ResponseInit objects shared by every response of a kind (nothing mutates them). */
const jsonInit = (status: number, extraHeaders: Record<string, string> = {}): ResponseInit => ({
  status,
  headers: { 'content-type': JSON_TYPE, ...extraHeaders },
});
const OK = jsonInit(200);
const ACCEPTED = jsonInit(202);
const INTERNAL_ERROR = jsonInit(500);
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

export const HEALTH_BODY = '{"status":"ok"}';

/** An error body whose message never changes, serialized once. */
const fixedError = (code: ErrorCode, message: string) => {
  const body = JSON.stringify(errorBody(code, message));
  return (): Response => new Response(body, ERROR_INIT[code]);
};

export const health = (): Response => new Response(HEALTH_BODY, OK);
export const ok = (json: string): Response => new Response(json, OK);
export const accepted = (json: string): Response => new Response(json, ACCEPTED);
export const created = (json: string, location: string): Response => new Response(json, { status: 201, headers: { 'content-type': JSON_TYPE, location } });

export const notFound = fixedError('not_found', 'No such route or todo; the API serves /health, /todos, /todos/:id and /ingest/v1');
export const unsupportedMediaType = fixedError('unsupported_media_type', MESSAGES.unsupportedMediaType);
export const payloadTooLarge = fixedError('payload_too_large', MESSAGES.payloadTooLarge);
export const emptyBody = fixedError('invalid_json', MESSAGES.emptyBody);
export const bodyAborted = fixedError('invalid_json', MESSAGES.bodyAborted);
export const invalidUtf8 = fixedError('invalid_json', MESSAGES.invalidUtf8);
export const tooDeep = fixedError('invalid_json', MESSAGES.tooDeep);
export const sinkFull = fixedError('sink_full', MESSAGES.sinkFull);
export const internalError = (): Response => new Response(INTERNAL_ERROR_BODY, INTERNAL_ERROR);

/** An error whose message depends on the request (a JSON syntax error, a validation message). */
export const errorResponse = (code: ErrorCode, message: string): Response => new Response(JSON.stringify(errorBody(code, message)), ERROR_INIT[code]);

/** The GET /todos body of one store, serialized again only after the store changed. */
export interface TodoListCache {
  body(): string;
}

/** `serialize` turns the list into JSON (lab 02 passes its generated serializer). */
export function createTodoListCache(store: TodoStore, serialize: (todos: Todo[]) => string = (todos) => JSON.stringify(todos)): TodoListCache {
  let version = -1;
  let json = '';
  return {
    body() {
      if (version !== store.version) {
        json = serialize([...store.values()]);
        version = store.version;
      }
      return json;
    },
  };
}
