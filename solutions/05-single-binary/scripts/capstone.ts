/**
 * `pnpm capstone [--quick] [--target-rps N] [--price-per-month USD] [--headroom F] [--json PATH] [--build]`,
 * in labs/05-single-binary (your build) or in this package (the reference; see package-dir.ts): the
 * workshop's before and after in one run — lab 00 as learners first run it (`pnpm start`: the kit's
 * launcher on the TypeScript sources through tsx, in solutions/00-baseline) against the final single
 * executable (dist/server-sea-codecache: lab 04's app bundled, with V8's code cache).
 *
 * Load (the harness's method, shared/harness/README.md "Load"): GET /todos and POST /ingest/v1 with the
 * 1 KiB fixture body; per round a fresh server pinned to the first allowed CPU, the harness's autocannon
 * worker pinned to the second, 50 connections, a discarded warm-up, then the measured round; subjects
 * interleaved (A B, B A, …); medians over rounds. RPS, p50 and p99 from every response's own timing; heap
 * bytes allocated per request (GC-accounted) and GCs per 10k requests from the harness's in-server probe;
 * RSS (VmRSS) of the server right after each round. Lab 00 gets the probe as the harness gives it
 * (`node --import probe-preload.mjs`). A Node 20 single executable ignores `--import` in NODE_OPTIONS but
 * runs `--require` (and keeps its IPC channel), and tsx's loader hooks fail inside it, so the binary gets the
 * probe's own source bundled into one CommonJS file with NODE_OPTIONS="--require …" — both checked at the
 * start of every run. Only if neither works are its heap and GC figures taken from
 * `node --import probe-preload.mjs dist/server.cjs` (the bundle the binary embeds), measured as a third
 * contestant in the same rotation. `heapMeasuredOn` in the JSON says which.
 * Start-up (scripts/measure.ts): time to the first 200 on GET /health and peak RSS (VmHWM) then, one
 * discarded start and N interleaved ones, not pinned (start-up uses several threads), executables dropped
 * from the page cache first. Artifact: what must be on a machine to run it — for lab 00 its package folder,
 * its runtime dependency closure, the launcher (the kit's folder, tsx with esbuild) and the node binary
 * (scripts/footprint.ts); for the binary its file, which holds Node itself.
 * Runtime peer (scripts/capstone-bun.ts): GET /todos also runs `bun dist/server.cjs` — the final reference on
 * Bun — in the same rotation as lab 00 and the binary on Node; `onBun` in the JSON (skipped, with how to get
 * Bun, when there is none).
 * Cost (scripts/cost.ts): instances for --target-rps at --headroom of the POST RPS of one process, × the
 * price of an instance-month — one Node process per 2-vCPU instance, as measured here (pinned to one core;
 * a real deployment might run two). An estimate from loopback figures, not a bill.
 *
 * Modes: --quick 3 rounds × 3 s (1 s warm-up), 5 starts; default (full) 5 rounds × 10 s (3 s warm-up), 10
 * starts. Prints a table; writes JSON to capstone.json (capstone.node<major>.json on another node than 20) —
 * the reference's results/, or .hotpath/results/ for a lab run — or to --json PATH. Memory and sizes in MiB (1024² bytes).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { choosePinning } from '@hotpath/workshop/cpus';
import { defaultScenarios, finishFingerprint, takeFingerprint } from '@hotpath/harness';
import { turnOrder } from '@hotpath/harness/stats';
import { buildAll, formatBuild } from '@hotpath/kit/sea-build';
import { binaryTakesProbe, bundleProbe, freshServerRound, probePreloadUrl, serverEnv, startWorker, type Launch, type Round } from './capstone-load.ts';
import { BUNDLE_KEY, formatReport, ratios, round2, SUBJECT_LABELS, summarise, type LoadSummary } from './capstone-report.ts';
import { compareCost, DEFAULT_HEADROOM, DEFAULT_PRICE_PER_MONTH_USD, DEFAULT_TARGET_RPS } from './cost.ts';
import { BUN_SCENARIO, bunPeer, formatOnBun, takeBunResult } from './capstone-bun.ts';
import { measureFootprint } from './footprint.ts';
import { measuredPackage, ROOT } from './package-dir.ts';
import { dropFromPageCache, measureStart, spread, type Spread, type StartCommand } from './measure.ts';

const MEASURED = measuredPackage();
const PKG = MEASURED.dir;
const DIST = join(PKG, 'dist');
const BINARY = join(DIST, 'server-sea-codecache');
const BUNDLE = join(DIST, 'server.cjs');
/** The probe bundled for `--require` (written at every run; dist/ is not committed). */
const LAB00 = join(ROOT, 'solutions', '00-baseline');
const KIT_SERVE = join(ROOT, 'shared', 'kit', 'bin', 'hotpath-serve.js');
/** The config tsx must apply to lab 00's baseline (its legacy decorators), as the kit's typescript-loader.js sets it. */
const TSCONFIG_BASELINE = join(ROOT, 'shared', 'baseline', 'tsconfig.json');
/** capstone.json for the Node 20 run of record, capstone.node<major>.json for another node (the site reads both). */
const DEFAULT_JSON = MEASURED.resultPath(
  process.versions.node.startsWith('20.') ? 'capstone.json' : `capstone.node${process.versions.node.split('.')[0]}.json`,
);
/** Sources the binary is built from: newer files here than the binary mean dist/ is stale. */
const BINARY_SOURCES = [join(PKG, 'src'), join(ROOT, 'solutions', '04-pooling', 'src'), join(ROOT, 'shared', 'api', 'src')];
/** The measured scenarios (names as the harness's defaultScenarios() gives them); the cost rests on the POST. */
const SCENARIOS = ['GET /todos', 'POST /ingest/v1 1KB'];
const COST_SCENARIO = 'POST /ingest/v1 1KB';
const CONNECTIONS = 50;
const MODES = {
  quick: { rounds: 3, durationSec: 3, warmupSec: 1, starts: 5 },
  full: { rounds: 5, durationSec: 10, warmupSec: 3, starts: 10 },
} as const;

