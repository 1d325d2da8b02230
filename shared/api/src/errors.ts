/** The error contract: every error is `{"error":{"code","message"}}` with one of these codes and statuses. */
import type { Static } from '@sinclair/typebox';
import type { ErrorBodySchema } from './schemas.ts';

export const ERROR_STATUS = {
  invalid_json: 400,
  validation_failed: 400,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  sink_full: 503,
  /** The body memory budget of the server is spent (lab 04 on): retry shortly. */
  server_busy: 503,
  // Protocol errors, answered by the server before any app sees a request (the kit's server policy).
  /** Not a well-formed HTTP/1.1 request (a bad header line, two Content-Lengths, more body than declared). */
  bad_request: 400,
  /** The headers or the body did not arrive in time, or the body came slower than the minimum data rate. */
  request_timeout: 408,
  /** The header block is larger than the server accepts (16 KiB). */
  header_too_large: 431,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Every error body; derived from its schema (schemas.ts). */
export type ErrorBody = Static<typeof ErrorBodySchema>;

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

/** True when a Content-Type header names JSON (`application/json`, any parameters, any case). */
export function isJsonContentType(header: string | null | undefined): boolean {
  if (!header) return false;
  const semi = header.indexOf(';');
  const type = (semi === -1 ? header : header.slice(0, semi)).trim().toLowerCase();
  return type === 'application/json';
}
