/**
 * Reading a request body into pooled memory: the body's bytes are copied, chunk by chunk as they arrive,
 * into buffers rented from pools — no ArrayBuffer per request, no concatenation. Memory follows the bytes
 * that arrived, never the Content-Length a client declared: a body rents nothing until its first bytes, then
 * a small slab (4 KiB), then a pooled slab (64 KiB), then buffers of its own, doubling up to the limit,
 * giving the previous buffer back at each move. Every buffer's size is taken from the server's ByteBudget
 * before it is rented and given back with it: when the budget has no room the read stops with Busy (503).
 *
 * Ownership is the lesson of `AdvanceTo` in a `finally`: the caller makes a PooledBody and calls `release()`
 * in a `finally` on every path — success, bad JSON, too large, aborted, busy.
 */
import type { IncomingMessage } from 'node:http';
import { BODY_BUDGET_BYTES } from '@hotpath/api';
import { Append, BodyRead, ByteBudget, DEFAULT_SMALL_RETAINED, DEFAULT_SMALL_SIZE } from '@hotpath/api/pool-base';
import { BufferPool } from './pool.ts';

export { Append, BodyRead, ByteBudget } from '@hotpath/api/pool-base';

/** Where bodies get their memory: small slabs for a body's first bytes, slabs and oversized buffers after, one budget. */
export interface BodyMemory {
  small: BufferPool;
  slabs: BufferPool;
  budget: ByteBudget;
}

export interface BodyMemoryOptions {
  /** Bytes of the small class (default 4 KiB). */
  smallSize?: number;
  /** Bytes per slab (default 64 KiB). */
  slabSize?: number;
  /** The budget's limit (default BODY_BUDGET_BYTES, 32 MiB). */
  budgetBytes?: number;
}

/** A BodyMemory: a pool of small slabs, a pool of slabs, and a budget (the app's is `bodyMemory` in ingest.ts). */
export function createBodyMemory(options: BodyMemoryOptions = {}): BodyMemory {
  return {
    small: new BufferPool({ slabSize: options.smallSize ?? DEFAULT_SMALL_SIZE, maxRetained: DEFAULT_SMALL_RETAINED }),
    slabs: new BufferPool(options.slabSize === undefined ? {} : { slabSize: options.slabSize }),
    budget: new ByteBudget(options.budgetBytes ?? BODY_BUDGET_BYTES),
  };
}

/** What `buffer` holds before the first bytes arrive, and after release(). */
const NOTHING = new Uint8Array(0);

/**
 * A body being read into pooled memory. Read only `buffer[0, length)`: the rest of a reused slab holds an
 * earlier request's bytes. `view()` is exactly that range.
 */
export class PooledBody {
  buffer: Uint8Array = NOTHING;
  length = 0;
  private readonly memory: BodyMemory;

  /** Rents nothing: the first append() rents what its bytes need. */
  constructor(memory: BodyMemory) {
    this.memory = memory;
  }

  /** The bytes read so far, as a view of the pooled buffer (valid until release()). */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /**
   * Appends a chunk: Append.Ok, or — copying nothing — Append.TooLarge when the body would pass `limit`,
   * Append.Busy when the bigger buffer it needs does not fit in the budget.
   */
  append(chunk: Uint8Array, limit: number): Append {
    const end = this.length + chunk.byteLength;
    if (end > limit) return Append.TooLarge;
    if (end > this.buffer.byteLength && !this.grow(end, limit)) return Append.Busy;
    this.buffer.set(chunk, this.length);
    this.length = end;
    return Append.Ok;
  }

  /**
   * Moves the body to a buffer of at least `needed` bytes — twice the current one, at most `limit`, rounded
   * up to the class it falls in — taking its size from the budget first. False, with nothing changed, when
   * the budget has no room.
   */
  private grow(needed: number, limit: number): boolean {
    const { small, slabs, budget } = this.memory;
    const want = Math.min(limit, Math.max(needed, this.buffer.byteLength * 2));
    const size = want <= small.slabSize ? small.slabSize : Math.max(want, slabs.slabSize);
    if (!budget.tryTake(size)) return false;
    const bigger = (size <= small.slabSize ? small : slabs).rent(size);
    if (this.length > 0) bigger.set(this.buffer.subarray(0, this.length));
    if (this.buffer !== NOTHING) this.giveBack(this.buffer);
    this.buffer = bigger;
    return true;
  }

  /** Gives `buffer` to the pool it came from (decided by its size, as grow() decided), and its bytes to the budget. */
  private giveBack(buffer: Uint8Array): void {
    const { small, slabs, budget } = this.memory;
    const size = buffer.byteLength;
    (size <= small.slabSize ? small : slabs).give(buffer);
    budget.give(size);
  }

  /** Gives the buffer back to its pool and its bytes to the budget. Idempotent; a body that rented nothing gives nothing. */
  release(): void {
    const buffer = this.buffer;
    this.buffer = NOTHING;
    this.length = 0;
    if (buffer !== NOTHING) this.giveBack(buffer);
  }
}

/**
 * Reads a Node request's body (under @hono/node-server, the IncomingMessage behind the Request) into `body`.
 * Resolves — never rejects — when it ended, was refused by append() (TooLarge or Busy: listeners removed, the
 * rest left unread for the server to drain or close), or was cut short: an aborted request, or one the server
 * closed for sending too slowly, closes without 'end'. No 'error' listener: an IncomingMessage emits 'error'
 * only to listeners it has, and always 'close' after it — and listening for it costs ~1 KB of heap per
 * request on Node 20 (measured; the README has the figures).
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
      const appended = body.append(chunk, limit);
      if (appended !== Append.Ok) finish(appended);
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
      const appended = body.append(value, limit);
      if (appended !== Append.Ok) return appended;
    }
  } catch {
    return BodyRead.Aborted;
  } finally {
    reader.releaseLock();
  }
}
