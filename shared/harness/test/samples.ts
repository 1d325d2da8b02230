/**
 * Hand-made checkpoint results for the harness's unit tests: a complete two-subject run (package and
 * baseline), the same run with the reference solution, the same with the figures of a probe that samples
 * ArrayBuffers and reads app stats, and the builders they use.
 */
import assert from 'node:assert/strict';
import type { LoadRound, ScenarioSummary } from '../src/load.ts';
import type { MicroResult } from '../src/micro.ts';
import { computeRatios, type CheckpointResult } from '../src/report.ts';

export function round(rps: number, p99Us: number, heap: number): LoadRound {
  return {
    rps,
    responses: rps * 2,
    latencyUs: { mean: 600, p50: 500, p90: 900, p99: p99Us, p999: p99Us * 2, max: p99Us * 3 },
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    statusCodes: { '200': rps * 2 },
    probe: {
      requests: rps * 2,
      requestsStarted: rps * 2,
      heapBytes: heap * rps * 2,
      heapBytesPerRequest: heap,
      gcCount: 10,
      scavenges: 10,
      markCompacts: 0,
      gcPauseMs: 5,
      arrayBuffersDelta: 0,
      rssBytes: 90e6,
      peakRssBytes: 95e6,
      durationMs: 2000,
    },
    serverCpus: 1,
    loadGeneratorCpus: 0.6,
    otherCpus: 0,
    noisy: false,
    retried: false,
  };
}

export function summary(rps: number, p99Us: number, heap: number, flagged = false): ScenarioSummary {
  return {
    rps,
    p50Us: 500,
    p99Us,
    heapBytesPerRequest: heap,
    appHeapBytesPerRequest: heap - 8000,
    gcPer10kRequests: 3,
    arrayBuffersPerRequest: 0,
    rssBytes: 90e6,
    peakRssBytes: 95e6,
    errors: 0,
    timeouts: 0,
    non2xx: flagged ? 12 : 0,
    flagged,
    rounds: [round(rps, p99Us, heap)],
  };
}

/** A complete two-subject result, as runCheckpoint builds it. */
export function sampleResult(): CheckpointResult {
  const result: CheckpointResult = {
    schemaVersion: 1,
    tool: { name: '@hotpath/harness', version: '0.1.0' },
    createdAt: '2026-11-24T12:00:00.000Z',
    mode: 'quick',
    sections: ['micro', 'load', 'startup'],
    durationMs: 61_000,
    subjects: [
      { key: 'subject', label: 'solutions/03-byte-parsing', dir: '/repo/solutions/03-byte-parsing', role: 'subject' },
      { key: 'baseline', label: 'solutions/00-baseline', dir: '/repo/solutions/00-baseline', role: 'baseline' },
    ],
    baselineKey: 'baseline',
    definition: 'labs/03-byte-parsing/checkpoint.ts',
    ingestBodySource: 'fixtures-module',
    fingerprint: {
      node: 'v20.20.2',
      v8: '11.3',
      platform: 'linux',
      arch: 'x64',
      osRelease: '6',
      cpuModel: 'cpu',
      cores: 2,
      totalMemoryBytes: 8e9,
      loadAverageStart: [0.1, 0.1, 0.1],
      loadAverageEnd: [0.9, 0.5, 0.2],
      otherCpusBefore: 0,
      pinning: { used: true, serverCpu: 0, loadCpu: 1 },
      nodeExtraCaCerts: false,
      gitCommit: null,
      gitDirty: null,
      date: '2026-11-24T12:00:00.000Z',
      busy: false,
      busyReasons: [],
    },
    micro: {
      tasks: [
        {
          name: 'parse 1 KB',
          results: {
            subject: {
              name: 'parse 1 KB',
              hz: 588_000,
              nsPerOp: 1700,
              rme: 0.5,
              samples: 900,
              batch: 12,
              rounds: 3,
              bytesPerOp: 0,
              bytesPrecision: 0.01,
              arrayBuffersPerOp: 0,
              bytes: null,
            },
            baseline: {
              name: 'parse 1 KB',
              hz: 285_000,
              nsPerOp: 3500,
              rme: 0.4,
              samples: 900,
              batch: 6,
              rounds: 3,
              bytesPerOp: 1800,
              bytesPrecision: 0.01,
              arrayBuffersPerOp: 0,
              bytes: null,
            },
          },
        },
      ],
    },
    load: {
      config: { rounds: 3, durationSec: 2, warmupSec: 1, connections: 50 },
      pinning: { used: true, serverCpu: 0, loadCpu: 1 },
      scenarios: [
        {
          name: 'GET /health',
          method: 'GET',
          path: '/health',
          bodyBytes: 0,
          expect: '2xx',
          results: { subject: summary(70_000, 2_000, 8_000), baseline: summary(35_000, 4_000, 16_000) },
        },
        {
          name: 'POST /ingest/v1 1KB',
          method: 'POST',
          path: '/ingest/v1',
          bodyBytes: 1024,
          expect: '2xx',
          results: { subject: summary(50_000, 3_000, 11_000), baseline: summary(25_000, 6_000, 33_000, true) },
        },
      ],
      failures: [],
      warnings: [],
    },
    startup: {
      config: { runs: 5, discarded: 1, pollMs: 1, pinned: false },
      nodeExtraCaCerts: false,
      results: {
        subject: {
          runs: 5,
          firstOkMs: { median: 200, min: 190, max: 230 },
          peakRssBytes: { median: 80e6, min: 79e6, max: 81e6 },
          samplesMs: [190, 200, 200, 210, 230],
        },
        baseline: {
          runs: 5,
          firstOkMs: { median: 400, min: 380, max: 450 },
          peakRssBytes: { median: 96e6, min: 95e6, max: 97e6 },
          samplesMs: [380, 390, 400, 420, 450],
        },
      },
      warnings: [],
    },
    ratios: [],
    warnings: [],
    failures: [],
    ok: true,
  };
  result.ratios = computeRatios(result);
  return result;
}

