/**
 * ArrayBuffer bytes allocated per request, gross (not net), for the in-server probe (src/probe.ts).
 *
 * Two counters see every ArrayBuffer allocation at once: `process.memoryUsage().arrayBuffers` (Node's
 * allocator total, "A") and V8's `external_memory` ("E", v8.getHeapStatistics()). Neither sees frees at
 * once: V8's ArrayBuffer sweeper frees dead backing stores after a collection, on a background thread and
 * sometimes tens of milliseconds later (A falls as it goes), and only when it is done takes the freed bytes
 * off E in one step on the main thread. So while a window is open the sampler reads A, E and the
 * finished-request counter every `periodMs` (a timer, unref'd) and records every GC (a PerformanceObserver
 * on 'gc' entries). An interval is **clean** when no GC overlaps it or ended less than `settleMs` before it,
 * A did not fall, and A and E grew by exactly the same amount: any sweeping inside it (A falls, E not yet)
 * or a sweep's end (E falls) makes them differ. Bytes allocated per request = Σ ΔA / Σ Δrequests over the
 * clean intervals; null when fewer than `minIntervals` intervals or `minRequests` requests were clean.
 *
 * Measured on the 2-vCPU workshop VM: the last free of a sweep came 1–8 ms after its GC in a pinned server
 * and up to ~30 ms in a busy unpinned process, while servers collect every 10–35 ms under load, so no fixed
 * "skip N ms after a GC" both excludes sweeps and keeps intervals. The A = E test gave the exact allocation
 * (4096.0 and 65536.0 B/request, 1024.0 for the 1 KiB POST body) in every trace tried; at a 4 ms period it
 * keeps 40–60 % of a pinned server's requests. Cost: memoryUsage() reads /proc/self/stat, ~15 µs of CPU
 * per sample (a server sampling on every event-loop turn); at 4 ms (~200–250 samples/s under load) a server
 * used 0.1–0.6 % more CPU per request, its RPS within noise. `samplingMs` records each window's sampling time
 * (wall clock: under load it reads 60–120 µs a sample, interrupts included).
 */
import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';

export interface ArrayBufferSampling {
  /** Sampling period asked for, in ms (timers fire late under load: the actual intervals are longer). */
  periodMs: number;
  /** An interval counts only when it starts at least this long after the end of the last GC. */
  settleMs: number;
  samples: number;
  /** Intervals between consecutive samples. */
  intervals: number;
  /** Collections seen during the window (the window's own forced GC included). */
  gcs: number;
  /** Intervals left out because a GC overlapped them or ended less than settleMs before. */
  gcIntervals: number;
  /** Other intervals left out because the sweeper was at work (A fell, or A and E grew differently). */
  sweepIntervals: number;
  cleanIntervals: number;
  /** Requests finished during the clean intervals: what the figure is based on. */
  cleanRequests: number;
  /** Growth of arrayBuffers over the clean intervals. */
  cleanBytes: number;
  /** Time spent taking the samples, in ms (wall clock inside the sampler: its cost to the server). */
  samplingMs: number;
}

export interface ArrayBufferEstimate {
  /** ΣΔ arrayBuffers / ΣΔ requests over the clean intervals; null when too few were clean. */
  bytesPerRequest: number | null;
  sampling: ArrayBufferSampling;
}

/**
 * Sample series, one entry per sample: time (performance.now() ms), arrayBuffers ("A"), V8's
 * external_memory ("E") and finished requests.
 */
export interface ArrayBufferSamples {
  t: readonly number[];
  bytes: readonly number[];
  external: readonly number[];
  requests: readonly number[];
}

/** A collection: [start, end] on the performance.now() clock. */
export type GcSpan = readonly [start: number, end: number];

export interface EstimateOptions {
  periodMs: number;
  settleMs: number;
  /** Fewest clean requests and clean intervals for a figure (default 200 and 10). */
  minRequests?: number;
  minIntervals?: number;
  /** Time the sampling took, reported as is. */
  samplingMs?: number;
}

export const DEFAULT_PERIOD_MS = 4;
export const DEFAULT_SETTLE_MS = 2;
/** At most this many samples per window (≈ 33 min at 4 ms); sampling stops there. */
const MAX_SAMPLES = 500_000;
/**
 * Samples stored without allocating, before the window's heap reading (≈ 33 s at 4 ms): a sample then costs no
 * heap inside the window; beyond it the arrays grow by push. Plain arrays of doubles, not typed arrays: a
 * typed array's buffer would be an ArrayBuffer allocated inside the window, in the figure being measured.
 */
const PREALLOCATED = 8_192;

const doubles = (n: number): number[] => Array.from({ length: n }, () => 0.5);

