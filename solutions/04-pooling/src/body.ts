/**
 * Reading a request body into pooled memory: the body's bytes are copied, chunk by chunk as they arrive,
 * into a slab rented from the pool — no ArrayBuffer per request, no concatenation. A body that outgrows its
 * slab moves to a bigger buffer (the pool's oversized path) and the slab goes back at once. The limit is
 * enforced early: a Content-Length over it is refused before anything is rented, and a streamed body
 * stops being read the moment it passes the limit.
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
   * Appends a chunk; false (and nothing copied) when the body would pass `limit`. Outgrowing the buffer
   * moves what was read to a buffer twice as large (at most `limit`) and returns the old one to the pool.
   */
  append(chunk: Uint8Array, limit: number): boolean {
    const end = this.length + chunk.byteLength;
    if (end > limit) return false;
    if (end > this.buffer.byteLength) {
      const bigger = this.pool.rent(Math.min(limit, Math.max(end, this.buffer.byteLength * 2)));
      bigger.set(this.buffer.subarray(0, this.length));
      this.pool.give(this.buffer);
      this.buffer = bigger;
    }
    this.buffer.set(chunk, this.length);
    this.length = end;
    return true;
  }

  /** Gives the buffer back to the pool. Idempotent: a second call does nothing. */
  release(): void {
    if (this.buffer === RELEASED) return;
    const buffer = this.buffer;
    this.buffer = RELEASED;
    this.length = 0;
    this.pool.give(buffer);
  }
}

const RELEASED = new Uint8Array(0);

/**
 * A PooledBody for a body of `declared` bytes (its Content-Length, when it has one; a slab's worth when it
 * has none): from a BufferPool, one slab, or a buffer of exactly that size when it is larger than a slab.
 */
export function rentBody(pool: BufferPool, declared: number | undefined): PooledBody {
  return new PooledBody(pool, declared ?? pool.slabSize);
}

/**
 * Reads a Node request's body (under @hono/node-server, the IncomingMessage behind the Request) into `body`.
 * Resolves — never rejects — when it ended, passed `limit` (listeners removed, the rest left unread for the
 * server to drain or close), or was cut short by the client: an aborted request closes without 'end'. No
 * 'error' listener: an IncomingMessage emits 'error' only to listeners it has, and always 'close' after it —
 * and listening for it costs ~1 KB of heap per request on Node 20 (measured; the README has the figures).
 */
export function readNodeBody(incoming: IncomingMessage, body: PooledBody, limit: number): Promise<BodyRead> {
  if (incoming.readableEnded) return Promise.resolve(BodyRead.Complete);
  if (incoming.destroyed) return Promise.resolve(BodyRead.Aborted);
  return new Promise((resolve) => {
    const finish = (outcome: BodyRead) => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('close', onClose);
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      if (!body.append(chunk, limit)) finish(BodyRead.TooLarge);
    };
    const onEnd = () => finish(BodyRead.Complete);
    const onClose = () => finish(incoming.readableEnded ? BodyRead.Complete : BodyRead.Aborted);
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('close', onClose);
  });
}

/** The same for a WHATWG stream (a Request made in-process, as tests do with app.request()). */
export async function readWebBody(stream: ReadableStream<Uint8Array> | null, body: PooledBody, limit: number): Promise<BodyRead> {
  if (stream === null) return BodyRead.Complete;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return BodyRead.Complete;
      if (!body.append(value, limit)) return BodyRead.TooLarge;
    }
  } catch {
    return BodyRead.Aborted;
  } finally {
    reader.releaseLock();
  }
}
