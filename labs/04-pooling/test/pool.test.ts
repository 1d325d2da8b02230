/**
 * Step 1 — the buffer pool (src/pool.ts): fixed-size slabs on a LIFO free list, a bound on what it keeps, a
 * fresh slab when it is empty (a miss, never a wait), a buffer of its own for more than a slab, and stats
 * that say what happened. Returning a buffer twice must be caught: it would hand one slab to two requests.
 */
import { describe, expect, it } from 'vitest';
import { loadPool, showStats } from './support/subject.ts';

async function newPool(options: { slabSize?: number; maxRetained?: number; prefill?: number } = {}) {
  const { BufferPool } = await loadPool();
  return new BufferPool({ slabSize: 1024, maxRetained: 4, ...options });
}

describe('the buffer pool', () => {
  it('rents slabs of slabSize bytes and hands the last one returned out first (LIFO)', async () => {
    const pool = await newPool();
    const a = pool.rent();
    const b = pool.rent();
    expect(a.byteLength, 'rent() with no size must answer a whole slab (slabSize bytes)').toBe(1024);
    expect(a, 'Two buffers rented at once must be different slabs').not.toBe(b);
    pool.give(a);
    pool.give(b);
    expect(pool.rent(), 'Hand out the slab returned last first: the free list is a stack').toBe(b);
    expect(pool.rent(), 'Then the one returned before it').toBe(a);
  });

  it('reuses slabs: a rent/give loop allocates one slab, then none', async () => {
    const pool = await newPool();
    for (let i = 0; i < 1000; i++) pool.give(pool.rent());
    const s = pool.stats();
    expect(s.misses, `A rent after a give must reuse the returned slab (${showStats(s)})`).toBe(1);
    expect([s.rented, s.returned, s.outstanding], `Count every rent and every give (${showStats(s)})`).toEqual([1000, 1000, 0]);
  });

  it('allocates a new slab when none is free (a miss), and tracks the high-water mark', async () => {
    const pool = await newPool();
    const held = [pool.rent(), pool.rent(), pool.rent()];
    let s = pool.stats();
    expect([s.misses, s.outstanding, s.highWater], `Three rents on an empty pool are three misses, three outstanding (${showStats(s)})`).toEqual([3, 3, 3]);
    for (const buffer of held) pool.give(buffer);
    pool.give(pool.rent());
    s = pool.stats();
    expect([s.outstanding, s.highWater, s.retained], `highWater stays at the most ever outstanding; retained counts free slabs (${showStats(s)})`).toEqual([
      0, 3, 3,
    ]);
  });

  it('keeps at most maxRetained free slabs and drops the rest', async () => {
    const pool = await newPool({ maxRetained: 2 });
    const held = [pool.rent(), pool.rent(), pool.rent(), pool.rent()];
    for (const buffer of held) pool.give(buffer);
    const s = pool.stats();
    expect(s.retained, `Keep no more than maxRetained (2) slabs on the free list (${showStats(s)})`).toBe(2);
    expect(s.outstanding, 'A dropped slab still counts as returned').toBe(0);
  });

  it('prefills up to maxRetained slabs, so the first rents do not miss', async () => {
    const pool = await newPool({ prefill: 3 });
    expect(pool.stats().retained, 'prefill: 3 must put three slabs on the free list').toBe(3);
    pool.rent();
    expect(pool.stats().misses, 'A rent from a prefilled pool is not a miss').toBe(0);
  });

  it('serves more than a slab with a buffer of its own that it never keeps (the oversized path)', async () => {
    const pool = await newPool();
    const big = pool.rent(5000);
    expect(big.byteLength, 'rent(size) above slabSize must answer at least size bytes').toBeGreaterThanOrEqual(5000);
    pool.give(big);
    const s = pool.stats();
    expect([s.oversized, s.outstanding, s.retained], `Count the oversized rent, take it back, but keep only slabs (${showStats(s)})`).toEqual([1, 0, 0]);
    expect(pool.rent(), 'An oversized buffer must never come back as a slab').not.toBe(big);
  });

  it('answers a slab for sizes up to slabSize', async () => {
    const pool = await newPool();
    expect(pool.rent(10).byteLength, 'rent(10) must answer a whole slab').toBe(1024);
    expect(pool.rent(1024).byteLength, 'rent(slabSize) must answer a slab').toBe(1024);
    expect(pool.stats().oversized, 'Only sizes above slabSize are oversized').toBe(0);
  });

  it('throws when a buffer is returned twice, or more are returned than rented', async () => {
    const pool = await newPool();
    const a = pool.rent();
    pool.rent();
    pool.give(a);
    expect(() => pool.give(a), 'Throw when a slab already on the free list is returned again: two requests would share it').toThrow();
    const fresh = await newPool();
    expect(() => fresh.give(new Uint8Array(1024)), 'Throw when more buffers are returned than were rented').toThrow();
  });

  it('rejects nonsense options', async () => {
    const { BufferPool } = await loadPool();
    expect(() => new BufferPool({ slabSize: 0 }), 'slabSize must be a positive integer').toThrow(RangeError);
    expect(() => new BufferPool({ maxRetained: -1 }), 'maxRetained must not be negative').toThrow(RangeError);
  });
});
