/**
 * Lab 00, part 1: your bytes-per-operation probe (src/measure/bytes-per-op.ts) is checked against sizes
 * chosen at random here and against the kit's own harness, so only a real measurement passes.
 */
import { measureBytesPerOp } from '@hotpath/harness';
import { describe, expect, it } from 'vitest';
import { bytesPerOp } from '#lab/measure/bytes-per-op.ts';

/**
 * Sizes are random so no fixed answer passes, but seeded so a failure can be replayed: the seed is in every
 * message, and HOTPATH_SEED=<seed> reruns with the same sizes.
 */
const seed = Number(process.env.HOTPATH_SEED ?? Math.floor(Math.random() * 2 ** 31));
let state = seed >>> 0;
const randomInt = (min: number, max: number) => {
  state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0; // a small xorshift-multiply step
  return min + (state % (max - min + 1));
};
const reference = (op: (i: number) => unknown, iterations: number) => measureBytesPerOp(op, { iterations }).bytesPerOp;
const tolerance = (expected: number) => Math.max(2, expected * 0.02);

describe('lab 00 · part 1: the bytes-per-operation probe', () => {
  it('measures about 0 B for an operation that allocates nothing', () => {
    const measured = bytesPerOp(() => 0);
    expect(Math.abs(measured), 'Subtract what reading the heap statistics costs, and warm up before the first window').toBeLessThan(2);
  });

  it('measures a two-field object literal at 40 B', () => {
    const measured = bytesPerOp((i) => ({ a: i, b: i }));
    expect(measured, 'Keep what op returns (assign it to `keep`) and divide the heap growth by the iterations').toBeGreaterThan(38.5);
    expect(measured, 'Start every window from a collected heap: call gc() before reading used_heap_size').toBeLessThan(41.5);
  });

  it('measures arrays whose size this test picks at random', () => {
    for (const length of [randomInt(8, 64), randomInt(65, 500), randomInt(501, 2000)]) {
      const expected = reference(() => new Array(length), 10_000);
      const measured = bytesPerOp(() => new Array(length), 10_000);
      expect(Math.abs(measured - expected), `Measure, do not guess: new Array(${length}) allocates about ${expected.toFixed(0)} B (HOTPATH_SEED=${seed})`).toBeLessThan(
        tolerance(expected),
      );
    }
  });

  it('stays right when the garbage collector runs inside the window', () => {
    // ~100 KB per call over 2,000 calls: the young generation fills many times, so GCs are certain.
    const length = randomInt(10_000, 15_000);
    const expected = reference(() => new Array(length), 2_000);
    const measured = bytesPerOp(() => new Array(length), 2_000);
    expect(
      Math.abs(measured - expected),
      `Add back what each GC freed inside the window (GCProfiler statistics: beforeGC minus afterGC usedHeapSize; HOTPATH_SEED=${seed})`,
    ).toBeLessThan(tolerance(expected));
  });
});
