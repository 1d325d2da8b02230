/**
 * `pnpm lab bench NN`: the checkpoint, from the learner's point of view. It first checks that the learner's
 * app answers like the reference (same-output.ts) and refuses to rank one that does not; then measures the
 * learner's code, the lab's baseline (solutions/<baselineOf(lab)>: lab 00 unless the manifest names another
 * stage) and the reference solution in one run (@hotpath/harness), prints the ratio table and a verdict
 * against the manifest's targets for the runtime the run measured (ratios to the baseline, to a micro peer
 * for a target with `vs`, or the package's own figure for a target with `absolute`), and
 * appends the run to .hotpath/history.jsonl (the full result goes to .hotpath/results/). Before measuring it
 * prints how long the run will take (bench-estimate.ts). `--profile` also profiles the learner's server under load.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CreateApp } from '@hotpath/api';
import { baselineOf, type CheckpointTarget, type LabEntry } from '../manifest.ts';
import { stageName } from '../paths.ts';
import { CliError, fileStamp, labDirOf, pad2, paint, requireReady, solutionDirOf, type KitContext } from './context.ts';
import { formatEstimate, harnessSettings, planFromDefinitions } from './bench-estimate.ts';
import { firstDifference } from './same-output.ts';
import { appendHistory, type HistoryEntry } from './state.ts';
import { runtimeName, runtimeOf, targetsFor, targetText, type RunRuntime, type RuntimeOfRun } from './target-runtime.ts';

/** The parts of a harness result the CLI reads (see shared/harness/SCHEMA.md). */
interface RatioLike {
  section: string;
  name: string;
  metric: string;
  subjectKey: string;
  /** The figure of `subjectKey` (the baseline's is in the harness's `baseline` field). */
  subject: number | null;
  ratio: number | null;
  /** The figure's unit ('B', 'µs', 'req/s', …); absent in older results' readers, present in every result. */
  unit?: string;
}
/** What judge() reads of a result: its ratios, and the runtime they were measured on. */
export interface RunLike extends RuntimeOfRun {
  ratios: readonly RatioLike[];
}
interface ResultLike {
  createdAt: string;
  mode: 'quick' | 'full';
  ok: boolean;
  ratios: RatioLike[];
  /** What the package was measured on; absent in results written before the harness recorded it. */
  runtime?: RunRuntime;
  fingerprint: { node: string; cpuModel: string; cores: number; busy: boolean; gitCommit: string | null };
}

export interface BenchOptions {
  quick: boolean;
  profile: boolean;
  /** Print the history entry (verdict, ratios, result path) as JSON instead of the table. */
  json?: boolean;
  /** Passed on to the harness (rounds, durationSec, …). */
  harness?: Record<string, unknown>;
}

/** The harness is loaded from this kit's own folder (not from the root), so a fixture kit can use it too. */
const harness = () => import(new URL('../../../harness/src/index.ts', import.meta.url).href);

async function loadCreateApp(ctx: KitContext, dir: string): Promise<CreateApp> {
  const where = `${relative(ctx.root, dir)}/src/app.ts`;
  let mod: { createApp?: CreateApp };
  try {
    mod = (await import(pathToFileURL(join(dir, 'src', 'app.ts')).href)) as { createApp?: CreateApp };
  } catch (error) {
    throw new CliError(`${where} did not load: ${(error as Error).message.split('\n')[0]}`, 1);
  }
  if (typeof mod.createApp !== 'function') throw new CliError(`${where} must export createApp()`, 1);
  return mod.createApp;
}

export interface TargetVerdict {
  target: CheckpointTarget;
  /** The judged figure: the ratio, or for an `absolute` target the package's own figure (in `unit`). */
  ratio: number | null;
  met: boolean;
  /** The figure's unit, for an `absolute` target ('B', 'µs', …) when the result gives it. */
  unit?: string;
}

/**
 * The results key of a micro peer in the harness (`peerKey` of @hotpath/harness), on the runtime of `subjectKey`:
 * a contestant measured on another runtime of the run is `<key>@<runtime id>` (`subject@node26`).
 */
const peerKey = (name: string, subjectKey = 'subject') => `peer:${name}${subjectKey.includes('@') ? subjectKey.slice(subjectKey.indexOf('@')) : ''}`;

/**
 * Each manifest target for the run's runtime (`targetsFor`; given bare ratios, no runtime is known and only
 * the targets for every runtime are judged) against the run: the ratio this package / the lab's baseline; or,
 * for a target with `vs`, this package's figure / that peer's figure in the same run (null when either is
 * missing or the peer's is 0); or, for an `absolute` target, this package's own figure (the ratio entry's
 * `subject`), compared with atMost/atLeast as it is (null when missing). `runtime` overrides the run's, for a
 * contestant measured on another runtime of the run (`subjectKey` 'subject@node26').
 */
