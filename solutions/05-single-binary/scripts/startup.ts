/**
 * `pnpm startup [--runs N] [--build]`, in labs/05-single-binary (your build) or in this package (the
 * reference; see package-dir.ts): how fast each way of shipping the server starts, and how much memory it
 * has taken by then. Time to the first 200 on GET /health (polled every ms from spawn), peak RSS (VmHWM),
 * file size; one discarded start per subject, then N (default 15, at least 10) interleaved starts — the
 * order rotates each run; median, min and max. The executables are dropped from the page cache first (see
 * dropFromPageCache: a just-written binary otherwise shows ~12 MB more RSS).
 *
 * Subjects: a raw node:http server (the reference: "TTFR ≤ 1.5× raw node:http"), `pnpm start` of lab 00
 * and of lab 04 (tsx on the TypeScript sources), `node dist/server.cjs`, the three SEA binaries, and as
 * peers `bun build --compile` of the same bundle (plain and --bytecode) when a bun is found (HOTPATH_BUN,
 * an installed `bun` package, or PATH — optional: without one those rows are left out).
 *
 * Builds dist/ first when it is missing (or with --build). Writes startup.json (the reference's results/, or
 * .hotpath/results/ for a lab run) and prints a table (MB and kB are decimal: 10^6 and 10^3 bytes, as the
 * kit's anchors quote them).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, release } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll, formatBuild, type BuildReport } from '@hotpath/kit/sea-build';
import { dropFromPageCache, measureStart, spread, type Spread, type StartCommand } from './measure.ts';
import { measuredPackage, ROOT } from './package-dir.ts';

const MEASURED = measuredPackage();
const PKG = MEASURED.dir;
/** This script's own package (the reference): raw-hello.cjs lives beside this file. */
const SCRIPTS = fileURLToPath(new URL('.', import.meta.url));
const DIST = join(PKG, 'dist');
const RESULTS = MEASURED.resultPath('startup.json');
const KIT_SERVE = join(ROOT, 'shared', 'kit', 'bin', 'hotpath-serve.js');
const DEFAULT_RUNS = 15;
const MIN_RUNS = 10;
/** The target the lab quotes: a SEA's time to first response within this factor of raw node:http. */
const TARGET_VS_RAW = 1.5;
/** Width of the progress line on a terminal. */
const PROGRESS_WIDTH = 80;

const SEA_LABELS: Record<string, string> = { 'server-sea': 'SEA plain', 'server-sea-codecache': 'SEA code cache', 'server-sea-snapshot': 'SEA snapshot' };

interface Subject extends StartCommand {
  key: string;
  label: string;
  /** What is shipped, for the size column (undefined: sources plus node_modules). */
  file?: string;
}

function args(): { runs: number; build: boolean } {
  const at = process.argv.indexOf('--runs');
  const runs = at === -1 ? DEFAULT_RUNS : Number(process.argv[at + 1]);
  if (!Number.isInteger(runs) || runs < MIN_RUNS) throw new Error(`--runs must be an integer of at least ${MIN_RUNS}`);
  return { runs, build: process.argv.includes('--build') };
}

/**
 * A bun that runs: HOTPATH_BUN, an installed `bun` package (its bin, or — when pnpm skipped its postinstall —
 * the platform package's binary beside it), or `bun` on PATH. Undefined when there is none: bun is an
 * optional peer, never a dependency (it is ~100 MB, and pnpm blocks its postinstall).
 */
