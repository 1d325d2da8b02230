/**
 * Heap bytes allocated per call of a function, measured from V8's used heap size over GC-free windows.
 *
 * Node 20 has no allocation counter, so the measurement is a difference: warm the loop, collect, read
 * used_heap_size, run N calls, read again. A window only counts when v8.GCProfiler saw no collection in it;
 * the figure is the median of several clean windows, corrected for the constant cost of the two readings.
 * N is sized by a pilot run so a window allocates about 16 MiB (less when the young generation is smaller,
 * so that the window still fits in it). ArrayBuffer contents live outside the V8 heap and are reported
 * separately from process.memoryUsage().arrayBuffers.
 */
import v8 from 'node:v8';
import { ensureGc, startGcWindow, usedHeap } from './gc.ts';
import { median } from './stats.ts';

export interface BytesPerOpOptions {
  /** Clean (GC-free) windows wanted; the median of these is the result. Default 7, at least 5. */
  rounds?: number;
  /** Windows tried before giving up on clean ones. Default 40. */
  maxAttempts?: number;
  /** Allocation a window aims at, heap plus ArrayBuffers. Default 16 MiB. */
  targetBytes?: number;
  /** Bounds of N, the calls per window. Defaults 1,000 and 1,000,000. */
  minIterations?: number;
  maxIterations?: number;
  /** Fixed N instead of sizing it with a pilot run. */
  iterations?: number;
  /** Upper bound on one window's duration, used to cap N for slow functions. Default 250 ms. */
  maxWindowMs?: number;
  /** Milliseconds of warm-up calls before measuring, so the loop is optimised. Default 60. */
  warmupMs?: number;
}

export interface BytesPerOp {
  /** Heap bytes allocated per call: the median of the windows used. */
  bytesPerOp: number;
  median: number;
  min: number;
  max: number;
  /** Windows measured (clean or not). */
  rounds: number;
  /** Windows without any GC in them. The result uses only these when there are at least 5. */
  gcFreeRounds: number;
  /** Calls per window (N). */
  iterations: number;
  /** Half the spread of the windows used, floored at the resolution of one window (B/op). */
  precision: number;
  /** Growth of process.memoryUsage().arrayBuffers per call (Buffer/ArrayBuffer contents, not on the heap). */
  arrayBuffersPerOp: number;
  /** Bytes the two heap readings themselves add to a window; subtracted from every window. */
  overheadBytes: number;
  /** True when fewer than 5 windows were GC-free and collections were accounted for instead. */
  gcAccounted: boolean;
  /** Free bytes of the young generation after a GC: the most a window can allocate without a scavenge. */
  youngGenerationBytes: number;
}

const DEFAULT_TARGET = 16 * 1024 * 1024;

/** Holds the latest result of the measured function so the optimiser cannot drop the allocation. */
const sink: { value: unknown } = { value: undefined };
let loopSerial = 0;

type Loop = (n: number) => number;
type AsyncLoop = (n: number) => Promise<number>;

/**
 * Builds a fresh loop for each measured function: its own compiled code and type feedback, so the call is
 * monomorphic (and inlinable) exactly as it would be in a hot path, whatever else was measured before.
 */
function makeLoop(fn: (i: number) => unknown): Loop {
  const source = `/* hotpath bytes-per-op loop ${++loopSerial} */
    return function measuredLoop(n) {
      for (let i = 0; i < n; i++) sink.value = fn(i);
      return n;
    };`;
  return new Function('fn', 'sink', source)(fn, sink) as Loop;
}

/** The awaiting twin of makeLoop: one call at a time, each awaited before the next starts. */
function makeAsyncLoop(fn: (i: number) => Promise<unknown>): AsyncLoop {
  const source = `/* hotpath async bytes-per-op loop ${++loopSerial} */
    return async function measuredAsyncLoop(n) {
      for (let i = 0; i < n; i++) sink.value = await fn(i);
      return n;
    };`;
  return new Function('fn', 'sink', source)(fn, sink) as AsyncLoop;
}

function youngGenerationFree(): number {
  const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  return space ? space.space_available_size : DEFAULT_TARGET;
}

