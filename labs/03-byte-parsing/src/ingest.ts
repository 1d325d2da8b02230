/**
 * POST /ingest/v1 read from the body's bytes (README step 4): one pass of your reader finds the two
 * top-level fields by comparing names as bytes, reads their numbers straight from the bytes, and skips —
 * but still validates — everything else. No TextDecoder, no JSON.parse, no string for anything skipped.
 * What it finds goes through lab 02's generated validator, so the API answers exactly as before.
 */
import { Token, type IngestEvent } from '@hotpath/api';
import { ITEM_COUNT, IngestRead, TIMESTAMP, type IngestFields, type IngestReadOutcome } from '@hotpath/api/ingest-fields';
import type { Context } from 'hono';
import { errorResponse, invalidJson, jsonContext, lab02Ingest, offer, readBodyBytes, respond, type AppEnv } from '#given';
import { JsonReader } from './json-reader.ts';

export { ITEM_COUNT, IngestRead, TIMESTAMP, type IngestFields, type IngestReadOutcome } from '@hotpath/api/ingest-fields';

/**
 * The value after a property name, the reader standing on that name: its number, or null for any other
 * value. TODO (step 4): `reader.read()` the value's first token; a Number is `reader.numberValue()`; anything
 * else (a string, a literal, an object or array) is `reader.skip()`ped whole and answers null. An Error
 * answers null too: readIngest sees `reader.tokenType === Token.Error` right after.
 */
function numberOrNull(reader: JsonReader): number | null {
  throw new Error('TODO (README step 4): write numberOrNull() in src/ingest.ts');
}

/**
 * Reads a whole ingest body with `reader` (reset here) into `fields`.
 *
 * TODO (step 4): set both fields to undefined and `reader.reset(bytes)`. The first token must be
 * StartObject — otherwise `skip()` the value and answer NotAnObject if the next read() is EndOfDocument,
 * else InvalidJson. Then, member by member until EndObject: a PropertyName that `textEquals(ITEM_COUNT)` or
 * `textEquals(TIMESTAMP)` takes the value after it (`numberOrNull(reader)`, above); any other member:
 * `skip()` its value. Only top-level members count (a nested itemCount is inside a skipped value), and a
 * repeated one overrides the earlier (as JSON.parse does). After EndObject, the next read() must be
 * EndOfDocument. A Token.Error anywhere (check `tokenType` after each member) is InvalidJson.
 */
export function readIngest(reader: JsonReader, bytes: Uint8Array, fields: IngestFields): IngestReadOutcome {
  throw new Error('TODO (README step 4): write readIngest() in src/ingest.ts');
}

// One reader and one fields record for the whole process: a request uses them from reset to answer
// without awaiting, so no two requests ever share them at once (Node runs one handler at a time).
const reader = new JsonReader();
const fields: IngestFields = { itemCount: undefined, timestamp: undefined };

/**
 * The route handler. TODO (step 4): until readIngest works this is lab 02's handler (TextDecoder, then
 * JSON.parse). Replace it, with the `reader` and `fields` above:
 * 1. `const bytes = await readBodyBytes(c)`; a Response (415, 413, empty or aborted body) is returned as is.
 * 2. `readIngest(reader, bytes, fields)`. InvalidJson is the given `invalidJson(reader)` (#given): the 400
 *    naming the byte where the document broke.
 * 3. `jsonContext.IngestEvent.validate(fields)` (pass `null` for NotAnObject): a message is
 *    `errorResponse('validation_failed', message)`.
 * 4. `offer(c.env, fields as IngestEvent)`: false is `respond.sinkFull()` (503); true is
 *    `respond.accepted(jsonContext.IngestAccepted.serialize({ accepted: true, itemCount, timestamp }))`.
 */
export async function ingest(c: Context<AppEnv>): Promise<Response> {
  return lab02Ingest(c);
}
