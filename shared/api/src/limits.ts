/** The API's limits, shared by every lab and by the contract tests that check them. */

/** Largest request body accepted, in bytes (1 MiB). Larger bodies get 413 before they are buffered. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Most bytes of request-body memory a server holds at once, all requests together (32 MiB): a body that needs
 * memory past it (its first bytes, or growing) is answered 503 server_busy with Retry-After, and what it held is
 * given back. Labs 04 and 05 count every body buffer against it, so a crowd of slow or huge uploads costs at
 * most this much, whatever their Content-Lengths declare.
 */
export const BODY_BUDGET_BYTES = 32 * 1024 * 1024;

/** Deepest nesting of arrays/objects accepted in a JSON body. Deeper is 400 invalid_json, never a stack overflow. */
export const MAX_JSON_DEPTH = 64;

/** Default capacity of the ingest sink. */
export const SINK_CAPACITY = 10_000;

/** Seconds a client is asked to wait (Retry-After) when the sink is full. */
export const RETRY_AFTER_SECONDS = 1;

/** Number of todos seeded at start. */
export const SEEDED_TODO_COUNT = 100;

/** Longest todo title accepted, in UTF-16 code units. */
export const MAX_TITLE_LENGTH = 200;

/**
 * Most todos created through POST /todos that the in-memory store keeps; past it the oldest created one is
 * forgotten (its GET answers 404), so a long load run on POST /todos cannot grow the heap without bound.
 */
export const MAX_CREATED_TODOS = 10_000;
