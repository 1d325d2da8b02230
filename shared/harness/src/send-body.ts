/**
 * Writing a request body the two ways the ingest tests and `hotpath-soak` send one: whole, after a
 * Content-Length header, or streamed without one (chunked transfer encoding) in 64 KiB writes, stopping early
 * when the request is destroyed (the server answered and closed). Used by the soak's oversized uploads and by
 * lab 04's server test.
 */
import type { ClientRequest } from 'node:http';

/** The size of each write when a body is streamed. */
export const STREAM_CHUNK_BYTES = 64 * 1024;

/**
 * Sends `body` on `req` and ends it: in one write when `chunked` is false (the caller set Content-Length),
 * else in STREAM_CHUNK_BYTES writes until the body is sent or the request is destroyed.
 */
export function sendBody(req: ClientRequest, body: Uint8Array, chunked = false): void {
  if (!chunked) {
    req.end(body);
    return;
  }
  for (let at = 0; at < body.byteLength && !req.destroyed; at += STREAM_CHUNK_BYTES) req.write(body.subarray(at, at + STREAM_CHUNK_BYTES));
  req.end();
}
