/**
 * POST /ingest/v1 read from the body's bytes (README step 4): one pass of your reader finds the two
 * top-level fields by comparing names as bytes, reads their numbers straight from the bytes, and skips —
 * but still validates — everything else. No TextDecoder, no JSON.parse, no string for anything skipped.
 * What it finds goes through lab 02's generated validator, so the API answers exactly as before.
 */
import { JsonError, MESSAGES, describeJsonError, u8 } from '@hotpath/api';
import type { AppEnv } from '@hotpath/solution-01-slim-builder/routes.ts';
import * as respond from '@hotpath/solution-01-slim-builder/responses.ts';
import { errorResponse, ingest as lab02Ingest } from '@hotpath/solution-02-generated-serializers/routes.ts';
import type { Context } from 'hono';
import { JsonReader } from './json-reader.ts';

/** The two names, as UTF-8 bytes made once: C#'s `"itemCount"u8`. */
export const ITEM_COUNT = u8('itemCount');
export const TIMESTAMP = u8('timestamp');

/** What `readIngest` found in a valid JSON document. */
export const IngestRead = {
  /** A top-level object: `fields` holds what it said. */
  Fields: 0,
  /** Valid JSON whose top-level value is not an object. */
  NotAnObject: 1,
  /** Not valid JSON: the reader's `errorCode` and `errorOffset` say why and where. */
  InvalidJson: 2,
} as const;
export type IngestReadOutcome = (typeof IngestRead)[keyof typeof IngestRead];

/**
 * The two fields as the generated validator checks them: `undefined` when absent, the number when the
 * (last) member is a number, `null` for any other value (the validator answers "must be an integer").
 */
export interface IngestFields {
  itemCount: number | null | undefined;
  timestamp: number | null | undefined;
}

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

/** The 400 for a body that is not JSON: lab 01's fixed answers where it has one, else the byte that broke it. */
export function invalidJson(reader: JsonReader): Response {
  if (reader.errorCode === JsonError.TooDeep) return respond.tooDeep();
  if (reader.errorCode === JsonError.InvalidUtf8) return respond.invalidUtf8();
  return errorResponse('invalid_json', MESSAGES.invalidJson(describeJsonError(reader.errorCode, reader.errorOffset)));
}

/**
 * The route handler. TODO (step 4): until readIngest works this is lab 02's handler (TextDecoder, then
 * JSON.parse). Replace it: `readBodyBytes(c)` from lab 01's routes.ts (415, 413, empty body), then
 * readIngest with a reader and a fields record made once at module level (a request uses them from reset
 * to answer without awaiting, so no two requests share them at once), then `invalidJson(reader)`, then
 * lab 02's `jsonContext.IngestEvent.validate(...)` (pass `null` for NotAnObject), `offer(c.env, …)` and
 * the 202 from `jsonContext.IngestAccepted.serialize`.
 */
export async function ingest(c: Context<AppEnv>): Promise<Response> {
  return lab02Ingest(c);
}
