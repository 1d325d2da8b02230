/**
 * A load scenario's figures for one subject, from its measured rounds (src/load.ts): medians over rounds of
 * RPS, latency, heap and ArrayBuffer bytes per request, GCs per 10k requests, RSS; sums of errors; the last
 * round's app stats; whether it is flagged (non-2xx answers other than the status the scenario expects, errors,
 * timeouts) and the line a flagged one gets. And the app-attributable figures: each scenario's heap and
 * ArrayBuffer bytes per request minus the same subject's GET /health figure (the framework's fixed cost, the
 * probe's own cost).
 */
import type { ArrayBufferSampling } from './ab-sampler.ts';
import type { LoadRound, LoadScenarioResult } from './load.ts';
import { HEALTH_SCENARIO } from './scenarios.ts';
import { median } from './stats.ts';

/** What a scenario's ArrayBuffer figure is based on: sums over the rounds that had one. */
export interface ArrayBufferBasis {
  /** Rounds with a figure (the median is over these). */
  rounds: number;
  intervals: number;
  cleanIntervals: number;
  cleanRequests: number;
  /** Time the probe spent sampling in those rounds, ms (its cost: compare with the rounds' probe.durationMs). */
  samplingMs: number;
}

export interface ScenarioSummary {
  rps: number;
  p50Us: number;
  p99Us: number;
  /** Null for a server measured without the probe (a runtime without V8's hooks: Bun), as are the GC and ArrayBuffer figures. */
  heapBytesPerRequest: number | null;
  /** heapBytesPerRequest minus the same subject's GET /health figure. */
  appHeapBytesPerRequest: number | null;
  gcPer10kRequests: number | null;
  /** Net growth of arrayBuffers per request over the whole window (frees included: ~0 under load). */
  arrayBuffersPerRequest: number | null;
  /**
   * ArrayBuffer bytes allocated per request (gross: clean sampling intervals between collections), median
   * over the rounds that had a figure; null when none had. Absent in results written before it existed.
   */
  arrayBufferBytesPerRequest?: number | null;
  /** arrayBufferBytesPerRequest minus the same subject's GET /health figure (null without one). */
  appArrayBufferBytesPerRequest?: number | null;
  /** What arrayBufferBytesPerRequest is based on. */
  arrayBufferBasis?: ArrayBufferBasis;
  /** The app's registered stats at the end of the last measured round (only when it registered some). */
  appStats?: Record<string, Record<string, number>>;
  /** RSS after the round (the probe's, or /proc's VmRSS without it); null when neither could read it. */
  rssBytes: number | null;
  peakRssBytes: number | null;
  errors: number;
  timeouts: number;
  /** Every answer that was not 2xx, the expected ones (`expectedNon2xx`) included. */
  non2xx: number;
  /**
   * Answers with the status the scenario expects (its `expectStatus`, e.g. a floor's 404): counted in non2xx,
   * never flagged. Only present when the scenario declares one.
   */
  expectedNon2xx?: number;
  /** True when any answer was non-2xx and not the expected status, or any error or timeout (a flagged scenario is not ranked). */
  flagged: boolean;
  rounds: LoadRound[];
  /** The id of the runtime the server ran on (see the result's `runtime` and `runtimes`). */
  runtime?: string;
}

/**
 * The summary of one subject's rounds of one scenario (app figures are filled in by `addAppFigures`); answers
 * with `expectStatus` (the scenario's) are expected: counted, not flagged.
 */
export function summarise(rounds: LoadRound[], expectStatus?: number): ScenarioSummary {
  const m = (f: (r: LoadRound) => number) => median(rounds.map(f));
  const probed = rounds.flatMap((r) => (r.probe ? [{ ...r, probe: r.probe }] : []));
  if (probed.length < rounds.length) return summariseWithoutProbe(rounds, expectStatus);
  const requests = probed.reduce((a, r) => a + r.probe.requests, 0);
  const gcs = probed.reduce((a, r) => a + r.probe.gcCount, 0);
  const peaks = probed.map((r) => r.probe.peakRssBytes).filter((v): v is number => v !== null);
  const summary: ScenarioSummary = {
    rps: m((r) => r.rps),
    p50Us: m((r) => r.latencyUs.p50),
    p99Us: m((r) => r.latencyUs.p99),
    heapBytesPerRequest: median(probed.map((r) => r.probe.heapBytesPerRequest)),
    appHeapBytesPerRequest: null,
    gcPer10kRequests: requests > 0 ? (gcs / requests) * 10_000 : 0,
    arrayBuffersPerRequest: median(probed.map((r) => (r.probe.requests > 0 ? r.probe.arrayBuffersDelta / r.probe.requests : 0))),
    rssBytes: median(probed.map((r) => r.probe.rssBytes)),
    peakRssBytes: peaks.length ? Math.max(...peaks) : null,
    ...answers(rounds, expectStatus),
    rounds,
  };
  // Probes that sample ArrayBuffers (every probe since the figure exists) give these; older ones do not.
  if (probed.some((r) => r.probe.arrayBufferBytesPerRequest !== undefined)) {
    const measured = probed.filter((r) => typeof r.probe.arrayBufferBytesPerRequest === 'number');
    const sampling = measured.map((r) => r.probe.arrayBufferSampling).filter((s): s is ArrayBufferSampling => s !== undefined);
    const sum = (f: (s: ArrayBufferSampling) => number) => sampling.reduce((a, s) => a + f(s), 0);
    summary.arrayBufferBytesPerRequest = measured.length ? median(measured.map((r) => r.probe.arrayBufferBytesPerRequest!)) : null;
    summary.appArrayBufferBytesPerRequest = null;
    summary.arrayBufferBasis = {
      rounds: measured.length,
      intervals: sum((s) => s.intervals),
      cleanIntervals: sum((s) => s.cleanIntervals),
      cleanRequests: sum((s) => s.cleanRequests),
      samplingMs: sum((s) => s.samplingMs),
    };
  }
  const stats = probed.at(-1)?.probe.appStats;
  if (stats && Object.keys(stats).length > 0) summary.appStats = stats;
  return summary;
}

