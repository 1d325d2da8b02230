/**
 * `pnpm lab profile NN` and `bench --profile`: the report read from a small hand-made profile (self time by
 * package and by function, deterministic; the note on a leading native write; the busy-machine warning), the
 * offline flame graph written next to it, the verb's argument errors, and real short runs — lab 01's reference
 * under load for 2 s, and the verb end to end on the CLI's fixture kit.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { speedscopeIndex, writeFlameGraph } from '../src/cli/flame-graph.ts';
import { formatSummary, packageOf, sourceLine, summariseProfile, type CpuProfile } from '../src/cli/profile-report.ts';
import { busyVerdict } from '@hotpath/harness';
import { busyWarning, formatProfile, profileServer, shortLocation } from '../src/cli/profile.ts';
import { repoRoot, solutionDir } from '@hotpath/workshop/paths';

const scratch = mkdtempSync(join(tmpdir(), 'hotpath-profile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ROOT = '/repo';
const pnpm = (pkg: string, file: string) => `file://${ROOT}/node_modules/.pnpm/${pkg.replace('/', '+')}@1.0.0/node_modules/${pkg}/${file}`;
const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });

/**
 * A hand-made profile: node id → frame, and one sample per 1 ms (timeDeltas of 1000 µs), so each node's self
 * time is its sample count in ms (the last sample lasts until endTime).
 */
function handMadeProfile(): CpuProfile {
  const nodes = [
    { id: 1, callFrame: frame('(root)') },
    { id: 2, callFrame: frame('transform', pnpm('class-transformer', 'cjs/TransformOperationExecutor.js'), 28) },
    { id: 3, callFrame: frame('plainToInstance', pnpm('class-transformer', 'cjs/ClassTransformer.js'), 9) },
    { id: 4, callFrame: frame('dispatch', pnpm('hono', 'dist/compose.js'), 4) },
    { id: 5, callFrame: frame('getRequestListener', pnpm('@hono/node-server', 'dist/index.mjs'), 400) },
    { id: 6, callFrame: frame('readJson', `file://${ROOT}/shared/baseline/src/framework/pipes.ts`, 17) },
    { id: 7, callFrame: frame('bytesPerOp', `file://${ROOT}/labs/00-baseline/src/measure/bytes-per-op.ts`, 40) },
    { id: 8, callFrame: frame('processTicksAndRejections', 'node:internal/process/task_queues', 66) },
    { id: 9, callFrame: frame('(garbage collector)') },
    { id: 10, callFrame: frame('(program)') },
    { id: 11, callFrame: frame('(idle)') },
    { id: 12, callFrame: frame('writev') },
  ];
  const counts: Record<number, number> = { 2: 30, 3: 10, 4: 25, 5: 5, 6: 8, 7: 2, 8: 6, 9: 4, 10: 3, 11: 5, 12: 2 };
  const samples = Object.entries(counts).flatMap(([id, n]) => Array.from({ length: n }, () => Number(id)));
  return { nodes, startTime: 0, endTime: (samples.length + 1) * 1000, samples, timeDeltas: samples.map(() => 1000) };
}

