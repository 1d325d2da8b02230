/**
 * Lab 04's app: lab 02's app over lab 04's route table, with the ring sink, serving each request's Node
 * IncomingMessage to the pooled ingest handler (node-request.ts). The pool's stats are registered for the
 * checkpoint's probe and the soak test.
 */
import type { AppOptions, HotPathApp } from '@hotpath/api';
import { appFactory } from '@hotpath/solution-02-generated-serializers';
import { withNodeRequests } from './node-request.ts';
import { RingSink } from './ring-sink.ts';
import { routes } from './routes.ts';

const createPooledApp = appFactory(routes, (capacity) => new RingSink(capacity));

// TODO(app-stats): registerAppStats('bodyPool', () => ({ ...bodyPool.stats() }));

export function createApp(options?: AppOptions): HotPathApp {
  return withNodeRequests(createPooledApp(options));
}
