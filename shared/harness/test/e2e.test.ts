/**
 * End to end, kept short: a real checkpoint run (micro, load with the probe, startup) against the tiny Hono
 * app in test/fixtures/tiny-app, with 1 round of 0.5 s per scenario. Speed is never asserted; allocation
 * budgets and the bookkeeping are.
 */
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheckpoint } from '../src/checkpoint.ts';
import { checkSchema } from './schema-check.ts';

const fixture = fileURLToPath(new URL('./fixtures/tiny-app', import.meta.url));
const checkpointFile = fileURLToPath(new URL('./fixtures/tiny-checkpoint.ts', import.meta.url));
const schema = JSON.parse(readFileSync(new URL('../checkpoint.schema.json', import.meta.url), 'utf8'));
const out = mkdtempSync(join(tmpdir(), 'hotpath-harness-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Servers launched from the fixture folder that are still running (read from /proc: Linux only). */
function fixtureServers(): number[] {
  const pids: number[] = [];
  if (process.platform !== 'linux') return pids;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes('hotpath-serve.js') && readlinkSync(`/proc/${entry}/cwd`) === fixture) pids.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return pids;
}

describe('checkpoint end to end (tiny app)', () => {
  it('measures load with the probe, startup and micro, and writes a valid result', async () => {
    const json = join(out, 'result.json');
    const { result, paths, table } = await runCheckpoint({
      dir: fixture,
      baselineDir: fixture,
      checkpointFile,
      quick: true,
      rounds: 1,
      durationSec: 0.5,
      warmupSec: 0.25,
      connections: 20,
      startupRuns: 2,
      json,
      progress: false,
    });
    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
    expect(paths).toEqual([json]);
    expect(checkSchema(JSON.parse(readFileSync(json, 'utf8')), schema)).toEqual([]);

    // Load: every scenario answered, and the probe saw the requests autocannon sent.
    const load = result.load!;
    expect(load.scenarios.map((s) => s.name)).toEqual(['GET /health', 'GET /todos', 'POST /ingest/v1 1KB', 'GET /alloc?n=1000', 'GET /missing']);
    for (const scenario of load.scenarios) {
      const s = scenario.results.subject;
      const r = s.rounds[0];
      expect(s.rps).toBeGreaterThan(0);
      expect(r.probe.requests).toBeGreaterThan(100);
      expect(Math.abs(r.probe.requests - r.responses)).toBeLessThanOrEqual(100);
      expect(s.heapBytesPerRequest).toBeGreaterThan(1000);
      expect(s.p99Us).toBeGreaterThanOrEqual(s.p50Us);
      expect(s.rssBytes).toBeGreaterThan(10e6);
    }
    // The probe's heap figure is right: /alloc?n=1000 costs 1,000 × 40 B more than /health.
    const app = load.scenarios.find((s) => s.name === 'GET /alloc?n=1000')!.results.subject.appHeapBytesPerRequest!;
    expect(app).toBeGreaterThan(38_000);
    expect(app).toBeLessThan(46_000);
    // The 404 scenario is flagged and warned about, not failed.
    expect(load.scenarios.find((s) => s.name === 'GET /missing')!.results.subject.flagged).toBe(true);
    expect(result.warnings.some((w) => w.includes('GET /missing'))).toBe(true);

    // Startup and micro ran, and the table compares the package with itself.
    expect(result.startup!.results.subject.runs).toBe(2);
    expect(result.startup!.results.subject.firstOkMs.median).toBeGreaterThan(0);
    expect(result.micro!.tasks[0].results.subject.bytesPerOp).not.toBeNull();
    expect(result.ratios.filter((r) => r.ratio !== null).every((r) => r.ratio === 1)).toBe(true);
    expect(table).toContain('GET /health');
    expect(table).toContain('1.00×');

    // No server outlives the run.
    expect(fixtureServers()).toEqual([]);
  });
});
