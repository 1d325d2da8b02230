/**
 * The learning verbs: `list` (progress table), `start NN` (instructions, then tests in watch mode),
 * `test NN` (one run of the tests and the typecheck: the to-do list, formatted by test-report.ts) and
 * `hint NN [--step K]` (the next unseen hint of the lab or of one README step, or all of them).
 */
import { spawn } from 'node:child_process';
import { join, relative } from 'node:path';
import { runLabTests, typecheckLab, vitestBin, type FileOutcome, type TypecheckOutcome } from '../run-lab-tests.ts';
import type { LabEntry } from '../manifest.ts';
import { CliError, labDirOf, pad2, paint, requireReady, type KitContext } from './context.ts';
import { treeHash } from './workspace.ts';
import { formatTestReport, isDone, recordOf } from './test-report.ts';
import { hintsShown, lastTestRun, readHistory, recordTestRun, setHintsShown, type HistoryEntry, type TestRecord } from './state.ts';

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
  if (json) ctx.out(JSON.stringify({ lab: lab.slug, done: isDone(record), ...record, files: outcomes, typecheck }, null, 2));
  else for (const line of formatTestReport({ outcomes, typecheck, record, slug: lab.slug, nn: pad2(lab.number) }, c)) ctx.out(line);
  return isDone(record) ? 0 : 1;
}

