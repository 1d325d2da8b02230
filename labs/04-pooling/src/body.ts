/**
 * Reading a request body into pooled memory (README step 2): the body's bytes are copied, chunk by chunk as
 * they arrive, into a slab rented from the pool — no ArrayBuffer per request, no concatenation. A body that
 * outgrows its slab moves to a bigger buffer (the pool's oversized path) and the slab goes back at once.
 *
 * Ownership is the lesson of `AdvanceTo` in a `finally`: `rentBody()` hands the caller a PooledBody, and
 * the caller calls `release()` in a `finally` on every path — success, bad JSON, too large, aborted.
 */
import type { IncomingMessage } from 'node:http';
import { BodyRead } from '@hotpath/api/pool-base';
import type { BufferPool } from './pool.ts';

export { BodyRead } from '@hotpath/api/pool-base';

/**
 * A body being read into pooled memory. Read only `buffer[0, length)`: the rest of a reused slab holds an
 * earlier request's bytes. `view()` is exactly that range.
 */
export class PooledBody {
  buffer: Uint8Array;
  length = 0;
  private readonly pool: BufferPool;

  constructor(pool: BufferPool, size: number) {
    this.pool = pool;
    this.buffer = pool.rent(size);
  }

  /** The bytes read so far, as a view of the pooled buffer (valid until release()). */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /**
   * Appends a chunk; false (and nothing copied) when the body would pass `limit`.
   *
   * TODO (step 2): copy the chunk in at `length` with `buffer.set(chunk, offset)`. When it does not fit,
   * rent a buffer twice as large (at least what is needed, at most `limit`), copy what was read so far,
   * give the old buffer back to the pool at once, and go on in the new one.
   */
  append(chunk: Uint8Array, limit: number): boolean {
    throw new Error('TODO (README step 2): write PooledBody.append() in src/body.ts');
  }

  /**
   * Gives the buffer back to the pool. TODO (step 2): make it idempotent — a second call (a catch and a
   * finally, say) must not give the same buffer back twice. Swap `buffer` for an empty array you keep at
   * module level, and return early when it is already that.
   */
  release(): void {
    throw new Error('TODO (README step 2): write PooledBody.release() in src/body.ts');
  }
}

/**
 * A PooledBody for a body of `declared` bytes (its Content-Length, when it has one; a slab's worth when it
 * has none): from a BufferPool, one slab, or a buffer of exactly that size when it is larger than a slab.
 */
export function rentBody(pool: BufferPool, declared: number | undefined): PooledBody {
  return new PooledBody(pool, declared ?? pool.slabSize);
}

/**
 * Reads a Node request's body (under @hono/node-server, the IncomingMessage behind the Request) into `body`.
 * Resolves — never rejects — with Complete on 'end', TooLarge as soon as append() refuses a chunk, Aborted
 * when the request closes without ending (the client went away).
 *
 * TODO (step 2): a Promise whose executor adds 'data', 'end' and 'close' listeners and removes all three
 * before it resolves. Listen for 'close', not 'error': an IncomingMessage emits 'error' only to listeners
 * it has and always 'close' after it — and an 'error' listener costs about 1 KB of heap per request on
 * Node 20 (measure it: `pnpm lab bench 04`). After TooLarge leave the request alone — no pause(), resume()
 * or destroy(): with the listeners gone the rest of the body goes unread, and the server drains or closes
 * the connection once the 413 is written.
 */
export function readNodeBody(incoming: IncomingMessage, body: PooledBody, limit: number): Promise<BodyRead> {
  throw new Error('TODO (README step 2): write readNodeBody() in src/body.ts');
}

/**
 * The same for a WHATWG stream (a Request made in process, as the tests do with app.fetch()).
 *
 * TODO (step 2): `stream.getReader()`, read until done, append each chunk; a `null` stream is an empty,
 * complete body; a read that throws is Aborted. Release the reader's lock in a `finally`, and do not cancel
 * the stream on TooLarge (over a socket that would reset the connection before the 413 is written).
 */
export async function readWebBody(stream: ReadableStream<Uint8Array> | null, body: PooledBody, limit: number): Promise<BodyRead> {
  throw new Error('TODO (README step 2): write readWebBody() in src/body.ts');
}