/** Answers counted over the rounds: errors, timeouts, non-2xx, those with the expected status, and the flag. */
function answers(rounds: readonly LoadRound[], expectStatus?: number) {
  const errors = rounds.reduce((a, r) => a + r.errors, 0);
  const timeouts = rounds.reduce((a, r) => a + r.timeouts, 0);
  const non2xx = rounds.reduce((a, r) => a + r.non2xx, 0);
  const expected = expectStatus === undefined ? 0 : rounds.reduce((a, r) => a + (r.statusCodes[String(expectStatus)] ?? 0), 0);
  return {
    errors,
    timeouts,
    non2xx,
    ...(expectStatus === undefined ? {} : { expectedNon2xx: expected }),
    flagged: non2xx - expected > 0 || errors > 0 || timeouts > 0,
  };
}

/** A server measured without the probe: the load generator's figures and RSS from /proc; heap, GC and ArrayBuffers null. */
function summariseWithoutProbe(rounds: LoadRound[], expectStatus?: number): ScenarioSummary {
  const rss = rounds.map((r) => r.proc?.rssBytes ?? null).filter((v): v is number => v !== null);
  const peaks = rounds.map((r) => r.proc?.peakRssBytes ?? null).filter((v): v is number => v !== null);
  return {
    rps: median(rounds.map((r) => r.rps)),
    p50Us: median(rounds.map((r) => r.latencyUs.p50)),
    p99Us: median(rounds.map((r) => r.latencyUs.p99)),
    heapBytesPerRequest: null,
    appHeapBytesPerRequest: null,
    gcPer10kRequests: null,
    arrayBuffersPerRequest: null,
    rssBytes: rss.length ? median(rss) : null,
    peakRssBytes: peaks.length ? Math.max(...peaks) : null,
    ...answers(rounds, expectStatus),
    rounds,
  };
}

/**
 * The app's own share: each scenario's heap (and ArrayBuffer) bytes per request minus the same subject's
 * GET /health figure, measured on that subject's servers in the same run. Nothing without a health scenario.
 */
export function addAppFigures(scenarios: readonly LoadScenarioResult[]): void {
  const health = scenarios.find((s) => s.name === HEALTH_SCENARIO);
  if (!health) return;
  for (const scenario of scenarios) {
    for (const [key, summary] of Object.entries(scenario.results)) {
      const floor = health.results[key];
      if (!floor) continue;
      const [own, base] = [summary.heapBytesPerRequest, floor.heapBytesPerRequest];
      summary.appHeapBytesPerRequest = own === null || base === null ? null : own - base;
      if (summary.arrayBufferBytesPerRequest !== undefined) {
        const own = summary.arrayBufferBytesPerRequest;
        const base = floor.arrayBufferBytesPerRequest;
        summary.appArrayBufferBytesPerRequest = own == null || base == null ? null : own - base;
      }
    }
  }
}

/**
 * The warning (scenario `expect: 'any'`) or failure (`'2xx'`) line of one contestant's summary, or null when
 * it is not flagged: "POST /x on subject: 12 non-2xx, 0 errors, 0 timeouts", with the expected answers said
 * apart ("12 non-2xx besides the 1,000 expected 404s").
 */
export function flagLine(scenario: Pick<LoadScenarioResult, 'name' | 'expectStatus'>, key: string, summary: ScenarioSummary): string | null {
  if (!summary.flagged) return null;
  const expected = scenario.expectStatus === undefined ? 0 : (summary.expectedNon2xx ?? 0);
  const besides = scenario.expectStatus === undefined ? '' : ` besides the ${expected.toLocaleString('en-US')} expected ${scenario.expectStatus}s`;
  return `${scenario.name} on ${key}: ${summary.non2xx - expected} non-2xx${besides}, ${summary.errors} errors, ${summary.timeouts} timeouts`;
}
