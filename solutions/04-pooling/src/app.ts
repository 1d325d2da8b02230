/**
 * Lab 04's app: lab 02's app over lab 04's route table, with the ring sink, handing each request's Node
 * IncomingMessage to the pooled ingest handler (@hotpath/api/node-request). `appWithPool` builds the same
 * app over another pool: the checkpoint's no-pool variant passes one that keeps nothing. The pool's stats
 * are published for the checkpoint's probe and the soak run (`registerAppStats`: no route, no dependency on
 * the harness).
 */
import type { AppOptions, HotPathApp } from '@hotpath/api';
import { withNodeRequests } from '@hotpath/api/node-request';
import { appFactory, registerAppStats } from '#given';
import { bodyPool } from './ingest.ts';
import type { BufferPool } from './pool.ts';
import { RingSink } from './ring-sink.ts';
import { routesFor } from './routes.ts';

/** The createApp() of this app with its bodies read into `pool`. */
export function appWithPool(pool: BufferPool): (options?: AppOptions) => HotPathApp {
  const make = appFactory(routesFor(pool), (capacity) => new RingSink(capacity));
  registerAppStats('bodyPool', () => ({ ...pool.stats() }));
  return (options) => withNodeRequests(make(options));
}

export const createApp: (options?: AppOptions) => HotPathApp = appWithPool(bodyPool);
