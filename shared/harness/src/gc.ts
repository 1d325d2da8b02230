/**
 * Access to the collector for measuring: a callable gc() even without --expose-gc, GC windows with
 * v8.GCProfiler (how many collections ran and how many bytes they freed) and peak RSS from /proc.
 */
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';

let cachedGc: (() => void) | undefined;

/**
 * Returns a function that runs a full, synchronous GC. Uses globalThis.gc when the process was started with
 * --expose-gc; otherwise turns the flag on at runtime and takes gc from a fresh context.
 */
export function ensureGc(): () => void {
  if (cachedGc) return cachedGc;
  const global = (globalThis as { gc?: () => void }).gc;
  if (typeof global === 'function') return (cachedGc = global);
  v8.setFlagsFromString('--expose-gc');
  const fromContext = vm.runInNewContext('gc') as (() => void) | undefined;
  if (typeof fromContext !== 'function') throw new Error('Could not obtain gc(): run node with --expose-gc');
  return (cachedGc = fromContext);
}

/** What a GC window saw: collections, their pause time and the heap bytes they freed. */
export interface GcSummary {
  count: number;
  scavenges: number;
  markCompacts: number;
  /** Sum of the collections' pause times, in milliseconds. */
  pauseMs: number;
  /** Sum over collections of (used heap before - used heap after). */
  freedBytes: number;
}

interface GcStat {
  gcType: string;
  cost: number;
  beforeGC: { heapStatistics: { usedHeapSize: number } };
  afterGC: { heapStatistics: { usedHeapSize: number } };
}

/** Starts recording collections; `stop()` summarises what ran since. One window at a time per profiler. */
export function startGcWindow(): { stop(): GcSummary } {
  const profiler = new v8.GCProfiler();
  profiler.start();
  return {
    stop() {
      const data = profiler.stop() as unknown as { statistics: GcStat[] } | undefined;
      return summarise(data?.statistics ?? []);
    },
  };
}

function summarise(stats: readonly GcStat[]): GcSummary {
  const summary: GcSummary = { count: 0, scavenges: 0, markCompacts: 0, pauseMs: 0, freedBytes: 0 };
  for (const s of stats) {
    summary.count++;
    if (/scavenge|minor/i.test(s.gcType)) summary.scavenges++;
    else if (/mark/i.test(s.gcType)) summary.markCompacts++;
    summary.pauseMs += s.cost / 1000; // cost is in microseconds
    summary.freedBytes += s.beforeGC.heapStatistics.usedHeapSize - s.afterGC.heapStatistics.usedHeapSize;
  }
  return summary;
}

/** V8's used heap size, the figure allocation windows subtract. */
export function usedHeap(): number {
  return v8.getHeapStatistics().used_heap_size;
}

/** Reads a `kB` field (VmHWM, VmRSS, …) of /proc/<pid>/status in bytes; undefined where /proc is missing. */
export function procStatusBytes(pid: number | 'self', field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(text);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
