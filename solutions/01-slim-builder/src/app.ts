/**
 * Lab 01's app: a bare Hono router with the five routes of routes.ts registered once, when this module
 * loads, plus a 404 and a last-resort 500 — no middleware. createApp() only makes the per-app state (todo
 * store, sink, logger) and passes it to every request as Hono's env.
 */
import { createBoundedSink, createLogger, createTodoStore, type AppOptions, type HotPathApp } from '@hotpath/api';
import { Hono } from 'hono';
import { defineLogEvent } from './logger.ts';
import { internalError, notFound, createTodoListCache } from './responses.ts';
import { routes, type AppEnv, type AppState, type Route } from './routes.ts';

const unexpectedError = defineLogEvent('error', 'unexpected error', 'method', 'path', 'error');

/** A router for a route table; later labs pass their own table. */
export function buildRouter(table: readonly Route[] = routes): Hono<AppEnv> {
  const router = new Hono<AppEnv>();
  for (const route of table) router.on(route.method, route.path, route.handler);
  router.notFound(notFound);
  router.onError((error, c) => {
    unexpectedError(c.env.log, c.req.method, c.req.path, String(error));
    return internalError();
  });
  return router;
}

const router = buildRouter();

export function createApp(options: AppOptions = {}): HotPathApp {
  const todos = createTodoStore();
  const state: AppState = {
    todos,
    todoList: createTodoListCache(todos),
    sink: createBoundedSink(options.sinkCapacity),
    sinkRefusing: false,
    log: createLogger(options),
  };
  return { sink: state.sink, fetch: (request: Request) => router.fetch(request, state) };
}
