/**
 * `pnpm startup [--runs N] [--build] [--json PATH]`, in labs/05-single-binary (your build) or in this package (the
 * reference; see package-dir.ts): how fast each way of shipping the server starts, and how much memory it
 * has taken by then. Time to the first 200 on GET /health (polled every ms from spawn), peak RSS (VmHWM),
 * file size; one discarded start per subject, then N (default 15, at least 10) interleaved starts — the
 * order rotates each run; median, min and max. The executables are dropped from the page cache first (see
 * dropFromPageCache: a just-written binary otherwise shows ~12 MiB more RSS).
 *
 * Subjects, each recorded with the runtime it ran on (every node row runs on the node running this script):
 * a raw node:http server (the reference: the manifest's "TTFR ≤ 1.75× raw node:http"), `pnpm start` of lab 00 and of lab 04
 * (tsx on the TypeScript sources), `node src/server.ts` (Node's own type stripping, Node ≥ 22.18), `node
 * dist/server.cjs`, the same with Node's compile cache (NODE_COMPILE_CACHE, Node ≥ 22.1; warm: the discarded
 * start fills a fresh cache folder), the three SEA binaries; and on Bun (found by runtime-peers.ts): `bun
 * dist/server.cjs` (the same esbuild bundle), `bun src/server.ts` (Bun on the TypeScript directly), and
 * `bun build --compile` of the bundle (plain and --bytecode). A row this node or machine cannot run is left
 * out with the reason and how to get the runtime (`unavailable` in the JSON) — never a failure; so is a
 * subject whose discarded start fails (its first error line is kept).
 *
 * Builds dist/ first when it is missing, was built by another node (or with --build). Writes startup.json on
 * Node 20, startup.node<major>.json on another node (the reference's results/, or .hotpath/results/ for a lab
 * run), or --json PATH, and prints a table (memory and file sizes in MiB and KiB: 1024-based, as the
 * harness's table and the site print them).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TARGET_VS_RAW_NODE_HTTP } from '@hotpath/workshop/manifest';
import { buildAll, formatBuild, type BuildReport } from '@hotpath/kit/sea-build';
import { dropFromPageCache, measureStart, spread, type Spread, type StartCommand } from './measure.ts';
import { measuredPackage, ROOT } from './package-dir.ts';
import { findBun, GET_NODE_26, nodeHasCompileCache, nodeStripsTypes, thisNode, type RuntimeLabel } from './runtime-peers.ts';

const MEASURED = measuredPackage();
const PKG = MEASURED.dir;
/** This script's own package (the reference): raw-hello.cjs lives beside this file. */
const SCRIPTS = fileURLToPath(new URL('.', import.meta.url));
const DIST = join(PKG, 'dist');
/** startup.json for the Node 20 run of record, startup.node<major>.json for another node (the site reads both). */
const RESULTS = MEASURED.resultPath(process.versions.node.startsWith('20.') ? 'startup.json' : `startup.node${process.versions.node.split('.')[0]}.json`);
const KIT_SERVE = join(ROOT, 'shared', 'kit', 'bin', 'hotpath-serve.js');
const DEFAULT_RUNS = 15;
const MIN_RUNS = 10;
/** The lab's target (the manifest): a SEA's time to first response within this factor of raw node:http. */
const TARGET_VS_RAW = TARGET_VS_RAW_NODE_HTTP;
/** Width of the progress line on a terminal. */
const PROGRESS_WIDTH = 80;

const SEA_LABELS: Record<string, string> = { 'server-sea': 'SEA plain', 'server-sea-codecache': 'SEA code cache', 'server-sea-snapshot': 'SEA snapshot' };

interface Subject extends StartCommand {
  key: string;
  label: string;
  runtime: RuntimeLabel;
  /** What is shipped, for the size column (undefined: sources plus node_modules). */
  file?: string;
}

/** A row left out: why, and how to get what it needs. */
interface Unavailable {
  label: string;
  reason: string;
}

function args(): { runs: number; build: boolean; json: string } {
  const at = process.argv.indexOf('--runs');
  const runs = at === -1 ? DEFAULT_RUNS : Number(process.argv[at + 1]);
  if (!Number.isInteger(runs) || runs < MIN_RUNS) throw new Error(`--runs must be an integer of at least ${MIN_RUNS}`);
  const json = process.argv.indexOf('--json');
  if (json !== -1 && !process.argv[json + 1]) throw new Error('--json needs a path (e.g. results/startup-node26.json)');
  return { runs, build: process.argv.includes('--build'), json: json === -1 ? RESULTS : resolve(process.argv[json + 1]!) };
}

