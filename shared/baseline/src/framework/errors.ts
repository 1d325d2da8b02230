/**
 * Exceptions as control flow, the MVC way: handlers and pipes throw, one exception filter turns whatever
 * was thrown into the API's error body. Throwing on every bad request is one of the costs seed 004 warns about.
 */
import { errorBody, ERROR_STATUS, INTERNAL_ERROR_BODY, MESSAGES, RETRY_AFTER_SECONDS, type ErrorCode } from '@hotpath/api';
import { HTTPException } from 'hono/http-exception';
import type { Context } from 'hono';

export class ApiException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiException';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const NotFound = (message: string) => new ApiException('not_found', message);
export const InvalidJson = (message: string) => new ApiException('invalid_json', message);
export const ValidationFailed = (message: string) => new ApiException('validation_failed', message);
export const UnsupportedMediaType = (message: string) => new ApiException('unsupported_media_type', message);
export const SinkFull = () => new ApiException('sink_full', MESSAGES.sinkFull, { 'Retry-After': String(RETRY_AFTER_SECONDS) });

/** The exception filter: maps anything thrown to the error contract. */
export function exceptionFilter(error: Error, c: Context): Response {
  let exception: ApiException;
  if (error instanceof ApiException) exception = error;
  else if (error instanceof HTTPException && error.status === 413) {
    exception = new ApiException('payload_too_large', MESSAGES.payloadTooLarge);
  } else {
    // Unknown errors are still JSON; they are bugs, so they are logged loudly — and so is a client that
    // dropped its connection mid-body (Node's "aborted", ECONNRESET), which is not a bug: 7 stderr lines
    // per aborted upload. A naive behaviour lab 00 keeps on purpose; lab 01 answers it 400 at debug level.
    console.error(error);
    return c.body(INTERNAL_ERROR_BODY, 500, { 'content-type': 'application/json' });
  }
  for (const [name, value] of Object.entries(exception.headers)) c.header(name, value);
  return c.json(errorBody(exception.code, exception.message), exception.status as 400);
}
