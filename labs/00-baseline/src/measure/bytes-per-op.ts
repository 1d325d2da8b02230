/**
 * Lab 00, step 1: a bytes-per-operation probe. Measure before you optimise.
 *
 * Node 20 has no "bytes allocated" counter, so you will read the V8 heap before and after running an
 * operation many times and divide. Make the figure honest (the tests check it against known sizes):
 *  1. Warm up: run whole windows untimed — at least five, and for at least 100 ms — so the loop and `op`
 *     are optimised before you count: V8 compiles in the background and allocates when it installs the code.
 *  2. Start each window from a collected heap: call `gc()` (see getGc below).
 *  3. Read `getHeapStatistics().used_heap_size` before and after running `op` `iterations` times.
 *  4. A GC inside the window frees memory and makes "after" too small. Start a `new GCProfiler()` before
 *     the window; `profiler.stop().statistics` lists each GC, and each entry's
 *     `beforeGC.heapStatistics.usedHeapSize - afterGC.heapStatistics.usedHeapSize` is what it freed
 *     (camelCase there, unlike getHeapStatistics()): add every GC's freed bytes back.
 *  5. Reading the heap statistics allocates a little too: measure an empty window and subtract it.
 *  6. Keep what `op` returns (assign it to `keep`), or V8 may optimise the allocation away.
 *  7. Repeat for `rounds` windows and return the median.
 */
import { GCProfiler, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** gc() from --expose-gc, or enabled at run time when the flag was not given. (Given; nothing to do here.) */
export function getGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Assign what the operations return here, so V8 cannot optimise the allocation away. */
export let keep: unknown;

/** Heap bytes one call of `op` allocates, as the median of `rounds` measured windows. */
export function bytesPerOp(op: (i: number) => unknown, iterations = 20_000, rounds = 5): number {
  // TODO(lab 00): implement the probe described above. These are here so the imports are used:
  void GCProfiler, getHeapStatistics, op, iterations, rounds, keep;
  throw new Error('TODO(lab 00): implement bytesPerOp in src/measure/bytes-per-op.ts');
}
