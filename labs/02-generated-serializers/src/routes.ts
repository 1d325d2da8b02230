/**
 * Lab 02's route table. It starts as lab 01's, whose handlers use JSON.stringify and hand-written checks.
 *
 * TODO(lab 02, step 5): write the handlers that change — GET /todos/:id, POST /todos, POST /ingest/v1 —
 * on the generated code, and give every route its body types:
 *   - validate with `jsonContext.CreateTodo.validate(body)` (undefined, or the message with its path) and
 *     answer `validation_failed` with that message;
 *   - serialize with `jsonContext.Todo.serialize(todo)`, `jsonContext.IngestAccepted.serialize(…)`, and
 *     error bodies with `jsonContext.ErrorBody.serialize(…)` (pass your errorResponse to lab 01's
 *     `readJson(c, errorResponse)`; `respond.ERROR_INIT[code]` has each error's status and headers);
 *   - keep lab 01's `getHealth`, `readJson` and `offer` (from @hotpath/solution-01-slim-builder/routes.ts);
 *   - declare each route's `accepts` and `returns` with `JsonTypeName`s (from ./generated/json-context.ts),
 *     so an unregistered type does not even compile.
 */
import type { Route } from '@hotpath/solution-01-slim-builder/routes.ts';

/** A route and the registered types of its bodies: what it accepts (POST) and every body it can answer with. */
export interface TypedRoute extends Route {
  accepts?: string;
  returns: readonly string[];
}

export { routes } from '@hotpath/solution-01-slim-builder/routes.ts';
