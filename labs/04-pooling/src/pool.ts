/**
 * A buffer pool (README step 1): seed 000's memory pool, for one Node isolate. Fixed-size slabs kept on a
 * LIFO free list, at most `maxRetained` of them; a fresh slab when the list is empty (a miss, never a
 * wait); a buffer of its own for more than a slab (the oversized path, never kept); and stats. The options,
 * the stats' shape and the free list are given (@hotpath/api/pool-base): `this.free` is an array sized once
 * to maxRetained, `this.freeCount` its top.
 *
 * .NET's ArrayPool.Shared keeps per-thread stacks over a global queue because many threads rent at once. A
 * Node isolate runs one thread of JavaScript, so one pool per isolate (per module instance: a worker thread
 * loads its own) is the thread-local pool, with no locks and nothing to steal.
 */
import { BufferPoolBase, type PoolStats } from '@hotpath/api/pool-base';

export { DEFAULT_MAX_RETAINED, DEFAULT_SLAB_SIZE, type PoolOptions, type PoolStats } from '@hotpath/api/pool-base';

export class BufferPool extends BufferPoolBase {
  /**
   * A buffer of at least `size` bytes (default: one slab): the most recently returned slab, a new slab when
   * none is free (a miss), or for more than a slab a buffer of exactly `size` bytes (oversized). Its contents
   * are whatever the last user left: the caller reads only what it wrote.
   *
   * TODO (step 1): pop the free list (and put NO_SLAB from @hotpath/api/pool-base in the slot you took: the
   * list must not keep a rented slab reachable), or allocate; count rents, misses and oversized rents, and
   * keep the high-water mark of outstanding buffers (add the counters you need as private fields).
   */
  rent(size: number = this.slabSize): Uint8Array {
    throw new Error('TODO (README step 1): write BufferPool.rent() in src/pool.ts');
  }

  /**
   * Takes back a buffer rent() gave out: a slab goes on the free list unless maxRetained are already free; an
   * oversized buffer is let go.
   *
   * TODO (step 1): also throw when more buffers come back than were rented, and when the slab is already on
   * the free list — a slab returned twice would be handed to two requests at once. A buffer that is not a
   * whole slab (smaller, or a view into one) is let go like an oversized one: counted as returned and dropped.
   */
  give(buffer: Uint8Array): void {
    throw new Error('TODO (README step 1): write BufferPool.give() in src/pool.ts');
  }

  /** TODO (step 1): the counters, as a PoolStats. */
  stats(): PoolStats {
    throw new Error('TODO (README step 1): write BufferPool.stats() in src/pool.ts');
  }
}
