/**
 * The learner's progress as the site shows it (`GET /api/progress`, and the build-time fallback of
 * plugins/progress-data.ts): per lab, the last `pnpm lab test` (.hotpath/tests.json) with the kit's own
 * reading of it — `pnpm lab list`'s tests cell, done or not (test-report.ts `isDone`), stale when src/ changed
 * since (its tree hash) — and the latest `pnpm lab bench` (.hotpath/history.jsonl): its counts, the line `list`
 * prints, and each target's verdict in the target's own words (verdict.ts `verdictLine`); with `charts`, the
 * lab's bench history and latest local run as the charts read them (checkpoint-data.ts `loadLabData`).
 * Computed from the files when asked, cached on their modification times and sizes (and on lab src/ trees'),
 * so a poll every 2 s costs a few stat calls. A state file that does not read is never a crash: `problems`
 * says which file, in the kit's own message, and the rest is still answered.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { labs, type LabEntry } from '@hotpath/workshop/manifest';
import { labDir } from '@hotpath/workshop/paths';
import { CliError, colours, type KitContext } from '@hotpath/kit/cli/context';
import { checkpointLine, srcChanged, testsCell } from '@hotpath/kit/cli/learn';
import { historyCounts, historyTargets, lastTestRun, readHistory, type HistoryEntry, type TestRecord } from '@hotpath/kit/cli/state';
import { isDone } from '@hotpath/kit/cli/test-report';
import { listFiles } from '@hotpath/kit/cli/workspace';
import { targetWords, verdictLine, type VerdictCounts, type VerdictState } from '@hotpath/kit/verdict';
import { readHistory as readHistoryLeniently } from '../plugins/bench-history.ts';
import { loadLabData, type ChartRun, type LabData } from '../plugins/checkpoint-data.ts';

/** One target of the latest checkpoint: its state and its verdict line ("2.86× faster than … (target ≥ 3×) — missed"). */
export interface TargetLine {
  state: VerdictState;
  text: string;
}

export interface LabProgress {
  slug: string;
  number: number;
  title: string;
  status: LabEntry['status'];
  /** The last `pnpm lab test` of the lab, `stale` set when src/ changed since; null when never run. */
  tests: TestRecord | null;
  /** `pnpm lab list`'s tests cell, uncoloured: "✓ core 14/14 · further 2/5 · types ✓ (stale)". */
  testsLine: string | null;
  /** Core tests and typecheck pass, on the src/ as it is now (not stale). */
  testsGreen: boolean;
  /** The latest checkpoint: when, how, its counts, `list`'s line, and every target judged. */
  checkpoint: { at: string; mode: string; runtime?: string; counts: VerdictCounts; line: string; targets: TargetLine[] } | null;
  /** The latest checkpoint met every one of its targets (and had some). */
  checkpointMet: boolean;
  /** With `charts`: the bench history and latest local run, as the charts read them (checkpoint-data.ts). */
  history?: LabData['history'];
  local?: ChartRun;
}

export interface ProgressState {
  /** 'live': read when asked, by the site's server; 'build': read when the site was built. */
  source: 'live' | 'build';
  /** When it was read. */
  at: string;
  /** What could not be read, and what to do about it (the kit's own messages); empty when all is well. */
  problems: string[];
  labs: LabProgress[];
}

/** A target of a history entry, as `pnpm lab bench` printed its verdict (older entries: by their label). */
function targetLine(lab: LabEntry, t: ReturnType<typeof historyTargets>[number]): TargetLine {
  const target = lab.targets.find((x) => targetWords(x) === t.label);
  if (t.words && t.targetShort && target)
    return {
      state: t.state,
      text: verdictLine({ target, state: t.state, targetShort: t.targetShort, learner: { ratio: t.ratio, met: t.met, words: t.words, short: t.targetShort } }),
    };
  if (t.words && t.targetShort && t.ratio !== null) return { state: t.state, text: `${t.words} (target ${t.targetShort}) — ${t.state}` };
  return { state: t.state, text: `${t.label} — ${t.state}` };
}