/** `bun build --compile` of the bundle; answers the binary and how long it took, or undefined on failure. */
function bunCompile(bun: string, bytecode: boolean): { file: string; ms: number; version: string } | undefined {
  const file = join(DIST, bytecode ? 'server-bun-bytecode' : 'server-bun');
  const t0 = performance.now();
  const run = spawnSync(bun, ['build', '--compile', ...(bytecode ? ['--bytecode'] : []), join(DIST, 'server.cjs'), '--outfile', file], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(`bun build --compile${bytecode ? ' --bytecode' : ''} failed, left out:\n${run.stderr}`);
    return undefined;
  }
  return { file, ms: performance.now() - t0, version: spawnSync(bun, ['--version'], { encoding: 'utf8' }).stdout.trim() };
}

/** Every row this run can measure, and the ones it cannot (with the reason and how to get the runtime). */
async function subjects(
  build: BuildReport,
  bun: RuntimeLabel | { missing: string },
  compiled: ReturnType<typeof bunCompile>[],
  compileCache: string,
): Promise<{ list: Subject[]; unavailable: Unavailable[] }> {
  const node = process.execPath;
  const runtime = thisNode();
  const unavailable: Unavailable[] = [];
  const list: Subject[] = [
    {
      key: 'raw-node-http',
      label: 'raw node:http (reference)',
      runtime,
      command: node,
      args: [join(SCRIPTS, 'raw-hello.cjs')],
      cwd: PKG,
      file: join(SCRIPTS, 'raw-hello.cjs'),
    },
    // HOTPATH_TYPESCRIPT=tsx: the kit's launcher would run lab 04 by type stripping where the node has it; these rows are tsx's.
    {
      key: 'tsx-lab00',
      label: 'tsx: pnpm start, lab 00 (baseline)',
      runtime,
      command: node,
      args: [KIT_SERVE],
      cwd: join(ROOT, 'solutions', '00-baseline'),
      env: { HOTPATH_TYPESCRIPT: 'tsx' },
    },
    {
      key: 'tsx-lab04',
      label: 'tsx: pnpm start, lab 04 (this app)',
      runtime,
      command: node,
      args: [KIT_SERVE],
      cwd: join(ROOT, 'solutions', '04-pooling'),
      env: { HOTPATH_TYPESCRIPT: 'tsx' },
    },
  ];
  const stripLabel = 'node src/server.ts (type stripping)';
  if (nodeStripsTypes()) list.push({ key: 'node-strip-types', label: stripLabel, runtime, command: node, args: [join(PKG, 'src', 'server.ts')], cwd: PKG });
  else unavailable.push({ label: stripLabel, reason: `${runtime.label} does not strip TypeScript types (Node ≥ 22.18 does): ${GET_NODE_26}` });
  list.push({
    key: 'node-bundle',
    label: 'node dist/server.cjs',
    runtime,
    command: node,
    args: [join(DIST, 'server.cjs')],
    cwd: DIST,
    file: join(DIST, 'server.cjs'),
  });
  const cacheLabel = 'node dist/server.cjs, compile cache (warm)';
  if (await nodeHasCompileCache()) {
    list.push({
      key: 'node-bundle-compile-cache',
      label: cacheLabel,
      runtime,
      command: node,
      args: [join(DIST, 'server.cjs')],
      cwd: DIST,
      env: { NODE_COMPILE_CACHE: compileCache },
      file: join(DIST, 'server.cjs'),
    });
  } else unavailable.push({ label: cacheLabel, reason: `${runtime.label} has no compile cache (NODE_COMPILE_CACHE, Node ≥ 22.1): ${GET_NODE_26}` });
  for (const binary of build.binaries) {
    const label = SEA_LABELS[binary.name] ?? binary.name;
    if ('error' in binary) unavailable.push({ label, reason: `${binary.name} was not built: ${binary.error.split('\n')[0]}` });
    else list.push({ key: binary.name, label, runtime, command: binary.path, args: [], cwd: DIST, file: binary.path });
  }
  if ('missing' in bun) {
    for (const label of ['bun dist/server.cjs', 'bun src/server.ts', 'bun build --compile (peer)']) unavailable.push({ label, reason: bun.missing });
    return { list, unavailable };
  }
  list.push(
    {
      key: 'bun-bundle',
      label: 'bun dist/server.cjs (the same bundle)',
      runtime: bun,
      command: bun.path,
      args: [join(DIST, 'server.cjs')],
      cwd: DIST,
      file: join(DIST, 'server.cjs'),
    },
    { key: 'bun-ts', label: 'bun src/server.ts (TypeScript directly)', runtime: bun, command: bun.path, args: [join(PKG, 'src', 'server.ts')], cwd: PKG },
  );
  for (const compiledBinary of compiled) {
    if (!compiledBinary) continue;
    const bytecode = compiledBinary.file.endsWith('bytecode');
    list.push({
      key: bytecode ? 'bun-compile-bytecode' : 'bun-compile',
      label: `bun ${compiledBinary.version} --compile${bytecode ? ' --bytecode' : ''} (peer)`,
      runtime: bun,
      command: compiledBinary.file,
      args: [],
      cwd: DIST,
      file: compiledBinary.file,
    });
  }
  return { list, unavailable };
}