/** `pnpm lab start NN`: where to read, then vitest in watch mode on the lab (until Ctrl+C). */
export async function startLab(ctx: KitContext, lab: LabEntry): Promise<number> {
  requireReady(lab, 'start');
  const c = paint(ctx);
  ctx.out(`${c.bold(`Lab ${pad2(lab.number)} — ${lab.title}`)}
  ${lab.teaches}
  read      labs/${lab.slug}/README.md
  site      ${siteUrl(lab)}   (while pnpm start serves the site)
  edit      labs/${lab.slug}/src/
  stuck?    pnpm lab hint ${pad2(lab.number)}
Running the tests in watch mode: save a file and they run again. Ctrl+C stops.`);
  const child = spawn(process.execPath, [vitestBin], { cwd: labDirOf(ctx, lab), stdio: 'inherit', env: process.env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => child.kill(signal));
  return new Promise((done) => child.on('exit', (code) => done(code ?? 0)));
}

/**
 * `pnpm lab hint NN [--step K] [--all]`: the next unseen hint of the lab, or of README step K (each step's
 * hints are counted apart), remembered in .hotpath/hints.json; `--all`: every hint (of that step).
 */
export function hintLab(ctx: KitContext, lab: LabEntry, all: boolean, json: boolean, step?: number): void {
  const c = paint(ctx);
  const nn = pad2(lab.number);
  const hints = lab.hints;
  if (hints.length === 0) throw new CliError(`Lab ${nn} has no hints${lab.status === 'planned' ? ' yet (it is planned)' : ''}`, 1);
  const indices = hints.flatMap((hint, i) => (step === undefined || hint.step === step ? [i] : []));
  if (indices.length === 0) {
    const steps = [...new Set(hints.flatMap((hint) => (hint.step === undefined ? [] : [hint.step])))].sort((a, b) => a - b);
    throw new CliError(
      steps.length === 0
        ? `Lab ${nn}'s hints are not tied to steps: pnpm lab hint ${nn} shows the next one`
        : `Lab ${nn} has no hints for step ${step}: the steps with hints are ${steps.join(', ')} (pnpm lab hint ${nn} --step ${steps[0]})`,
    );
  }
  const seen = hintsShown(ctx, lab.slug, step);
  const show = all ? indices : [indices[Math.min(seen, indices.length - 1)]!];
  setHintsShown(ctx, lab.slug, all ? indices.length : Math.min(seen + 1, indices.length), step);
  if (json) {
    ctx.out(JSON.stringify({ lab: lab.slug, ...(step === undefined ? {} : { step }), shown: show.map((i) => ({ number: i + 1, ...hints[i] })), total: hints.length }, null, 2));
    return;
  }
  const ofStep = step === undefined ? '' : ` of step ${step}`;
  const again = `pnpm lab hint ${nn}${step === undefined ? '' : ` --step ${step}`}`;
  if (!all && seen >= indices.length) ctx.out(c.dim(`You have seen all ${indices.length} hint${indices.length === 1 ? '' : 's'}${ofStep}; here is the last one again (${again} --all shows every one).`));
  for (const i of show) {
    const hint = hints[i]!;
    const tag = hint.step === undefined ? '' : ` (step ${hint.step})`;
    ctx.out(`${c.bold(`Hint ${i + 1} of ${hints.length}${tag} — ${hint.title}`)}\n\n${hint.body}\n`);
  }
  if (!all && seen + 1 < indices.length) ctx.out(c.dim(`Still stuck? ${again} shows the next one.`));
}

export interface ListRow {
  lab: string;
  number: number;
  title: string;
  status: LabEntry['status'];
  tests: TestRecord | null;
  checkpoint: HistoryEntry | null;
}

/** `pnpm lab list`: each lab's tests (last run, or a fresh run when there is none) and last checkpoint. */
export function listLabs(ctx: KitContext, options: { fresh: boolean; run: boolean; json: boolean }): void {
  const c = paint(ctx);
  const history = readHistory(ctx);
  const rows: ListRow[] = ctx.labs.map((lab) => {
    let tests = lab.status === 'ready' ? (lastTestRun(ctx, lab.slug) ?? null) : null;
    const stale = tests !== null && tests.srcHash !== treeHash(join(labDirOf(ctx, lab), 'src'));
    if (lab.status === 'ready' && options.run && (options.fresh || tests === null || stale)) {
      const why = tests === null ? 'no recorded run yet' : stale ? 'src/ changed since the last run' : '--fresh';
      if (!options.json) ctx.err(c.dim(`Running the tests of labs/${lab.slug} (${why}) …`));
      tests = runAndRecord(ctx, lab).record;
    } else if (stale && tests) tests = { ...tests, stale: true };
    const checkpoint = history.filter((entry) => entry.lab === lab.slug).at(-1) ?? null;
    return { lab: lab.slug, number: lab.number, title: lab.title, status: lab.status, tests, checkpoint };
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
  for (const r of table) ctx.out(r.map((cell, i) => cell + ' '.repeat(Math.max(0, width(i) - stripAnsi(cell).length))).join('  ').trimEnd());
  ctx.out(c.dim(`Tests: last run of the core tests, the going-further ones and the typecheck (pnpm lab test NN, or pnpm lab list --fresh). Checkpoints: ${relative(ctx.root, join(ctx.stateDir, 'history.jsonl'))}.`));
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

/** "✓ 4/4 targets" or "✗ 1/4: GET /todos 3.10× (≥ 5× …)" — the verdict and the first missed target's ratio. */
function checkpointCell(c: ReturnType<typeof paint>, cp: HistoryEntry | null): string {
  if (cp === null) return c.dim('no checkpoint');
  const when = c.dim(`(${cp.at.slice(0, 10)}${cp.mode === 'quick' ? ', quick' : ''})`);
  if (cp.verdict.total === 0) return `measured, no target ${when}`;
  if (cp.verdict.met === cp.verdict.total) return `${c.green(`✓ ${cp.verdict.met}/${cp.verdict.total} targets`)} ${when}`;
  const missed = (cp.targets ?? []).find((t) => !t.met);
  const got = missed === undefined ? '' : ` — got ${missed.ratio === null ? 'not measured' : `${missed.ratio.toFixed(missed.ratio < 0.1 ? 3 : 2)}×`}`;
  return `${c.red(`✗ ${cp.verdict.met}/${cp.verdict.total} targets`)}: ${missed?.label ?? cp.verdict.missed[0]}${got} ${when}`;
}

const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
