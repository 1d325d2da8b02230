/**
 * Lab 02's app. It starts as lab 01's reference app, so the contract passes from the first minute.
 *
 * TODO(lab 02, step 5): build the app on your route table, the way lab 01's createApp() does, but:
 *   - import `routes` from ./routes.ts and pass it to `buildRouter(routes)` from
 *     @hotpath/solution-01-slim-builder (it builds the bare Hono router once);
 *   - before that, call `assertRegistered(routes, Object.keys(jsonContext))` (./check-registry.ts and
 *     ./generated/json-context.ts), so a route naming an unregistered type stops the app when it loads;
 *   - make the GET /todos cache with the generated list serializer:
 *     `createTodoListCache(todos, jsonContext.TodoList.serialize)`.
 */
export { createApp } from '@hotpath/solution-01-slim-builder';
