/**
 * Lab 01 — responses built once (step 3). A Response can be read only once, so one is made per request,
 * but everything it is made of can be decided before the first request: the ResponseInit of each status
 * (status + headers object), the bodies that never change (GET /health, the 404, the fixed error
 * messages), and the JSON of the todo list until the list changes. ASP.NET Core 7 caches its result
 * objects the same way (seed 004).
 *
 * Given in ../given.ts (`#given`; the worked example, and what the POST pipeline in routes.ts answers):
 * jsonInit(), ERROR_INIT — the ResponseInit of each error code, the 503's with Retry-After — fixedError(),
 * the fixed errors 415, 413, empty body, aborted body, invalid UTF-8 and too deep, and
 * errorResponse(code, message) for a message that depends on the request. This file re-exports the errors,
 * so `respond.tooDeep()` works like the responses you add.
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
import { INTERNAL_ERROR_BODY, MESSAGES, type Todo, type TodoStore } from '@hotpath/api';
import { fixedError, jsonInit, type TodoListCache } from '#given';

// The errors the POST pipeline answers, given (#given), and part of `respond` like the ones you add.
export { ERROR_INIT, bodyAborted, emptyBody, errorResponse, invalidUtf8, payloadTooLarge, tooDeep, unsupportedMediaType } from '#given';

// TODO(step 3): OK, ACCEPTED and INTERNAL_ERROR, made with jsonInit().
// TODO(step 3): health(), ok(json), accepted(json), created(json, location) and notFound().
// TODO(step 3): sinkFull() and internalError().

/** TodoListCache, `{ body(): string }`, is given (#given): the type AppState's `todoList` has. */
export type { TodoListCache } from '#given';

/**
 * TODO(step 3): keep the JSON of `[...store.values()]` and the `store.version` it was built at; build it
 * again only when store.version has changed (after a POST /todos).
 */
export function createTodoListCache(store: TodoStore): TodoListCache {
  throw new Error(`TODO(lab 01, step 3): cache the todo list JSON (store version ${store.version}) in src/responses.ts`);
}
