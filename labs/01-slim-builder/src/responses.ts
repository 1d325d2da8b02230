/**
 * Lab 01 — responses built once (step 3). A Response can be read only once, so one is made per request,
 * but everything it is made of can be decided before the first request: the ResponseInit of each status
 * (status + headers object), the bodies that never change (GET /health, the 404, the fixed error
 * messages), and the JSON of the todo list until the list changes. ASP.NET Core 7 caches its result
 * objects the same way (seed 004).
 *
 * TODO(step 3): export what your handlers need, for example:
 *   - module-level `const OK: ResponseInit = { status: 200, headers: { 'content-type': 'application/json' } }`
 *     and one per error status (ERROR_STATUS in @hotpath/api; the 503 also sends Retry-After);
 *   - `health()`, `notFound()` … returning `new Response(<a body string built once>, <its init>)`;
 *   - `errorResponse(code, message)` for messages that depend on the request;
 *   - createTodoListCache() below.
 */
import type { TodoStore } from '@hotpath/api';

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
