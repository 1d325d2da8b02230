/**
 * A buffer pool: seed 000's memory pool, for one Node isolate. Fixed-size slabs kept on a LIFO free list
 * (the slab used last is the one most likely still in the CPU cache), at most `maxRetained` of them kept;
 * when the list is empty a slab is allocated (a miss) rather than waiting; a request for more than a slab is
 * served by a buffer of its own that is never kept (the oversized path). Stats say what happened.
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
  /** The free list: a stack, top at free[freeCount - 1]. Never shrinks its array, so pushing allocates nothing. */
  private readonly free: Uint8Array[] = [];
  private freeCount = 0;
  private rented = 0;
  private returned = 0;
  private highWater = 0;
  private misses = 0;
  private oversized = 0;
  private dropped = 0;

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
   * none is free, or for more than a slab a buffer of exactly `size` bytes. Its contents are whatever the
   * last user left: read only what you wrote.
   */
  rent(size: number = this.slabSize): Uint8Array {
    let buffer: Uint8Array;
    if (size > this.slabSize) {
      this.oversized++;
      buffer = new Uint8Array(size);
    } else if (this.freeCount > 0) {
      buffer = this.free[--this.freeCount]!;
      this.free[this.freeCount] = EMPTY; // the list must not keep a rented slab reachable
    } else {
      this.misses++;
      buffer = new Uint8Array(this.slabSize);
    }
    this.rented++;
    const outstanding = this.rented - this.returned;
    if (outstanding > this.highWater) this.highWater = outstanding;
    return buffer;
  }

  /**
   * Takes back a buffer rent() gave out. A slab goes on the free list unless it is full; an oversized buffer is
   * let go. Returning more buffers than were rented, or a slab that is already free, is a bug that would hand
   * one slab to two requests at once: it throws.
   */
  give(buffer: Uint8Array): void {
    if (this.returned >= this.rented) throw new Error('BufferPool.give: more buffers returned than rented');
    if (buffer.byteLength === this.slabSize && buffer.byteOffset === 0 && buffer.buffer.byteLength === this.slabSize) {
      for (let i = 0; i < this.freeCount; i++) {
        if (this.free[i] === buffer) throw new Error('BufferPool.give: this slab was already returned');
      }
      this.returned++;
      if (this.freeCount < this.maxRetained) this.free[this.freeCount++] = buffer;
      else this.dropped++;
      return;
    }
    this.returned++;
    this.dropped++;
  }

  stats(): PoolStats {
    return {
      slabSize: this.slabSize,
      maxRetained: this.maxRetained,
      rented: this.rented,
      returned: this.returned,
      outstanding: this.rented - this.returned,
      highWater: this.highWater,
      misses: this.misses,
      oversized: this.oversized,
      dropped: this.dropped,
      retained: this.freeCount,
    };
  }
}

const EMPTY = new Uint8Array(0);