export function judge(targets: readonly CheckpointTarget[], run: RunLike | readonly RatioLike[], subjectKey = 'subject', runtime?: RunRuntime): TargetVerdict[] {
  const ratios: readonly RatioLike[] = Array.isArray(run) ? run : (run as RunLike).ratios;
  runtime ??= Array.isArray(run) ? undefined : runtimeOf(run as RunLike);
  return targetsFor(targets, runtime).map((target) => {
    const find = (key: string) => ratios.find((r) => r.subjectKey === key && r.name === target.scenario && r.metric === target.metric);
    const own = find(subjectKey);
    let ratio = own?.ratio ?? null;
    if (target.absolute) {
      const figure = own?.subject;
      ratio = figure == null || !Number.isFinite(figure) ? null : figure;
    } else if (target.vs !== undefined) {
      const mine = own?.subject;
      const theirs = find(peerKey(target.vs, subjectKey))?.subject;
      ratio = mine == null || theirs == null || !Number.isFinite(mine) || !Number.isFinite(theirs) || theirs === 0 ? null : mine / theirs;
    }
    const met = ratio !== null && (target.atLeast === undefined || ratio >= target.atLeast) && (target.atMost === undefined || ratio <= target.atMost);
    return target.absolute && own?.unit !== undefined ? { target, ratio, met, unit: own.unit } : { target, ratio, met };
  });
}

/** An absolute target's figure as the verdict prints it: `431 B`, `2.4 ms`, `1,234 req/s`. */
export function formatAbsolute(value: number, unit?: string): string {
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}

/** The history line of a run: verdict, headline load ratios of the learner and the reference, fingerprint. */
export function historyEntry(ctx: KitContext, lab: LabEntry, result: ResultLike, resultPath: string, verdicts: TargetVerdict[]): HistoryEntry {
  const ratios: HistoryEntry['ratios'] = {};
  for (const r of result.ratios) {
    if (r.section !== 'load' && r.section !== 'startup') continue;
    const key = `${r.name} ${r.metric}`;
    ratios[key] ??= { subject: null, reference: null };
    if (r.subjectKey === 'subject') ratios[key].subject = r.ratio;
    if (r.subjectKey === 'reference') ratios[key].reference = r.ratio;
  }
  const f = result.fingerprint;
  const runtime = runtimeOf(result);
  return {
    lab: lab.slug,
    at: result.createdAt,
    mode: result.mode,
    result: relative(ctx.root, resultPath),
    ...(runtime ? { runtime: runtimeName(runtime) } : {}),
    verdict: { met: verdicts.filter((v) => v.met).length, total: verdicts.length, missed: verdicts.filter((v) => !v.met).map((v) => targetText(v.target)) },
    targets: verdicts.map((v) => ({ label: targetText(v.target), ratio: v.ratio, met: v.met })),
    ratios,
    fingerprint: { node: f.node, cpuModel: f.cpuModel, cores: f.cores, busy: f.busy, gitCommit: f.gitCommit },
  };
}

/**
 * The line saying how long this run takes (bench-estimate.ts), from the lab's checkpoint.ts evaluated for each
 * subject as the harness will; undefined when a definition cannot be evaluated (the harness then reports it).
 */
async function estimateLine(ctx: KitContext, lab: LabEntry, subjects: ReadonlyArray<[key: string, dir: string]>, options: BenchOptions): Promise<string | undefined> {
  try {
    const { asCheckpoint } = await harness();
    const file = join(ctx.root, 'labs', lab.slug, 'checkpoint.ts');
    const checkpoint = existsSync(file) ? asCheckpoint((await import(pathToFileURL(file).href)).default, file) : undefined;
    const definitions = new Map();
    for (const [key, dir] of subjects) {
      const subject = { key, label: relative(ctx.root, dir), dir, appModule: join(dir, 'src', 'app.ts'), createApp: await loadCreateApp(ctx, dir) };
      definitions.set(key, checkpoint ? await checkpoint.define(subject) : {});
    }
    return formatEstimate(planFromDefinitions(definitions), harnessSettings(options.quick, options.harness));
  } catch {
    return undefined;
  }
}

/** `--profile`: the learner's server under load with --cpu-prof; the profile lands in .hotpath/profiles/. */
async function profileLearner(ctx: KitContext, lab: LabEntry) {
  const { profileServer } = await import('./profile.ts');
  const c = paint(ctx);
  return profileServer({ root: ctx.root, packageDir: labDirOf(ctx, lab), outDir: join(ctx.stateDir, 'profiles', lab.slug), onProgress: (line: string) => ctx.err(c.dim(line)) });
}

