/**
 * POST /ingest/v1 over pooled memory: seed 000's pipeline in Node. The body streams into a slab rented from
 * the process's pool; lab 03's answer reads exactly the bytes of this request (`body.view()`); the slab goes
 * back in `finally`, on every path. The limit is enforced before renting (Content-Length) and while reading
 * (a streamed body). Every answer is lab 03's.
 */
import { BODY_LIMIT_BYTES, MESSAGES, isJsonContentType } from '@hotpath/api';
import { nodeRequest } from '@hotpath/api/node-request';
import { answerIngest, errorResponse, payloadTooLarge, unsupportedMediaType, type AppEnv } from '#given';
import type { Context } from 'hono';
import { BodyRead, readNodeBody, readWebBody, rentBody } from './body.ts';
import { BufferPool } from './pool.ts';

/** The process's body pool: one per isolate, like one of ArrayPool's per-thread stacks. */
export const bodyPool = new BufferPool();

/** The body's declared length, or undefined when it is streamed (Transfer-Encoding) or has none. */
function declaredLength(header: string | null | undefined, chunked: boolean): number | undefined {
  return header == null || chunked ? undefined : Number(header);
}

/** The POST /ingest/v1 handler reading bodies into `pool` (the app's is bodyPool). */
export function createIngest(pool: BufferPool): (c: Context<AppEnv>) => Promise<Response> {
  return (c) => ingest(c, pool);
}

async function ingest(c: Context<AppEnv>, pool: BufferPool): Promise<Response> {
  // Taken before the first await: after it, another request may be the one being dispatched.
  const incoming = nodeRequest();
  const headers = incoming?.headers;
  const contentType = headers ? headers['content-type'] : c.req.header('content-type');
  if (!isJsonContentType(contentType)) return unsupportedMediaType();
  const declared = headers
    ? declaredLength(headers['content-length'], headers['transfer-encoding'] !== undefined)
    : declaredLength(c.req.header('content-length'), c.req.header('transfer-encoding') !== undefined);
  if (declared !== undefined && declared > BODY_LIMIT_BYTES) return payloadTooLarge();

  const body = rentBody(pool, declared);
  try {
    const read = incoming ? await readNodeBody(incoming, body, BODY_LIMIT_BYTES) : await readWebBody(c.req.raw.body, body, BODY_LIMIT_BYTES);
    if (read === BodyRead.TooLarge) return payloadTooLarge();
    if (read === BodyRead.Aborted) return errorResponse('invalid_json', MESSAGES.bodyAborted);
    return answerIngest(c, body.view());
  } finally {
    body.release();
  }
}
