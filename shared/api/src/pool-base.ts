/**
 * Lab 04's given pieces, written once: the pool's options and stats, its defaults, and the base class that
 * validates the options and holds the free list (an array sized once, its top at `free[freeCount - 1]`, so
 * pushing never allocates); the server's budget of body bytes (`ByteBudget`); and how appending a chunk
 * (`Append`) and reading a body (`BodyRead`) can end. The starting code and the reference solution both extend
 * BufferPoolBase with rent(), give() and stats() — the part the lab teaches — and call the budget before every
 * rent and after every give.
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
/**
 * The small class: a body's first bytes go into a buffer this size (4 KiB, Kestrel's block size) from a
 * second pool of small slabs, so a body that has sent 16 bytes holds 4 KiB, not a 64 KiB slab; it moves to
 * a slab only when more arrives.
 */
export const DEFAULT_SMALL_SIZE = 4 * 1024;
/** Most free small slabs kept (256: 1 MiB of 4 KiB slabs). */
export const DEFAULT_SMALL_RETAINED = 256;

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

export interface BudgetStats {
  /** The most bytes that may be taken at once. */
  limit: number;
  /** Bytes taken and not yet given back: 0 when every body gave its memory back. */
  outstanding: number;
  /** The most bytes ever taken at once. */
  highWater: number;
  /** tryTake() calls refused because the bytes would have passed the limit. */
  refused: number;
}

/**
 * A budget of bytes shared by every request of a server: the memory its request bodies hold at once. Take
 * a buffer's size before renting it (`tryTake`: false when it would pass the limit, and nothing is taken),
 * give the same size back when the buffer goes back (`give`). Given: the counting is simple; what the lab
 * teaches is calling it on every path.
 */
export class ByteBudget {
  readonly limit: number;
  private taken = 0;
  private highWater = 0;
  private refused = 0;

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 0) throw new RangeError('a budget limit must be a non-negative integer');
    this.limit = limit;
  }

  /** Takes `bytes` and answers true when they fit under the limit; answers false, taking nothing, when not. */
  tryTake(bytes: number): boolean {
    if (this.taken + bytes > this.limit) {
      this.refused++;
      return false;
    }
    this.taken += bytes;
    if (this.taken > this.highWater) this.highWater = this.taken;
    return true;
  }

  /** Gives back `bytes` taken earlier. More than was taken is an accounting bug: it throws. */
  give(bytes: number): void {
    if (bytes > this.taken) throw new Error(`ByteBudget.give: ${bytes} bytes given back, only ${this.taken} taken`);
    this.taken -= bytes;
  }

  stats(): BudgetStats {
    return { limit: this.limit, outstanding: this.taken, highWater: this.highWater, refused: this.refused };
  }
}

/** How reading a body ended. */
export const BodyRead = {
  /** All of it is in `body.buffer[0, body.length)`. */
  Complete: 0,
  /** It passed the limit; reading stopped there. */
  TooLarge: 1,
  /** The client went away (or the stream failed) before the body ended. */
  Aborted: 2,
  /** The server's body budget had no room for the memory the next bytes needed; reading stopped there. */
  Busy: 3,
} as const;
export type BodyRead = (typeof BodyRead)[keyof typeof BodyRead];

/**
 * What `append()` did with a chunk: copied it (`Ok`), or refused it and copied nothing — then the value is the
 * BodyRead that ends the read (`TooLarge`: past the limit; `Busy`: no room in the budget).
 */
export const Append = {
  Ok: -1,
  TooLarge: BodyRead.TooLarge,
  Busy: BodyRead.Busy,
} as const;
export type Append = (typeof Append)[keyof typeof Append];