interface Window {
  heapBytes: number;
  arrayBuffers: number;
  gcCount: number;
  freedBytes: number;
  ms: number;
}

/** What the measuring plan asks its driver to do: run the loop `n` times, unmeasured or in a window. */
type Step = { kind: 'warm'; n: number } | { kind: 'window'; n: number };

/** Opens a window: two collections (the second finishes the first one's concurrent ArrayBuffer sweeping, whose late
 * decrements of arrayBuffers would otherwise land inside the window), then the readings. */
function openWindow(gc: () => void) {
  gc();
  gc();
  const ab0 = process.memoryUsage().arrayBuffers;
  const gcWindow = startGcWindow();
  const t0 = performance.now();
  const before = usedHeap();
  return {
    close(): Window {
      const after = usedHeap();
      const ms = performance.now() - t0;
      const gcs = gcWindow.stop();
      const ab1 = process.memoryUsage().arrayBuffers;
      return { heapBytes: after - before, arrayBuffers: ab1 - ab0, gcCount: gcs.count, freedBytes: gcs.freedBytes, ms };
    },
  };
}

/** Measures the heap bytes one call of `fn(i)` allocates. `fn` must be synchronous. */
export function measureBytesPerOp(fn: (i: number) => unknown, options: BytesPerOpOptions = {}): BytesPerOp {
  const gc = ensureGc();
  const loop = makeLoop(fn);
  const plan = measurementPlan(options);
  let step = plan.next();
  while (!step.done) {
    if (step.value.kind === 'warm') {
      loop(step.value.n);
      step = plan.next();
    } else {
      const window = openWindow(gc);
      loop(step.value.n);
      step = plan.next(window.close());
    }
  }
  sink.value = undefined;
  return step.value;
}

/**
 * Measures the heap bytes one awaited call of `fn(i)` allocates, e.g. one `app.request()` with its Response
 * read: calls run one after another inside GC-free windows, like measureBytesPerOp. The figure includes
 * what awaiting costs (a few dozen bytes per call) and anything else that runs on the event loop meanwhile,
 * so measure in a quiet process.
 */
export async function measureAsyncBytesPerOp(fn: (i: number) => Promise<unknown>, options: BytesPerOpOptions = {}): Promise<BytesPerOp> {
  const gc = ensureGc();
  const loop = makeAsyncLoop(fn);
  const plan = measurementPlan(options);
  let step = plan.next();
  while (!step.done) {
    if (step.value.kind === 'warm') {
      await loop(step.value.n);
      step = plan.next();
    } else {
      const window = openWindow(gc);
      await loop(step.value.n);
      step = plan.next(window.close());
    }
  }
  sink.value = undefined;
  return step.value;
}

/**
 * The measurement itself, written once for both drivers: it yields the loop runs it needs (warm-up chunks,
 * then windows) and receives each window's readings back, so the sync and async drivers only differ in
 * whether they await the loop.
 */