export function micro(name: string, nsPerOp: number, bytesPerOp: number): MicroResult {
  return {
    name,
    hz: 1e9 / nsPerOp,
    nsPerOp,
    rme: 0.5,
    samples: 900,
    batch: 12,
    rounds: 3,
    bytesPerOp,
    bytesPrecision: 0.01,
    arrayBuffersPerOp: 0,
    bytes: null,
  };
}

/** The same run with the reference solution measured too (as runCheckpoint orders subjects). */
export function sampleWithReference(): CheckpointResult {
  const result = sampleResult();
  result.subjects = [
    { key: 'subject', label: 'labs/03-byte-parsing', dir: '/repo/labs/03-byte-parsing', role: 'subject' },
    { key: 'reference', label: 'solutions/03-byte-parsing', dir: '/repo/solutions/03-byte-parsing', role: 'reference' },
    { key: 'baseline', label: 'solutions/00-baseline', dir: '/repo/solutions/00-baseline', role: 'baseline' },
  ];
  const [health, ingest] = result.load!.scenarios;
  assert(health && ingest, 'sampleResult has the health and ingest scenarios');
  health.results.reference = summary(80_000, 1_000, 4_000);
  ingest.results.reference = summary(60_000, 2_000, 9_000);
  result.startup!.results.reference = {
    runs: 5,
    firstOkMs: { median: 100, min: 95, max: 110 },
    peakRssBytes: { median: 72e6, min: 71e6, max: 73e6 },
    samplesMs: [95, 100, 100, 105, 110],
  };
  const [parse] = result.micro!.tasks;
  assert(parse, 'sampleResult has the parse 1 KB task');
  parse.results.reference = micro('parse 1 KB', 700, 0);
  // A task the lab's package does not define yet: only the reference and the baseline have it.
  result.micro!.tasks.push({ name: 'scan 1 KB', results: { reference: micro('scan 1 KB', 100, 0), baseline: micro('scan 1 KB', 400, 96) } });
  result.ratios = computeRatios(result);
  return result;
}

/**
 * `base` as a probe that samples ArrayBuffers would have measured it: per scenario and subject, ArrayBuffer
 * bytes per request (`bytes[scenario][key]`), the same minus GET /health, what they are based on, the
 * rounds' probe fields, and app stats for the package's POST /ingest/v1 (a pool's counters).
 */
export function withArrayBuffers(base: CheckpointResult, bytes: Record<string, Record<string, number | null>>): CheckpointResult {
  const result = structuredClone(base);
  const health = result.load!.scenarios.find((s) => s.name === 'GET /health')!;
  for (const scenario of result.load!.scenarios) {
    for (const [key, summary] of Object.entries(scenario.results)) {
      const figure = bytes[scenario.name]?.[key] ?? null;
      const floor = bytes[health.name]?.[key] ?? null;
      summary.arrayBufferBytesPerRequest = figure;
      summary.appArrayBufferBytesPerRequest = figure === null || floor === null ? null : figure - floor;
      summary.arrayBufferBasis = {
        rounds: figure === null ? 0 : 1,
        intervals: 500,
        cleanIntervals: figure === null ? 0 : 250,
        cleanRequests: figure === null ? 0 : 50_000,
        samplingMs: 20,
      };
      for (const r of summary.rounds) {
        r.probe!.arrayBufferBytesPerRequest = figure;
        r.probe!.arrayBufferSampling = {
          periodMs: 4,
          settleMs: 2,
          samples: 501,
          intervals: 500,
          gcs: 60,
          gcIntervals: 200,
          sweepIntervals: 50,
          cleanIntervals: 250,
          cleanRequests: 50_000,
          cleanBytes: (figure ?? 0) * 50_000,
          samplingMs: 20,
        };
        r.probe!.appStats = {};
      }
    }
  }
  const ingest = result.load!.scenarios.find((s) => s.name === 'POST /ingest/v1 1KB')?.results.subject;
  assert(ingest, 'sampleResult has the ingest scenario with the subject figures');
  ingest.appStats = { pool: { hits: 99_990, misses: 10, size: 64 }, sink: { depth: 0.5 } };
  ingest.rounds.at(-1)!.probe!.appStats = ingest.appStats;
  result.ratios = computeRatios(result);
  return result;
}

/**
 * The columns where a printed table's "(higher/lower is better)" notes start, each once: one column when
 * every number of the table is right-aligned.
 */
export function noteColumns(lines: readonly string[]): number[] {
  return [
    ...new Set(
      lines
        .slice(2)
        .filter((l) => l.includes('better'))
        .map((l) => l.indexOf('(')),
    ),
  ];
}
