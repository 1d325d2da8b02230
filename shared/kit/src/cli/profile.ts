/**
 * `pnpm lab profile NN` and `pnpm lab bench NN --profile`: a CPU profile of a package's server under load,
 * and where its time went — without Chrome.
 *
 * Starts the kit's launcher (`hotpath-serve`) in the package folder with `node --cpu-prof` by the harness's
 * spawner (PORT=0, ready at the first 200 on GET /health, pinned to one CPU with taskset when available), drives one scenario at it with autocannon for a few
 * seconds (127.0.0.1 only), stops it by PID with SIGINT so Node writes the profile (SIGKILL after a grace
 * period: the server is always stopped, whatever fails), then reads the `.cpuprofile`: self time by package
 * and by function (profile-report.ts), and an offline flame graph next to it (flame-graph.ts). A run on a busy
 * machine (the same test as `pnpm lab bench`'s fingerprint) carries a warning at the top of its report.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Options } from 'autocannon';
import type { LabEntry } from '@hotpath/workshop/manifest';
import { choosePinning } from '@hotpath/workshop/cpus';
import { busyVerdict, sampleOtherCpus } from '@hotpath/harness/fingerprint';
import { startServer } from '@hotpath/harness';
import { CliError, fileStamp, labDirOf, pad2, paint, requireReady, solutionDirOf, type KitContext } from './context.ts';
import { writeFlameGraph, type FlameGraph } from './flame-graph.ts';
import { formatSummary, summariseProfile, type CpuProfile, type ProfileSummary } from './profile-report.ts';

export { packageOf, shortLocation, sourceLine, summariseProfile, type ProfileEntry, type PackageEntry } from './profile-report.ts';

export interface ProfileScenario {
  method: string;
  path: string;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

export interface ProfileOptions {
  /** Repository root (holds shared/api/bin/hotpath-serve.js). */
  root: string;
  /** Package folder whose src/app.ts is served (the launcher's cwd). */
  packageDir: string;
  /** Where Node writes the .cpuprofile files (created if missing). */
  outDir: string;
  /** Seconds of load (default 10). */
  seconds?: number;
  /** Default: POST /ingest/v1 with the 1 KiB ingest fixture. */
  scenario?: ProfileScenario;
  /** File name (without .cpuprofile) for the main thread's profile; the run's other profiles are removed. */
  name?: string;
  onProgress?: (line: string) => void;
}

export interface ProfileResult extends ProfileSummary {
  profilePath: string;
  /** The offline flame graph written next to the profile. */
  flameGraph: FlameGraph;
  /** Why the machine looked busy when the run started (the harness's busyVerdict, as `pnpm lab bench` records it); empty when quiet. */
  busyReasons: string[];
}

/**
 * Why the machine looks busy, by the test `pnpm lab bench` records in its fingerprint (@hotpath/harness's
 * busyVerdict over the 1-minute load average and a short CPU sample); empty when it is quiet.
 */
export async function machineBusy(): Promise<string[]> {
  return busyVerdict(loadavg()[0]!, cpus().length || 1, await sampleOtherCpus());
}

/** The warning a profile taken on a busy machine carries, or undefined when it was quiet. */
export function busyWarning(reasons: readonly string[]): string | undefined {
  if (reasons.length === 0) return undefined;
  return `Warning: the machine was busy — ${reasons.join('; ')}. Other work takes CPU from the server and shifts the shares: do not compare this run with the README's figures — profile again when it is quiet (pnpm lab doctor shows the load).`;
}

/** The monotonic clock V8 stamps profile samples with, in µs. */
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

function cpuProfiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f));
}

/** The scenarios `pnpm lab profile --scenario` takes; the first is the default. */
export const PROFILE_SCENARIOS: Record<string, { label: string; make: () => Promise<ProfileScenario> }> = {
  ingest: { label: 'POST /ingest/v1, 1 KiB body', make: () => ingestScenario('1k') },
  'ingest-64k': { label: 'POST /ingest/v1, 64 KiB body', make: () => ingestScenario('64k') },
  todos: { label: 'GET /todos', make: async () => ({ method: 'GET', path: '/todos' }) },
  health: { label: 'GET /health', make: async () => ({ method: 'GET', path: '/health' }) },
};

async function ingestScenario(size: '1k' | '64k'): Promise<ProfileScenario> {
  const { ingestFixture } = await import('@hotpath/api/fixtures');
  return { method: 'POST', path: '/ingest/v1', body: ingestFixture(size).bytes, headers: { 'content-type': 'application/json' } };
}