interface SubjectResult {
  label: string;
  /** What it ran on, e.g. "Node 26.12.1", "Bun 1.4.5". */
  runtime: string;
  command: string;
  fileBytes: number | null;
  firstOkMs: Spread;
  peakRssBytes: Spread | null;
  anonRssBytes: Spread | null;
  vsRaw: number;
  samplesMs: number[];
  peakRssSamples: number[];
}

async function main(): Promise<void> {
  const options = args();
  let build: BuildReport | undefined = existsSync(join(DIST, 'build.json'))
    ? (JSON.parse(readFileSync(join(DIST, 'build.json'), 'utf8')) as BuildReport)
    : undefined;
  // A SEA runs on the node it was made from: a dist/ another node built is built again.
  if (options.build || !build || build.node !== process.version) {
    console.log(
      build && build.node !== process.version
        ? `dist/ was built with Node ${build.node}: building it again with ${process.version} …`
        : 'Building dist/ first …',
    );
    build = await buildAll(DIST, join(PKG, 'src'));
    console.log(formatBuild(build));
  }

  const bun = findBun();
  if ('missing' in bun) console.log(`${bun.missing}: the Bun rows are left out.`);
  const compiled = 'missing' in bun ? [] : [bunCompile(bun.path, false), bunCompile(bun.path, true)];
  // A fresh compile cache for this run: the discarded start fills it, the measured ones read it (warm).
  const compileCache = mkdtempSync(join(tmpdir(), 'hotpath-compile-cache-'));
  const { list: candidates, unavailable } = await subjects(build, bun, compiled, compileCache);
  const executables = [...new Set(candidates.map((s) => s.command))];
  const pageCacheDropped = dropFromPageCache(executables);
  if (!pageCacheDropped) console.log('Could not drop the executables from the page cache (sync/dd): a freshly built binary may show more RSS.');
  const loadAtStart = loadavg()[0]!;
  console.log(
    `Measuring ${candidates.length} subjects on ${thisNode().label}${'missing' in bun ? '' : ` and ${bun.label}`}, ${options.runs} starts each after one discarded (load average now ${loadAtStart.toFixed(2)}) …`,
  );
  const times = new Map(candidates.map((s) => [s.key, [] as number[]]));
  const rss = new Map(candidates.map((s) => [s.key, [] as number[]]));
  const anon = new Map(candidates.map((s) => [s.key, [] as number[]]));
  let list = candidates;

  for (let run = 0; run <= options.runs; run++) {
    const order = list.map((_, i) => list[(i + run) % list.length]!);
    for (const subject of order) {
      const step = `${run === 0 ? 'discarded run' : `run ${run}/${options.runs}`}: ${subject.label}`;
      if (process.stdout.isTTY) process.stdout.write(`\r${step.padEnd(PROGRESS_WIDTH)}`);
      if (run === 0) {
        // The discarded start also tells whether a subject runs at all here: one that fails is left out.
        await measureStart(subject).catch((error: unknown) => {
          const lines = (error instanceof Error ? error.message : String(error))
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean);
          const at = Math.max(
            0,
            lines.findIndex((line) => /Error|error:/.test(line)),
          );
          unavailable.push({ label: subject.label, reason: `did not start on ${subject.runtime.label}: ${lines.slice(at, at + 2).join(' ')}` });
          list = list.filter((s) => s !== subject);
        });
        continue;
      }
      const sample = await measureStart(subject);
      times.get(subject.key)!.push(sample.firstOkMs);
      if (sample.peakRssBytes !== null) rss.get(subject.key)!.push(sample.peakRssBytes);
      if (sample.anonRssBytes !== null) anon.get(subject.key)!.push(sample.anonRssBytes);
    }
  }
  rmSync(compileCache, { recursive: true, force: true });
  if (process.stdout.isTTY) process.stdout.write(`\r${''.padEnd(PROGRESS_WIDTH)}\r`);

  const raw = spread(times.get('raw-node-http')!).median;
  const results: Record<string, SubjectResult> = {};
  for (const s of list) {
    const samples = times.get(s.key)!;
    const peaks = rss.get(s.key)!;
    const anons = anon.get(s.key)!;
    const firstOkMs = spread(samples);
    results[s.key] = {
      label: s.label,
      runtime: s.runtime.label,
      command: `${[s.command, ...s.args].map(shown).join(' ')} (in ${shown(s.cwd)})`,
      fileBytes: s.file ? statSync(s.file).size : null,
      firstOkMs: roundSpread(firstOkMs),
      peakRssBytes: peaks.length ? spread(peaks) : null,
      anonRssBytes: anons.length ? spread(anons) : null,
      vsRaw: round(firstOkMs.median / raw),
      samplesMs: samples.map((v) => round(v)),
      peakRssSamples: peaks,
    };
  }

  const result = {
    kind: 'hotpath-lab05-startup',
    date: new Date().toISOString(),
    runtime: { kind: 'node', version: process.versions.node, v8: process.versions.v8 },
    runtimes: { node: thisNode().label, ...('missing' in bun ? {} : { bun: bun.label }) },
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '',
      kernel: release(),
      platform: process.platform,
      loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] },
    },
    config: {
      runs: options.runs,
      discarded: 1,
      pollMs: 1,
      interleaved: true,
      pinned: false,
      nodeExtraCaCerts: 'unset for the servers',
      compileCache: 'a fresh NODE_COMPILE_CACHE folder per run, filled by the discarded start',
      pageCacheDropped,
    },
    build: {
      ms: round(build.ms, 0),
      bundleBytes: build.bundles.server.bytes,
      snapshotBundleBytes: build.bundles.snapshot.bytes,
      bunCompileMs: Object.fromEntries(compiled.flatMap((c) => (c ? [[relative(DIST, c.file), round(c.ms, 0)]] : []))),
    },
    targetVsRaw: TARGET_VS_RAW,
    results,
    unavailable,
  };
  mkdirSync(dirname(options.json), { recursive: true });
  writeFileSync(options.json, JSON.stringify(result, null, 2) + '\n');
  console.log(formatTable(results));
  for (const row of unavailable) console.log(`left out: ${row.label} — ${row.reason}`);
  console.log(`\n${options.runs} starts each after one discarded; NODE_EXTRA_CA_CERTS unset; written to ${relative(process.cwd(), options.json)}`);
}

