/** Ratios, the printed table, the result schema and the command-line flags of the harness. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/checkpoint.ts';
import type { LoadRound, ScenarioSummary } from '../src/load.ts';
import { computeRatios, formatBytes, formatCount, formatTable, formatUs, type CheckpointResult } from '../src/report.ts';
import { checkSchema } from './schema-check.ts';

const schema = JSON.parse(readFileSync(new URL('../checkpoint.schema.json', import.meta.url), 'utf8'));

function round(rps: number, p99Us: number, heap: number): LoadRound {
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

function summary(rps: number, p99Us: number, heap: number, flagged = false): ScenarioSummary {
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
function sampleResult(): CheckpointResult {
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
      node: 'v20.20.2', v8: '11.3', platform: 'linux', arch: 'x64', osRelease: '6', cpuModel: 'cpu', cores: 2,
      totalMemoryBytes: 8e9, loadAverageStart: [0.1, 0.1, 0.1], loadAverageEnd: [0.9, 0.5, 0.2], otherCpusBefore: 0,
      pinning: { used: true, serverCpu: 0, loadCpu: 1 }, nodeExtraCaCerts: false, gitCommit: null, gitDirty: null,
      date: '2026-11-24T12:00:00.000Z', busy: false, busyReasons: [],
    },
    micro: {
      tasks: [
        {
          name: 'parse 1 KB',
          results: {
            subject: { name: 'parse 1 KB', hz: 588_000, nsPerOp: 1700, rme: 0.5, samples: 900, batch: 12, rounds: 3, bytesPerOp: 0, bytesPrecision: 0.01, arrayBuffersPerOp: 0, bytes: null },
            baseline: { name: 'parse 1 KB', hz: 285_000, nsPerOp: 3500, rme: 0.4, samples: 900, batch: 6, rounds: 3, bytesPerOp: 1800, bytesPrecision: 0.01, arrayBuffersPerOp: 0, bytes: null },
          },
        },
      ],
    },
    load: {
      config: { rounds: 3, durationSec: 2, warmupSec: 1, connections: 50 },
      pinning: { used: true, serverCpu: 0, loadCpu: 1 },
      scenarios: [
        { name: 'GET /health', method: 'GET', path: '/health', bodyBytes: 0, expect: '2xx', results: { subject: summary(70_000, 2_000, 8_000), baseline: summary(35_000, 4_000, 16_000) } },
        { name: 'POST /ingest/v1 1KB', method: 'POST', path: '/ingest/v1', bodyBytes: 1024, expect: '2xx', results: { subject: summary(50_000, 3_000, 11_000), baseline: summary(25_000, 6_000, 33_000, true) } },
      ],
      failures: [],
      warnings: [],
    },
    startup: {
      config: { runs: 5, discarded: 1, pollMs: 1, pinned: false },
      nodeExtraCaCerts: false,
      results: {
        subject: { runs: 5, firstOkMs: { median: 200, min: 190, max: 230 }, peakRssBytes: { median: 80e6, min: 79e6, max: 81e6 }, samplesMs: [190, 200, 200, 210, 230] },
        baseline: { runs: 5, firstOkMs: { median: 400, min: 380, max: 450 }, peakRssBytes: { median: 96e6, min: 95e6, max: 97e6 }, samplesMs: [380, 390, 400, 420, 450] },
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

describe('ratios', () => {
  it('divides each subject figure by the baseline figure of the same run', () => {
    const ratios = computeRatios(sampleResult());
    const get = (name: string, metric: string) => ratios.find((r) => r.name === name && r.metric === metric)!;
    expect(get('GET /health', 'rps').ratio).toBeCloseTo(2);
    expect(get('GET /health', 'p99').ratio).toBeCloseTo(0.5);
    expect(get('GET /health', 'heapBytesPerRequest').ratio).toBeCloseTo(0.5);
    expect(get('startup', 'startupMs').ratio).toBeCloseTo(0.5);
    expect(get('startup', 'peakRss').ratio).toBeCloseTo(80 / 96);
    expect(get('parse 1 KB', 'nsPerOp').ratio).toBeCloseTo(1700 / 3500);
    // 0 B against 1,800 B is a ratio of 0; a 0 baseline would give null, never Infinity.
    expect(get('parse 1 KB', 'bytesPerOp').ratio).toBe(0);
    expect(ratios.every((r) => r.subjectKey === 'subject')).toBe(true);
  });

  it('flags figures from a scenario with non-2xx answers', () => {
    const ratios = computeRatios(sampleResult()).filter((r) => r.name === 'POST /ingest/v1 1KB');
    expect(ratios.every((r) => r.flagged)).toBe(true);
  });

  it('gives 1.00 everywhere when the package is its own baseline', () => {
    const result = sampleResult();
    result.subjects = [{ ...result.subjects[0], role: 'subject+baseline' }];
    result.baselineKey = 'subject';
    const ratios = computeRatios(result);
    expect(ratios.length).toBeGreaterThan(0);
    for (const r of ratios) if (r.ratio !== null) expect(r.ratio).toBe(1);
  });
});

describe('table', () => {
  it('prints each figure, the baseline figure and the ratio', () => {
    const table = formatTable(sampleResult());
    expect(table).toContain('solutions/03-byte-parsing vs solutions/00-baseline');
    expect(table).toMatch(/GET \/health\s+RPS\s+70\.0k\s+35\.0k\s+2\.00×/);
    expect(table).toMatch(/p99\s+2\.00 ms\s+4\.00 ms\s+0\.50×/);
    expect(table).toMatch(/first 200\s+200\.0 ms\s+400\.0 ms\s+0\.50×/);
    expect(table).toContain('FLAGGED');
    expect(table).toContain('server on CPU 0, load on CPU 1');
  });

  it('formats counts, bytes and microseconds', () => {
    expect(formatCount(73_456)).toBe('73.5k');
    expect(formatCount(950)).toBe('950');
    expect(formatBytes(40)).toBe('40.0 B');
    expect(formatBytes(9_500)).toBe('9.28 KB');
    expect(formatBytes(96 * 1024 * 1024)).toBe('96.0 MB');
    expect(formatUs(523.4)).toBe('523 µs');
    expect(formatUs(4_125)).toBe('4.13 ms');
  });
});

describe('result schema', () => {
  it('accepts a complete result', () => {
    expect(checkSchema(sampleResult(), schema)).toEqual([]);
  });

  it('rejects a result with a missing or mistyped field', () => {
    const broken = sampleResult() as unknown as Record<string, unknown>;
    delete broken.fingerprint;
    broken.schemaVersion = 2;
    const problems = checkSchema(broken, schema);
    expect(problems).toEqual(expect.arrayContaining(['$: missing fingerprint', '$.schemaVersion: expected 1']));
  });
});

describe('command line', () => {
  it('parses the flags', () => {
    const parsed = parseArgs(['--quick', '--only', 'load,startup', '--json', 'out.json', '--no-pin', '--rounds', '2'], '/tmp');
    expect(parsed).toEqual({
      options: { dir: '/tmp', quick: true, only: ['load', 'startup'], json: '/tmp/out.json', pin: false, rounds: 2 },
    });
    expect(parseArgs(['--help'])).toEqual({ help: true });
    expect(parseArgs(['--only', 'speed'])).toHaveProperty('error');
    expect(parseArgs(['--json'])).toHaveProperty('error');
    expect(parseArgs(['--frobnicate'])).toHaveProperty('error');
  });
});
