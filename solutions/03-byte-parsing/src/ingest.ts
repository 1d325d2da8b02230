/**
 * POST /ingest/v1 read from the body's bytes: seed 000's move, without deserializing the body. One pass of
 * the pull reader finds the two top-level fields by comparing names as bytes, reads their numbers straight
 * from the bytes, and skips — but still validates — everything else. No TextDecoder, no JSON.parse, no
 * string for anything skipped. What it found goes through lab 02's generated validator, so the API answers
 * exactly as before; a document that is not JSON is a 400 naming the first bad byte.
 */
import { Token, type IngestEvent } from '@hotpath/api';
import { ITEM_COUNT, IngestRead, TIMESTAMP, type IngestFields, type IngestReadOutcome } from '@hotpath/api/ingest-fields';
import type { Context } from 'hono';
import { errorResponse, invalidJson, jsonContext, offer, readBodyBytes, respond, type AppEnv } from '#given';
import { JsonReader } from './json-reader.ts';

export { ITEM_COUNT, IngestRead, TIMESTAMP, type IngestFields, type IngestReadOutcome } from '@hotpath/api/ingest-fields';

/** The value after a property name: its number, or null after skipping whatever else it is. */
function numberOrNull(reader: JsonReader): number | null {
  if (reader.read() === Token.Number) return reader.numberValue();
  reader.skip();
  return null;
}

/**
 * Reads a whole ingest body with `reader` (reset here) into `fields`. Only the top-level object's members
 * count (nested `itemCount`s are skipped); a repeated member overrides the earlier one, as with JSON.parse.
 */
export function readIngest(reader: JsonReader, bytes: Uint8Array, fields: IngestFields): IngestReadOutcome {
  fields.itemCount = undefined;
  fields.timestamp = undefined;
  reader.reset(bytes);
  if (reader.read() !== Token.StartObject) {
    reader.skip(); // a top-level array, or nothing to skip for a scalar or an error
    return reader.read() === Token.EndOfDocument ? IngestRead.NotAnObject : IngestRead.InvalidJson;
  }
  for (;;) {
    const token = reader.read();
    if (token === Token.EndObject) break;
    if (token !== Token.PropertyName) return IngestRead.InvalidJson;
    if (reader.textEquals(ITEM_COUNT)) fields.itemCount = numberOrNull(reader);
    else if (reader.textEquals(TIMESTAMP)) fields.timestamp = numberOrNull(reader);
    else reader.skip();
    if (reader.tokenType === Token.Error) return IngestRead.InvalidJson;
  }
  return reader.read() === Token.EndOfDocument ? IngestRead.Fields : IngestRead.InvalidJson;
}

// One reader and one fields record for the whole process: a request uses them from reset to answer
// without awaiting, so no two requests ever share them at once (Node runs one handler at a time).
const reader = new JsonReader();
const fields: IngestFields = { itemCount: undefined, timestamp: undefined };

export async function ingest(c: Context<AppEnv>): Promise<Response> {
  const bytes = await readBodyBytes(c);
  if (bytes instanceof Response) return bytes;
  return answerBody(c, bytes);
}

/** The answer for a whole, non-empty body of exactly `bytes`: 202, 400 or 503. Synchronous (lab 04 reuses it). */
export function answerBody(c: Context<AppEnv>, bytes: Uint8Array): Response {
  const outcome = readIngest(reader, bytes, fields);
  if (outcome === IngestRead.InvalidJson) return invalidJson(reader);
  const problem = jsonContext.IngestEvent.validate(outcome === IngestRead.Fields ? fields : null);
  if (problem !== undefined) return errorResponse('validation_failed', problem);
  const event = fields as IngestEvent;
  if (!offer(c.env, event)) return respond.sinkFull();
  return respond.accepted(jsonContext.IngestAccepted.serialize({ accepted: true, itemCount: event.itemCount, timestamp: event.timestamp }));
}
