/**
 * Body helpers every lab's POST routes share, so the contract's size rule lives in one place:
 * `readBodyWithin` reads a request body but refuses it as soon as it passes a limit, and `jsonTextDepth`
 * measures how deeply a valid JSON text nests arrays and objects without building anything.
 *
 * With @hono/node-server, `request.arrayBuffer()` reads straight from Node's IncomingMessage; touching
 * `request.body` first would build a WHATWG ReadableStream over it for nothing. So a body whose
 * Content-Length is declared (Node's HTTP parser guarantees the body is exactly that long) is read with
 * `arrayBuffer()`, and only a streamed body without a length is read chunk by chunk and counted.
 */

/** What `readBodyWithin` answers for a body over the limit. */
export const TOO_LARGE = Symbol('body too large');

const EMPTY = new Uint8Array(0);

/**
 * Reads the whole body into one Uint8Array, or answers TOO_LARGE without reading past `limit` bytes
 * (from Content-Length before reading anything, or by counting a streamed body's chunks as they arrive).
 */
export async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array | typeof TOO_LARGE> {
  const headers = request.headers;
  const declared = headers.get('content-length');
  if (declared !== null && !headers.has('transfer-encoding')) {
    if (Number(declared) > limit) return TOO_LARGE;
    return new Uint8Array(await request.arrayBuffer());
  }
  const stream = request.body;
  if (stream === null) return EMPTY;
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Stop reading, but do not cancel: over a socket, cancelling destroys the connection before the 413
      // is written. @hono/node-server sends the answer, then drains or closes the rest of the upload.
      reader.releaseLock();
      return TOO_LARGE;
    }
    chunks.push(value);
  }
  return concatBytes(chunks, size);
}

/** The chunks as one Uint8Array of `size` bytes (the chunk itself when there is only one). */
export function concatBytes(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \
const OPEN_ARRAY = 0x5b; // [
const CLOSE_ARRAY = 0x5d; // ]
const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }

/**
 * The deepest nesting of arrays and objects in a JSON text that JSON.parse has already accepted (the
 * top-level container is depth 1). One pass over the characters, skipping strings; no recursion, so a
 * 100,000-deep body cannot overflow the stack. Only meaningful for valid JSON.
 */
export function jsonTextDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE) {
      for (i++; text.charCodeAt(i) !== QUOTE; i++) if (text.charCodeAt(i) === BACKSLASH) i++;
    } else if (ch === OPEN_ARRAY || ch === OPEN_OBJECT) {
      if (++depth > deepest) deepest = depth;
    } else if (ch === CLOSE_ARRAY || ch === CLOSE_OBJECT) depth--;
  }
  return deepest;
}
