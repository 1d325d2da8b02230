/**
 * Post-processing of a result (src/run-views.ts, src/cost.ts, src/footprint.ts): the start-up table with its
 * unavailable rows, runtimes and shipped sizes; the capstone (subject against baseline, GET /health left out);
 * a carried view winning over the result's own sections; the cost arithmetic; and footprints of a file and of
 * a package with its dependency closure (hand-made results and a temporary package tree, nothing measured).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatCapstone, main as capstoneMain } from '../src/capstone-report.ts';
import { compareCost, estimateCost } from '../src/cost.ts';
import { measureFootprint, serverFootprint, shippedFile } from '../src/footprint.ts';
import type { CheckpointResult } from '../src/report.ts';
import { type CapstoneView, capstoneView, costInputs, startupView } from '../src/run-views.ts';
import { sampleResult } from './samples.ts';

/** The sample run with a Bun peer, a peer this machine could not run, and footprints. */
function withPeers(): CheckpointResult {
  const result = sampleResult();
  result.peers = ['raw', 'on bun'];
  result.peerPackages = [
    { name: 'raw', label: 'node raw.cjs', dir: '/repo', command: true },
    { name: 'on bun', label: 'bun dist/server.cjs', dir: '/repo', command: true, runtime: 'Bun 1.4.5' },
  ];
  result.servedBy = { subject: 'dist/server-sea-codecache' };
  const startup = result.startup!;
  startup.results['peer:raw'] = { runs: 5, firstOkMs: { median: 50, min: 45, max: 60 }, peakRssBytes: null, samplesMs: [50] };
  startup.results['peer:on bun'] = { runs: 5, firstOkMs: { median: 30, min: 25, max: 40 }, peakRssBytes: null, samplesMs: [30] };
  startup.results['subject@node26'] = { runs: 5, firstOkMs: { median: 70, min: 65, max: 80 }, peakRssBytes: null, samplesMs: [70] };
  startup.unavailable = [{ key: 'peer:strip', name: 'strip', reason: 'Node 20 does not strip types: use Node 26' }];
  startup.footprint = {
    subject: { file: 'dist/server-sea-codecache', packagesBytes: 0, nodeBinaryBytes: 0, totalBytes: 99e6, packageCount: 0, packages: [] },
    baseline: { packagesBytes: 40e6, nodeBinaryBytes: 100e6, totalBytes: 140e6, packageCount: 16, packages: [] },
  };
  return result;
}

describe('the start-up view', () => {
  it('has a row per server on this runtime, named, with its runtime and what it ships, and the unavailable ones', () => {
    const view = startupView(withPeers(), 'results/checkpoint.json')!;
    expect(view.from).toBe('results/checkpoint.json');
    expect(view.rows.map((r) => [r.key, r.label, r.runtime, r.fileBytes])).toEqual([
      ['subject', 'dist/server-sea-codecache', 'Node 20.20.2', 99e6],
      ['baseline', 'solutions/00-baseline', 'Node 20.20.2', 140e6],
      ['peer:raw', 'raw', 'Node 20.20.2', null],
      ['peer:on bun', 'on bun', 'Bun 1.4.5', null],
    ]);
    expect(view.unavailable).toEqual([{ label: 'strip', reason: 'Node 20 does not strip types: use Node 26' }]);
    expect(startupView({ ...withPeers(), startup: null }, 'x')).toBeUndefined();
  });

  it('is the carried one when the result carries one', () => {
    const carried = { ...startupView(withPeers(), 'results/startup.json')!, createdAt: '2026-12-06T18:49:09.384Z' };
    const result = { ...withPeers(), carried: { startup: carried } };
    expect(startupView(result, 'results/checkpoint.json')).toBe(carried);
  });
});

