/**
 * A buffer pool: seed 000's memory pool, for one Node isolate. Fixed-size slabs kept on a LIFO free list
 * (the slab used last is the one most likely still in the CPU cache), at most `maxRetained` of them kept;
 * when the list is empty a slab is allocated (a miss) rather than waiting; a request for more than a slab is
 * served by a buffer of its own that is never kept (the oversized path). Stats say what happened. The
 * options, the stats' shape and the free list are given (@hotpath/api/pool-base).
 *
 * .NET's ArrayPool.Shared keeps per-thread stacks over a global queue because many threads rent at once. A
 * Node isolate runs one thread of JavaScript, so one pool per isolate (per module instance: a worker thread
 * loads its own) is the thread-local pool, with no locks and nothing to steal.
 */
import { BufferPoolBase, NO_SLAB, type PoolStats } from '@hotpath/api/pool-base';

export { DEFAULT_MAX_RETAINED, DEFAULT_SLAB_SIZE, type PoolOptions, type PoolStats } from '@hotpath/api/pool-base';

export class BufferPool extends BufferPoolBase {
  private rented = 0;
  private returned = 0;
  private highWater = 0;
  private misses = 0;
  private oversized = 0;
  private dropped = 0;

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
      this.free[this.freeCount] = NO_SLAB; // the list must not keep a rented slab reachable
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
