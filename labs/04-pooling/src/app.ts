/**
 * Lab 04's app: lab 02's app over lab 04's route table, with the ring sink, handing each request's Node
 * IncomingMessage to the pooled ingest handler (@hotpath/api/node-request). `appWithMemory` builds the same
 * app over other body memory: the tests pass one with a small budget, the checkpoint's no-pool variant one
 * that keeps nothing. The pools' and the budget's stats are published for the checkpoint's probe and the
 * soak run (`registerAppStats`: no route, no dependency on the harness); the soak requires every
 * `outstanding` among them back at 0.
 */
import type { AppOptions, HotPathApp } from '@hotpath/api';
import { withNodeRequests } from '@hotpath/api/node-request';
import { appFactory, registerAppStats } from '#given';
import type { BodyMemory } from './body.ts';
import { bodyMemory } from './ingest.ts';
import { RingSink } from './ring-sink.ts';
import { routesFor } from './routes.ts';

/** The createApp() of this app with its bodies read into `memory`. */
export function appWithMemory(memory: BodyMemory): (options?: AppOptions) => HotPathApp {
  const make = appFactory(routesFor(memory), (capacity) => new RingSink(capacity));
  registerAppStats('bodyPool', () => ({ ...memory.slabs.stats() }));
  registerAppStats('smallPool', () => ({ ...memory.small.stats() }));
  registerAppStats('bodyBudget', () => ({ ...memory.budget.stats() }));
  return (options) => withNodeRequests(make(options));
}

export const createApp: (options?: AppOptions) => HotPathApp = appWithMemory(bodyMemory);
