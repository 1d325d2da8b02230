/**
 * POST /ingest/v1 read from the body's bytes (README step 4): one pass of your reader finds the two
 * top-level fields by comparing names as bytes, reads their numbers straight from the bytes, and skips —
 * but still validates — everything else. No TextDecoder, no JSON.parse, no string for anything skipped.
 * What it finds goes through lab 02's generated validator, so the API answers exactly as before.
 */
import type { IngestFields, IngestReadOutcome } from '@hotpath/api/ingest-fields';
import type { AppEnv } from '@hotpath/solution-01-slim-builder/routes.ts';
import { ingest as lab02Ingest } from '@hotpath/solution-02-generated-serializers/routes.ts';
import type { Context } from 'hono';
import { JsonReader } from './json-reader.ts';

export { ITEM_COUNT, IngestRead, TIMESTAMP, type IngestFields, type IngestReadOutcome } from '@hotpath/api/ingest-fields';

/**
 * Reads a whole ingest body with `reader` (reset here) into `fields`.
 *
 * TODO (step 4): reset the fields and the reader. The first token must be StartObject — otherwise skip the
 * value and answer NotAnObject if the document is still valid to its end. Then, member by member: a
 * PropertyName equal to ITEM_COUNT or TIMESTAMP takes the value after it (its number, or null after
 * skipping whatever else it is); any other member is skipped. Only top-level members count, and a repeated
 * one overrides the earlier (JSON.parse does the same). After EndObject, the next read() must be
 * EndOfDocument. Any Token.Error on the way is InvalidJson.
 */
export function readIngest(reader: JsonReader, bytes: Uint8Array, fields: IngestFields): IngestReadOutcome {
  throw new Error('TODO (README step 4): write readIngest() in src/ingest.ts');
}

/**
 * The route handler. TODO (step 4): until readIngest works this is lab 02's handler (TextDecoder, then
 * JSON.parse). Replace it: `readBodyBytes(c)` from lab 01's routes.ts (415, 413, empty body), then
 * readIngest with a reader and a fields record made once at module level (a request uses them from reset
 * to answer without awaiting, so no two requests share them at once). Not JSON is a 400 invalid_json:
 * lab 01's `respond.tooDeep()` and `respond.invalidUtf8()` for those two errors, otherwise lab 02's
 * `errorResponse('invalid_json', MESSAGES.invalidJson(describeJsonError(code, offset)))`. Then
 * lab 02's `jsonContext.IngestEvent.validate(...)` (pass `null` for NotAnObject), `offer(c.env, …)` and
 * the 202 from `jsonContext.IngestAccepted.serialize`.
 */
export async function ingest(c: Context<AppEnv>): Promise<Response> {
  return lab02Ingest(c);
}