export async function benchLab(ctx: KitContext, lab: LabEntry, options: BenchOptions): Promise<number> {
  requireReady(lab, 'bench');
  const c = paint(ctx);
  const mine = labDirOf(ctx, lab);
  const reference = solutionDirOf(ctx, lab);
  const baselineSlug = baselineOf(lab, ctx.labs);
  const baseline = join(ctx.root, 'solutions', baselineSlug);

  ctx.err(c.dim('Checking that your app answers like the reference solution …'));
  const difference = await firstDifference(await loadCreateApp(ctx, reference), await loadCreateApp(ctx, mine));
  if (difference && options.json) {
    ctx.out(JSON.stringify({ lab: lab.slug, ranked: false, difference }, null, 2));
    return 1;
  }
  if (difference) {
    ctx.out(`${c.red('Not ranked:')} your app answers differently from the reference, and a checkpoint only compares apps that give the same answers.
  request:   ${difference.request.name}
  differs:   ${difference.what}
  reference: ${difference.reference}
  yours:     ${difference.yours}
Fix it (pnpm lab test ${pad2(lab.number)} shows which rule it breaks), then bench again.`);
    return 1;
  }

  const { runCheckpoint, formatTable } = await harness();
  if (!options.json) {
    const who = baselineSlug === lab.slug ? `yours and the reference (${stageName(baselineSlug)}, also the baseline)` : `yours, ${stageName(baselineSlug)} (the baseline, solutions/${baselineSlug}) and the reference`;
    const subjects: Array<[string, string]> = baselineSlug === lab.slug ? [['subject', mine], ['baseline', baseline]] : [['subject', mine], ['reference', reference], ['baseline', baseline]];
    const estimate = await estimateLine(ctx, lab, subjects, options);
    if (estimate) ctx.err(estimate);
    ctx.err(c.dim(`Measuring ${who} in one run …`));
  }
  const resultPath = join(ctx.stateDir, 'results', lab.slug, `${fileStamp()}.json`);
  mkdirSync(join(resultPath, '..'), { recursive: true });
  const { result } = (await runCheckpoint({
    dir: mine,
    referenceDir: reference,
    baselineDir: baseline,
    quick: options.quick,
    json: resultPath,
    progress: true,
    ...options.harness,
  })) as { result: ResultLike };
  if (!options.json) ctx.out(formatTable(result));
  if (!result.ok) {
    if (options.json) ctx.out(JSON.stringify({ lab: lab.slug, ranked: true, ok: false, failures: (result as { failures?: unknown }).failures ?? [] }, null, 2));
    else ctx.out(c.red('The checkpoint did not complete (see FAILED above): nothing was added to your history.'));
    return 1;
  }

  const verdicts = judge(lab.targets, result);
  const runtime = runtimeOf(result);
  const entry = historyEntry(ctx, lab, result, resultPath, verdicts);
  appendHistory(ctx, entry);
  const profile = options.profile ? await profileLearner(ctx, lab) : undefined;
  if (options.json) {
    ctx.out(JSON.stringify({ ...entry, ranked: true, ok: true, profile }, null, 2));
    return verdicts.every((v) => v.met) ? 0 : 1;
  }
  if (lab.targets.length === 0) ctx.out(c.dim(`Lab ${pad2(lab.number)} has no target: its figures are what later labs are compared with.`));
  else if (lab.targets.some((t) => t.node)) {
    const other = lab.targets.length - verdicts.length;
    ctx.out(c.dim(`Targets for ${runtime ? runtimeName(runtime) : 'an unknown runtime'}, the runtime this run measured${other > 0 ? ` (${other} of lab ${pad2(lab.number)}'s targets are for other runtimes)` : ''}:`));
  }
  for (const v of verdicts) {
    const ratio = v.ratio === null ? 'not measured' : v.target.absolute ? formatAbsolute(v.ratio, v.unit) : `${v.ratio.toFixed(v.ratio < 0.1 ? 3 : 2)}×`;
    ctx.out(`${v.met ? c.green('✓ met   ') : c.red('✗ missed')}  ${targetText(v.target)}: ${ratio}`);
  }
  ctx.out(c.dim(`Saved to ${relative(ctx.root, join(ctx.stateDir, 'history.jsonl'))} (full result: ${entry.result}).`));

  if (profile) {
    const { formatProfile } = await import('./profile.ts');
    ctx.out(formatProfile(profile, ctx.root));
  }
  return verdicts.every((v) => v.met) ? 0 : 1;
}
