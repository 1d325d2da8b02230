/**
 * The arithmetic of the ArrayBuffer sampler (src/ab-sampler.ts) on made-up samples and collections — which
 * intervals are clean, slow sweeps left out, when there is no figure — and one real sampling of this
 * process; then the app-stats convention
 * (@hotpath/api/app-stats): the global registry, registering and unregistering, reading only finite numbers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ArrayBufferSampler, estimateArrayBufferBytes, samplerSettings, type GcSpan } from '../src/ab-sampler.ts';
import { APP_STATS_KEY, appStatsRegistry, readAppStats, registerAppStats } from '@hotpath/api/app-stats';

/**
 * Samples every 2 ms from t = 0 of a process that allocates `perRequest` bytes per request, 10 requests per
 * interval (A and E both grow), and sweeps: each sweep frees bytes from A at the given times, then takes
 * their total off E at `finalizeAt`, as V8's ArrayBuffer sweeper does after a GC.
 */
function series(count: number, perRequest: number, sweeps: Array<{ frees: Array<[at: number, bytes: number]>; finalizeAt: number }> = []) {
  const t: number[] = [];
  const bytes: number[] = [];
  const external: number[] = [];
  const requests: number[] = [];
  let a = 1_000_000;
  let e = 1_200_000;
  const within = (at: number, now: number) => at > now - 2 && at <= now;
  for (let i = 0; i < count; i++) {
    const now = i * 2;
    if (i > 0) {
      a += 10 * perRequest;
      e += 10 * perRequest;
    }
    for (const sweep of sweeps) {
      for (const [at, freed] of sweep.frees) if (within(at, now)) a -= freed;
      if (within(sweep.finalizeAt, now)) e -= sweep.frees.reduce((sum, [, freed]) => sum + freed, 0);
    }
    t.push(now);
    bytes.push(a);
    external.push(e);
    requests.push(i * 10);
  }
  return { t, bytes, external, requests };
}

const options = { periodMs: 2, settleMs: 2 };

