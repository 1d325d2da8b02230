/**
 * Lab 04's route table: lab 03's, with POST /ingest/v1 answered by the pooled handler of ingest.ts.
 * Every other route — and every type a route declares — is lab 03's.
 */
import { lab03Routes, type TypedRoute } from '#given';
import type { BodyMemory } from './body.ts';
import { createIngest } from './ingest.ts';

/** Lab 03's routes, with POST /ingest/v1 reading its bodies into `memory`. */
export function routesFor(memory: BodyMemory): readonly TypedRoute[] {
  const ingest = createIngest(memory);
  return lab03Routes.map((route) => (route.path === '/ingest/v1' ? { ...route, handler: ingest } : route));
}