describe('the report, from a hand-made profile', () => {
  const summary = summariseProfile(handMadeProfile(), ROOT, 5);

  it('groups self time by package: npm packages by their node_modules/.pnpm folder, node:, the app, V8 apart', () => {
    const byName = Object.fromEntries(summary.packages.map((p) => [p.name, [p.kind, p.selfMs]]));
    expect(byName).toEqual({
      'class-transformer': ['npm', 40],
      hono: ['npm', 25],
      '@hono/node-server': ['npm', 5],
      '@hotpath/baseline': ['app', 8],
      'labs/00-baseline': ['app', 2],
      'node:': ['node', 6],
      '(garbage collector)': ['v8', 4],
      '(program)': ['v8', 3],
      '(idle)': ['v8', 5],
      '(native)': ['v8', 2],
    });
    expect(summary.totalMs).toBe(100);
    expect(summary.packages.map((p) => p.name).slice(0, 3)).toEqual(['class-transformer', 'hono', '@hotpath/baseline']);
    expect(summary.packages[0]!.selfPercent).toBeCloseTo(40);
    expect(summary.windowed).toBe(false);
  });

  it('lists the top functions with their package and source line, without idle, program and GC', () => {
    expect(summary.top.map((e) => [e.functionName, e.package, e.line, e.selfMs])).toEqual([
      ['transform', 'class-transformer', 29, 30],
      ['dispatch', 'hono', 5, 25],
      ['plainToInstance', 'class-transformer', 10, 10],
      ['readJson', '@hotpath/baseline', 18, 8],
      ['processTicksAndRejections', 'node:', 67, 6],
    ]);
    const text = formatSummary(summary, ROOT);
    expect(text).toMatch(/^\s+40\.0\s+40\.0\s+class-transformer\s+npm dependency$/m);
    expect(text).toMatch(/^\s+30\.0\s+30\.0\s+transform\s+class-transformer\s+class-transformer\/cjs\/TransformOperationExecutor\.js:29$/m);
    expect(text.slice(text.indexOf('Top 5 functions'))).not.toMatch(/\((idle|program|garbage collector)\)/);
  });

  it('counts only the samples inside a load window when it is given one', () => {
    // Samples 0–29 are `transform` (times 1000…30000 µs): a window over the first 10 of them.
    const windowed = summariseProfile(handMadeProfile(), ROOT, 5, { fromUs: 1_000, toUs: 10_000 });
    expect(windowed.windowed).toBe(true);
    expect(windowed.totalMs).toBe(10);
    expect(windowed.packages.map((p) => [p.name, p.selfMs])).toEqual([['class-transformer', 10]]);
    // A window with no sample in it (another clock): the whole profile.
    expect(summariseProfile(handMadeProfile(), ROOT, 5, { fromUs: 9e9, toUs: 9e9 + 1 }).totalMs).toBe(100);
  });

  it('adds no note when the top function is not a native write', () => {
    expect(summary.ioNote).toBeUndefined();
    expect(formatSummary(summary, ROOT)).not.toContain('Note:');
  });

  it('explains a native write that leads: the HTTP responses, or another stream such as stdout', () => {
    // writev under node:_http_outgoing (a response's end()) and writev under a stdout write: 60 and 20 samples.
    const chain = (via: string) => [
      { id: 1, callFrame: frame('(root)'), children: [2, 5] },
      { id: 2, callFrame: frame('end', 'node:_http_outgoing', 1000), children: [3] },
      { id: 3, callFrame: frame('writevGeneric', 'node:internal/stream_base_commons', 120), children: [4] },
      { id: 4, callFrame: frame('writev') },
      { id: 5, callFrame: frame('log', `file://${ROOT}/shared/baseline/src/framework/logger.ts`, 40), children: [6] },
      { id: 6, callFrame: frame(via, 'node:net', 900), children: [7] },
      { id: 7, callFrame: frame('writev') },
      { id: 8, callFrame: frame('transform', pnpm('class-transformer', 'cjs/TransformOperationExecutor.js'), 28) },
    ];
    const profileOf = (counts: Record<number, number>): CpuProfile => {
      const samples = Object.entries(counts).flatMap(([id, n]) => Array.from({ length: n }, () => Number(id)));
      return { nodes: chain('Socket._writeGeneric'), startTime: 0, endTime: (samples.length + 1) * 1000, samples, timeDeltas: samples.map(() => 1000) };
    };
    const responses = summariseProfile(profileOf({ 4: 60, 7: 20, 8: 10 }), ROOT, 5);
    expect(responses.top[0]!.functionName).toBe('writev');
    expect(responses.ioNote).toMatch(
      /^Note: writev \(native\) leads with \d+\.\d %: it is a write system call, not JavaScript — here Node sending the HTTP responses to their sockets \(75 % of it;/,
    );
    expect(formatSummary(responses, ROOT).trimEnd().endsWith(responses.ioNote!)).toBe(true);
    const stdout = summariseProfile(profileOf({ 4: 10, 7: 50, 8: 30 }), ROOT, 5);
    expect(stdout.ioNote).toMatch(/here mostly a stream other than the HTTP responses \(83 % of it: stdout/);
  });

  it('names the package of scoped and unscoped pnpm paths, plain node_modules, node: and unknown files', () => {
    expect(packageOf(pnpm('@hono/node-server', 'dist/index.mjs'), 'f', ROOT)).toEqual({ name: '@hono/node-server', kind: 'npm' });
    expect(packageOf(`file://${ROOT}/node_modules/tsx/dist/loader.mjs`, 'f', ROOT)).toEqual({ name: 'tsx', kind: 'npm' });
    expect(packageOf('node:internal/streams/readable', 'read', ROOT)).toEqual({ name: 'node:', kind: 'node' });
    expect(packageOf(`file://${ROOT}/solutions/01-slim-builder/src/app.ts`, 'f', ROOT)).toEqual({ name: 'solutions/01-slim-builder', kind: 'app' });
    expect(packageOf('file:///elsewhere/x.js', 'f', ROOT)).toEqual({ name: '(other)', kind: 'app' });
  });
});

describe('a busy machine', () => {
  it("warns with the harness's busy test, the one pnpm lab bench records, and says nothing when it is quiet", () => {
    const warning = busyWarning(busyVerdict(3, 2, null));
    expect(warning).toMatch(/^Warning: the machine was busy — 1-minute load average 3\.00 is above half the 2 cores/);
    expect(warning).toContain("do not compare this run with the README's figures");
    expect(busyWarning(busyVerdict(0.2, 2, 0))).toBeUndefined();
  });
});

describe('the flame graph', () => {
  it("writes speedscope's loader script and a redirect page next to the profile, offline", () => {
    const profilePath = join(scratch, 'hand made.cpuprofile');
    writeFileSync(profilePath, JSON.stringify(handMadeProfile()));
    const graph = writeFlameGraph(profilePath);
    expect(graph.scriptPath).toBe(join(scratch, 'hand made.speedscope.js'));
    const script = readFileSync(graph.scriptPath, 'utf8');
    const match = /^speedscope\.loadFileFromBase64\("hand made\.cpuprofile", "([A-Za-z0-9+/=]+)"\);\n$/.exec(script);
    expect(match, script.slice(0, 120)).not.toBeNull();
    expect(Buffer.from(match![1]!, 'base64').toString('utf8')).toBe(readFileSync(profilePath, 'utf8'));
    expect(existsSync(speedscopeIndex())).toBe(true);
    const url = new URL(graph.url);
    expect(url.protocol).toBe('file:');
    expect(fileURLToPath(url)).toBe(speedscopeIndex());
    expect(new URLSearchParams(url.hash.slice(1)).get('localProfilePath')).toBe(graph.scriptPath);
    expect(readFileSync(graph.htmlPath, 'utf8')).toContain(JSON.stringify(graph.url));
    expect(readFileSync(speedscopeIndex(), 'utf8')).not.toMatch(/<script[^>]+src="https?:/);
  });
});

describe('locations', () => {
  it('shortens repo files to relative paths and node_modules files to <package>/<file>', () => {
    expect(shortLocation(`file://${repoRoot}/shared/api/src/body.ts`, 12, repoRoot)).toBe('shared/api/src/body.ts:12');
    expect(shortLocation(`file://${repoRoot}/node_modules/.pnpm/hono@4.13.19/node_modules/hono/dist/hono-base.js`, 3, repoRoot)).toBe(
      'hono/dist/hono-base.js:3',
    );
    expect(shortLocation('node:internal/streams/readable', 5, repoRoot)).toBe('node:internal/streams/readable:5');
    expect(shortLocation('', 0, repoRoot)).toBe('(native)');
  });

  it('finds the definition line of functions in tsx-compiled (one-line) TypeScript files', () => {
    const paths = `file://${repoRoot}/shared/workshop/src/paths.ts`;
    const expected =
      readFileSync(join(repoRoot, 'shared/workshop/src/paths.ts'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('function describeLabDir(')) + 1;
    expect(expected).toBeGreaterThan(1);
    expect(sourceLine(paths, 'describeLabDir', 0)).toBe(expected);
    expect(sourceLine(paths, '', 0)).toBe(1);
    expect(sourceLine('node:internal/streams/readable', 'read', 41)).toBe(42);
  });
});

describe('profileServer (2 s of real load)', () => {
  it('profiles solutions/01-slim-builder under POST /ingest/v1: packages, functions and a flame graph', async () => {
    const progress: string[] = [];
    const result = await profileServer({
      root: repoRoot,
      packageDir: solutionDir('01-slim-builder'),
      outDir: join(scratch, 'real'),
      seconds: 2,
      name: 'run',
      onProgress: (l) => progress.push(l),
    });
    expect(result.profilePath).toBe(join(scratch, 'real', 'run.cpuprofile'));
    expect(existsSync(result.profilePath)).toBe(true);
    expect(existsSync(result.flameGraph.scriptPath)).toBe(true);
    expect(result.windowed, 'the load window should select samples (same monotonic clock as V8)').toBe(true);
    expect(result.packages.map((p) => p.name)).toContain('hono');
    expect(result.top.length).toBeGreaterThan(0);
    expect(result.top.length).toBeLessThanOrEqual(15);
    for (const e of result.top) expect(['(idle)', '(program)', '(garbage collector)']).not.toContain(e.functionName);
    for (let i = 1; i < result.top.length; i++) expect(result.top[i - 1]!.selfMs).toBeGreaterThanOrEqual(result.top[i]!.selfMs);
    expect(result.packages.reduce((a, p) => a + p.selfPercent, 0)).toBeCloseTo(100, 6);
    expect(progress.some((l) => l.includes('requests'))).toBe(true);
    const text = formatProfile(result, repoRoot);
    expect(text).toContain('Self time by package');
    expect(text).toContain(result.flameGraph.url);
    expect(text).toContain('DevTools');
    expect(Array.isArray(result.busyReasons)).toBe(true);
    expect(text.startsWith('Warning: the machine was busy'), 'the warning iff the run saw a busy machine').toBe(result.busyReasons.length > 0);
    expect(formatProfile({ ...result, busyReasons: ['planted reason'] }, repoRoot)).toMatch(/^Warning: the machine was busy — planted reason\. /);
  }, 60_000);
});

describe('pnpm lab profile', () => {
  const bin = fileURLToPath(new URL('../bin/hotpath-lab.js', import.meta.url));
  const root = join(scratch, 'kit');
  cpSync(fileURLToPath(new URL('./fixtures/kit', import.meta.url)), root, { recursive: true });
  const lab = (...args: string[]) =>
    spawnSync(process.execPath, [bin, 'profile', ...args], { env: { ...process.env, HOTPATH_ROOT: root, NO_COLOR: '1' }, encoding: 'utf8', timeout: 60_000 });

  it.each([
    [[], /pnpm lab profile needs a lab number/],
    [['00', '--scenario', 'ingets'], /Unknown scenario "ingets" for pnpm lab profile: choose one of ingest, ingest-64k, todos, health/],
    [['00', '--seconds', '0'], /--seconds needs a whole number of seconds from 1 to 120; got "0"/],
    [['00', '--seconds', 'ten'], /--seconds needs a whole number/],
    [['00', '--seconds'], /--seconds needs a value/],
    [['00', '--quick'], /Unknown option --quick for pnpm lab profile \(it takes --reference --scenario --seconds\)/],
    [['01', '--reference'], /planned, not written yet/],
  ])('%j: one line on stderr, exit 2, nothing started', (args, message) => {
    const run = lab(...args);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(existsSync(join(root, '.hotpath/profiles'))).toBe(false);
  });

  it('profiles a lab end to end: the report, the profile in .hotpath/profiles/<slug>/ and the flame graph URL', () => {
    const run = lab('00', '--reference', '--scenario', 'health', '--seconds', '1');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Lab 00, reference: GET /health, 1 s of load');
    expect(run.stdout).toContain('Self time by package');
    const profile = /^Profile: +(\S+-reference-health\.cpuprofile)$/m.exec(run.stdout);
    expect(profile, run.stdout).not.toBeNull();
    expect(profile![1]!.startsWith('.hotpath/profiles/00-demo/')).toBe(true);
    expect(existsSync(join(root, profile![1]!))).toBe(true);
    expect(run.stdout).toMatch(/^Flame graph: file:\/\/\S+index\.html#localProfilePath=/m);
  }, 60_000);
});
