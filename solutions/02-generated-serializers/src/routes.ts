/**
 * Lab 02's route table: lab 01's routes, with every body that crosses HTTP going through the generated
 * code — validators for what comes in, serializers for what goes out — looked up in the registry's
 * jsonContext. Each route also declares the types it accepts and returns (`accepts`, `returns`); a type
 * that is not registered does not compile, and check-registry.ts refuses it when the app loads.
 */
import { parseTodoId, type ErrorCode } from '@hotpath/api';
import type { Context } from 'hono';
import { defineLogEvent, getHealth, listTodos, offer, readJson, respond, type AppEnv, type Route } from '#given';
import { jsonContext, type JsonTypeName } from './generated/json-context.ts';
import type { CreateTodo, IngestEvent } from './generated/types.ts';

type Ctx = Context<AppEnv>;

/** A route and the registered types of its bodies: what it accepts (POST) and every body it can answer with. */
export interface TypedRoute extends Route {
  accepts?: JsonTypeName;
  returns: readonly JsonTypeName[];
}

const todoCreated = defineLogEvent('debug', 'todo created', 'id', 'title');

/** An error whose message depends on the request, serialized by the generated ErrorBody serializer. */
export function errorResponse(code: ErrorCode, message: string): Response {
  return new Response(jsonContext.ErrorBody.serialize({ error: { code, message } }), respond.ERROR_INIT[code]);
}

export function getTodo(c: Ctx): Response {
  const id = parseTodoId(c.req.param('id') ?? '');
  const todo = id === undefined ? undefined : c.env.todos.find(id);
  return todo === undefined ? respond.notFound() : respond.ok(jsonContext.Todo.serialize(todo));
}

/**
 * A POST body, parsed and checked by its generated validator: the typed value, or the finished error Response
 * to return as is (415, 413, 400 invalid_json, 400 validation_failed with the validator's message).
 */
async function readValid<T>(c: Ctx, type: { validate(value: unknown): string | undefined }): Promise<T | Response> {
  const body = await readJson(c, errorResponse);
  if (body instanceof Response) return body;
  const problem = type.validate(body);
  return problem === undefined ? (body as T) : errorResponse('validation_failed', problem);
}

export async function createTodo(c: Ctx): Promise<Response> {
  const input = await readValid<CreateTodo>(c, jsonContext.CreateTodo);
  if (input instanceof Response) return input;
  const todo = c.env.todos.add(input.title, input.isComplete ?? false);
  todoCreated(c.env.log, todo.id, todo.title);
  return respond.created(jsonContext.Todo.serialize(todo), `/todos/${todo.id}`);
}

export async function ingest(c: Ctx): Promise<Response> {
  const event = await readValid<IngestEvent>(c, jsonContext.IngestEvent);
  if (event instanceof Response) return event;
  if (!offer(c.env, event)) return respond.sinkFull();
  return respond.accepted(jsonContext.IngestAccepted.serialize({ accepted: true, itemCount: event.itemCount, timestamp: event.timestamp }));
}

/** The whole API, each route with the types of its bodies. */
export const routes: readonly TypedRoute[] = [
  { method: 'GET', path: '/health', handler: getHealth, returns: ['Health'] },
  { method: 'GET', path: '/todos', handler: listTodos, returns: ['TodoList'] },
  { method: 'GET', path: '/todos/:id', handler: getTodo, returns: ['Todo', 'ErrorBody'] },
  { method: 'POST', path: '/todos', handler: createTodo, accepts: 'CreateTodo', returns: ['Todo', 'ErrorBody'] },
  { method: 'POST', path: '/ingest/v1', handler: ingest, accepts: 'IngestEvent', returns: ['IngestAccepted', 'ErrorBody'] },
];
