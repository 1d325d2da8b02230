/**
 * The learning verbs: `list` (progress table), `start NN` (instructions, then tests in watch mode),
 * `test NN` (one run of the tests and the typecheck: the to-do list, formatted by test-report.ts) and
 * `hint NN [--step K | --further]` (the next unseen hint of the lab, of one README step or of going further, or all
 * of them).
 */
import { spawn } from 'node:child_process';
import { join, relative } from 'node:path';
import { runLabTests, typecheckLab, VITEST_CONFIG_ARGS, vitestBin, type FileOutcome, type TypecheckOutcome } from '../run-lab-tests.ts';
import { stripAnsi } from '../failure-message.ts';
import type { LabEntry } from '@hotpath/workshop/manifest';
import { CliError, labDirOf, pad2, paint, requireReady, type KitContext } from './context.ts';
import { treeHash } from './workspace.ts';
import { shareWithRoom, testReportOf } from './room.ts';
import { formatTestReport, isDone, recordOf } from './test-report.ts';
import {
  historyCounts,
  historyTargets,
  hintsSeen,
  lastTestRun,
  readHistory,
  recordTestRun,
  setHintsSeen,
  type HistoryEntry,
  type TestRecord,
} from './state.ts';
import { verdictCounts, type VerdictCounts } from '../verdict.ts';

const SITE = 'http://127.0.0.1:3000';
export const siteUrl = (lab: LabEntry) => `${SITE}/labs/${lab.slug}`;

interface LabRun {
  outcomes: FileOutcome[];
  typecheck: TypecheckOutcome | null;
  record: TestRecord;
}

/**
 * Runs the lab's tests once against labs/NN/src, then its typecheck (after the tests: from lab 02 on their
 * global setup regenerates src/generated/, which the typecheck reads), and records the counts for `list`.
 */
export function runAndRecord(ctx: KitContext, lab: LabEntry, progress: (text: string) => void = () => {}): LabRun {
  const dir = labDirOf(ctx, lab);
  const srcHash = treeHash(join(dir, 'src'));
  const outcomes = runLabTests(lab.slug, join(dir, 'src'), ctx.root);
  progress(`Typechecking labs/${lab.slug} …`);
  const typecheck = typecheckLab(dir);
  const record = recordOf(outcomes, typecheck, srcHash);
  recordTestRun(ctx, lab.slug, record);
  return { outcomes, typecheck, record };
}

/** `pnpm lab test NN`: exit status 0 when every core test passes and the typecheck is clean. */
export function testLab(ctx: KitContext, lab: LabEntry, json: boolean): number {
  requireReady(lab, 'test');
  const c = paint(ctx);
  const progress = (text: string) => (json ? undefined : ctx.err(c.dim(text)));
  progress(`Running the tests of labs/${lab.slug} …`);
  const { outcomes, typecheck, record } = runAndRecord(ctx, lab, progress);
  shareWithRoom(ctx, testReportOf(lab, outcomes, typecheck, record));
  if (json) ctx.out(JSON.stringify({ lab: lab.slug, done: isDone(record), ...record, files: outcomes, typecheck }, null, 2));
  else for (const line of formatTestReport({ outcomes, typecheck, record, slug: lab.slug, nn: pad2(lab.number) }, c)) ctx.out(line);
  return isDone(record) ? 0 : 1;
}

/** The going-further tests, left out of `start`'s watch mode unless `--further` (vitest's `--exclude` glob). */
export const FURTHER_TESTS_GLOB = '**/test/going-further/**';

/** vitest's arguments for `start`'s watch mode: the core tests only, or (`further`) every test of the lab. */
export const watchArgs = (further: boolean): string[] => (further ? [] : ['--exclude', FURTHER_TESTS_GLOB]);

/**
 * `pnpm lab start NN [--further]`: where to read, then vitest in watch mode on the lab's core tests (until
 * Ctrl+C); `--further` watches the going-further tests (test/going-further/) too.
 */
