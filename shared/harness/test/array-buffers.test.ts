/**
 * End to end, with real servers of the tiny app (test/fixtures/tiny-app): ArrayBuffer bytes allocated per
 * request measured by the probe against known allocations (Buffer.alloc(4096) and new Uint8Array(4096) per
 * request, against GET /health), their ratios, rows and lines in the result and the table; the app's
 * registered stats in the probe windows and the summaries; and the probe's `stats` request.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, assert, describe, expect, it } from 'vitest';
import { runCheckpoint } from '../src/checkpoint.ts';
import { ipc } from '../src/ipc.ts';
import type { ProbeStats } from '../src/probe.ts';
import { startServer } from '../src/server.ts';
import { checkSchema } from './schema-check.ts';

const fixture = fileURLToPath(new URL('./fixtures/tiny-app', import.meta.url));
const checkpointFile = fileURLToPath(new URL('./fixtures/buffers-checkpoint.ts', import.meta.url));
const schema = JSON.parse(readFileSync(new URL('../checkpoint.schema.json', import.meta.url), 'utf8'));
const out = mkdtempSync(join(tmpdir(), 'hotpath-buffers-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path }, (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
      })
      .once('error', reject);
  });
}

describe('ArrayBuffer bytes per request (probe, tiny app)', () => {
  it('measures 4,096 B per request above GET /health for Buffer.alloc(4096) and new Uint8Array(4096)', async () => {
    const json = join(out, 'buffers.json');
    const { result, table } = await runCheckpoint({
      checkpointFile,
      dir: fixture,
      baselineDir: fixture,
      only: ['load'],
      quick: true,
      rounds: 2,
      durationSec: 1,
      warmupSec: 0.25,
      connections: 20,
      progress: false,
      json,
    });
    expect(result.failures).toEqual([]);
    expect(checkSchema(JSON.parse(readFileSync(json, 'utf8')), schema)).toEqual([]);

    const byName = (name: string) => {
      const figures = result.load!.scenarios.find((s) => s.name === name)?.results.subject;
      assert(figures, `the scenario ${name} must have the package's figures`);
      return figures;
    };
    const health = byName('GET /health');
    // The constant route allocates no ArrayBuffer of its own.
    expect(health.arrayBufferBytesPerRequest!).toBeGreaterThanOrEqual(0);
    expect(health.arrayBufferBytesPerRequest!).toBeLessThan(16);
    for (const name of ['GET /buffer?n=4096', 'GET /u8?n=4096']) {
      const s = byName(name);
      expect(s.appArrayBufferBytesPerRequest!, name).toBeGreaterThan(4096 * 0.98);
      expect(s.appArrayBufferBytesPerRequest!, name).toBeLessThan(4096 * 1.02);
      expect(s.appArrayBufferBytesPerRequest).toBeCloseTo(s.arrayBufferBytesPerRequest! - health.arrayBufferBytesPerRequest!, 6);
      // What it is based on: most of each round's intervals and requests.
      expect(s.arrayBufferBasis!.rounds).toBe(2);
      expect(s.arrayBufferBasis!.cleanRequests).toBeGreaterThan(1000);
      for (const round of s.rounds) {
        const sampling = round.probe!.arrayBufferSampling!;
        expect(sampling.cleanIntervals + sampling.gcIntervals + sampling.sweepIntervals).toBe(sampling.intervals);
      }
      // The old net figure is far from it: the GC frees what the route allocates.
      expect(Math.abs(s.arrayBuffersPerRequest!)).toBeLessThan(s.arrayBufferBytesPerRequest! / 2);
    }

    // Ratio entries carry the package's own figures, so a target can judge them (here the package is its
    // own baseline: ratios 1, or null for 0 / 0).
    const entry = (name: string, metric: string) => result.ratios.find((r) => r.name === name && r.metric === metric && r.subjectKey === 'subject');
    expect(entry('GET /buffer?n=4096', 'arrayBufferBytesPerRequest')).toMatchObject({
      unit: 'B',
      better: 'lower',
      subject: byName('GET /buffer?n=4096').arrayBufferBytesPerRequest,
      ratio: 1,
    });
    expect(entry('GET /buffer?n=4096', 'appArrayBufferBytesPerRequest')!.subject).toBe(byName('GET /buffer?n=4096').appArrayBufferBytesPerRequest);
    expect(entry('GET /u8?n=4096', 'appHeapBytesPerRequest')!.subject).toBe(byName('GET /u8?n=4096').appHeapBytesPerRequest);

    // App stats: the tiny app's counters at the end of the last round of each scenario.
    const stats = byName('GET /buffer?n=4096').appStats!;
    const tiny = stats.tiny;
    assert(tiny?.buffer !== undefined, "the tiny app's stats must count buffers");
    expect(tiny.buffer).toBeGreaterThan(1000);
    expect(tiny.bufferBytes).toBe(tiny.buffer * 4096);
    expect(byName('GET /buffer?n=4096').rounds.at(-1)!.probe!.appStats).toEqual(stats);
    expect(byName('GET /u8?n=4096').appStats?.tiny).toMatchObject({ buffer: 0, u8: expect.any(Number) });

    expect(table).toMatch(/GET \/buffer\?n=4096\s+RPS[^\n]*\n(?:[^\n]*\n){3}\s+ArrayBuf B\/req\s+4\.0\d KiB\s+4\.0\d KiB\s+1\.00×\s+\(lower is better\)/);
    expect(table).toMatch(/App's own ArrayBuffer bytes per request \(minus GET \/health\): GET \/buffer\?n=4096 4\.0\d KiB, GET \/u8\?n=4096 4\.0\d KiB/);
    expect(table).toMatch(/App stats of this, GET \/buffer\?n=4096, end of the last round: tiny alloc=0 buffer=\d+ u8=0 bufferBytes=\d+/);
  }, 120_000);

  it("answers { hotpath: 'stats' } at any time: RSS, heap, ArrayBuffers, request counters and app stats", async () => {
    const server = await startServer({ dir: fixture, cpu: null, probe: true });
    try {
      const call = ipc(server.child);
      const before = (await call({ hotpath: 'stats' })) as { hotpath: string; id: number; stats: ProbeStats };
      expect(before.hotpath).toBe('stats');
      expect(before.stats).toMatchObject({ pid: server.pid, appStats: { tiny: { alloc: 0, buffer: 0, u8: 0, bufferBytes: 0 } } });
      expect(before.stats.rssBytes).toBeGreaterThan(10e6);
      expect(before.stats.heapUsedBytes).toBeGreaterThan(1e6);
      expect(before.stats.arrayBuffersBytes).toBeGreaterThanOrEqual(0);
      expect(before.stats.uptimeMs).toBeGreaterThan(0);
      for (let i = 0; i < 5; i++) expect(await get(server.port, '/buffer?n=100')).toBe(200);
      const { stats } = (await call({ hotpath: 'stats' })) as { stats: ProbeStats };
      expect(stats.requestsFinished - before.stats.requestsFinished).toBe(5);
      expect(stats.requestsStarted - before.stats.requestsStarted).toBe(5);
      expect(stats.appStats.tiny).toMatchObject({ buffer: 5, bufferBytes: 500 });
      // A window still works beside it, and carries the app stats too.
      await call({ hotpath: 'window:start' });
      expect(await get(server.port, '/u8?n=10')).toBe(200);
      const { window } = await call({ hotpath: 'window:stop' });
      expect(window.requests).toBe(1);
      expect(window.appStats.tiny).toMatchObject({ u8: 1, buffer: 5 });
      expect(window.arrayBufferSampling.samples).toBeGreaterThan(0);
      // Too short a window for a figure.
      expect(window.arrayBufferBytesPerRequest).toBeNull();
    } finally {
      await server.stop();
    }
  });
});
