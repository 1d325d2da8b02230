/**
 * Lab 04's app: lab 03's route table with your pooled handler and the ring sink, built by `pooledApp` (#given:
 * lab 02's app over Node requests, publishing the pools' and the budget's stats). `appWithMemory` builds the same
 * app over other body memory: the tests pass one with a small budget, the checkpoint's no-pool variant one that
 * keeps nothing.
 */
import type { AppOptions, HotPathApp } from '@hotpath/api';
import { pooledApp } from '#given';
import type { BodyMemory } from './body.ts';
import { bodyMemory } from './ingest.ts';
import { RingSink } from './ring-sink.ts';
import { routesFor } from './routes.ts';

/** The createApp() of this app with its bodies read into `memory`. */
export function appWithMemory(memory: BodyMemory): (options?: AppOptions) => HotPathApp {
  return pooledApp(routesFor(memory), (capacity) => new RingSink(capacity), memory);
}

export const createApp: (options?: AppOptions) => HotPathApp = appWithMemory(bodyMemory);
