/**
 * `pnpm lab bench NN`: the checkpoint, from the learner's point of view. It first checks that the learner's
 * app answers like the reference (same-output.ts) and refuses to rank one that does not; then measures the
 * learner's code, the lab's baseline (solutions/<baselineOf(lab)>: lab 00 unless the manifest names another
 * stage) and the reference solution in one run (@hotpath/harness), prints the ratio table and a verdict per
 * target for the runtime the run measured, in the target's own words with the reference's verdict from the
 * same run beside it (verdict.ts `judgeRun`, verdict-report.ts), exits 0 all met, 1 any missed, 2 none missed
 * but some inconclusive (the reference missed it too, or the machine was busy), and
 * appends the run to .hotpath/history.jsonl (the full result goes to .hotpath/results/). Before measuring it
 * prints how long the run will take (bench-estimate.ts). `--profile` also profiles the learner's server under load.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CreateApp } from '@hotpath/api';
import type { CheckpointResult } from '@hotpath/harness/result';
import { baselineOf, type LabEntry } from '@hotpath/workshop/manifest';
import { stageName } from '@hotpath/workshop/paths';
import { CliError, fileStamp, labDirOf, pad2, paint, requireReady, solutionDirOf, type KitContext } from './context.ts';
import { formatEstimate, harnessSettings, planFromDefinitions } from './bench-estimate.ts';
import { firstDifference } from './same-output.ts';
import { appendHistory, type HistoryEntry } from './state.ts';
import { runtimeName, runtimeOf } from '@hotpath/workshop/target-runtime';
import { countVerdicts, judgeRun, verdictExitCode, type RunVerdict } from '../verdict.ts';
import { verdictReport } from './verdict-report.ts';
import { benchReportOf, shareWithRoom } from './room.ts';

/** The ratio engine and the figures' units live in verdict.ts (the site bundles it); re-exported for the CLI's readers. */
export { formatAbsolute, judge, type RunLike, type TargetVerdict } from '../verdict.ts';

/** What the bench reads of a result (the harness's one definition of it); `runtime` is absent in results written before the harness recorded it. */
type ResultLike = Pick<CheckpointResult, 'createdAt' | 'mode' | 'ok' | 'ratios' | 'runtime' | 'fingerprint'>;

export interface BenchOptions {
  quick: boolean;
  profile: boolean;
  /** Print the history entry (verdict, ratios, result path) as JSON instead of the table. */
  json?: boolean;
  /** Passed on to the harness (rounds, durationSec, …). */
  harness?: Record<string, unknown>;
  /**
   * What measures and prints the figures: @hotpath/harness's `runCheckpoint` and `formatTable` unless given —
   * a test gives a fixture result instead of running a real bench (test/verdict-bench.test.ts).
   */
  measure?: Measure;
}

/** The two functions of @hotpath/harness the bench uses. */
export interface Measure {
  runCheckpoint(options: Record<string, unknown>): Promise<unknown>;
  formatTable(result: unknown): string;
}

/** The harness is loaded when a run starts (not with the CLI): from this kit's dependency, so a fixture kit can use it too. */
const harness = () => import('@hotpath/harness');

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

/**
 * The history line of a run: the counts of met, missed and inconclusive targets, each target in its own words
 * with the learner's figure and the reference's from the same run, the headline load ratios, the fingerprint.
 */
export function historyEntry(ctx: KitContext, lab: LabEntry, result: ResultLike, resultPath: string, verdicts: readonly RunVerdict[]): HistoryEntry {
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
    verdict: countVerdicts(verdicts),
    targets: verdicts.map((v) => ({
      label: v.words,
      words: v.learner.words,
      targetShort: v.targetShort,
      ratio: v.learner.ratio,
      met: v.learner.met,
      state: v.state,
      ...(v.reference ? { reference: { ratio: v.reference.ratio, met: v.reference.met } } : {}),
    })),
    ratios,
    fingerprint: { node: f.node, cpuModel: f.cpuModel, cores: f.cores, busy: f.busy, gitCommit: f.gitCommit },
  };
}

/**
 * The line saying how long this run takes (bench-estimate.ts), from the lab's checkpoint.ts evaluated for each
 * subject as the harness will; undefined when a definition cannot be evaluated (the harness then reports it).
 */
async function estimateLine(
  ctx: KitContext,
  lab: LabEntry,
  subjects: ReadonlyArray<[key: string, dir: string]>,
  options: BenchOptions,
): Promise<string | undefined> {
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
  return profileServer({
    root: ctx.root,
    packageDir: labDirOf(ctx, lab),
    outDir: join(ctx.stateDir, 'profiles', lab.slug),
    onProgress: (line: string) => ctx.err(c.dim(line)),
  });
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

  const { runCheckpoint, formatTable } = (options.measure ?? (await harness())) as Measure;
  if (!options.json) {
    const who =
      baselineSlug === lab.slug
        ? `yours and the reference (${stageName(baselineSlug)}, also the baseline)`
        : `yours, ${stageName(baselineSlug)} (the baseline, solutions/${baselineSlug}) and the reference`;
    const subjects: Array<[string, string]> =
      baselineSlug === lab.slug
        ? [
            ['subject', mine],
            ['baseline', baseline],
          ]
        : [
            ['subject', mine],
            ['reference', reference],
            ['baseline', baseline],
          ];
    const estimate = options.measure ? undefined : await estimateLine(ctx, lab, subjects, options);
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

  const verdicts = judgeRun(lab.targets, result);
  const runtime = runtimeOf(result);
  const entry = historyEntry(ctx, lab, result, resultPath, verdicts);
  appendHistory(ctx, entry);
  shareWithRoom(
    ctx,
    benchReportOf(lab, result.createdAt, result.mode, runtime ? runtimeName(runtime) : 'unknown runtime', result.fingerprint.busy === true, verdicts),
  );
  const profile = options.profile ? await profileLearner(ctx, lab) : undefined;
  if (options.json) {
    ctx.out(JSON.stringify({ ...entry, ranked: true, ok: true, profile }, null, 2));
    return verdictExitCode(verdicts);
  }
  if (lab.targets.length === 0) ctx.out(c.dim(`Lab ${pad2(lab.number)} has no target: its figures are what later labs are compared with.`));
  else if (lab.targets.some((t) => t.node)) {
    const other = lab.targets.length - verdicts.length;
    ctx.out(
      c.dim(
        `Targets for ${runtime ? runtimeName(runtime) : 'an unknown runtime'}, the runtime this run measured${other > 0 ? ` (${other} of lab ${pad2(lab.number)}'s targets are for other runtimes)` : ''}:`,
      ),
    );
  }
  for (const line of verdictReport(verdicts, c, { nn: pad2(lab.number), quick: options.quick, busyReasons: result.fingerprint.busyReasons })) ctx.out(line);
  ctx.out(c.dim(`Saved to ${relative(ctx.root, join(ctx.stateDir, 'history.jsonl'))} (full result: ${entry.result}).`));

  if (profile) {
    const { formatProfile } = await import('./profile.ts');
    ctx.out(formatProfile(profile, ctx.root));
  }
  return verdictExitCode(verdicts);
}
