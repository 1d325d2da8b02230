/**
 * The checkpoint's no-pool variant: lab 04's reference with the pools bypassed. The handler, the body reader
 * and the ring are the same code; only the pools are replaced by ones that are not pools — every rent
 * allocates a buffer of exactly the size asked for, every give lets it go. Their slab size is 1 byte, so the
 * body reader's size classes never round a rent up: a body gets a buffer of exactly its first chunk, doubling
 * as more arrives — right-sized to what arrived, as a reader that does not trust the Content-Length must be,
 * paying a copy at each move (lab 03's arrayBuffer() allocates once, but only after the whole body arrived).
 * The budget is the same. Measured beside the
 * pooled app in the same run (a load peer of labs/04-pooling/checkpoint.ts), it shows what the pools
 * themselves buy, apart from streaming the body — seed 004: measure pooling before committing to it. The
 * harness serves this folder like a package (its src/app.ts).
 */
import { BODY_BUDGET_BYTES } from '@hotpath/api';
import { appWithMemory } from '../../src/app.ts';
import { ByteBudget } from '../../src/body.ts';
import { BufferPool } from '../../src/pool.ts';

/** Allocates on every rent and keeps nothing; counts like a pool so the stats still read. */
class NoPool extends BufferPool {
  private allocated = 0;
  private released = 0;

  override rent(size: number = this.slabSize): Uint8Array {
    this.allocated++;
    return new Uint8Array(size);
  }

  override give(): void {
    this.released++;
  }

  override stats() {
    const base = super.stats();
    return { ...base, rented: this.allocated, returned: this.released, outstanding: this.allocated - this.released, misses: this.allocated };
  }
}

const noPool = () => new NoPool({ slabSize: 1, maxRetained: 0 });

export const createApp = appWithMemory({ small: noPool(), slabs: noPool(), budget: new ByteBudget(BODY_BUDGET_BYTES) });