export async function startLab(ctx: KitContext, lab: LabEntry, further = false): Promise<number> {
  requireReady(lab, 'start');
  const c = paint(ctx);
  const nn = pad2(lab.number);
  const which = further
    ? 'the core tests and the going-further ones (test/going-further/, optional)'
    : `the core tests (test/*.test.ts; pnpm lab start ${nn} --further adds the optional going-further ones)`;
  ctx.out(`${c.bold(`Lab ${nn} — ${lab.title}`)}
  ${lab.teaches}
  read      labs/${lab.slug}/README.md
  site      ${siteUrl(lab)}   (while pnpm start serves the site)
  edit      labs/${lab.slug}/src/
  stuck?    pnpm lab hint ${nn}
Running ${which} in watch mode: save a file and they run again. Ctrl+C stops.
pnpm lab test ${nn} gives the to-do list once, with the typecheck.`);
  const child = spawn(process.execPath, [vitestBin, ...VITEST_CONFIG_ARGS, ...watchArgs(further)], {
    cwd: labDirOf(ctx, lab),
    stdio: 'inherit',
    env: process.env,
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => child.kill(signal));
  return new Promise((done) => child.on('exit', (code) => done(code ?? 0)));
}

/** Which hints `hint` picks from: every hint (undefined), README step K's, or the going-further ones (no step). */
export type HintSelection = number | 'further' | undefined;

/**
 * `pnpm lab hint NN [--step K | --further] [--all]`: the first hint of the selection not yet seen in any way
 * (a hint shown through `--step` counts for plain `hint` too, and the other way round), remembered in
 * .hotpath/hints.json as the hint numbers shown; `--all`: every hint of the selection.
 */
export function hintLab(ctx: KitContext, lab: LabEntry, all: boolean, json: boolean, which?: HintSelection): void {
  const c = paint(ctx);
  const nn = pad2(lab.number);
  const hints = lab.hints;
  if (hints.length === 0) throw new CliError(`Lab ${nn} has no hints${lab.status === 'planned' ? ' yet (it is planned)' : ''}`, 1);
  const picked = (hint: LabEntry['hints'][number]) => which === undefined || (which === 'further' ? hint.step === undefined : hint.step === which);
  const indices = hints.flatMap((hint, i) => (picked(hint) ? [i] : []));
  if (indices.length === 0) {
    const steps = [...new Set(hints.flatMap((hint) => (hint.step === undefined ? [] : [hint.step])))].sort((a, b) => a - b);
    throw new CliError(
      which === 'further'
        ? `Lab ${nn} has no going-further hints: each of its hints belongs to a step (${steps.join(', ')}; pnpm lab hint ${nn} --step ${steps[0]})`
        : steps.length === 0
          ? `Lab ${nn}'s hints are not tied to steps: pnpm lab hint ${nn} shows the next one`
          : `Lab ${nn} has no hints for step ${which}: the steps with hints are ${steps.join(', ')} (pnpm lab hint ${nn} --step ${steps[0]})`,
    );
  }
  const seen = hintsSeen(
    ctx,
    lab.slug,
    hints.map((hint) => hint.step),
  );
  const unseen = indices.filter((i) => !seen.has(i + 1));
  const show = all ? indices : [unseen[0] ?? indices.at(-1)!];
  for (const i of show) seen.add(i + 1);
  setHintsSeen(ctx, lab.slug, seen);
  if (json) {
    const selection = which === undefined ? {} : which === 'further' ? { further: true } : { step: which };
    ctx.out(JSON.stringify({ lab: lab.slug, ...selection, shown: show.map((i) => ({ number: i + 1, ...hints[i] })), total: hints.length }, null, 2));
    return;
  }
  const of = which === undefined ? ` of lab ${nn}` : which === 'further' ? ' for going further' : ` for step ${which}`;
  const again = `pnpm lab hint ${nn}${which === undefined ? '' : which === 'further' ? ' --further' : ` --step ${which}`}`;
  const blocks: string[] = [];
  if (!all && unseen.length === 0) {
    const count = `${indices.length} hint${indices.length === 1 ? '' : 's'}`;
    blocks.push(c.dim(`You have seen all ${count}${of}; here is the last one again (${again} --all shows them all).`));
  }
  for (const i of show) {
    const hint = hints[i]!;
    const tag = hint.step === undefined ? '' : ` (step ${hint.step})`;
    blocks.push(`${c.bold(`Hint ${i + 1} of ${hints.length}${tag} — ${hint.title}`)}\n\n${hint.body}`);
  }
  if (!all && unseen.length > 1) blocks.push(c.dim(`Still stuck? ${again} shows the next one.`));
  else if (!all && unseen.length === 1) blocks.push(c.dim(`That was the last hint${of}; ${again} --all shows them all.`));
  ctx.out(blocks.join('\n\n'));
}

export interface ListRow {
  lab: string;
  number: number;
  title: string;
  status: LabEntry['status'];
  tests: TestRecord | null;
  checkpoint: HistoryEntry | null;
  /** The last checkpoint's verdict: its counts and the line `list` prints ("✗ 2 met · 1 missed of 4 targets: …"); null without one. */
  verdict: (VerdictCounts & { line: string }) | null;
}

/** Whether `tests` ran on another src/ than the lab's now (its tree hash differs): `list` marks such a run stale. */
export const srcChanged = (ctx: KitContext, lab: LabEntry, tests: TestRecord | null): boolean =>
  tests !== null && tests.srcHash !== treeHash(join(labDirOf(ctx, lab), 'src'));

/** `pnpm lab list`: each lab's tests (last run, or a fresh run when there is none) and last checkpoint. */
export function listLabs(ctx: KitContext, options: { fresh: boolean; run: boolean; json: boolean }): void {
  const c = paint(ctx);
  const history = readHistory(ctx);
  const rows: ListRow[] = ctx.labs.map((lab) => {
    let tests = lab.status === 'ready' ? (lastTestRun(ctx, lab.slug) ?? null) : null;
    const stale = srcChanged(ctx, lab, tests);
    if (lab.status === 'ready' && options.run && (options.fresh || tests === null || stale)) {
      const why = tests === null ? 'no recorded run yet' : stale ? 'src/ changed since the last run' : '--fresh';
      if (!options.json) ctx.err(c.dim(`Running the tests of labs/${lab.slug} (${why}) …`));
      tests = runAndRecord(ctx, lab).record;
    } else if (stale && tests) tests = { ...tests, stale: true };
    const checkpoint = history.filter((entry) => entry.lab === lab.slug).at(-1) ?? null;
    const verdict = checkpoint === null ? null : { ...historyCounts(checkpoint), line: checkpointLine(checkpoint) };
    return { lab: lab.slug, number: lab.number, title: lab.title, status: lab.status, tests, checkpoint, verdict };
  });
  if (options.json) {
    ctx.out(JSON.stringify(rows, null, 2));
    return;
  }
  const table = rows.map((row) => {
    const t = row.tests;
    const tests = row.status === 'planned' ? c.dim('planned') : t === null ? c.dim('not run') : testsCell(c, t);
    const cp = row.checkpoint;
    return [pad2(row.number), row.title, tests, checkpointCell(c, cp)];
  });
  const width = (i: number) => Math.max(...table.map((r) => stripAnsi(r[i]!).length));
  for (const r of table)
    ctx.out(
      r
        .map((cell, i) => cell + ' '.repeat(Math.max(0, width(i) - stripAnsi(cell).length)))
        .join('  ')
        .trimEnd(),
    );
  ctx.out(
    c.dim(
      `Tests: last run of the core tests, the going-further ones and the typecheck (pnpm lab test NN, or pnpm lab list --fresh). Checkpoints: ${relative(ctx.root, join(ctx.stateDir, 'history.jsonl'))}.`,
    ),
  );
}

/** "✓ core 14/14 · further 2/5 · types ✓": done (core and types) or not, then each part (further only when the lab has one). */
export function testsCell(c: ReturnType<typeof paint>, t: TestRecord): string {
  const coreOk = t.failed === 0 && t.loadErrors === 0;
  const core = `core ${t.passed}/${t.passed + t.failed}${t.loadErrors > 0 ? ` (${t.loadErrors} file${t.loadErrors === 1 ? '' : 's'} did not load)` : ''}`;
  const parts = [coreOk ? core : c.red(core)];
  if (t.further) parts.push(`further ${t.further.passed}/${t.further.passed + t.further.failed}`);
  parts.push(t.typeErrors === undefined ? c.dim('types not checked') : t.typeErrors === 0 ? 'types ✓' : c.red(`types ✗ ${t.typeErrors}`));
  return `${isDone(t) ? c.green('✓') : c.red('✗')} ${parts.join(' · ')}${t.stale ? c.dim(' (stale)') : ''}`;
}

/**
 * A checkpoint's verdict in one line: "✗ 2 met · 1 missed · 1 inconclusive of 4 targets: 2.86× faster than
 * JSON.stringify serializing one Todo (target ≥ 3×)" — the mark (✗ any missed, ? some inconclusive, ✓ all
 * met), the counts named, and the first missed (else inconclusive) target in its own words. An older history
 * entry (no figure words) names the target by its label then.
 */
export function checkpointLine(cp: HistoryEntry): string {
  const counts = historyCounts(cp);
  if (counts.total === 0) return 'measured, no target';
  const mark = counts.missed > 0 ? '✗' : counts.inconclusive > 0 ? '?' : '✓';
  const targets = historyTargets(cp);
  const first = targets.find((t) => t.state === 'missed') ?? targets.find((t) => t.state === 'inconclusive');
  const words = first === undefined ? '' : first.words && first.targetShort ? `: ${first.words} (target ${first.targetShort})` : `: ${first.label}`;
  return `${mark} ${verdictCounts(counts, ' · ')}${words}`;
}

/** The list's checkpoint cell: the verdict line, coloured by its mark, and when and how the run was made. */
function checkpointCell(c: ReturnType<typeof paint>, cp: HistoryEntry | null): string {
  if (cp === null) return c.dim('no checkpoint');
  const when = c.dim(`(${cp.at.slice(0, 10)}${cp.mode === 'quick' ? ', quick' : ''})`);
  const line = checkpointLine(cp);
  const paintLine = line.startsWith('✓') ? c.green : line.startsWith('✗') ? c.red : line.startsWith('?') ? c.yellow : (text: string) => text;
  return `${paintLine(line)} ${when}`;
}
