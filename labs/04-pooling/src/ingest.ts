/**
 * POST /ingest/v1 over pooled memory (README step 3): the body streams into a slab rented from the
 * process's pool; lab 03's reader reads exactly this request's bytes (`body.view()`); the slab goes back in
 * `finally`, on every path. Every answer stays lab 03's.
 */
import type { AppEnv } from '@hotpath/solution-01-slim-builder/routes.ts';
import { ingest as lab03Ingest } from '@hotpath/solution-03-byte-parsing/ingest.ts';
import type { Context } from 'hono';
import { BufferPool } from './pool.ts';

/** The process's body pool: one per isolate, like one of ArrayPool's per-thread stacks. */
export const bodyPool = new BufferPool();

/**
 * The POST /ingest/v1 handler reading bodies into `pool` (the app's is bodyPool).
 *
 * TODO (step 3): until your pool and body reader work, this is lab 03's handler (it reads the body with
 * `arrayBuffer()`: a new buffer per request). Replace it with a handler that, in this order:
 * 1. takes the Node request with `nodeRequest()` from '@hotpath/api/node-request' — before any await;
 * 2. answers 415 unless the content type is JSON (`isJsonContentType`; from `incoming.headers` when there
 *    is a Node request, else `c.req.header()`), and 413 when the Content-Length is over BODY_LIMIT_BYTES —
 *    both before renting anything;
 * 3. `rentBody(pool, declaredLength)`, then in `try`: `readNodeBody(incoming, …)` (or
 *    `readWebBody(c.req.raw.body, …)` without a Node request); TooLarge is lab 01's 413, Aborted a 400
 *    invalid_json with `MESSAGES.bodyAborted`, an empty body lab 01's `respond.emptyBody()`;
 * 4. lab 03's `readIngest(reader, body.view(), fields)` with a reader and a fields record made once at
 *    module level, lab 03's `invalidJson(reader)` for InvalidJson, then lab 02's validator, `offer` and 202
 *    — exactly as lab 03's handler does;
 * 5. `finally { body.release(); }`.
 */
export function createIngest(pool: BufferPool): (c: Context<AppEnv>) => Promise<Response> {
  return (c) => lab03Ingest(c);
}