/** Profiles a package's server under load; see the module comment. */
export async function profileServer(options: ProfileOptions): Promise<ProfileResult> {
  const progress = options.onProgress ?? (() => {});
  const seconds = options.seconds ?? 10;
  const outDir = resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  // Before the server starts, so the sample sees other work only.
  const busyReasons = await machineBusy();
  if (busyReasons.length > 0) progress(`profile: the machine looks busy (${busyReasons.join('; ')}): the report says more`);
  const before = new Set(cpuProfiles(outDir));
  const scenario = options.scenario ?? (await ingestScenario('1k'));
  const { default: autocannon } = await import('autocannon');

  // The launcher of this kit (not of options.root), so a fixture kit without one can be profiled too.
  const serveBin = join(createRequire(import.meta.url).resolve('@hotpath/api/package.json'), '..', 'bin', 'hotpath-serve.js');
  // The server on the CPU a checkpoint gives it; autocannon runs in this process, wherever it is scheduled.
  const cpu = choosePinning().serverCpu;
  const where = relative(options.root, options.packageDir) || options.packageDir;
  progress(`profile: starting ${where} with --cpu-prof${cpu === null ? ' (unpinned: no taskset)' : ` pinned to CPU ${cpu}`}`);
  const server = await startServer({
    dir: options.packageDir,
    serve: { command: process.execPath, args: ['--cpu-prof', `--cpu-prof-dir=${outDir}`, serveBin], cwd: options.packageDir, env: { LOG_LEVEL: 'silent' } },
    cpu,
  });
  let clean = false;
  let loadFromUs = 0;
  let loadToUs = 0;
  try {
    progress(`profile: ${scenario.method} ${scenario.path} on 127.0.0.1:${server.port} for ${seconds} s (autocannon, 10 connections)`);
    const body = scenario.body === undefined ? undefined : typeof scenario.body === 'string' ? scenario.body : Buffer.from(scenario.body);
    loadFromUs = nowUs();
    const result = await autocannon({
      url: `http://127.0.0.1:${server.port}${scenario.path}`,
      method: scenario.method.toUpperCase() as NonNullable<Options['method']>,
      headers: scenario.headers ?? {},
      body,
      connections: 10,
      duration: seconds,
      sampleInt: 50,
    });
    loadToUs = nowUs();
    const bad = result.non2xx + result.errors + result.timeouts;
    progress(
      `profile: ${result.requests.total} requests (${Math.round(result.requests.total / (result.duration || seconds))} req/s)` +
        (bad > 0 ? `; warning: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts` : ''),
    );
  } finally {
    // SIGINT: the launcher closes and exits, and Node writes the profile; SIGKILL after 15 s.
    progress('profile: stopping the server (SIGINT) so Node writes the profile');
    clean = await server.stop(15_000, 'SIGINT');
  }
  if (!clean) throw new Error('The server did not exit within 15 s of SIGINT and was killed: no profile was written');

  // The main thread's profile is the largest new file (tsx's loader thread writes a small second one).
  const written = cpuProfiles(outDir).filter((f) => !before.has(f));
  if (written.length === 0) throw new Error(`No .cpuprofile was written to ${outDir}\n${server.stderrTail()}`);
  let profilePath = written.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));
  if (options.name) {
    for (const other of written) if (other !== profilePath) rmSync(other, { force: true });
    const named = join(outDir, `${options.name}.cpuprofile`);
    renameSync(profilePath, named);
    profilePath = named;
  }
  progress(`profile: reading ${profilePath}`);
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile;
  const summary = summariseProfile(profile, options.root, 15, { fromUs: loadFromUs, toUs: loadToUs });
  return { profilePath, ...summary, flameGraph: writeFlameGraph(profilePath), busyReasons };
}

/** The report (by package, by function), then where the profile and its flame graph are. */
export function formatProfile(result: ProfileResult, root: string): string {
  const busy = busyWarning(result.busyReasons);
  return [
    ...(busy ? [busy, ''] : []),
    formatSummary(result, root),
    '',
    `Profile:     ${relative(root, result.profilePath)}`,
    `Flame graph: ${result.flameGraph.url}`,
    `             (offline: open that URL in a browser, or open ${relative(root, result.flameGraph.htmlPath)})`,
    'Or load the .cpuprofile in Chrome DevTools → Performance → Load profile → Bottom-Up.',
  ].join('\n');
}

export interface ProfileLabOptions {
  scenario?: string;
  seconds?: string;
  /** Profile the reference solution instead of the learner's labs/NN. */
  reference?: boolean;
}

/** Checks `--scenario` and `--seconds` before anything starts. */
export function profileArguments(options: ProfileLabOptions): { scenario: string; seconds: number } {
  const scenario = options.scenario ?? 'ingest';
  const names = Object.keys(PROFILE_SCENARIOS);
  if (!names.includes(scenario)) throw new CliError(`Unknown scenario "${scenario}" for pnpm lab profile: choose one of ${names.join(', ')}`);
  const seconds = options.seconds === undefined ? 10 : Number(options.seconds);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 120)
    throw new CliError(`--seconds needs a whole number of seconds from 1 to 120; got "${options.seconds}"`);
  return { scenario, seconds };
}

/** `pnpm lab profile NN`: the learner's server (or the reference's) under load; report and flame graph. */
export async function profileLab(ctx: KitContext, lab: LabEntry, options: ProfileLabOptions): Promise<number> {
  const { scenario, seconds } = profileArguments(options);
  requireReady(lab, 'profile');
  const c = paint(ctx);
  const who = options.reference ? 'reference' : 'yours';
  const result = await profileServer({
    root: ctx.root,
    packageDir: options.reference ? solutionDirOf(ctx, lab) : labDirOf(ctx, lab),
    outDir: join(ctx.stateDir, 'profiles', lab.slug),
    seconds,
    scenario: await PROFILE_SCENARIOS[scenario]!.make(),
    name: `${fileStamp()}-${who}-${scenario}`,
    onProgress: (line) => ctx.err(c.dim(line)),
  });
  ctx.out(`Lab ${pad2(lab.number)}, ${who}: ${PROFILE_SCENARIOS[scenario]!.label}, ${seconds} s of load\n`);
  ctx.out(formatProfile(result, ctx.root));
  return 0;
}
