/**
 * Lab 00, step 1 (reference solution): a bytes-per-operation probe.
 *
 * Node 20 has no "bytes allocated" counter, so we read the V8 heap before and after running an operation
 * many times. Three things make the figure honest:
 *  1. warm up first, long enough that the loop and `op` are optimised before we count (compiling allocates),
 *     and subtract what reading the heap statistics itself allocates;
 *  2. start from a collected heap (`gc()`), so the "before" reading is not full of garbage waiting to go;
 *  3. if a GC ran inside the window, the "after" reading is too low by what it freed — so we add each GC's
 *     freed bytes back, using v8.GCProfiler, which reports every GC with the heap size before and after it.
 */
import { GCProfiler, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** gc() from --expose-gc, or enabled at run time when the flag was not given. */
function getGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** What the operations return is kept here, so V8 cannot optimise the allocation away. */
// biome-ignore lint/correctness/noUnusedVariables: written, never read, so the allocation stays observable
let keep: unknown;

function run(op: (i: number) => unknown, iterations: number): void {
  for (let i = 0; i < iterations; i++) keep = op(i);
}

/** Heap bytes freed by the GCs one GCProfiler window saw. */
function freedBy(profile: ReturnType<GCProfiler['stop']>): number {
  let freed = 0;
  for (const gc of profile?.statistics ?? []) {
    freed += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
  }
  return freed;
}

/** One measured window: heap bytes allocated by `iterations` calls, freed bytes added back. */
function window(gc: () => void, op: (i: number) => unknown, iterations: number): number {
  gc();
  const profiler = new GCProfiler();
  profiler.start();
  const before = getHeapStatistics().used_heap_size;
  run(op, iterations);
  const after = getHeapStatistics().used_heap_size;
  return after - before + freedBy(profiler.stop());
}

/** Heap bytes one call of `op` allocates, as the median of `rounds` measured windows. */
export function bytesPerOp(op: (i: number) => unknown, iterations = 20_000, rounds = 5): number {
  const gc = getGc();
  // Warm-up: whole untimed windows, at least 5 and for at least 100 ms. V8 optimises `run` and `op` on a
  // background thread and installs the code later, and the first windows of a process pay one-off costs;
  // a window that overlaps either shows hundreds of KB that `op` never allocated.
  const warmUntil = performance.now() + 100;
  for (let k = 0; k < 5 || performance.now() < warmUntil; k++) window(gc, op, iterations);
  // Reading the heap statistics allocates too (~600 B): measure an empty window and subtract it.
  const readingCost = window(gc, op, 0);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) samples.push((window(gc, op, iterations) - readingCost) / iterations);
  keep = undefined;
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}