interface Options {
  mode: keyof typeof MODES;
  targetRps: number;
  pricePerMonthUsd: number;
  headroom: number;
  json: string;
  build: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string, fallback: number): number => {
    const at = argv.indexOf(flag);
    if (at === -1) return fallback;
    const n = Number(argv[at + 1]);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a number above 0, got ${argv[at + 1]}`);
    return n;
  };
  const jsonAt = argv.indexOf('--json');
  if (jsonAt !== -1 && !argv[jsonAt + 1]) throw new Error('--json needs a path');
  const headroom = value('--headroom', DEFAULT_HEADROOM);
  if (headroom > 1) throw new Error('--headroom is a share of the measured RPS: at most 1');
  return {
    mode: argv.includes('--quick') ? 'quick' : 'full',
    targetRps: value('--target-rps', DEFAULT_TARGET_RPS),
    pricePerMonthUsd: value('--price-per-month', DEFAULT_PRICE_PER_MONTH_USD),
    headroom,
    json: jsonAt === -1 ? DEFAULT_JSON : resolve(process.env.INIT_CWD ?? process.cwd(), argv[jsonAt + 1]!),
    build: argv.includes('--build'),
  };
}

/** Newest modification time (ms) of the files under `dirs`. */
function newestMtime(dirs: readonly string[]): number {
  let newest = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'generated') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  return newest;
}

const shown = (path: string): string => (path === process.execPath ? 'node' : path.startsWith(ROOT) ? relative(ROOT, path) || '.' : path);
/** Text with this checkout's paths made repo-relative (results must not depend on where the repo is). */
const tidy = (text: string): string => text.replaceAll(`${pathToFileURL(ROOT).href}/`, '').replaceAll(`${ROOT}/`, '');
const commandLine = (c: { command: string; args: string[]; cwd: string }): string =>
  tidy(`${[c.command, ...c.args].map(shown).join(' ')} (in ${shown(c.cwd)})`);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const mode = MODES[options.mode];
  const t0 = performance.now();
  const step = (line: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}`);
  const warnings: string[] = [];

  // The binary holds the node that built it: one another node built is built again, so the runtime named is true.
  const builtBy = existsSync(join(DIST, 'build.json')) ? (JSON.parse(readFileSync(join(DIST, 'build.json'), 'utf8')) as { node?: string }).node : undefined;
  if (options.build || !existsSync(BINARY) || !existsSync(BUNDLE) || builtBy !== process.version) {
    step(builtBy && builtBy !== process.version ? `dist/ was built with Node ${builtBy}: building it again with ${process.version} …` : 'building dist/ …');
    const build = await buildAll(DIST, join(PKG, 'src'));
    console.log(formatBuild(build));
  }
  if (newestMtime(BINARY_SOURCES) > statSync(BINARY).mtimeMs)
    warnings.push(`${shown(BINARY)} is older than the app's sources: run with --build to measure the current code`);

  const pinning = choosePinning(true);
  const fingerprint = await takeFingerprint({ repoRoot: ROOT, pinning });
  if (fingerprint.busy) warnings.push(`machine busy at the start: ${fingerprint.busyReasons.join('; ')}`);

  // The binary's probe: the harness's --import if the binary honours it, else the probe bundled for --require.
  const probeImport = ['--import', probePreloadUrl];
  const checks = [await binaryTakesProbe(BINARY, DIST, probeImport.join(' '))];
  if (!checks[0]!.works) checks.push(await binaryTakesProbe(BINARY, DIST, `--require ${await bundleProbe()}`));
  for (const check of checks) step(`binary with NODE_OPTIONS="${tidy(check.nodeOptions)}": probe ${check.works ? 'works' : 'not usable'} (${check.detail})`);
  const binaryProbe = checks.find((check) => check.works);
  const probeCheck = {
    works: binaryProbe !== undefined,
    nodeOptions: binaryProbe ? tidy(binaryProbe.nodeOptions) : null,
    checks: checks.map((check) => ({ ...check, nodeOptions: tidy(check.nodeOptions), detail: tidy(check.detail) })),
  };

  const contestants: Array<{ key: string; launch: Launch }> = [
    // TSX_TSCONFIG_PATH as the kit's launcher sets it: the probe's tsx registration comes first and must see
    // shared/baseline's config (its legacy decorators), or lab 00 does not compile.
    {
      key: 'lab00',
      launch: {
        command: process.execPath,
        args: [...probeImport, KIT_SERVE],
        cwd: LAB00,
        env: serverEnv({ TSX_TSCONFIG_PATH: TSCONFIG_BASELINE }),
        probe: true,
      },
    },
    {
      key: 'binary',
      launch: { command: BINARY, args: [], cwd: DIST, env: serverEnv(binaryProbe ? { NODE_OPTIONS: binaryProbe.nodeOptions } : {}), probe: probeCheck.works },
    },
  ];
  if (!probeCheck.works)
    contestants.push({ key: BUNDLE_KEY, launch: { command: process.execPath, args: [...probeImport, BUNDLE], cwd: DIST, env: serverEnv(), probe: true } });
  const bun = await bunPeer(BUNDLE, DIST);
  step(bun.contestant ? `runtime peer: ${BUN_SCENARIO} also on ${bun.runtime} (bun ${shown(BUNDLE)})` : bun.skipped!);
  const inScenario = (name: string) => (name === BUN_SCENARIO && bun.contestant ? [...contestants, bun.contestant] : contestants);

  // Start-up first: short, and before the load rounds warm anything up.
  const starters: Array<StartCommand & { key: string }> = [
    { key: 'lab00', command: process.execPath, args: [KIT_SERVE], cwd: LAB00 },
    { key: 'binary', command: BINARY, args: [], cwd: DIST },
  ];
  const pageCacheDropped = dropFromPageCache([process.execPath, BINARY]);
  const starts = new Map(starters.map((s) => [s.key, { ms: [] as number[], peak: [] as number[] }]));
  for (let run = 0; run <= mode.starts; run++) {
    for (const s of turnOrder(starters, run)) {
      step(`start-up ${run === 0 ? '(discarded)' : `${run}/${mode.starts}`}: ${s.key}`);
      const sample = await measureStart(s);
      if (run === 0) continue;
      starts.get(s.key)!.ms.push(sample.firstOkMs);
      if (sample.peakRssBytes !== null) starts.get(s.key)!.peak.push(sample.peakRssBytes);
    }
  }

  const scenarios = (await defaultScenarios()).filter((s) => SCENARIOS.includes(s.name));
  const rounds = new Map<string, Map<string, Round[]>>(scenarios.map((s) => [s.name, new Map(inScenario(s.name).map((c) => [c.key, []]))]));
  const worker = await startWorker(pinning.loadCpu);
  try {
    for (const scenario of scenarios) {
      for (let r = 0; r < mode.rounds; r++) {
        for (const c of turnOrder(inScenario(scenario.name), r)) {
          step(`load: ${scenario.name} round ${r + 1}/${mode.rounds} ${c.key} (fresh server, ${mode.warmupSec} s warm-up, ${mode.durationSec} s)`);
          const round = await freshServerRound(c.launch, pinning.serverCpu, worker, scenario, { ...mode, connections: CONNECTIONS }, (other) =>
            step(`  other processes used ${other.toFixed(2)} CPUs during the round; retrying it once`),
          );
          if (round.noisy) warnings.push(`${scenario.name} (${c.key}): a round stayed noisy (${round.otherCpus?.toFixed(2)} other CPUs)`);
          rounds.get(scenario.name)!.get(c.key)!.push(round);
        }
      }
    }
  } finally {
    await worker.stop();
  }

  const load: Record<string, Record<string, LoadSummary>> = {};
  const failures: string[] = [];
  for (const [name, byKey] of rounds) {
    load[name] = {};
    for (const [key, list] of byKey) {
      const summary = summarise(list);
      load[name]![key] = summary;
      if (summary.errors + summary.timeouts + summary.non2xx > 0)
        failures.push(`${name} on ${key}: ${summary.non2xx} non-2xx, ${summary.errors} errors, ${summary.timeouts} timeouts`);
      if (summary.loadGeneratorCpus !== null && summary.loadGeneratorCpus > 0.9)
        warnings.push(
          `${name} (${key}): autocannon used ${(summary.loadGeneratorCpus * 100).toFixed(0)} % of its CPU: RPS may be capped by the load generator`,
        );
    }
  }

  const onBun = takeBunResult(load, bun, shown(BUNDLE));
  const startup = Object.fromEntries(
    starters.map((s) => {
      const { ms, peak } = starts.get(s.key)!;
      const rounded = (x: Spread): Spread => ({ median: round2(x.median), min: round2(x.min), max: round2(x.max) });
      return [
        s.key,
        {
          command: commandLine(s),
          firstOkMs: rounded(spread(ms)),
          peakRssBytes: peak.length ? spread(peak) : null,
          samplesMs: ms.map(round2),
          peakRssSamples: peak,
        },
      ];
    }),
  );
  const lab00Footprint = measureFootprint(LAB00, { withDependencies: ['tsx'], folderOnly: ['@hotpath/kit'] }, process.execPath);
  const artifact = {
    lab00: {
      bytes: lab00Footprint.totalBytes,
      counts:
        'the package folder + its runtime dependency closure + the launcher (shared/kit folder, tsx and esbuild) + the node binary; apparent file sizes, node_modules/ of each folder counted as dependencies',
      ...lab00Footprint,
    },
    binary: { bytes: statSync(BINARY).size, counts: `the file ${shown(BINARY)} (Node.js and the bundle in one executable)` },
  };
  const cost = {
    basedOn: `${COST_SCENARIO}: median RPS of one pinned process`,
    context:
      'seed 000 (a .NET ingestion service at 85,000 req/s) puts its result as -40 % cloud spend in its title; its own cost lines (841 → 280 USD a month) are -67 %',
    assumption:
      'one Node process per 2-vCPU instance, pinned to one core as measured here (a real deployment might run two, roughly doubling both sides); loopback figures without TLS or a real network: an estimate, not a bill',
    ...compareCost(load[COST_SCENARIO]!.lab00!.rps, load[COST_SCENARIO]!.binary!.rps, {
      targetRps: options.targetRps,
      headroom: options.headroom,
      pricePerMonthUsd: options.pricePerMonthUsd,
    }),
  };
  const heapMeasuredOn = binaryProbe
    ? {
        binary: `the binary itself, the probe loaded with NODE_OPTIONS="${tidy(binaryProbe.nodeOptions)}"`,
        lab00: "lab 00 itself, the probe loaded with node --import …/probe-preload.mjs (the harness's way)",
      }
    : {
        binary: `node --import …/probe-preload.mjs ${shown(BUNDLE)} (the bundle the binary embeds): the binary did not take the probe`,
        lab00: 'lab 00 itself',
      };

  const result = {
    kind: 'hotpath-capstone',
    schemaVersion: 1,
    date: new Date().toISOString(),
    command: [MEASURED.command('capstone'), ...process.argv.slice(2)].join(' '),
    mode: options.mode,
    fingerprint: finishFingerprint(fingerprint),
    config: {
      ...mode,
      discardedStarts: 1,
      connections: CONNECTIONS,
      interleaved: true,
      freshServerPerRound: true,
      pinning,
      startupPinned: false,
      pageCacheDropped,
      logLevel: 'unset (the apps default to warn)',
      nodeExtraCaCerts: 'unset for the servers',
    },
    subjects: {
      lab00: { label: SUBJECT_LABELS.lab00, command: commandLine(starters[0]!), loadCommand: commandLine(contestants[0]!.launch) },
      binary: {
        label: SUBJECT_LABELS.binary,
        command: commandLine(starters[1]!),
        loadCommand: `${binaryProbe ? `NODE_OPTIONS="${tidy(binaryProbe.nodeOptions)}" ` : ''}${commandLine(contestants[1]!.launch)}`,
      },
      ...(probeCheck.works ? {} : { [BUNDLE_KEY]: { label: 'heap stand-in for the binary', loadCommand: commandLine(contestants[2]!.launch) } }),
    },
    probeInBinary: probeCheck,
    heapMeasuredOn,
    load,
    startup,
    artifact,
    ratios: ratios(load, startup, artifact, binaryProbe ? 'binary' : BUNDLE_KEY),
    cost,
    onBun,
    warnings,
    failures,
  };
  mkdirSync(dirname(options.json), { recursive: true });
  writeFileSync(options.json, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${formatReport(result)}\n\n${formatOnBun(onBun)}`);
  for (const warning of warnings) console.log(`warning: ${warning}`);
  for (const failure of failures) console.error(`FAILED: ${failure}`);
  console.log(`\nWritten to ${relative(process.env.INIT_CWD ?? process.cwd(), options.json)} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  if (failures.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