/** A path as the results show it: `node` for this Node, repo-relative inside the repo, else absolute. */
function shown(path: string): string {
  if (path === process.execPath) return 'node';
  return path.startsWith(ROOT) ? relative(ROOT, path) || '.' : path;
}

const round = (value: number, decimals = 2) => Math.round(value * 10 ** decimals) / 10 ** decimals;
const roundSpread = (s: Spread): Spread => ({ median: round(s.median), min: round(s.min), max: round(s.max) });

function formatTable(results: Record<string, SubjectResult>): string {
  const ms = (v: number) => v.toFixed(1);
  const mib = (v: number) => (v / 1024 / 1024).toFixed(1);
  const rows = [['subject', 'runtime', 'first 200, ms: median (min–max)', '× raw', 'peak RSS MiB: median (min–max)', 'anon MiB', 'file']];
  for (const r of Object.values(results)) {
    const t = r.firstOkMs;
    const m = r.peakRssBytes;
    rows.push([
      r.label,
      r.runtime,
      `${ms(t.median)} (${ms(t.min)}–${ms(t.max)})`,
      `${r.vsRaw.toFixed(2)}${r.label.startsWith('SEA') ? (r.vsRaw <= TARGET_VS_RAW ? ' ✓' : ' ✗') : ''}`,
      m ? `${mib(m.median)} (${mib(m.min)}–${mib(m.max)})` : '–',
      r.anonRssBytes ? mib(r.anonRssBytes.median) : '–',
      r.fileBytes === null ? 'sources + node_modules' : r.fileBytes >= 1024 * 1024 ? `${mib(r.fileBytes)} MiB` : `${(r.fileBytes / 1024).toFixed(1)} KiB`,
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
