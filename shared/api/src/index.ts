/**
 * @hotpath/api — what every Hot Path lab serves, defined once.
 *
 * The types, limits, error codes and seeded data of the API, plus the in-process ingest sink (the stand-in
 * for seed 000's Kafka producer). Labs import these instead of redefining them, so "the same API" means the
 * same constants everywhere. The contract test suite (`@hotpath/api/contract`) checks a lab's app against it.
 */
export * from './types.ts';
export * from './limits.ts';
export * from './errors.ts';
export * from './todos.ts';
export * from './sink.ts';
export * from './todo-store.ts';
export * from './body.ts';
export * from './logging.ts';
export * from './messages.ts';
export * from './json.ts';
export * from './json-bytes.ts';
