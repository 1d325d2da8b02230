/**
 * Lab 03's route table: lab 02's, with POST /ingest/v1 answered by the handler in ingest.ts.
 * Every other route — and every type a route declares — is lab 02's.
 */
import { lab02Routes, type TypedRoute } from '#given';
import { ingest } from './ingest.ts';

export const routes: readonly TypedRoute[] = lab02Routes.map((route) => (route.path === '/ingest/v1' ? { ...route, handler: ingest } : route));