function* measurementPlan(options: BytesPerOpOptions): Generator<Step, BytesPerOp, Window | undefined> {
  const wanted = Math.max(5, options.rounds ?? 7);
  const maxAttempts = Math.max(wanted, options.maxAttempts ?? 40);
  const minN = options.minIterations ?? 1_000;
  const maxN = Math.max(minN, options.maxIterations ?? 1_000_000);
  const window = function* (n: number): Generator<Step, Window, Window | undefined> {
    return (yield { kind: 'window', n })!;
  };

  // Warm-up: at least 10,000 calls over at least warmupMs, so the loop and fn reach optimised code; calls
  // are batched in growing chunks, and a slow or huge call stops after 4 × warmupMs whatever the count.
  const warmupMs = options.warmupMs ?? 60;
  const warmStart = performance.now();
  let warmCalls = 0;
  for (let chunk = 1; ; chunk = Math.min(1_000, chunk * 2)) {
    yield { kind: 'warm', n: chunk };
    warmCalls += chunk;
    const elapsed = performance.now() - warmStart;
    if ((elapsed >= warmupMs && warmCalls >= 10_000) || elapsed >= 4 * warmupMs) break;
  }

  // The constant cost of a window: the readings around an empty loop. The first windows of a process also
  // pay one-off costs (the window code itself being compiled), so repeat until three in a row agree.
  const empties: number[] = [];
  for (let k = 0; k < 24; k++) {
    empties.push((yield* window(0)).heapBytes);
    const last = empties.slice(-3);
    if (last.length === 3 && Math.max(...last) - Math.min(...last) <= 64) break;
  }
  const settled = empties.slice(-3);
  const overheadBytes = median(settled);
  const overheadSpread = Math.max(...settled) - Math.min(...settled);

  ensureGc()();
  const youngGenerationBytes = youngGenerationFree();
  let n = options.iterations;
  if (n === undefined) {
    const pilotN = minN;
    const pilot = yield* window(pilotN);
    const pilotHeap = pilot.gcCount === 0 ? pilot.heapBytes - overheadBytes : pilot.heapBytes + pilot.freedBytes;
    const perOp = Math.max(0, pilotHeap) / pilotN + Math.max(0, pilot.arrayBuffers) / pilotN;
    const heapPerOp = Math.max(0, pilotHeap) / pilotN;
    // A window must fit in the free young generation, or a scavenge lands in every window.
    const target = Math.min(options.targetBytes ?? DEFAULT_TARGET, 0.7 * youngGenerationBytes);
    const byBytes = perOp > 0 ? target / perOp : maxN;
    const byHeap = heapPerOp > 0 ? (0.7 * youngGenerationBytes) / heapPerOp : maxN;
    const msPerOp = pilot.ms / pilotN;
    const byTime = msPerOp > 0 ? (options.maxWindowMs ?? 250) / msPerOp : maxN;
    // minIterations holds unless a window that long could not fit in the young generation or in the time
    // budget (very large or very slow calls): then at least 16 calls.
    const floor = Math.min(minN, Math.max(16, Math.min(byHeap, byTime)));
    n = Math.round(Math.min(maxN, Math.max(floor, Math.min(byBytes, byHeap, byTime))));
  }

  const clean: number[] = [];
  const accounted: number[] = [];
  const arrayBuffers: number[] = [];
  let attempts = 0;
  // Stop early when windows keep containing collections (calls allocating more than the young generation
  // holds): those windows are accounted for instead, so more attempts would not help.
  while (clean.length < wanted && attempts < maxAttempts && !(attempts >= wanted && clean.length === 0)) {
    attempts++;
    const w = yield* window(n);
    arrayBuffers.push(w.arrayBuffers / n);
    if (w.gcCount === 0 && w.heapBytes >= 0) clean.push((w.heapBytes - overheadBytes) / n);
    else accounted.push((w.heapBytes + w.freedBytes - overheadBytes) / n);
  }

  const gcAccounted = clean.length < 5;
  const used = gcAccounted ? [...clean, ...accounted] : clean;
  const med = median(used);
  const lo = Math.min(...used);
  const hi = Math.max(...used);
  const resolution = (overheadSpread + 8) / n;
  return {
    bytesPerOp: med,
    median: med,
    min: lo,
    max: hi,
    rounds: attempts,
    gcFreeRounds: clean.length,
    iterations: n,
    precision: Math.max((hi - lo) / 2, resolution),
    arrayBuffersPerOp: median(arrayBuffers),
    overheadBytes,
    gcAccounted,
    youngGenerationBytes,
  };
}

/**
 * For budget tests: measures `fn` and, while the figure is above `budget`, measures it again (at most
 * `attempts` times in all), answering the lowest measurement. Noise only ever adds bytes to a window — V8
 * installing freshly optimised code inside it, on a busy machine — while an allocation the code really makes
 * is there in every measurement, so the lowest of a few is the honest figure and a real regression still fails.
 */
export function measureBytesPerOpWithin(fn: (i: number) => unknown, budget: number, options: BytesPerOpOptions = {}, attempts = 3): BytesPerOp {
  let best = measureBytesPerOp(fn, options);
  for (let attempt = 1; attempt < attempts && best.bytesPerOp > budget; attempt++) {
    const again = measureBytesPerOp(fn, options);
    if (again.bytesPerOp < best.bytesPerOp) best = again;
  }
  return best;
}
