/**
 * Lab 02's app: lab 01's bare router over lab 02's route table, whose bodies go through serializers and
 * validators generated at build time (src/generated/, from src/registry.ts). Before the router is built,
 * every type a route declares is checked against the registry: an unregistered one stops the app here.
 * Later stages that only swap handlers build their app with `appFactory(theirRoutes)`.
 */
import { createBoundedSink, createLogger, createTodoStore, type AppOptions, type HotPathApp, type IngestSink } from '@hotpath/api';
import { buildRouter, createTodoListCache, type AppState } from '#given';
import { assertRegistered } from './check-registry.ts';
import { jsonContext } from './generated/json-context.ts';
import { routes, type TypedRoute } from './routes.ts';

/**
 * The createApp() of an app serving `table`: its types are checked against the registry first. `createSink`
 * makes each app's ingest sink (lab 04 passes its ring).
 */
export function appFactory(
  table: readonly TypedRoute[],
  createSink: (capacity?: number) => IngestSink = createBoundedSink,
): (options?: AppOptions) => HotPathApp {
  assertRegistered(table, Object.keys(jsonContext));
  const router = buildRouter(table);
  return (options: AppOptions = {}) => {
    const todos = createTodoStore();
    const state: AppState = {
      todos,
      todoList: createTodoListCache(todos, jsonContext.TodoList.serialize),
      sink: createSink(options.sinkCapacity),
      sinkRefusing: false,
      log: createLogger(options),
    };
    return { sink: state.sink, fetch: (request: Request) => router.fetch(request, state) };
  };
}

export const createApp: (options?: AppOptions) => HotPathApp = appFactory(routes);
