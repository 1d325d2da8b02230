/**
 * The learning verbs: `list` (progress table), `start NN` (instructions, then tests in watch mode),
 * `test NN` (one run, failing assertions' messages) and `hint NN` (the next unseen hint, or all).
 */
import { spawn } from 'node:child_process';
import { join, relative } from 'node:path';
import { runLabTests, vitestBin, type FileOutcome } from '../run-lab-tests.ts';
import type { LabEntry } from '../manifest.ts';
import { CliError, labDirOf, pad2, paint, requireReady, type KitContext } from './context.ts';
import { treeHash } from './workspace.ts';
import { hintsShown, lastTestRun, readHistory, recordTestRun, setHintsShown, type HistoryEntry, type TestRecord } from './state.ts';

const SITE = 'http://127.0.0.1:3000';
export const siteUrl = (lab: LabEntry) => `${SITE}/labs/${lab.slug}`;

/** Runs the lab's tests once against labs/NN/src and records the counts for `list`. */
export function runAndRecord(ctx: KitContext, lab: LabEntry): { outcomes: FileOutcome[]; record: TestRecord } {
  const src = join(labDirOf(ctx, lab), 'src');
  const srcHash = treeHash(src);
  const outcomes = runLabTests(lab.slug, src, ctx.root);
  const record: TestRecord = {
    srcHash,
    passed: outcomes.reduce((n, o) => n + o.passed, 0),
    failed: outcomes.reduce((n, o) => n + o.failed, 0),
    loadErrors: outcomes.filter((o) => o.loadError !== undefined).length,
    at: new Date().toISOString(),
  };
  recordTestRun(ctx, lab.slug, record);
  return { outcomes, record };
}

/** `pnpm lab test NN`: exit status 0 when every test passed. */
export function testLab(ctx: KitContext, lab: LabEntry, json: boolean): number {
  requireReady(lab, 'test');
  const c = paint(ctx);
  if (!json) ctx.err(c.dim(`Running the tests of labs/${lab.slug} …`));
  const { outcomes, record } = runAndRecord(ctx, lab);
  if (json) {
    ctx.out(JSON.stringify({ lab: lab.slug, ...record, files: outcomes }, null, 2));
  } else {
    for (const o of outcomes) {
      const mark = o.loadError ? c.red('✗ did not load') : o.failed > 0 ? c.red(`✗ ${o.failed} failing`) : c.green('✓');
      ctx.out(`${mark}  test/${o.file}  (${o.passed} passed)`);
      if (o.loadError) ctx.out(`     ${o.loadError.split('\n')[0]}`);
      for (const f of o.failures) ctx.out(`     ${c.bold(f.test)}\n       ${f.message}`);
    }
    const total = record.passed + record.failed;
    ctx.out(
      record.failed === 0 && record.loadErrors === 0
        ? c.green(`All ${total} tests of lab ${pad2(lab.number)} pass. Next: pnpm lab bench ${pad2(lab.number)} --quick`)
        : c.yellow(`${record.passed}/${total} passing. Stuck? pnpm lab hint ${pad2(lab.number)}`),
    );
  }
  return record.failed === 0 && record.loadErrors === 0 ? 0 : 1;
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

/** `pnpm lab hint NN [--all]`: the next unseen hint, remembered in .hotpath/hints.json. */
export function hintLab(ctx: KitContext, lab: LabEntry, all: boolean, json: boolean): void {
  const c = paint(ctx);
  const hints = lab.hints;
  if (hints.length === 0) throw new CliError(`Lab ${pad2(lab.number)} has no hints${lab.status === 'planned' ? ' yet (it is planned)' : ''}`, 1);
  const seen = hintsShown(ctx, lab.slug);
  const show = all ? hints.map((_, i) => i) : [Math.min(seen, hints.length - 1)];
  setHintsShown(ctx, lab.slug, all ? hints.length : Math.min(seen + 1, hints.length));
  if (json) {
    ctx.out(JSON.stringify({ lab: lab.slug, shown: show.map((i) => ({ number: i + 1, ...hints[i] })), total: hints.length }, null, 2));
    return;
  }
  if (!all && seen >= hints.length) ctx.out(c.dim(`You have seen all ${hints.length} hints; here is the last one again (--all shows every one).`));
  for (const i of show) ctx.out(`${c.bold(`Hint ${i + 1} of ${hints.length} — ${hints[i]!.title}`)}\n\n${hints[i]!.body}\n`);
  if (!all && seen + 1 < hints.length) ctx.out(c.dim(`Still stuck? pnpm lab hint ${pad2(lab.number)} shows the next one.`));
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
    const tests =
      row.status === 'planned'
        ? c.dim('planned')
        : t === null
          ? c.dim('not run')
          : (t.failed === 0 && t.loadErrors === 0 ? c.green(`✓ ${t.passed}/${t.passed}`) : c.red(`✗ ${t.passed}/${t.passed + t.failed}`)) + (t.stale ? c.dim(' (stale)') : '');
    const cp = row.checkpoint;
    return [pad2(row.number), row.title, tests, checkpointCell(c, cp)];
  });
  const width = (i: number) => Math.max(...table.map((r) => stripAnsi(r[i]!).length));
  for (const r of table) ctx.out(r.map((cell, i) => cell + ' '.repeat(Math.max(0, width(i) - stripAnsi(cell).length))).join('  ').trimEnd());
  ctx.out(c.dim(`Tests: last run (pnpm lab test NN, or pnpm lab list --fresh). Checkpoints: ${relative(ctx.root, join(ctx.stateDir, 'history.jsonl'))}.`));
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