describe('the capstone view', () => {
  it('puts the baseline and the subject side by side in every scenario but GET /health', () => {
    const view = capstoneView(withPeers(), 'results/checkpoint.json')!;
    const result = withPeers();
    expect(view.scenarios.map((s) => s.name)).toEqual(['POST /ingest/v1 1KB']);
    const post = result.load!.scenarios[1]!.results;
    expect(view.scenarios[0]!.binary.rps).toBe(post.subject!.rps);
    expect(view.scenarios[0]!.lab00.rps).toBe(post.baseline!.rps);
    expect(view.startup.binary.firstOkMs).toEqual(result.startup!.results.subject!.firstOkMs);
    expect(view.artifact).toEqual({ lab00: { bytes: 140e6, packagesBytes: 40e6, packageCount: 16, nodeBinaryBytes: 100e6 }, binary: { bytes: 99e6 } });
    expect(view.config.starts).toBe(result.startup!.config.runs);
    expect(costInputs(view)).toEqual({ scenario: 'POST /ingest/v1 1KB', beforeRps: post.baseline!.rps, afterRps: post.subject!.rps });
  });

  it('puts a peer on another runtime beside the binary, in the scenarios it ran, with null heap and GC figures', () => {
    const result = withPeers();
    const post = result.load!.scenarios[1]!.results;
    post['peer:on bun'] = { ...post.subject!, rps: 60_000, heapBytesPerRequest: null, appHeapBytesPerRequest: null, gcPer10kRequests: null };
    const view = capstoneView(result, 'results/checkpoint.json')!;
    expect(view.runtimePeers).toEqual([
      {
        name: 'on bun',
        label: 'bun dist/server.cjs',
        runtime: 'Bun 1.4.5',
        scenario: 'POST /ingest/v1 1KB',
        peer: expect.objectContaining({ rps: 60_000, heapBytesPerRequest: null, gcPer10kRequests: null }),
        binary: expect.objectContaining({ rps: post.subject!.rps }),
      },
    ]);
    // The peer on this runtime (raw) is not a runtime peer; without one the view has none.
    expect(capstoneView(withPeers(), 'x')!.runtimePeers).toBeUndefined();
    const out = formatCapstone(view, { targetRps: 50_000, headroom: 0.6, pricePerMonthUsd: 45 });
    expect(out).toContain('POST /ingest/v1 1KB on another runtime, in the same rotation: the binary (Node 20.20.2), bun dist/server.cjs (Bun 1.4.5)');
    expect(out).toMatch(new RegExp(`requests/s\\s+${post.subject!.rps.toFixed(0)}\\s+60000\\s+`));
  });

  it('needs both the load and the startup section, and prefers a carried capstone', () => {
    expect(capstoneView({ ...withPeers(), load: null }, 'x')).toBeUndefined();
    const carried = { from: 'results/capstone.json' } as CapstoneView;
    expect(capstoneView({ ...withPeers(), carried: { capstone: carried } }, 'x')).toBe(carried);
  });
});

