/**
 * The new load figures in results, ratios and the table (hand-made results, nothing measured): ArrayBuffer
 * bytes per request and the app-attributable figures get ratio entries with the package's own figures only
 * when a result has them; the table shows an "ArrayBuf B/req" row, app lines and app stats only then; and
 * results written before they existed (the committed reference runs) print and validate as before.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addAppFigures, summarise } from '../src/load-summary.ts';
import type { LoadScenarioResult } from '../src/load.ts';
import { computeRatios, type CheckpointResult } from '../src/report.ts';
import { formatTable } from '../src/table.ts';
import { round, sampleResult, sampleWithReference, withArrayBuffers, noteColumns } from './samples.ts';
import { checkSchema } from './schema-check.ts';

const schema = JSON.parse(readFileSync(new URL('../checkpoint.schema.json', import.meta.url), 'utf8'));
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const golden = (name: string) => readFileSync(new URL(`./fixtures/tables/${name}`, import.meta.url), 'utf8');

const BYTES = {
  'GET /health': { subject: 0, baseline: 0, reference: 0 },
  'POST /ingest/v1 1KB': { subject: 16, baseline: 2048, reference: null },
};

describe('ArrayBuffer and app figures in the ratios', () => {
  it('adds appHeapBytesPerRequest (results with GET /health) after the original five, with the package figure', () => {
    const ratios = computeRatios(sampleResult());
    const ingest = ratios.filter((r) => r.name === 'POST /ingest/v1 1KB').map((r) => r.metric);
    expect(ingest).toEqual(['rps', 'p50', 'p99', 'heapBytesPerRequest', 'gcPer10k', 'appHeapBytesPerRequest']);
    expect(ratios.find((r) => r.name === 'POST /ingest/v1 1KB' && r.metric === 'appHeapBytesPerRequest')).toMatchObject({
      unit: 'B',
      better: 'lower',
      subject: 3000,
      baseline: 25_000,
      ratio: 0.12,
    });
    // No ArrayBuffer entries in a result without the figures.
    expect(ratios.some((r) => r.metric.includes('rrayBuffer'))).toBe(false);
  });

  it('adds arrayBufferBytesPerRequest and appArrayBufferBytesPerRequest when the summaries have them', () => {
    const result = withArrayBuffers(sampleWithReference(), BYTES);
    const get = (key: string, metric: string) => result.ratios.find((r) => r.subjectKey === key && r.name === 'POST /ingest/v1 1KB' && r.metric === metric)!;
    expect(get('subject', 'arrayBufferBytesPerRequest')).toMatchObject({
      subject: 16,
      baseline: 2048,
      ratio: 16 / 2048,
      unit: 'B',
      better: 'lower',
      flagged: true,
    });
    expect(get('subject', 'appArrayBufferBytesPerRequest')).toMatchObject({ subject: 16, baseline: 2048 });
    // The reference could not be measured (too few clean intervals): its entry is there, its figure null.
    expect(get('reference', 'arrayBufferBytesPerRequest')).toMatchObject({ subject: null, baseline: 2048, ratio: null });
    expect(get('reference', 'appArrayBufferBytesPerRequest')).toMatchObject({ subject: null, ratio: null });
    // GET /health: 0 / 0 has no ratio, and the app figure of the constant route is 0.
    expect(result.ratios.find((r) => r.name === 'GET /health' && r.metric === 'arrayBufferBytesPerRequest')).toMatchObject({ subject: 0, ratio: null });
    expect(checkSchema(JSON.parse(JSON.stringify(result)), schema)).toEqual([]);
  });
});

describe('ArrayBuffer and app figures in the table', () => {
  it('shows an ArrayBuf B/req row after heap B/req, the app lines and the app stats', () => {
    const table = formatTable(withArrayBuffers(sampleResult(), BYTES));
    const lines = table.split('\n');
    const heap = lines.findIndex((l) => l.startsWith('POST /ingest/v1 1KB')) + 3;
    expect(lines[heap]).toMatch(/heap B\/req/);
    expect(lines[heap + 1]).toMatch(/^\s+ArrayBuf B\/req\s+16\.0 B\s+2\.00 KiB\s+0\.0078×\s+FLAGGED/);
    expect(lines.filter((l) => l.includes('ArrayBuf B/req'))).toHaveLength(2);
    // The app-attributable figures are lines under the table, not rows.
    expect(table).not.toMatch(/app heap B\/req|app ArrayBuf/);
    expect(table).toContain("App's own heap per request (minus GET /health): POST /ingest/v1 1KB 2.93 KiB");
    expect(table).toContain("App's own ArrayBuffer bytes per request (minus GET /health): POST /ingest/v1 1KB 16.0 B");
    expect(table).toContain('App stats of this, POST /ingest/v1 1KB, end of the last round: pool hits=99990 misses=10 size=64; sink depth=0.5');
    expect(noteColumns(lines), 'numbers right-aligned: every "(… is better)" note starts in one column').toHaveLength(1);
  });

  it("prints a dash for a figure that could not be measured, and the reference's lines when it has figures", () => {
    const table = formatTable(withArrayBuffers(sampleWithReference(), BYTES));
    expect(table).toMatch(/ArrayBuf B\/req\s+16\.0 B\s+–\s+2\.00 KiB\s+0\.0078×\s+–/);
    expect(table).toMatch(/GET \/health[^\n]*\n(?:[^\n]*\n){3}\s+ArrayBuf B\/req\s+0\.0 B\s+0\.0 B\s+0\.0 B\s+–\s+–/);
    // The reference's only route figure is null: no line for it, and no app stats of its own.
    expect(table).not.toContain("Reference's own ArrayBuffer");
    expect(table).not.toContain('App stats of the reference');
    const measured = formatTable(
      withArrayBuffers(sampleWithReference(), { ...BYTES, 'POST /ingest/v1 1KB': { ...BYTES['POST /ingest/v1 1KB'], reference: 8 } }),
    );
    expect(measured).toContain("Reference's own ArrayBuffer bytes per request (minus GET /health): POST /ingest/v1 1KB 8.0 B");
  });

  it('prints results without the new figures exactly as before', () => {
    expect(formatTable(sampleResult())).toBe(golden('two-subjects.txt'));
    expect(formatTable(sampleWithReference())).toBe(golden('three-subjects.txt'));
  });

  it('prints and validates every committed reference result as written (older ones exactly as before, ratios recomputed)', () => {
    const files = readdirSync(join(repo, 'solutions'))
      .map((slug) => join(repo, 'solutions', slug, 'results', 'checkpoint.json'))
      .filter((file) => existsSync(file));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const result = JSON.parse(readFileSync(file, 'utf8')) as CheckpointResult;
      expect(checkSchema(result, schema), file).toEqual([]);
      const table = formatTable(result);
      // Results measured before ArrayBuffer sampling print as they always did; newer ones (lab 04's) show it.
      const measuredArrayBuffers = (result.load?.scenarios ?? []).some((s) => Object.values(s.results).some((r) => r.arrayBufferBytesPerRequest !== undefined));
      if (measuredArrayBuffers) expect(table, file).toMatch(/ArrayBuf B\/req/);
      else {
        expect(table, file).not.toMatch(/ArrayBuf|App stats/);
        expect(formatTable({ ...result, ratios: computeRatios(result) }), file).toBe(table);
      }
    }
  });
});

describe('summaries', () => {
  it("takes the median over rounds that have a figure, and keeps the last round's app stats", () => {
    const rounds = [round(10_000, 2000, 9000), round(10_000, 2000, 9000), round(10_000, 2000, 9000)];
    const sampling = {
      periodMs: 4,
      settleMs: 2,
      samples: 101,
      intervals: 100,
      gcs: 9,
      gcIntervals: 30,
      sweepIntervals: 2,
      cleanIntervals: 68,
      cleanRequests: 5000,
      cleanBytes: 0,
      samplingMs: 4,
    };
    [1030, null, 1010].forEach((figure, i) =>
      Object.assign(rounds[i]!.probe!, { arrayBufferBytesPerRequest: figure, arrayBufferSampling: sampling, appStats: { pool: { hits: i } } }),
    );
    const s = summarise(rounds);
    expect(s.arrayBufferBytesPerRequest).toBe(1020);
    expect(s.arrayBufferBasis).toEqual({ rounds: 2, intervals: 200, cleanIntervals: 136, cleanRequests: 10_000, samplingMs: 8 });
    expect(s.appStats).toEqual({ pool: { hits: 2 } });
    // Rounds from a probe without sampling or app stats: none of the new fields.
    const old = summarise([round(10_000, 2000, 9000)]);
    expect('arrayBufferBytesPerRequest' in old || 'appStats' in old || 'arrayBufferBasis' in old).toBe(false);
  });

  it("subtracts the same subject's GET /health figures, null when either is missing", () => {
    const health = summarise([round(10_000, 2000, 8000)]);
    const route = summarise([round(10_000, 2000, 9000)]);
    Object.assign(health, { arrayBufferBytesPerRequest: 4 });
    Object.assign(route, { arrayBufferBytesPerRequest: 1028 });
    const unmeasured = summarise([round(10_000, 2000, 9000)]);
    Object.assign(unmeasured, { arrayBufferBytesPerRequest: null });
    const scenarios: LoadScenarioResult[] = [
      { name: 'GET /health', method: 'GET', path: '/health', bodyBytes: 0, expect: '2xx' as const, results: { subject: health } },
      { name: 'POST /x', method: 'POST', path: '/x', bodyBytes: 0, expect: '2xx' as const, results: { subject: route, baseline: unmeasured } },
    ];
    addAppFigures(scenarios);
    expect(route).toMatchObject({ appHeapBytesPerRequest: 1000, appArrayBufferBytesPerRequest: 1024 });
    expect(health).toMatchObject({ appHeapBytesPerRequest: 0, appArrayBufferBytesPerRequest: 0 });
    // The baseline has no GET /health here: left as it was.
    expect(unmeasured.appHeapBytesPerRequest).toBeNull();
    expect(unmeasured.appArrayBufferBytesPerRequest).toBeUndefined();
  });
});
