/**
 * Reading a request body into pooled memory (README step 2): the body's bytes are copied, chunk by chunk as
 * they arrive, into buffers rented from pools — no ArrayBuffer per request, no concatenation. Memory follows
 * the bytes that arrived, never the Content-Length a client declared: a body rents nothing until its first
 * bytes, then a small slab, then a slab, then buffers of its own, doubling up to the limit. Every buffer's
 * size comes out of the server's ByteBudget before it is rented and goes back with it.
 *
 * Ownership is the lesson of `AdvanceTo` in a `finally`: the caller makes a PooledBody and calls `release()`
 * in a `finally` on every path — success, bad JSON, too large, aborted, busy.
 */
import type { IncomingMessage } from 'node:http';
import { BODY_BUDGET_BYTES } from '@hotpath/api';
import { type Append, type BodyRead, ByteBudget, DEFAULT_SMALL_RETAINED, DEFAULT_SMALL_SIZE } from '@hotpath/api/pool-base';
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
   *
   * TODO (step 2): check the limit first. When the chunk does not fit in `buffer` (at first it is empty), move
   * to a bigger one: `want` is twice the current capacity, at least what is needed, at most `limit`; its size
   * is that rounded up to the class it falls in — `memory.small.slabSize` from `memory.small`, else
   * `memory.slabs.slabSize` from `memory.slabs`, else `want` itself (the slabs pool's oversized path). Take
   * that size from `memory.budget.tryTake(size)` *before* renting (false: answer Append.Busy, nothing
   * changed), rent, copy what was read so far (only when `length > 0`: a `subarray()` allocates), give the
   * old buffer back to the pool it came from and its size back to the budget, then copy the chunk in at
   * `length` with `buffer.set(chunk, offset)`.
   */
  append(chunk: Uint8Array, limit: number): Append {
    throw new Error('TODO (README step 2): write PooledBody.append() in src/body.ts');
  }

  /**
   * Gives the buffer back to its pool and its bytes to the budget.
   *
   * TODO (step 2): idempotent — a second call (a catch and a finally, say) must give nothing back again — and
   * a body that rented nothing gives nothing. Swap `buffer` for NOTHING first, then give what it held back:
   * to `memory.small` when it is a small slab (by its size, as append() chose), else to `memory.slabs`; and
   * `memory.budget.give(its byteLength)`.
   */
  release(): void {
    throw new Error('TODO (README step 2): write PooledBody.release() in src/body.ts');
  }
}

/**
 * Reads a Node request's body (under @hono/node-server, the IncomingMessage behind the Request) into `body`.
 * Resolves — never rejects — with Complete on 'end', with what append() answered as soon as it refuses a
 * chunk (TooLarge or Busy), Aborted when the request closes without ending (the client went away, or the
 * server cut a client that sent too slowly).
 *
 * TODO (step 2): a Promise whose executor adds 'data', 'end' and 'close' listeners and removes all three
 * before it resolves. Listen for 'close', not 'error': an IncomingMessage emits 'error' only to listeners
 * it has and always 'close' after it — and an 'error' listener costs about 1 KB of heap per request on
 * Node 20 (measure it: `pnpm lab bench 04`). After TooLarge or Busy leave the request alone — no pause(),
 * resume() or destroy(): with the listeners gone the rest of the body goes unread, and the server drains or
 * closes the connection once the answer is written.
 */
export function readNodeBody(incoming: IncomingMessage, body: PooledBody, limit: number): Promise<BodyRead> {
  throw new Error('TODO (README step 2): write readNodeBody() in src/body.ts');
}

/**
 * The same for a WHATWG stream (a Request made in process, as the tests do with app.fetch()).
 *
 * TODO (step 2): `stream.getReader()`, read until done, append each chunk (a refusal is the outcome); a `null`
 * stream is an empty, complete body; a read that throws is Aborted. Release the reader's lock in a `finally`,
 * and do not cancel the stream on TooLarge or Busy (over a socket that would reset the connection before the
 * answer is written).
 */
export async function readWebBody(stream: ReadableStream<Uint8Array> | null, body: PooledBody, limit: number): Promise<BodyRead> {
  throw new Error('TODO (README step 2): write readWebBody() in src/body.ts');
}