describe('hotpath-capstone', () => {
  it('prints the capstone and the cost for the assumptions given', () => {
    const view = capstoneView(withPeers(), 'results/checkpoint.json')!;
    const post = view.scenarios[0]!;
    const out = formatCapstone(view, { targetRps: 50_000, headroom: 0.6, pricePerMonthUsd: 45 });
    const c = compareCost(post.lab00.rps, post.binary.rps, { targetRps: 50_000, headroom: 0.6, pricePerMonthUsd: 45 });
    expect(out).toContain(`requests/s${' '.repeat(19)}`);
    expect(out).toContain(
      `lab 00: ${c.before.instances} instances, ${c.before.monthlyUsd.toLocaleString('en-US')} USD a month; the binary: ${c.after.instances},`,
    );
    expect(out).toContain('what is shipped                 133.5 MiB     94.4 MiB    0.71×');
  });

  it('refuses options out of range, naming the flag, and a result without a capstone', () => {
    const root = mkdtempSync(join(tmpdir(), 'hotpath-capstone-'));
    try {
      writeFileSync(join(root, 'r.json'), JSON.stringify({ ...withPeers(), load: null }));
      expect(capstoneMain(['--headroom', '1.5'], root)).toBe(2);
      expect(capstoneMain(['--nope'], root)).toBe(2);
      expect(capstoneMain(['--json', 'r.json'], root)).toBe(1);
      writeFileSync(join(root, 'r.json'), JSON.stringify(withPeers()));
      expect(capstoneMain(['--json', 'r.json', '--target-rps', '50000'], root)).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the cost estimate', () => {
  it('rounds instances up, but not for floating-point error', () => {
    expect(estimateCost(10_000, { targetRps: 7_000, headroom: 0.7, pricePerMonthUsd: 30 }).instances).toBe(1);
    expect(estimateCost(10_000, { targetRps: 7_001, headroom: 0.7, pricePerMonthUsd: 30 }).instances).toBe(2);
    const c = compareCost(1243.47, 13777.33, { targetRps: 85_000, headroom: 0.7, pricePerMonthUsd: 30 });
    expect([c.before.instances, c.after.instances, c.savingMonthlyUsd]).toEqual([98, 9, 2670]);
    expect(() => estimateCost(0, { targetRps: 1, headroom: 0.7, pricePerMonthUsd: 30 })).toThrow(RangeError);
  });
});

describe('footprints', () => {
  let root = '';
  afterEach(() => root && rmSync(root, { recursive: true, force: true }));
  const file = (path: string, bytes: number) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'x'.repeat(bytes));
  };

  it('a serve command ships one file: its executable, or the script its node runs, or what `ships` says', () => {
    root = mkdtempSync(join(tmpdir(), 'hotpath-footprint-'));
    file(join(root, 'server.cjs'), 1234);
    expect(shippedFile({ command: process.execPath, args: [join(root, 'server.cjs')] })).toBe(join(root, 'server.cjs'));
    expect(shippedFile({ command: '/bin/sea' })).toBe('/bin/sea');
    expect(shippedFile({ command: process.execPath, args: ['src/server.ts'], ships: null })).toBeNull();
    expect(
      serverFootprint({ dir: root, serve: { command: process.execPath, args: [join(root, 'server.cjs')] } }, (p) => p.slice(root.length + 1)),
    ).toMatchObject({
      file: 'server.cjs',
      totalBytes: 1234,
    });
    expect(serverFootprint({ dir: root, serve: { command: 'bun', args: ['src/server.ts'], ships: null } }, String)).toBeUndefined();
  });

  it('a package counts its files, its runtime dependency closure, the extra packages and the node binary, each folder once', () => {
    root = mkdtempSync(join(tmpdir(), 'hotpath-footprint-'));
    const pkg = (dir: string, manifest: object, bytes: number) => {
      file(join(dir, 'index.js'), bytes);
      writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
    };
    const app = join(root, 'app');
    pkg(app, { name: 'app', dependencies: { a: '1' }, devDependencies: { dev: '1' } }, 100);
    pkg(join(app, 'node_modules', 'a'), { name: 'a', version: '1.0.0', dependencies: { b: '1' } }, 10);
    pkg(join(app, 'node_modules', 'b'), { name: 'b', version: '1.0.0', dependencies: { a: '1' } }, 20);
    pkg(join(app, 'node_modules', 'dev'), { name: 'dev', version: '1.0.0' }, 5000);
    pkg(join(app, 'node_modules', 'launcher'), { name: 'launcher', version: '2.0.0', dependencies: { dev: '1' } }, 7);
    const node = join(root, 'node');
    file(node, 3000);
    const manifests = (['app', 'a', 'b', 'launcher'] as const).length;
    const f = measureFootprint(app, { withDependencies: [], folderOnly: ['launcher'] }, node);
    expect(f.packages).toEqual(['a@1.0.0', 'app (workspace)', 'b@1.0.0', 'launcher@2.0.0']);
    expect(f.packageCount).toBe(manifests);
    expect(f.nodeBinaryBytes).toBe(3000);
    const manifestBytes = f.packagesBytes - (100 + 10 + 20 + 7);
    expect(manifestBytes, 'the package.json files, and no devDependency').toBeLessThan(400);
    expect(f.totalBytes).toBe(f.packagesBytes + 3000);
  });
});
