/**
 * POST /ingest/v1 over pooled memory: seed 000's pipeline in Node. The body streams into buffers rented from
 * the process's body memory as its bytes arrive; lab 03's answer reads exactly the bytes of this request
 * (`body.view()`); everything goes back in `finally`, on every path. The limit is enforced before reading
 * (Content-Length) and while reading (a streamed body); the server's budget of body bytes while reading (503
 * server_busy). Headers are read as every lab reads them: `requestHeader()`, every occurrence in the block.
 * Every other answer is lab 03's.
 */
import { BODY_LIMIT_BYTES, MESSAGES, isJsonContentType } from '@hotpath/api';
import { nodeRequest, requestHeader } from '@hotpath/api/node-request';
import { answerIngest, errorResponse, payloadTooLarge, unsupportedMediaType, type AppEnv } from '#given';
import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';
import { BodyRead, PooledBody, createBodyMemory, readNodeBody, readWebBody, type BodyMemory } from './body.ts';

/** The process's body memory: one per isolate, like one of ArrayPool's per-thread stacks, and one budget. */
export const bodyMemory: BodyMemory = createBodyMemory();
/** Its pool of 64 KiB slabs (and the oversized path). */
export const bodyPool = bodyMemory.slabs;

/** Header `name` of this request: from the Node request's whole header block when there is one. */
function header(c: Context<AppEnv>, incoming: IncomingMessage | undefined, name: string): string | undefined {
  return incoming ? requestHeader(incoming, name) : c.req.header(name);
}

/** The POST /ingest/v1 handler reading bodies into `memory` (the app's is bodyMemory). */
export function createIngest(memory: BodyMemory): (c: Context<AppEnv>) => Promise<Response> {
  return (c) => ingest(c, memory);
}

async function ingest(c: Context<AppEnv>, memory: BodyMemory): Promise<Response> {
  // Taken before the first await: after it, another request may be the one being dispatched.
  const incoming = nodeRequest();
  if (!isJsonContentType(header(c, incoming, 'content-type'))) return unsupportedMediaType();
  // A streamed body (Transfer-Encoding) declares no length; a length that is not a number declares nothing.
  const declared = header(c, incoming, 'transfer-encoding') === undefined ? Number(header(c, incoming, 'content-length')) : NaN;
  if (declared > BODY_LIMIT_BYTES) return payloadTooLarge();

  const body = new PooledBody(memory);
  try {
    const read = incoming ? await readNodeBody(incoming, body, BODY_LIMIT_BYTES) : await readWebBody(c.req.raw.body, body, BODY_LIMIT_BYTES);
    if (read === BodyRead.TooLarge) return payloadTooLarge();
    if (read === BodyRead.Busy) return errorResponse('server_busy', MESSAGES.serverBusy);
    if (read === BodyRead.Aborted) return errorResponse('invalid_json', MESSAGES.bodyAborted);
    return answerIngest(c, body.view());
  } finally {
    body.release();
  }
}
