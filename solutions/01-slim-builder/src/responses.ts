/**
 * Everything about a response that can be decided before the first request, decided once: the header
 * objects of each status, the bodies that never change (health, 404, the fixed error messages) and a cache
 * of the GET /todos body that is rebuilt only when the list changes — ASP.NET 7's cached results (seed 004)
 * in Hono form. A Response itself is made per request (its body can be read only once), from these parts.
 */
import { INTERNAL_ERROR_BODY, MESSAGES, type Todo, type TodoStore } from '@hotpath/api';
import { fixedError, jsonInit, type TodoListCache } from '#given';

/** The errors the POST pipeline answers are lab 01's given code; `respond` offers them with the rest. */
export { ERROR_INIT, bodyAborted, emptyBody, errorResponse, invalidUtf8, payloadTooLarge, tooDeep, unsupportedMediaType } from '#given';

const JSON_TYPE = 'application/json';

/** ResponseInit objects shared by every response of a kind (nothing mutates them). */
const OK = jsonInit(200);
const ACCEPTED = jsonInit(202);
const INTERNAL_ERROR = jsonInit(500);

export const HEALTH_BODY = '{"status":"ok"}';

export const health = (): Response => new Response(HEALTH_BODY, OK);
export const ok = (json: string): Response => new Response(json, OK);
export const accepted = (json: string): Response => new Response(json, ACCEPTED);
export const created = (json: string, location: string): Response => new Response(json, { status: 201, headers: { 'content-type': JSON_TYPE, location } });

export const notFound = fixedError('not_found', 'No such route or todo; the API serves /health, /todos, /todos/:id and /ingest/v1');
export const sinkFull = fixedError('sink_full', MESSAGES.sinkFull);
export const internalError = (): Response => new Response(INTERNAL_ERROR_BODY, INTERNAL_ERROR);

/** TodoListCache, `{ body(): string }`, is given (#given): the type AppState's `todoList` has. */
export type { TodoListCache } from '#given';

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
