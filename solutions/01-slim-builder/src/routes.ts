/**
 * The API's route table and its handlers. Every handler is a module-level function: nothing is
 * constructed per request (no controller, no container, no closure), and the per-app state — the todo
 * store, the sink, the logger — arrives as Hono's `c.env`, which createApp() passes to `fetch`.
 * The POST routes check the media type, then the size, then parse: the contract's order, without a
 * middleware chain in front of every request.
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

const todoCreated = defineLogEvent('debug', 'todo created', 'id', 'title');
const sinkFilledUp = defineLogEvent('warn', 'ingest sink full; refusing events until it drains', 'capacity');

/** An upload the client cut off: counted at debug level, never an error (anyone can cut uploads off). */
const requestAborted = defineLogEvent('debug', 'request aborted', 'method', 'path');

/**
 * The POST pipeline (#given), logging each upload the client cut off with requestAborted. readBodyBytes(c):
 * 415, 413, 400 for an empty or cut-off body, else the bytes. readJson(c, errorResponse?): then UTF-8, JSON
 * and depth, else the parsed body; `errorResponse` makes the one error whose message depends on the body
 * (later labs pass their own). Both answer the error Response instead of throwing.
 */
export const { readBodyBytes, readJson } = postPipeline(requestAborted);

export function getHealth(): Response {
  return respond.health();
}

export function listTodos(c: Ctx): Response {
  return respond.ok(c.env.todoList.body());
}

export function getTodo(c: Ctx): Response {
  const id = parseTodoId(c.req.param('id') ?? '');
  const todo = id === undefined ? undefined : c.env.todos.find(id);
  return todo === undefined ? respond.notFound() : respond.ok(JSON.stringify(todo));
}

export async function createTodo(c: Ctx): Promise<Response> {
  const body = await readJson(c);
  if (body instanceof Response) return body;
  const input = validateCreateTodo(body);
  if (typeof input === 'string') return respond.errorResponse('validation_failed', input);
  const todo = c.env.todos.add(input.title, input.isComplete ?? false);
  todoCreated(c.env.log, todo.id, todo.title);
  return respond.created(JSON.stringify(todo), `/todos/${todo.id}`);
}

/**
 * Hands an accepted event to the sink; false when the sink is full (answer 503). Under backpressure every
 * request is refused: the change of state is logged, not each refusal.
 */
export function offer(state: AppState, event: IngestEvent): boolean {
  if (!state.sink.offer(event.itemCount, event.timestamp)) {
    if (!state.sinkRefusing) sinkFilledUp(state.log, state.sink.capacity);
    state.sinkRefusing = true;
    return false;
  }
  state.sinkRefusing = false;
  return true;
}

export async function ingest(c: Ctx): Promise<Response> {
  const body = await readJson(c);
  if (body instanceof Response) return body;
  const event = validateIngest(body);
  if (typeof event === 'string') return respond.errorResponse('validation_failed', event);
  if (!offer(c.env, event)) return respond.sinkFull();
  return respond.accepted(JSON.stringify({ accepted: true, itemCount: event.itemCount, timestamp: event.timestamp }));
}

/** The whole API, registered explicitly: nothing is discovered by scanning. */
export const routes: readonly Route[] = [
  { method: 'GET', path: '/health', handler: getHealth },
  { method: 'GET', path: '/todos', handler: listTodos },
  { method: 'GET', path: '/todos/:id', handler: getTodo },
  { method: 'POST', path: '/todos', handler: createTodo },
  { method: 'POST', path: '/ingest/v1', handler: ingest },
];