function checkpointOf(lab: LabEntry, entry: HistoryEntry | undefined): LabProgress['checkpoint'] {
  if (!entry) return null;
  return {
    at: entry.at,
    mode: entry.mode,
    runtime: entry.runtime,
    counts: historyCounts(entry),
    line: checkpointLine(entry),
    targets: historyTargets(entry).map((t) => targetLine(lab, t)),
  };
}

const problemOf = (error: unknown) => (error instanceof CliError ? error.message : `could not read the learner's state: ${(error as Error).message}`);

/** The progress of the kit at `root` (its .hotpath/), read now; `charts` adds each lab's history and latest local run. */
export function readProgress(root: string, options: { source: ProgressState['source']; charts: boolean }): ProgressState {
  const ctx: KitContext = { root, labs, stateDir: join(root, '.hotpath'), out: () => {}, err: () => {}, color: false };
  const problems: string[] = [];
  let history: HistoryEntry[];
  try {
    history = readHistory(ctx);
  } catch (error) {
    problems.push(problemOf(error));
    history = readHistoryLeniently(root) as unknown as HistoryEntry[]; // the lines that do read
  }
  let testsProblem = false;
  let charts: LabData[] = [];
  if (options.charts) {
    try {
      charts = loadLabData(root);
    } catch (error) {
      problems.push(`could not chart your latest runs: ${(error as Error).message}`);
    }
  }
  const plain = colours(false);
  const rows = labs.map((lab): LabProgress => {
    let tests: TestRecord | null = null;
    if (lab.status === 'ready' && !testsProblem) {
      try {
        tests = lastTestRun(ctx, lab.slug) ?? null;
      } catch (error) {
        testsProblem = true;
        problems.push(problemOf(error));
      }
    }
    // Stale as `pnpm lab list` judges it (learn.ts): src/ changed since the run.
    if (tests && srcChanged(ctx, lab, tests)) tests = { ...tests, stale: true };
    const checkpoint = checkpointOf(lab, history.filter((e) => e.lab === lab.slug).at(-1));
    const chart = charts.find((c) => c.slug === lab.slug);
    return {
      slug: lab.slug,
      number: lab.number,
      title: lab.title,
      status: lab.status,
      tests,
      testsLine: tests ? testsCell(plain, tests) : null,
      testsGreen: tests !== null && isDone(tests) && !tests.stale,
      checkpoint,
      checkpointMet: checkpoint !== null && checkpoint.counts.total > 0 && checkpoint.counts.met === checkpoint.counts.total,
      ...(chart ? { history: chart.history, local: chart.local } : {}),
    };
  });
  return { source: options.source, at: new Date().toISOString(), problems, labs: rows };
}

/** What the answer depends on: the state files' and every ready lab's src/ files' modification times and sizes. */
export function stateSignature(root: string): string {
  const stamp = (path: string) => {
    try {
      const s = statSync(path);
      return `${s.mtimeMs}:${s.size}`;
    } catch {
      return '-';
    }
  };
  const parts = [stamp(join(root, '.hotpath', 'tests.json')), stamp(join(root, '.hotpath', 'history.jsonl'))];
  for (const lab of labs) {
    if (lab.status !== 'ready') continue;
    const src = join(labDir(lab.slug, root), 'src');
    parts.push(
      `${lab.slug}:${listFiles(src)
        .map((file) => `${file}@${stamp(join(src, file))}`)
        .join(',')}`,
    );
  }
  return parts.join('|');
}

/** `readProgress` for the server: the same JSON text until a file it depends on changes. */
export function progressCache(root: string): () => string {
  let last: { signature: string; json: string } | undefined;
  return () => {
    const signature = stateSignature(root);
    if (last?.signature !== signature) last = { signature, json: JSON.stringify(readProgress(root, { source: 'live', charts: true })) };
    return last.json;
  };
}
