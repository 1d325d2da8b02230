/**
 * The checkpoint's no-pool variant: lab 04's reference with the pool bypassed. The handler, the body reader
 * and the ring are the same code; only the pool is replaced by one that is not a pool — every rent allocates
 * a buffer of exactly the size asked for (the Content-Length, as lab 03's arrayBuffer() does), every give
 * lets it go. Measured beside the pooled app in the same run (a load peer of labs/04-pooling/checkpoint.ts),
 * it shows what the pool itself buys, apart from streaming the body — seed 004: measure pooling before
 * committing to it. The harness serves this folder like a package (its src/app.ts).
 */
import { appWithPool } from '../../src/app.ts';
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

export const createApp = appWithPool(new NoPool({ maxRetained: 0 }));