describe('estimateArrayBufferBytes', () => {
  it('divides growth by requests when no GC ran', () => {
    const { bytesPerRequest, sampling } = estimateArrayBufferBytes(series(101, 4096), [], options);
    expect(bytesPerRequest).toBe(4096);
    expect(sampling).toMatchObject({
      samples: 101,
      intervals: 100,
      gcs: 0,
      gcIntervals: 0,
      sweepIntervals: 0,
      cleanIntervals: 100,
      cleanRequests: 1000,
      cleanBytes: 4_096_000,
    });
  });

  it('leaves out intervals that overlap a GC or start within the settle time after one', () => {
    // A GC from 50 to 51 ms whose sweep frees 1 MB at 51.5 ms and is finalized at once: the interval
    // (50, 52] holds the GC, (52, 54] starts less than 2 ms after it.
    const sweep = { frees: [[51.5, 1_000_000]] as Array<[number, number]>, finalizeAt: 51.6 };
    const { bytesPerRequest, sampling } = estimateArrayBufferBytes(series(101, 4096, [sweep]), [[50, 51]], options);
    expect(bytesPerRequest).toBe(4096);
    expect(sampling).toMatchObject({ gcs: 1, gcIntervals: 2, sweepIntervals: 0, cleanIntervals: 98 });
  });

  it('leaves out the intervals a slow sweep frees in, and the one where it is finalized, however late', () => {
    // Frees trickle from 56 to 88 ms, 30 ms after the GC (a busy CPU); E drops at 89 ms.
    const frees: Array<[number, number]> = [56, 63, 71, 80, 88].map((at) => [at, 12_288]);
    const { bytesPerRequest, sampling } = estimateArrayBufferBytes(series(101, 4096, [{ frees, finalizeAt: 89 }]), [[50, 51]], options);
    expect(bytesPerRequest).toBe(4096);
    // Five intervals with frees (A grew less than E), one with the finalization (E grew less than A).
    expect(sampling).toMatchObject({ gcIntervals: 2, sweepIntervals: 6, cleanIntervals: 92 });
    // Without the A = E test those intervals would have made the figure too low.
    const naive = series(101, 4096, [{ frees, finalizeAt: 89 }]);
    const all = naive.bytes.at(-1)! - naive.bytes[0]!;
    expect(all / 1000).toBeLessThan(4096);
  });

  it('leaves out an interval where A fell even if E fell alike', () => {
    const sweep = { frees: [[75, 100_000]] as Array<[number, number]>, finalizeAt: 75.5 };
    const { bytesPerRequest, sampling } = estimateArrayBufferBytes(series(101, 4096, [sweep]), [], options);
    expect(bytesPerRequest).toBe(4096);
    expect(sampling.sweepIntervals).toBe(1);
  });

  it('gives no figure when too few intervals or requests were clean', () => {
    // A GC every 4 ms: every interval touches one.
    const gcs: GcSpan[] = Array.from({ length: 50 }, (_, k) => [k * 4, k * 4 + 0.5] as const);
    const crowded = estimateArrayBufferBytes(series(101, 4096), gcs, options);
    expect(crowded.bytesPerRequest).toBeNull();
    expect(crowded.sampling.cleanIntervals).toBe(0);
    expect(estimateArrayBufferBytes(series(5, 4096), [], options).bytesPerRequest).toBeNull();
    expect(estimateArrayBufferBytes(series(5, 4096), [], { ...options, minIntervals: 4, minRequests: 40 }).bytesPerRequest).toBe(4096);
    expect(estimateArrayBufferBytes({ t: [], bytes: [], external: [], requests: [] }, [], options)).toMatchObject({
      bytesPerRequest: null,
      sampling: { samples: 0, intervals: 0 },
    });
  });

  it('accepts collections in any order', () => {
    const gcs: GcSpan[] = [
      [150, 151],
      [50, 51],
      [100, 101],
    ];
    const sorted = estimateArrayBufferBytes(
      series(101, 100),
      [...gcs].sort((a, b) => a[0] - b[0]),
      options,
    );
    expect(estimateArrayBufferBytes(series(101, 100), gcs, options)).toEqual(sorted);
    expect(sorted.bytesPerRequest).toBe(100);
    expect(sorted.sampling.gcIntervals).toBe(6);
  });

  it('reads its period and settle time from the environment, 0 turning sampling off', () => {
    expect(samplerSettings({})).toEqual({ periodMs: 4, settleMs: 2 });
    expect(samplerSettings({ HOTPATH_AB_SAMPLE_MS: '5', HOTPATH_AB_SETTLE_MS: '20' })).toEqual({ periodMs: 5, settleMs: 20 });
    expect(samplerSettings({ HOTPATH_AB_SAMPLE_MS: 'x', HOTPATH_AB_SETTLE_MS: '-1' })).toEqual({ periodMs: 4, settleMs: 2 });
    const off = new ArrayBufferSampler(() => 0, { periodMs: 0, settleMs: 2 });
    off.observe();
    off.start();
    expect(off.stop()).toMatchObject({ bytesPerRequest: null, sampling: { samples: 0 } });
  });

  it('samples this process: Buffer.alloc(4096) per "request", a gigabyte a second, between collections', async () => {
    let requests = 0;
    const keep: Buffer[] = [];
    const sampler = new ArrayBufferSampler(() => requests, { periodMs: 2, settleMs: 2 });
    sampler.observe();
    sampler.start();
    const until = performance.now() + 400;
    while (performance.now() < until) {
      for (let i = 0; i < 20; i++) {
        keep[requests % 64] = Buffer.alloc(4096);
        requests++;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    const { bytesPerRequest, sampling } = sampler.stop();
    expect(sampling.samples).toBeGreaterThan(50);
    expect(sampling.cleanRequests).toBeGreaterThan(1000);
    // Within 1 %: the test runner's own ArrayBuffers (its IPC) land in the same intervals.
    expect(bytesPerRequest!).toBeGreaterThan(4096 * 0.99);
    expect(bytesPerRequest!).toBeLessThan(4096 * 1.01);
  });
});

describe('app stats', () => {
  const registry = () => (globalThis as Record<symbol, unknown>)[APP_STATS_KEY] as Map<string, unknown> | undefined;
  afterEach(() => registry()?.clear());

  it('keeps the registry on globalThis under Symbol.for("hotpath.appStats")', () => {
    expect(APP_STATS_KEY).toBe(Symbol.for('hotpath.appStats'));
    expect(appStatsRegistry()).toBe(registry());
    // An app that fills the map itself, without this module, is read the same way.
    registry()!.set('raw', () => ({ n: 1 }));
    expect(readAppStats()).toEqual({ raw: { n: 1 } });
  });

  it('registers, replaces and unregisters a group', () => {
    let hits = 0;
    const off = registerAppStats('pool', () => ({ hits, size: 8 }));
    hits = 3;
    expect(readAppStats()).toEqual({ pool: { hits: 3, size: 8 } });
    const offNewer = registerAppStats('pool', () => ({ hits: 99 }));
    off(); // the older registration no longer owns the name
    expect(readAppStats()).toEqual({ pool: { hits: 99 } });
    offNewer();
    expect(readAppStats()).toEqual({});
  });

  it('keeps finite numbers only and skips a group that throws', () => {
    registerAppStats('mixed', () => ({ a: 1, b: Number.NaN, c: 'x' as unknown as number, d: 2.5 }));
    registerAppStats('broken', () => {
      throw new Error('no');
    });
    expect(readAppStats()).toEqual({ mixed: { a: 1, d: 2.5 } });
  });
});
