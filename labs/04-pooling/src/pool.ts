/**
 * A buffer pool (README step 1): seed 000's memory pool, for one Node isolate. Fixed-size slabs kept on a
 * LIFO free list, at most `maxRetained` of them; a fresh slab when the list is empty (a miss, never a
 * wait); a buffer of its own for more than a slab (the oversized path, never kept); and stats.
 *
 * .NET's ArrayPool.Shared keeps per-thread stacks over a global queue because many threads rent at once. A
 * Node isolate runs one thread of JavaScript, so one pool per isolate (per module instance: a worker thread
 * loads its own) is the thread-local pool, with no locks and nothing to steal.
 */

export interface PoolOptions {
  /** Bytes per slab (default 64 KiB: the kit's largest fixture fits one slab). */
  slabSize?: number;
  /** Most free slabs kept; a slab returned past it is dropped for the GC (default 64: 4 MiB of 64 KiB slabs). */
  maxRetained?: number;
  /** Slabs allocated up front, so the first requests do not miss (default 0; at most maxRetained). */
  prefill?: number;
}

export interface PoolStats {
  slabSize: number;
  maxRetained: number;
  /** rent() calls. */
  rented: number;
  /** give() calls that took a buffer back (whether or not it was kept). */
  returned: number;
  /** Rented and not yet returned: 0 when every request released its buffer. */
  outstanding: number;
  /** The most buffers ever outstanding at once. */
  highWater: number;
  /** Rents of a slab that found the free list empty and allocated one. */
  misses: number;
  /** Rents larger than a slab (a buffer of their own, never kept). */
  oversized: number;
  /** Returned slabs not kept because maxRetained were already free, plus oversized buffers let go. */
  dropped: number;
  /** Slabs on the free list now. */
  retained: number;
}

export const DEFAULT_SLAB_SIZE = 64 * 1024;
export const DEFAULT_MAX_RETAINED = 64;

export class BufferPool {
  readonly slabSize: number;
  readonly maxRetained: number;
  /** The free list: a stack, top at free[freeCount - 1]. Sized once, so pushing allocates nothing. */
  private readonly free: Uint8Array[] = [];
  private freeCount = 0;

  constructor(options: PoolOptions = {}) {
    const slabSize = options.slabSize ?? DEFAULT_SLAB_SIZE;
    const maxRetained = options.maxRetained ?? DEFAULT_MAX_RETAINED;
    if (!Number.isInteger(slabSize) || slabSize < 1) throw new RangeError('slabSize must be a positive integer');
    if (!Number.isInteger(maxRetained) || maxRetained < 0) throw new RangeError('maxRetained must be a non-negative integer');
    this.slabSize = slabSize;
    this.maxRetained = maxRetained;
    for (let i = 0; i < maxRetained; i++) this.free.push(EMPTY); // size the array once
    const prefill = Math.min(options.prefill ?? 0, maxRetained);
    for (let i = 0; i < prefill; i++) this.free[this.freeCount++] = new Uint8Array(slabSize);
  }

  /**
   * A buffer of at least `size` bytes (default: one slab): the most recently returned slab, a new slab when
   * none is free (a miss), or for more than a slab a buffer of exactly `size` bytes (oversized). Its contents
   * are whatever the last user left: the caller reads only what it wrote.
   *
   * TODO (step 1): pop the free list (and put EMPTY in the slot you took: the list must not keep a rented
   * slab reachable), or allocate; count rents, misses and oversized rents, and keep the high-water mark of
   * outstanding buffers (add the counters you need as private fields).
   */
  rent(size: number = this.slabSize): Uint8Array {
    throw new Error('TODO (README step 1): write BufferPool.rent() in src/pool.ts');
  }

  /**
   * Takes back a buffer rent() gave out: a slab goes on the free list unless maxRetained are already free; an
   * oversized buffer is let go.
   *
   * TODO (step 1): also throw when more buffers come back than were rented, and when the slab is already on
   * the free list — a slab returned twice would be handed to two requests at once.
   */
  give(buffer: Uint8Array): void {
    throw new Error('TODO (README step 1): write BufferPool.give() in src/pool.ts');
  }

  /** TODO (step 1): the counters, as a PoolStats. */
  stats(): PoolStats {
    throw new Error('TODO (README step 1): write BufferPool.stats() in src/pool.ts');
  }
}

const EMPTY = new Uint8Array(0);
