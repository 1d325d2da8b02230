/**
 * The API's route table and its handlers. Every handler is a module-level function: nothing is
 * constructed per request (no controller, no container, no closure), and the per-app state — the todo
 * store, the sink, the logger — arrives as Hono's `c.env`, which createApp() passes to `fetch`.
 * The POST routes check the media type, then the size, then parse: the contract's order, without a
 * middleware chain in front of every request.
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

const todoCreated = defineLogEvent('debug', 'todo created', 'id', 'title');
const sinkFilledUp = defineLogEvent('warn', 'ingest sink full; refusing events until it drains', 'capacity');

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
