/**
 * Lab 04's given pieces, written once: the pool's options and stats, its defaults, and the base class that
 * validates the options and holds the free list (an array sized once, its top at `free[freeCount - 1]`, so
 * pushing never allocates); plus how reading a body can end (`BodyRead`). The starting code and the reference
 * solution both extend BufferPoolBase with rent(), give() and stats() — the part the lab teaches.
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

/** What a free-list slot holds when no slab is in it (the list must not keep a rented slab reachable). */
export const NO_SLAB = new Uint8Array(0);

export abstract class BufferPoolBase {
  readonly slabSize: number;
  readonly maxRetained: number;
  /** The free list: a stack, top at free[freeCount - 1]. Sized once to maxRetained, so pushing allocates nothing. */
  protected readonly free: Uint8Array[] = [];
  protected freeCount = 0;

  constructor(options: PoolOptions = {}) {
    const slabSize = options.slabSize ?? DEFAULT_SLAB_SIZE;
    const maxRetained = options.maxRetained ?? DEFAULT_MAX_RETAINED;
    if (!Number.isInteger(slabSize) || slabSize < 1) throw new RangeError('slabSize must be a positive integer');
    if (!Number.isInteger(maxRetained) || maxRetained < 0) throw new RangeError('maxRetained must be a non-negative integer');
    this.slabSize = slabSize;
    this.maxRetained = maxRetained;
    for (let i = 0; i < maxRetained; i++) this.free.push(NO_SLAB);
    const prefill = Math.min(options.prefill ?? 0, maxRetained);
    for (let i = 0; i < prefill; i++) this.free[this.freeCount++] = new Uint8Array(slabSize);
  }

  /** A buffer of at least `size` bytes (default: one slab). */
  abstract rent(size?: number): Uint8Array;
  /** Takes back a buffer rent() gave out. */
  abstract give(buffer: Uint8Array): void;
  abstract stats(): PoolStats;
}

/** How reading a body ended. */
export const BodyRead = {
  /** All of it is in `body.buffer[0, body.length)`. */
  Complete: 0,
  /** It passed the limit; reading stopped there. */
  TooLarge: 1,
  /** The client went away (or the stream failed) before the body ended. */
  Aborted: 2,
} as const;
export type BodyRead = (typeof BodyRead)[keyof typeof BodyRead];
