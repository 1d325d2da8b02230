/**
 * POST /ingest/v1 over pooled memory: seed 000's pipeline in Node. The body streams into a slab rented from
 * the process's pool; lab 03's reader reads exactly the bytes of this request (`body.view()`); the slab goes
 * back in `finally`, on every path. The limit is enforced before renting (Content-Length) and while reading
 * (a streamed body). Accepted events go into lab 04's ring sink. Every answer is lab 03's.
 */
import { BODY_LIMIT_BYTES, MESSAGES, isJsonContentType, type IngestEvent } from '@hotpath/api';
import { IngestRead, type IngestFields } from '@hotpath/api/ingest-fields';
import { offer, type AppEnv } from '@hotpath/solution-01-slim-builder/routes.ts';
import * as respond from '@hotpath/solution-01-slim-builder/responses.ts';
import { jsonContext } from '@hotpath/solution-02-generated-serializers/generated/json-context.ts';
import { errorResponse } from '@hotpath/solution-02-generated-serializers/routes.ts';
import { JsonReader } from '@hotpath/solution-03-byte-parsing/json-reader.ts';
import { invalidJson, readIngest } from '@hotpath/solution-03-byte-parsing/ingest.ts';
import type { Context } from 'hono';
import { BodyRead, readNodeBody, readWebBody, rentBody } from './body.ts';
import { nodeRequest } from '@hotpath/api/node-request';
import { BufferPool } from './pool.ts';

/** The process's body pool: one per isolate, like one of ArrayPool's per-thread stacks. */
export const bodyPool = new BufferPool();

// One reader and one fields record, as in lab 03: a request uses them between two awaits only.
const reader = new JsonReader();
const fields: IngestFields = { itemCount: undefined, timestamp: undefined };

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
  if (!isJsonContentType(contentType)) return respond.unsupportedMediaType();
  const declared = headers
    ? declaredLength(headers['content-length'], headers['transfer-encoding'] !== undefined)
    : declaredLength(c.req.header('content-length'), c.req.header('transfer-encoding') !== undefined);
  if (declared !== undefined && declared > BODY_LIMIT_BYTES) return respond.payloadTooLarge();

  const body = rentBody(pool, declared);
  try {
    const read = incoming ? await readNodeBody(incoming, body, BODY_LIMIT_BYTES) : await readWebBody(c.req.raw.body, body, BODY_LIMIT_BYTES);
    if (read === BodyRead.TooLarge) return respond.payloadTooLarge();
    if (read === BodyRead.Aborted) return errorResponse('invalid_json', MESSAGES.bodyAborted);
    if (body.length === 0) return respond.emptyBody();
    const outcome = readIngest(reader, body.view(), fields);
    if (outcome === IngestRead.InvalidJson) return invalidJson(reader);
    const problem = jsonContext.IngestEvent.validate(outcome === IngestRead.Fields ? fields : null);
    if (problem !== undefined) return errorResponse('validation_failed', problem);
    const event = fields as IngestEvent;
    if (!offer(c.env, event)) return respond.sinkFull();
    return respond.accepted(jsonContext.IngestAccepted.serialize({ accepted: true, itemCount: event.itemCount, timestamp: event.timestamp }));
  } finally {
    body.release();
  }
}
