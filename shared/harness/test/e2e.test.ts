/**
 * End to end, kept short: a real checkpoint run (micro, load with the probe, startup) against the tiny Hono
 * app in test/fixtures/tiny-app, with 1 round of 0.5 s per scenario; then a three-subject run with a reference
 * (test/fixtures/tiny-reference, which allocates less on /alloc) and a baseline (test/fixtures/tiny-baseline);
 * then a micro-only run with a peer (test/fixtures/peer-checkpoint.ts); then a run with a load peer, a package
 * folder measured like a subject (test/fixtures/load-peer-checkpoint.ts, test/fixtures/tiny-peer), and one whose
 * peer folder has no app. Speed is never asserted; allocation budgets and the bookkeeping are.
 */
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, assert, describe, expect, it } from 'vitest';
import { runCheckpoint } from '../src/checkpoint.ts';
import { checkSchema } from './schema-check.ts';

const fixture = fileURLToPath(new URL('./fixtures/tiny-app', import.meta.url));
const referenceFixture = fileURLToPath(new URL('./fixtures/tiny-reference', import.meta.url));
const baselineFixture = fileURLToPath(new URL('./fixtures/tiny-baseline', import.meta.url));
const peerFixture = fileURLToPath(new URL('./fixtures/tiny-peer', import.meta.url));
const fixtureDirs = [fixture, referenceFixture, baselineFixture, peerFixture];
const checkpointFile = fileURLToPath(new URL('./fixtures/tiny-checkpoint.ts', import.meta.url));
const peerCheckpointFile = fileURLToPath(new URL('./fixtures/peer-checkpoint.ts', import.meta.url));
const loadPeerCheckpointFile = fileURLToPath(new URL('./fixtures/load-peer-checkpoint.ts', import.meta.url));
const badPeerCheckpointFile = fileURLToPath(new URL('./fixtures/bad-peer-checkpoint.ts', import.meta.url));
const servedCheckpointFile = fileURLToPath(new URL('./fixtures/served-checkpoint.ts', import.meta.url));
const schema = JSON.parse(readFileSync(new URL('../checkpoint.schema.json', import.meta.url), 'utf8'));
const out = mkdtempSync(join(tmpdir(), 'hotpath-harness-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Servers launched from a fixture folder that are still running (read from /proc: Linux only). */
function fixtureServers(): number[] {
  const pids: number[] = [];
  if (process.platform !== 'linux') return pids;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes('hotpath-serve.js') && fixtureDirs.includes(readlinkSync(`/proc/${entry}/cwd`))) pids.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return pids;
}

/** The shortest run that still measures every section: one half-second round, two startups. */
const tinyRun = () => ({ checkpointFile, quick: true, rounds: 1, durationSec: 0.5, warmupSec: 0.25, connections: 20, startupRuns: 2, progress: false });

describe('checkpoint end to end (tiny app)', () => {
  it('measures load with the probe, startup and micro, and writes a valid result', async () => {
    const json = join(out, 'result.json');
    const { result, paths, table } = await runCheckpoint({ ...tinyRun(), dir: fixture, baselineDir: fixture, json });
    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
    expect(paths).toEqual([json]);
    expect(checkSchema(JSON.parse(readFileSync(json, 'utf8')), schema)).toEqual([]);

    // Load: every scenario answered, and the probe saw the requests autocannon sent.
    const load = result.load!;
    expect(load.scenarios.map((s) => s.name)).toEqual(['GET /health', 'GET /todos', 'POST /ingest/v1 1KB', 'GET /alloc?n=1000', 'GET /missing']);
    for (const scenario of load.scenarios) {
      const s = scenario.results.subject;
      const r = s?.rounds[0];
      assert(s && r, `${scenario.name}: the subject must have figures and at least one round`);
      expect(s.rps).toBeGreaterThan(0);
      expect(r.probe!.requests).toBeGreaterThan(100);
      expect(Math.abs(r.probe!.requests - r.responses)).toBeLessThanOrEqual(100);
      expect(s.heapBytesPerRequest).toBeGreaterThan(1000);
      expect(s.p99Us).toBeGreaterThanOrEqual(s.p50Us);
      expect(s.rssBytes).toBeGreaterThan(10e6);
    }
    // The probe's heap figure is right: /alloc?n=1000 costs 1,000 × 40 B more than /health.
    const app = load.scenarios.find((s) => s.name === 'GET /alloc?n=1000')?.results.subject?.appHeapBytesPerRequest;
    expect(app).toBeGreaterThan(38_000);
    expect(app).toBeLessThan(46_000);
    // The 404 scenario is flagged and warned about, not failed.
    expect(load.scenarios.find((s) => s.name === 'GET /missing')?.results.subject?.flagged).toBe(true);
    expect(result.warnings.some((w) => w.includes('GET /missing'))).toBe(true);

    // Startup and micro ran, and the table compares the package with itself.
    expect(result.startup!.results.subject?.runs).toBe(2);
    expect(result.startup!.results.subject?.firstOkMs.median).toBeGreaterThan(0);
    expect(result.micro!.tasks[0]?.results.subject?.bytesPerOp).toEqual(expect.any(Number));
    expect(result.ratios.filter((r) => r.ratio !== null).every((r) => r.ratio === 1)).toBe(true);
    expect(table).toContain('GET /health');
    expect(table).toContain('1.00×');

    // No server outlives the run.
    expect(fixtureServers()).toEqual([]);
  });

  it('measures a reference solution as a third subject, interleaved, with its own ratios to the baseline', async () => {
    const json = join(out, 'three.json');
    const { result, table } = await runCheckpoint({ ...tinyRun(), dir: fixture, referenceDir: referenceFixture, baselineDir: baselineFixture, json });
    expect(result.failures).toEqual([]);
    expect(checkSchema(JSON.parse(readFileSync(json, 'utf8')), schema)).toEqual([]);
    expect(result.subjects.map((s) => [s.key, s.role, s.dir])).toEqual([
      ['subject', 'subject', fixture],
      ['reference', 'reference', referenceFixture],
      ['baseline', 'baseline', baselineFixture],
    ]);
    expect(result.baselineKey).toBe('baseline');

    // Every section measured all three (micro tasks come from each subject's own checkpoint definition).
    const keys = ['subject', 'reference', 'baseline'];
    for (const scenario of result.load!.scenarios) expect(Object.keys(scenario.results)).toEqual(keys);
    for (const task of result.micro!.tasks) expect(Object.keys(task.results)).toEqual(keys);
    for (const key of keys) expect(result.startup!.results[key]?.runs).toBe(2);

    // Each server is its own package: the reference allocates 500 × 40 B on /alloc?n=1000, the others 1,000.
    const alloc = result.load!.scenarios.find((s) => s.name === 'GET /alloc?n=1000')!.results;
    expect(alloc.reference?.appHeapBytesPerRequest).toBeGreaterThan(18_000);
    expect(alloc.reference?.appHeapBytesPerRequest).toBeLessThan(24_000);
    expect(alloc.subject?.appHeapBytesPerRequest).toBeGreaterThan(38_000);
    expect(alloc.baseline?.appHeapBytesPerRequest).toBeGreaterThan(38_000);

    // Ratios for the package and for the reference, both against the baseline.
    const heap = (key: string) => result.ratios.find((r) => r.subjectKey === key && r.name === 'GET /alloc?n=1000' && r.metric === 'heapBytesPerRequest')!;
    expect(heap('subject').ratio!).toBeGreaterThan(0.85);
    expect(heap('subject').ratio!).toBeLessThan(1.15);
    expect(heap('reference').ratio!).toBeLessThan(0.8);
    expect(heap('reference').baseline).toBe(heap('subject').baseline);
    expect(new Set(result.ratios.map((r) => r.subjectKey))).toEqual(new Set(['subject', 'reference']));
    expect(result.ratios.filter((r) => r.subjectKey === 'reference')).toHaveLength(result.ratios.filter((r) => r.subjectKey === 'subject').length);

    expect(table.split('\n')[1]).toMatch(/figure\s+this\s+reference\s+baseline\s+ratio\s+ref ratio$/);
    expect(fixtureServers()).toEqual([]);
  }, 120_000);

  it('runs the peers of the package definition interleaved with the subjects, with their own ratios and columns', async () => {
    const json = join(out, 'peers.json');
    const { result, table } = await runCheckpoint({
      ...tinyRun(),
      checkpointFile: peerCheckpointFile,
      only: ['micro'],
      dir: fixture,
      baselineDir: baselineFixture,
      json,
    });
    expect(result.failures).toEqual([]);
    expect(checkSchema(JSON.parse(readFileSync(json, 'utf8')), schema)).toEqual([]);
    // Only the package's definition counts: the baseline's 'ignored-peer' is not measured.
    expect(result.peers).toEqual(['fast-join']);
    expect(result.micro!.tasks.map((t) => [t.name, Object.keys(t.results)])).toEqual([
      ['join 16 words', ['subject', 'baseline', 'peer:fast-join']],
      ['only the baseline and the peer', ['baseline', 'peer:fast-join']],
    ]);
    const join16 = result.micro!.tasks[0]?.results['peer:fast-join'];
    assert(join16, 'the peer fast-join must have figures for the first micro task');
    expect(join16.nsPerOp).toBeGreaterThan(0);
    expect(join16.rounds).toBe(3);
    // The peer returns a string it did not build: no heap per call (the baseline builds 17 strings).
    expect(join16.bytesPerOp!).toBeLessThan(8);

    const peer = result.ratios.filter((r) => r.subjectKey === 'peer:fast-join');
    expect(peer.map((r) => `${r.name} ${r.metric}`)).toEqual([
      'join 16 words nsPerOp',
      'join 16 words bytesPerOp',
      'only the baseline and the peer nsPerOp',
      'only the baseline and the peer bytesPerOp',
    ]);
    const base = result.micro!.tasks[0]?.results.baseline;
    assert(base, 'the baseline must have figures for the first micro task');
    expect(peer[0]?.baseline).toBe(base.nsPerOp);
    expect(peer[0]?.ratio).toBeCloseTo(join16.nsPerOp / base.nsPerOp, 10);
    expect(result.ratios.findIndex((r) => r.subjectKey === 'peer:fast-join')).toBe(result.ratios.filter((r) => r.subjectKey === 'subject').length);

    const lines = table.split('\n');
    expect(lines[1]).toMatch(/figure\s+this\s+baseline\s+ratio\s+fast-join\s+fast-join ratio$/);
    expect(table).toMatch(/micro: only the baseline and the peer\s+time\/op\s+–\s+\S+ ns\s+–\s+\S+ ns\s+\S+×/);
    expect(fixtureServers()).toEqual([]);
  });

  it('measures a peer with a package folder in load and startup like a subject, turns rotating with the subjects', async () => {
    const json = join(out, 'load-peer.json');
    const steps: string[] = [];
    const write = process.stderr.write;
    // Progress lines say who each round measured: the turn order is checked on them.
    process.stderr.write = ((chunk: string | Uint8Array) => {
      steps.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    let run: Awaited<ReturnType<typeof runCheckpoint>>;
    try {
      run = await runCheckpoint({
        ...tinyRun(),
        rounds: 2,
        checkpointFile: loadPeerCheckpointFile,
        dir: fixture,
        referenceDir: referenceFixture,
        baselineDir: baselineFixture,
        json,
        progress: true,
      });
    } finally {
      process.stderr.write = write;
    }
    const { result, table } = run;
    expect(result.failures).toEqual([]);
    expect(checkSchema(JSON.parse(readFileSync(json, 'utf8')), schema)).toEqual([]);
    // Only the package's definition counts; the relative dir is resolved against the checkpoint file's folder.
    expect(result.peers).toEqual(['double']);
    expect(result.peerPackages).toEqual([{ name: 'double', label: expect.stringMatching(/fixtures\/tiny-peer$/), dir: peerFixture }]);
    expect(result.subjects.map((s) => s.key)).toEqual(['subject', 'reference', 'baseline']);

    const keys = ['subject', 'reference', 'baseline', 'peer:double'];
    for (const scenario of result.load!.scenarios) expect(Object.keys(scenario.results)).toEqual(keys);
    for (const key of keys) expect(result.startup!.results[key]?.runs).toBe(2);
    // Four contestants take turns: A B C D, then B C D A.
    const order = steps.flatMap((line) => /load: GET \/health round (\d)\/2 (\S+)/.exec(line)?.slice(1, 3).join(' ') ?? []);
    expect(order).toEqual(['1 subject', '1 reference', '1 baseline', '1 peer:double', '2 reference', '2 baseline', '2 peer:double', '2 subject']);

    // The peer is its own server: 2,000 × 40 B on /alloc?n=1000, against the others' 1,000 (the reference's 500).
    const alloc = result.load!.scenarios.find((s) => s.name === 'GET /alloc?n=1000')!.results;
    expect(alloc['peer:double']?.appHeapBytesPerRequest).toBeGreaterThan(76_000);
    expect(alloc['peer:double']?.appHeapBytesPerRequest).toBeLessThan(92_000);
    expect(alloc.subject?.appHeapBytesPerRequest).toBeLessThan(46_000);

    // Its ratios follow the subjects', load then startup, against the same baseline figures.
    const peer = result.ratios.filter((r) => r.subjectKey === 'peer:double');
    expect(result.ratios.slice(-peer.length)).toEqual(peer);
    expect([...new Set(peer.map((r) => `${r.section} ${r.name}`))]).toEqual(['load GET /health', 'load GET /alloc?n=1000', 'startup startup']);
    expect(peer.filter((r) => r.name === 'GET /health').map((r) => r.metric)).toEqual(
      result.ratios.filter((r) => r.subjectKey === 'subject' && r.name === 'GET /health').map((r) => r.metric),
    );
    const heap = (key: string) => result.ratios.find((r) => r.subjectKey === key && r.name === 'GET /alloc?n=1000' && r.metric === 'heapBytesPerRequest')!;
    expect(heap('peer:double').baseline).toBe(heap('subject').baseline);
    expect(heap('peer:double').ratio!).toBeGreaterThan(1.4);

    // The peer's column has its figures on the load and startup rows, and its own heap line under the table.
    const lines = table.split('\n');
    expect(lines[1]).toMatch(/figure\s+this\s+reference\s+baseline\s+ratio\s+ref ratio\s+double\s+double ratio$/);
    expect(table).toMatch(/GET \/alloc\?n=1000\s+RPS(\s+\S+k?){3}(\s+\S+×){2}\s+\S+k?\s+\S+×\s+\(higher is better\)/);
    expect(lines.find((l) => /^\s+heap B\/req/.test(l) && lines.indexOf(l) > lines.findIndex((x) => x.startsWith('GET /alloc')))).toMatch(
      /KiB\s+\d\.\d\d×\s+\(lower/,
    );
    expect(lines.find((l) => l.includes('first 200'))).not.toMatch(/–/);
    expect(table).toMatch(/^Peer double's own heap per request \(minus GET \/health\): GET \/alloc\?n=1000 \d+\.\d KiB$/m);
    expect(table).toContain('Peers, measured in the same rounds as the subjects: double (package ');
    expect(fixtureServers()).toEqual([]);
  }, 180_000);

  it('serves a subject and a startup-only peer by their commands, with the probe loaded by --require', async () => {
    const json = join(out, 'served.json');
    const { result, table } = await runCheckpoint({ ...tinyRun(), checkpointFile: servedCheckpointFile, dir: fixture, baselineDir: baselineFixture, json });
    expect(result.failures).toEqual([]);
    expect(checkSchema(JSON.parse(readFileSync(json, 'utf8')), schema)).toEqual([]);
    expect(result.servedBy).toEqual({ subject: 'node served-app.cjs' });
    expect((globalThis as { hotpathPrepared?: number }).hotpathPrepared, 'prepare() runs once, before the measurements').toBe(1);
    expect(result.peerPackages).toEqual([{ name: 'hello', label: process.execPath, dir: fixture, command: true }]);
    expect(result.startup!.config.pageCacheDropped, 'node and the served commands are dropped from the page cache first').toBe(true);
    // The peer is in startup only; the subject in both, measured by the probe inside the command's process.
    for (const scenario of result.load!.scenarios) expect(Object.keys(scenario.results)).toEqual(['subject', 'baseline']);
    expect(Object.keys(result.startup!.results)).toEqual(['subject', 'baseline', 'peer:hello']);
    const alloc = result.load!.scenarios.find((s) => s.name === 'GET /alloc?n=1000')?.results.subject;
    expect(alloc?.appHeapBytesPerRequest, 'the probe must run inside the served process (1,000 objects per request)').toBeGreaterThan(30_000);
    expect(table).toContain("Served by a command, not the kit's launcher: subject = node served-app.cjs");
  }, 120_000);

  it("fails the run, saying why, when a peer's dir has no src/app.ts", async () => {
    const json = join(out, 'bad-peer.json');
    const { result } = await runCheckpoint({ ...tinyRun(), checkpointFile: badPeerCheckpointFile, dir: fixture, baselineDir: baselineFixture, json });
    expect(result.ok).toBe(false);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatch(/peer nowhere: no src\/app\.ts in .*fixtures\/tables \(a peer's dir must be a package folder/);
    expect(result.load).toBeNull();
    expect(result.micro).toBeNull();
  });
});
