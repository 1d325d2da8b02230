/**
 * Lab 02's route table. It starts as lab 01's handlers — JSON.stringify for the bodies, lab 01's
 * hand-written checks for what comes in — so the contract passes from the start. Step 4 moves every body
 * that crosses HTTP onto the generated code, and makes each route declare the registered types of its bodies.
 * The GET /health and GET /todos handlers are given (`#given`): the list's text is serialized by the
 * createTodoListCache serializer app.ts passes, so neither handler changes.
 *
 * TODO(lab 02, step 4), once src/generated/json-context.ts exists (steps 1–3):
 *   - import `jsonContext` and the type `JsonTypeName` from ./generated/json-context.ts, and the body types
 *     you cast to from ./generated/types.ts;
 *   - in TypedRoute, type `accepts` as `JsonTypeName` and `returns` as a required `readonly JsonTypeName[]`,
 *     so a route naming an unregistered type does not compile; then give each route of the table its types;
 *   - serialize with `jsonContext.Todo.serialize(todo)`, `jsonContext.IngestAccepted.serialize(…)` and, in
 *     errorResponse, `jsonContext.ErrorBody.serialize({ error: { code, message } })`;
 *   - validate with `jsonContext.CreateTodo.validate(body)` and `jsonContext.IngestEvent.validate(body)`:
 *     undefined, or the message with its path, to answer as `validation_failed`; then cast the body.
 */
import { errorBody, parseTodoId, type ErrorCode } from '@hotpath/api';
import type { Context } from 'hono';
import {
  defineLogEvent,
  getHealth,
  listTodos,
  offer,
  readJson,
  respond,
  validateCreateTodoByHand,
  validateIngestByHand,
  type AppEnv,
  type Route,
} from '#given';

type Ctx = Context<AppEnv>;

/** A route and the registered types of its bodies: what it accepts (POST) and every body it can answer with. */
export interface TypedRoute extends Route {
  accepts?: string;
  returns?: readonly string[];
}

const todoCreated = defineLogEvent('debug', 'todo created', 'id', 'title');

/** An error whose message depends on the request (a JSON syntax error, a validation message). */
export function errorResponse(code: ErrorCode, message: string): Response {
  return new Response(JSON.stringify(errorBody(code, message)), respond.ERROR_INIT[code]);
}

export function getTodo(c: Ctx): Response {
  const id = parseTodoId(c.req.param('id') ?? '');
  const todo = id === undefined ? undefined : c.env.todos.find(id);
  return todo === undefined ? respond.notFound() : respond.ok(JSON.stringify(todo));
}

export async function createTodo(c: Ctx): Promise<Response> {
  const body = await readJson(c, errorResponse);
  if (body instanceof Response) return body;
  const input = validateCreateTodoByHand(body);
  if (typeof input === 'string') return errorResponse('validation_failed', input);
  const todo = c.env.todos.add(input.title, input.isComplete ?? false);
  todoCreated(c.env.log, todo.id, todo.title);
  return respond.created(JSON.stringify(todo), `/todos/${todo.id}`);
}

export async function ingest(c: Ctx): Promise<Response> {
  const body = await readJson(c, errorResponse);
  if (body instanceof Response) return body;
  const event = validateIngestByHand(body);
  if (typeof event === 'string') return errorResponse('validation_failed', event);
  if (!offer(c.env, event)) return respond.sinkFull();
  return respond.accepted(JSON.stringify({ accepted: true, itemCount: event.itemCount, timestamp: event.timestamp }));
}

/** The whole API. */
export const routes: readonly TypedRoute[] = [
  { method: 'GET', path: '/health', handler: getHealth },
  { method: 'GET', path: '/todos', handler: listTodos },
  { method: 'GET', path: '/todos/:id', handler: getTodo },
  { method: 'POST', path: '/todos', handler: createTodo },
  { method: 'POST', path: '/ingest/v1', handler: ingest },
];
