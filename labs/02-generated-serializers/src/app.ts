/**
 * Lab 02's app: lab 01's bare router over this lab's route table (routes.ts). Later stages that only swap
 * handlers build their app with `appFactory(theirRoutes)`.
 *
 * TODO(lab 02, step 4):
 *   - before the router is built, `assertRegistered(table, Object.keys(jsonContext))` (./check-registry.ts,
 *     and jsonContext from ./generated/json-context.ts): a route naming an unregistered type stops the app
 *     when it loads, with the message of your unregisteredTypes();
 *   - make the GET /todos cache serialize with the generated list serializer, `jsonContext.TodoList.serialize`.
 */
import { createBoundedSink, createLogger, createTodoStore, type AppOptions, type HotPathApp, type IngestSink } from '@hotpath/api';
import { buildRouter, createTodoListCache, type AppState } from '#given';
import { routes, type TypedRoute } from './routes.ts';

/**
 * The createApp() of an app serving `table`. `createSink` makes each app's ingest sink (lab 04 passes its
 * ring).
 */
export function appFactory(
  table: readonly TypedRoute[],
  createSink: (capacity?: number) => IngestSink = createBoundedSink,
): (options?: AppOptions) => HotPathApp {
  const router = buildRouter(table);
  return (options: AppOptions = {}) => {
    const todos = createTodoStore();
    const state: AppState = {
      todos,
      todoList: createTodoListCache(todos, (list) => JSON.stringify(list)),
      sink: createSink(options.sinkCapacity),
      sinkRefusing: false,
      log: createLogger(options),
    };
    return { sink: state.sink, fetch: (request: Request) => router.fetch(request, state) };
  };
}

export const createApp: (options?: AppOptions) => HotPathApp = appFactory(routes);
