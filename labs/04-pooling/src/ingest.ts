/**
 * POST /ingest/v1 over pooled memory (README step 3): the body streams into a slab rented from the
 * process's pool; lab 03's answer reads exactly this request's bytes (`body.view()`); the slab goes back in
 * `finally`, on every path. Every answer stays lab 03's.
 */
import { lab03Ingest, type AppEnv } from '#given';
import type { Context } from 'hono';
import { BufferPool } from './pool.ts';

/** The process's body pool: one per isolate, like one of ArrayPool's per-thread stacks. */
export const bodyPool = new BufferPool();

/**
 * The POST /ingest/v1 handler reading bodies into `pool` (the app's is bodyPool).
 *
 * TODO (step 3): until your pool and body reader work, this is lab 03's handler (`lab03Ingest` reads the
 * body with `arrayBuffer()`: a new buffer per request). Replace it with a handler that, in this order:
 * 1. takes the Node request with `nodeRequest()` from '@hotpath/api/node-request' — before any await (it is
 *    undefined for a request made in process, as most tests do);
 * 2. answers `unsupportedMediaType()` (#given, 415) unless `isJsonContentType(contentType)` (@hotpath/api) —
 *    the header from `incoming.headers['content-type']` when there is a Node request, else
 *    `c.req.header('content-type')` — and `payloadTooLarge()` (#given, 413) when the Content-Length is over
 *    BODY_LIMIT_BYTES (@hotpath/api); both before renting anything. A body with `transfer-encoding` has no
 *    declared length even if it says one; a Content-Length that is not a number ("abc", empty) declares
 *    nothing either — rent one slab and read, the limit still holds chunk by chunk (over a socket Node's
 *    parser answers such a request 400 before your handler runs);
 * 3. `rentBody(pool, declaredLength)` (src/body.ts; `undefined` when there is none), then in a `try`:
 *    `await readNodeBody(incoming, body, BODY_LIMIT_BYTES)`, or `readWebBody(c.req.raw.body, …)` without a
 *    Node request; BodyRead.TooLarge is `payloadTooLarge()`, BodyRead.Aborted is
 *    `errorResponse('invalid_json', MESSAGES.bodyAborted)` (#given, @hotpath/api);
 * 4. `return answerIngest(c, body.view())` (#given): lab 03's answer — 202, 400 or 503 — for exactly this
 *    request's bytes;
 * 5. `finally { body.release(); }`.
 * Never read the body with `c.req.arrayBuffer()`, `text()`, `json()`, `blob()` or `formData()`: each makes a
 * new buffer per request, the allocation this lab removes (test/no-copy.test.ts checks it).
 */
export function createIngest(pool: BufferPool): (c: Context<AppEnv>) => Promise<Response> {
  return (c) => lab03Ingest(c);
}
