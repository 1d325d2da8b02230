/**
 * Lab 01 — your route table (step 3): the API as a list of routes, each with a module-level handler
 * function — the counterpart of ASP.NET's minimal APIs (`app.MapGet("/todos", …)`) instead of controllers
 * found by scanning. Nothing is constructed per request: the per-app state (store, sink, logger) arrives
 * as Hono's `c.env`, which createApp() passes to `router.fetch(request, state)` (step 4).
 *
 * TODO(step 3): write the five handlers and list them in `routes`:
 *   GET  /health      → the health body built once (responses.ts)
 *   GET  /todos       → c.env.todoList.body(), cached until the list changes
 *   GET  /todos/:id   → the todo as JSON.stringify writes it; 404 unless parseTodoId() (@hotpath/api)
 *                       gives an id that names a todo
 *   POST /todos       → 201 + Location: /todos/<id> + the created todo
 *   POST /ingest/v1   → 202 {"accepted":true,"itemCount":…,"timestamp":…} after c.env.sink.offer(); 503
 *                       sink_full + Retry-After when offer() returns false (log a warning when the sink
 *                       starts refusing — once, not per request: see sinkRefusing)
 * The POST routes first answer 415 unless isJsonContentType(c.req.header('content-type')), then read the
 * body with readBodyWithin(c.req.raw, BODY_LIMIT_BYTES) (413 on TOO_LARGE), decode it with a fatal
 * TextDecoder that keeps the BOM, JSON.parse it (400 invalid_json), refuse jsonTextDepth(text) >
 * MAX_JSON_DEPTH (400 invalid_json), then validate (step 2; 400 validation_failed). The error messages
 * are MESSAGES in @hotpath/api. Lab 00 does the same checks in shared/baseline/src/framework/router.ts
 * (415, 413) and pipes.ts (UTF-8, JSON, depth), with exceptions. Use defineLogEvent (step 1) for log lines.
 */
import type { IngestSink, Logger, TodoStore } from '@hotpath/api';
import type { Context, Handler } from 'hono';
import type { TodoListCache } from './responses.ts';

/** What one app owns; createApp() builds it and hands it to every request as `c.env`. */
export interface AppState {
  todos: TodoStore;
  todoList: TodoListCache;
  sink: IngestSink;
  /** True from the first refused event until the sink takes one again: log the warning once per episode. */
  sinkRefusing: boolean;
  log: Logger;
}
export type AppEnv = { Bindings: AppState };
export type Ctx = Context<AppEnv>;

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handler: Handler<AppEnv>;
}

/** TODO(step 3): the five routes of the API, each `{ method, path, handler }`. */
export const routes: readonly Route[] = [];
