/**
 * Lab 01 — your route table (step 3): the API as a list of routes, each with a module-level handler
 * function — the counterpart of ASP.NET's minimal APIs (`app.MapGet("/todos", …)`) instead of controllers
 * found by scanning. Nothing is constructed per request: the per-app state (store, sink, logger) arrives
 * as Hono's `c.env`, which createApp() passes to `router.fetch(request, state)` (step 4).
 *
 * Given: AppState and the route types, and the POST pipeline every POST route starts with, in the contract's
 * order — readBodyBytes(c) (415 unless the body is JSON, 413 past BODY_LIMIT_BYTES, 400 for an empty body)
 * and readJson(c) (then UTF-8, JSON.parse and the depth limit: 400 invalid_json). readJson() resolves to the
 * parsed body or to the error Response to return as is: `if (body instanceof Response) return body;`. The
 * handler returns its errors; nothing is thrown (lab 00 throws, and an exception filter catches).
 * An upload the client cut off is not an error either: readBodyBytes() answers it 400 and logs the debug
 * event 'request aborted', where lab 00 prints a stack trace per aborted upload (test/aborted-uploads.test.ts).
 *
 * TODO(step 3): write the five handlers and list them in `routes` (`respond` is responses.ts):
 *   GET  /health      → respond.health(), its body built once
 *   GET  /todos       → respond.ok(c.env.todoList.body()): the list's JSON, cached until the list changes
 *   GET  /todos/:id   → respond.ok(JSON.stringify(todo)); respond.notFound() unless
 *                       parseTodoId(c.req.param('id') ?? '') gives an id that c.env.todos.find() knows
 *                       (with `c: Ctx` Hono types the param string | undefined; '' names no todo)
 *   POST /todos       → readJson(c), then validateCreateTodo (step 2): a string is the message of a 400
 *                       (respond.errorResponse('validation_failed', message)); else c.env.todos.add(title,
 *                       isComplete ?? false) and respond.created(JSON.stringify(todo), `/todos/${todo.id}`).
 *                       Log it with a debug event defined once at module level (defineLogEvent, step 1).
 *   POST /ingest/v1   → readJson(c), then validateIngest; c.env.sink.offer(itemCount, timestamp) and
 *                       respond.accepted(JSON.stringify({ accepted: true, itemCount, timestamp })), or
 *                       respond.sinkFull() (503 with Retry-After) when offer() returns false.
 * Going further (test/going-further/): log a warning when the sink starts refusing — once per episode, not once
 * per refused request (the test counts the warn lines): on a refused offer() warn only if c.env.sinkRefusing was
 * false, then set it; clear it when offer() succeeds again. Define the warn event once like the others (the
 * reference's has one field, the sink's capacity: c.env.sink.capacity). A helper offer(state, event): boolean
 * beside the handlers keeps ingest short; the reference's is the `offer` labs 02–04 get from #given.
 */
import {
  BODY_LIMIT_BYTES,
  MAX_JSON_DEPTH,
  TOO_LARGE,
  isJsonContentType,
  jsonTextDepth,
  MESSAGES,
  parseTodoId,
  readBodyWithin,
  type IngestEvent,
  type IngestSink,
  type Logger,
  type TodoStore,
} from '@hotpath/api';
import type { Context, Handler } from 'hono';
import { defineLogEvent } from './logger.ts';
import * as respond from './responses.ts';
import { validateCreateTodo, validateIngest } from './validate.ts';

/** What one app owns; createApp() builds it and hands it to every request as `c.env`. */
export interface AppState {
  todos: TodoStore;
  todoList: respond.TodoListCache;
  sink: IngestSink;
  /** True from the first refused event until the sink takes one again: the warning is logged once per episode. */
  sinkRefusing: boolean;
  log: Logger;
}
export type AppEnv = { Bindings: AppState };
type Ctx = Context<AppEnv>;

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handler: Handler<AppEnv>;
}

// TODO(step 3): your log events, defined once (defineLogEvent from step 1).

/** Fatal: invalid UTF-8 is an error, not U+FFFD. ignoreBOM: a BOM stays in the text, so JSON.parse rejects it. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** An upload the client cut off: counted at debug level, never an error (anyone can cut uploads off). */
const requestAborted = defineLogEvent('debug', 'request aborted', 'method', 'path');

/**
 * True when reading the body failed because the client went away mid-body: Node's IncomingMessage errors
 * with "aborted" (code ECONNRESET) and @hono/node-server aborts the request's signal. Anything else thrown
 * while reading is a bug, and goes on to onError.
 */
function clientWentAway(c: Ctx, error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ECONNRESET' || c.req.raw.signal.aborted;
}

/**
 * The first half of the POST pipeline: 415 for a body that is not JSON, 413 past the limit, 400 for an
 * empty body or one the client cut off. Answers the body's bytes, or the error Response.
 */
export async function readBodyBytes(c: Ctx): Promise<Uint8Array | Response> {
  if (!isJsonContentType(c.req.header('content-type'))) return respond.unsupportedMediaType();
  let bytes: Uint8Array | typeof TOO_LARGE;
  try {
    bytes = await readBodyWithin(c.req.raw, BODY_LIMIT_BYTES);
  } catch (error) {
    if (!clientWentAway(c, error)) throw error;
    requestAborted(c.env.log, c.req.method, c.req.path);
    return respond.bodyAborted(); // written only if the socket still takes it
  }
  if (bytes === TOO_LARGE) return respond.payloadTooLarge();
  if (bytes.byteLength === 0) return respond.emptyBody();
  return bytes;
}

/**
 * The POST pipeline: 415, 413, then UTF-8, JSON and depth. Answers the parsed body, or the error Response;
 * `errorResponse` makes the one error whose message depends on the body (later labs pass their own).
 */
export async function readJson(c: Ctx, errorResponse = respond.errorResponse): Promise<unknown> {
  const bytes = await readBodyBytes(c);
  if (bytes instanceof Response) return bytes;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return respond.invalidUtf8();
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return errorResponse('invalid_json', MESSAGES.invalidJson((error as Error).message));
  }
  if (jsonTextDepth(text) > MAX_JSON_DEPTH) return respond.tooDeep();
  return value;
}

// TODO(step 3): getHealth, listTodos, getTodo, createTodo and ingest: module-level functions (c) => Response.

/** TODO(step 3): the five routes of the API, each `{ method, path, handler }`. */
export const routes: readonly Route[] = [];
