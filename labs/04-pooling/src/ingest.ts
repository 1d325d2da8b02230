/**
 * POST /ingest/v1 over pooled memory (README step 3): the body streams into buffers rented from the
 * process's body memory as its bytes arrive; lab 03's answer reads exactly this request's bytes
 * (`body.view()`); everything goes back in `finally`, on every path. A body the server's budget cannot hold
 * is 503 server_busy. Every other answer stays lab 03's.
 */
import { lab03Ingest, type AppEnv } from '#given';
import type { Context } from 'hono';
import { createBodyMemory, type BodyMemory } from './body.ts';

/** The process's body memory: one per isolate, like one of ArrayPool's per-thread stacks, and one budget. */
export const bodyMemory: BodyMemory = createBodyMemory();
/** Its pool of 64 KiB slabs (and the oversized path). */
export const bodyPool = bodyMemory.slabs;

/**
 * The POST /ingest/v1 handler reading bodies into `memory` (the app's is bodyMemory).
 *
 * TODO (step 3): until your pools and body reader work, this is lab 03's handler (`lab03Ingest` reads the
 * body with `arrayBuffer()`: a new buffer per request). Replace it with a handler that, in this order:
 * 1. takes the Node request with `nodeRequest()` from '@hotpath/api/node-request' — before any await (it is
 *    undefined for a request made in process, as most tests do);
 * 2. reads each header with `requestHeader(incoming, name)` from the same module when there is a Node
 *    request (every occurrence in the header block, as Fetch's Headers give them — never `incoming.headers`,
 *    which keeps the first of two Content-Types and only 1,000 header lines), else `c.req.header(name)`;
 * 3. answers `unsupportedMediaType()` (#given, 415) unless `isJsonContentType(contentType)` (@hotpath/api),
 *    and `payloadTooLarge()` (#given, 413) when the Content-Length is over BODY_LIMIT_BYTES (@hotpath/api);
 *    both before anything is rented. A body with `transfer-encoding` has no declared length even if it says
 *    one; a Content-Length that is not a number ("abc", empty) declares nothing either — the limit still
 *    holds chunk by chunk (over a socket Node's parser answers such a request 400 before your handler runs);
 * 4. `new PooledBody(memory)` (src/body.ts: it rents nothing yet), then in a `try`:
 *    `await readNodeBody(incoming, body, BODY_LIMIT_BYTES)`, or `readWebBody(c.req.raw.body, …)` without a
 *    Node request; BodyRead.TooLarge is `payloadTooLarge()`, BodyRead.Busy is
 *    `errorResponse('server_busy', MESSAGES.serverBusy)` (503 with Retry-After), BodyRead.Aborted is
 *    `errorResponse('invalid_json', MESSAGES.bodyAborted)` (#given, @hotpath/api);
 * 5. `return answerIngest(c, body.view())` (#given): lab 03's answer — 202, 400 or 503 — for exactly this
 *    request's bytes;
 * 6. `finally { body.release(); }`.
 * Never read the body with `c.req.arrayBuffer()`, `text()`, `json()`, `blob()` or `formData()`: each makes a
 * new buffer per request, the allocation this lab removes (test/no-copy.test.ts checks it).
 */
export function createIngest(memory: BodyMemory): (c: Context<AppEnv>) => Promise<Response> {
  return (c) => lab03Ingest(c);
}
