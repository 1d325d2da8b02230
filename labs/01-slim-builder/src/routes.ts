/**
 * Lab 01 — your route table (step 3): the API as a list of routes, each with a module-level handler
 * function — the counterpart of ASP.NET's minimal APIs (`app.MapGet("/todos", …)`) instead of controllers
 * found by scanning. Nothing is constructed per request: the per-app state (store, sink, logger) arrives
 * as Hono's `c.env`, which createApp() passes to `router.fetch(request, state)` (step 4).
 *
 * Given (../given.ts, `#given`): AppState and the route types, re-exported here, and the POST pipeline every
 * POST route starts with (postPipeline(), given your 'request aborted' event below), in the contract's
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
import { parseTodoId, type IngestEvent } from '@hotpath/api';
import type { Context } from 'hono';
import { postPipeline, type AppEnv, type AppState, type Route } from '#given';
import { defineLogEvent } from './logger.ts';
import * as respond from './responses.ts';
import { validateCreateTodo, validateIngest } from './validate.ts';

/** The app's types are given (#given): AppState, what createApp() builds and hands every request as `c.env`. */
export type { AppEnv, AppState, Route } from '#given';
type Ctx = Context<AppEnv>;

// TODO(step 3): your log events, defined once (defineLogEvent from step 1).

/** An upload the client cut off: counted at debug level, never an error (anyone can cut uploads off). */
const requestAborted = defineLogEvent('debug', 'request aborted', 'method', 'path');

/**
 * The POST pipeline (#given), logging each upload the client cut off with requestAborted. readBodyBytes(c):
 * 415, 413, 400 for an empty or cut-off body, else the bytes. readJson(c, errorResponse?): then UTF-8, JSON
 * and depth, else the parsed body; `errorResponse` makes the one error whose message depends on the body
 * (later labs pass their own). Both answer the error Response instead of throwing.
 */
export const { readBodyBytes, readJson } = postPipeline(requestAborted);

// TODO(step 3): getHealth, listTodos, getTodo, createTodo and ingest: module-level functions (c) => Response.

/** TODO(step 3): the five routes of the API, each `{ method, path, handler }`. */
export const routes: readonly Route[] = [];