function findBun(): string | undefined {
  const candidates: string[] = [];
  if (process.env.HOTPATH_BUN) candidates.push(process.env.HOTPATH_BUN);
  try {
    const pkg = createRequire(import.meta.url).resolve('bun/package.json');
    candidates.push(join(pkg, '..', 'bin', 'bun.exe'));
    const platform = createRequire(pkg).resolve(`@oven/bun-${process.platform}-${process.arch === 'arm64' ? 'aarch64' : process.arch}/package.json`);
    candidates.push(join(platform, '..', 'bin', 'bun'));
  } catch {
    // not installed
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir) candidates.push(join(dir, 'bun'));
  return candidates.find((bun) => existsSync(bun) && spawnSync(bun, ['--version'], { encoding: 'utf8' }).status === 0);
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

function subjects(build: BuildReport, bun: ReturnType<typeof bunCompile>[]): Subject[] {
  const node = process.execPath;
  const list: Subject[] = [
    { key: 'raw-node-http', label: 'raw node:http (reference)', command: node, args: [join(SCRIPTS, 'raw-hello.cjs')], cwd: PKG, file: join(SCRIPTS, 'raw-hello.cjs') },
    { key: 'tsx-lab00', label: 'tsx: pnpm start, lab 00 (baseline)', command: node, args: [KIT_SERVE], cwd: join(ROOT, 'solutions', '00-baseline') },
    { key: 'tsx-lab04', label: 'tsx: pnpm start, lab 04 (this app)', command: node, args: [KIT_SERVE], cwd: join(ROOT, 'solutions', '04-pooling') },
    { key: 'node-bundle', label: 'node dist/server.cjs', command: node, args: [join(DIST, 'server.cjs')], cwd: DIST, file: join(DIST, 'server.cjs') },
  ];
  for (const binary of build.binaries) {
    if ('error' in binary) console.error(`${binary.name} was not built, left out: ${binary.error.split('\n')[0]}`);
    else list.push({ key: binary.name, label: SEA_LABELS[binary.name] ?? binary.name, command: binary.path, args: [], cwd: DIST, file: binary.path });
  }
  for (const compiled of bun) {
    if (!compiled) continue;
    const bytecode = compiled.file.endsWith('bytecode');
    list.push({ key: bytecode ? 'bun-compile-bytecode' : 'bun-compile', label: `bun ${compiled.version} --compile${bytecode ? ' --bytecode' : ''} (peer)`, command: compiled.file, args: [], cwd: DIST, file: compiled.file });
  }
  return list;
}

interface SubjectResult {
  label: string;
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
  let build: BuildReport;
  if (options.build || !existsSync(join(DIST, 'build.json'))) {
    console.log('Building dist/ first …');
    build = await buildAll(DIST, join(PKG, 'src'));
    console.log(formatBuild(build));
  } else build = JSON.parse(readFileSync(join(DIST, 'build.json'), 'utf8')) as BuildReport;

  const bun = findBun();
  if (!bun) console.log('No bun found (HOTPATH_BUN, the optional bun peer, PATH): the bun peer rows are left out.');
  const compiled = bun ? [bunCompile(bun, false), bunCompile(bun, true)] : [];
  const list = subjects(build, compiled);
  const executables = [...new Set(list.map((s) => s.command))];
  const pageCacheDropped = dropFromPageCache(executables);
  if (!pageCacheDropped) console.log('Could not drop the executables from the page cache (sync/dd): a freshly built binary may show more RSS.');
  const loadAtStart = loadavg()[0]!;
  console.log(`Measuring ${list.length} subjects, ${options.runs} starts each after one discarded (load average now ${loadAtStart.toFixed(2)}) …`);
  const times = new Map(list.map((s) => [s.key, [] as number[]]));
  const rss = new Map(list.map((s) => [s.key, [] as number[]]));
  const anon = new Map(list.map((s) => [s.key, [] as number[]]));

  for (let run = 0; run <= options.runs; run++) {
    const order = list.map((_, i) => list[(i + run) % list.length]!);
    for (const subject of order) {
      const step = `${run === 0 ? 'discarded run' : `run ${run}/${options.runs}`}: ${subject.label}`;
      if (process.stdout.isTTY) process.stdout.write(`\r${step.padEnd(PROGRESS_WIDTH)}`);
      const sample = await measureStart(subject);
      if (run === 0) continue;
      times.get(subject.key)!.push(sample.firstOkMs);
      if (sample.peakRssBytes !== null) rss.get(subject.key)!.push(sample.peakRssBytes);
      if (sample.anonRssBytes !== null) anon.get(subject.key)!.push(sample.anonRssBytes);
    }
  }
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
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', kernel: release(), platform: process.platform, loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] } },
    config: { runs: options.runs, discarded: 1, pollMs: 1, interleaved: true, pinned: false, nodeExtraCaCerts: 'unset for the servers', pageCacheDropped },
    build: {
      ms: round(build.ms, 0),
      bundleBytes: build.bundles.server.bytes,
      snapshotBundleBytes: build.bundles.snapshot.bytes,
      bunCompileMs: Object.fromEntries(compiled.flatMap((c) => (c ? [[relative(DIST, c.file), round(c.ms, 0)]] : []))),
    },
    targetVsRaw: TARGET_VS_RAW,
    results,
  };
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, JSON.stringify(result, null, 2) + '\n');
  console.log(formatTable(results));
  console.log(`\n${options.runs} starts each after one discarded; NODE_EXTRA_CA_CERTS unset; written to ${relative(process.cwd(), RESULTS)}`);
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
  const mb = (v: number) => (v / 1e6).toFixed(1);
  const rows = [['subject', 'first 200, ms: median (min–max)', '× raw', 'peak RSS MB: median (min–max)', 'anon MB', 'file']];
  for (const r of Object.values(results)) {
    const t = r.firstOkMs;
    const m = r.peakRssBytes;
    rows.push([
      r.label,
      `${ms(t.median)} (${ms(t.min)}–${ms(t.max)})`,
      `${r.vsRaw.toFixed(2)}${r.label.startsWith('SEA') ? (r.vsRaw <= TARGET_VS_RAW ? ' ✓' : ' ✗') : ''}`,
      m ? `${mb(m.median)} (${mb(m.min)}–${mb(m.max)})` : '–',
      r.anonRssBytes ? mb(r.anonRssBytes.median) : '–',
      r.fileBytes === null ? 'sources + node_modules' : r.fileBytes >= 1e6 ? `${mb(r.fileBytes)} MB` : `${(r.fileBytes / 1e3).toFixed(1)} kB`,
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