/** The clean-interval estimate from recorded samples and collections (pure: the probe's arithmetic). */
export function estimateArrayBufferBytes(samples: ArrayBufferSamples, gcs: readonly GcSpan[], options: EstimateOptions): ArrayBufferEstimate {
  const { t, bytes, external, requests } = samples;
  const settle = options.settleMs;
  // Collections do not overlap each other (they pause the one JS thread), so sorted by start they are also
  // sorted by end, and the pointer below only moves forward.
  const spans = [...gcs].sort((a, b) => a[0] - b[0]);
  const sampling: ArrayBufferSampling = {
    periodMs: options.periodMs,
    settleMs: settle,
    samples: t.length,
    intervals: Math.max(0, t.length - 1),
    gcs: spans.length,
    gcIntervals: 0,
    sweepIntervals: 0,
    cleanIntervals: 0,
    cleanRequests: 0,
    cleanBytes: 0,
    samplingMs: options.samplingMs ?? 0,
  };
  let first = 0; // first span that can still touch [t[i-1] - settle, t[i]]
  // t, bytes, external and requests are parallel arrays of one length, so each [i] and [i - 1] below is in bounds.
  for (let i = 1; i < t.length; i++) {
    while (first < spans.length && spans[first]![1] <= t[i - 1]! - settle) first++;
    if (first < spans.length && spans[first]![0] < t[i]!) {
      sampling.gcIntervals++;
      continue;
    }
    const grew = bytes[i]! - bytes[i - 1]!;
    if (grew < 0 || grew !== external[i]! - external[i - 1]!) {
      sampling.sweepIntervals++;
      continue;
    }
    sampling.cleanIntervals++;
    sampling.cleanBytes += grew;
    sampling.cleanRequests += requests[i]! - requests[i - 1]!;
  }
  const enough = sampling.cleanIntervals >= (options.minIntervals ?? 10) && sampling.cleanRequests >= (options.minRequests ?? 200);
  return { bytesPerRequest: enough ? sampling.cleanBytes / sampling.cleanRequests : null, sampling };
}

/** Period and settle time, from HOTPATH_AB_SAMPLE_MS / HOTPATH_AB_SETTLE_MS when set (0 ms turns sampling off). */
export function samplerSettings(env: NodeJS.ProcessEnv = process.env): { periodMs: number; settleMs: number } {
  const num = (value: string | undefined, fallback: number) =>
    value !== undefined && value.trim() !== '' && Number.isFinite(Number(value)) && Number(value) >= 0 ? Number(value) : fallback;
  return { periodMs: num(env.HOTPATH_AB_SAMPLE_MS, DEFAULT_PERIOD_MS), settleMs: num(env.HOTPATH_AB_SETTLE_MS, DEFAULT_SETTLE_MS) };
}

/**
 * One window's sampling: `start()` begins observing collections and sampling; `stop()` ends both and
 * returns the estimate. `finished()` reads the finished-request counter.
 */
export class ArrayBufferSampler {
  private readonly t: number[];
  private readonly bytes: number[];
  private readonly external: number[];
  private readonly requests: number[];
  private n = 0;
  private spent = 0;
  private readonly gcs: GcSpan[] = [];
  private timer: NodeJS.Timeout | undefined;
  private observer: PerformanceObserver | undefined;
  private readonly finished: () => number;
  private readonly settings: { periodMs: number; settleMs: number };

  constructor(finished: () => number, settings = samplerSettings()) {
    this.finished = finished;
    this.settings = settings;
    const size = settings.periodMs > 0 ? PREALLOCATED : 0;
    this.t = doubles(size);
    this.bytes = doubles(size);
    this.external = doubles(size);
    this.requests = doubles(size);
  }

  /** Starts observing collections (call it before the window's forced GC, then `sample()` after it). */
  observe(): void {
    if (this.settings.periodMs <= 0) return;
    this.observer = new PerformanceObserver((list) => this.record(list.getEntries()));
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Records a collection the observer may not report in time (the window's own forced gc()). */
  addGc(start: number, end: number): void {
    this.gcs.push([start, end]);
  }

  /** Takes the first sample and starts the timer. */
  start(): void {
    if (this.settings.periodMs <= 0) return;
    this.sample();
    this.timer = setInterval(() => this.sample(), this.settings.periodMs);
    this.timer.unref();
  }

  private sample(): void {
    const i = this.n;
    if (i >= MAX_SAMPLES) return;
    const now = performance.now();
    const bytes = process.memoryUsage().arrayBuffers;
    const external = v8.getHeapStatistics().external_memory;
    const requests = this.finished();
    if (i < this.t.length) {
      this.t[i] = now;
      this.bytes[i] = bytes;
      this.external[i] = external;
      this.requests[i] = requests;
    } else {
      this.t.push(now);
      this.bytes.push(bytes);
      this.external.push(external);
      this.requests.push(requests);
    }
    this.n = i + 1;
    this.spent += performance.now() - now;
  }

  private record(entries: readonly PerformanceEntry[]): void {
    for (const e of entries) this.gcs.push([e.startTime, e.startTime + e.duration]);
  }

  /** Ends the window (a last sample, pending GC entries) and returns the estimate. Idempotent enough. */
  stop(): ArrayBufferEstimate {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.sample();
    }
    if (this.observer) {
      this.record(this.observer.takeRecords());
      this.observer.disconnect();
      this.observer = undefined;
    }
    const n = this.n;
    const series = { t: this.t.slice(0, n), bytes: this.bytes.slice(0, n), external: this.external.slice(0, n), requests: this.requests.slice(0, n) };
    return estimateArrayBufferBytes(series, this.gcs, { ...this.settings, samplingMs: this.spent });
  }
}
