/**
 * The API's error messages, written once: lab 00's baseline and every slim lab answer with these words, so
 * "the same API" holds for messages too (the contract checks codes and that validation messages name the
 * field; the labs' own tests compare messages exactly). Messages that depend on the request are functions.
 */
import { BODY_LIMIT_BYTES, MAX_JSON_DEPTH, MAX_TITLE_LENGTH } from './limits.ts';

export type PositiveIntegerField = 'itemCount' | 'timestamp';

export const MESSAGES = {
  unsupportedMediaType: 'Send the body as JSON with Content-Type: application/json',
  payloadTooLarge: `The request body is larger than ${BODY_LIMIT_BYTES} bytes`,
  emptyBody: 'The body is empty; send a JSON object',
  bodyAborted: 'The request body ended before it was complete',
  invalidUtf8: 'The body is not valid UTF-8',
  invalidJson: (parserMessage: string) => `The body is not valid JSON: ${parserMessage}`,
  tooDeep: `JSON nesting is deeper than ${MAX_JSON_DEPTH} levels`,
  notAnObject: 'The body must be a JSON object',
  sinkFull: 'The ingest queue is full; retry later',
  serverBusy: 'The server is reading as many request bodies as it has memory for; retry shortly',
  // Protocol errors (the kit's server policy)
  badRequest: 'The request is not well-formed HTTP/1.1',
  requestTimeout: 'The request did not arrive in time; send the headers and the body without pausing',
  headerTooLarge: 'The request headers are larger than the server accepts',
  // POST /todos
  titleRequired: 'title is required',
  titleNotString: 'title must be a string',
  titleLength: `title must be 1 to ${MAX_TITLE_LENGTH} characters long`,
  isCompleteNotBoolean: 'isComplete must be true or false',
  // POST /ingest/v1
  required: (field: PositiveIntegerField) => `${field} is required`,
  notPositiveInteger: (field: PositiveIntegerField) => `${field} must be a positive integer`,
  tooLarge: (field: PositiveIntegerField) => `${field} must be at most ${Number.MAX_SAFE_INTEGER}`,
} as const;

/** The body of a 500: not part of the error contract (a 500 is a bug), but still JSON. */
export const INTERNAL_ERROR_BODY = '{"error":{"code":"internal_error","message":"Internal server error"}}';
