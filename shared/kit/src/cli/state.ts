/**
 * The learner's state, all in one ignored folder at the root (`.hotpath/`): which hints were shown, the last
 * test run of each lab, the bench history (JSON Lines the site can render: each target's verdict in its own
 * words, the reference's beside it; older lines, without states, still read) and the results it points to.
 * Backups live there too (see workspace.ts). A state file that is not valid JSON stops the CLI with one line
 * saying which file to fix or delete — never a stack trace, never a silent reset of the learner's history.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { VerdictCounts, VerdictState } from '../verdict.ts';
import { CliError, type KitContext } from './context.ts';

export interface TestRecord {
  /** SHA-256 over the files of labs/NN/src when the tests ran: a different hash means the result is stale. */
  srcHash?: string;
  /** Core tests (test/*.test.ts) that passed; in a record written before going further existed, every test. */
  passed: number;
  failed: number;
  /** Core test files that did not load. */
  loadErrors: number;
  /** The going-further tests (test/going-further/); absent when the lab has none, or in an older record. */
  further?: { passed: number; failed: number; loadErrors: number };
  /** Errors of the lab's typecheck; absent when it did not run (an older record, or a lab without tsconfig.json). */
  typeErrors?: number;
  at: string;
  /** Set by `list` (never stored) when src/ changed after this run. */
  stale?: boolean;
}

/** One target of a bench run as the history keeps it. */
export interface HistoryTarget {
  /** The target in its own words (verdict.ts `targetWords`); in older entries, the manifest's label then. */
  label: string;
  /** The learner's figure in the target's direction ("2.86× faster than …"); absent in older entries. */
  words?: string;
  /** The bar, as "(target …)" prints it ("≥ 3×"); absent in older entries. */
  targetShort?: string;
  ratio: number | null;
  met: boolean;
  /** met, missed or inconclusive; absent in older entries (read them through `historyTargets`: met or missed). */
  state?: VerdictState;
  /** The reference's figure and verdict from the same run; absent when the run measured none, and in older entries. */
  reference?: { ratio: number | null; met: boolean };
}

export interface HistoryEntry {
  lab: string;
  at: string;
  mode: 'quick' | 'full';
  /** Repo-relative path of the full result JSON. */
  result: string;
  /** The runtime the run measured ("Node 26.12.1"), whose targets it was judged by; absent in older entries. */
  runtime?: string;
  /**
   * How many targets were met, missed and inconclusive (verdict.ts `countVerdicts`). Older entries have
   * `{ met, total, missed: [labels] }` and no `inconclusive`: read them through `historyCounts`.
   */
  verdict: { met: number; total: number; missed: number | string[]; inconclusive?: number };
  /** Each target judged in this run, in the manifest's order. */
  targets: HistoryTarget[];
  /** Headline ratios vs the run's baseline (the lab's): `${scenario} ${metric}` → { subject, reference }. */
  ratios: Record<string, { subject: number | null; reference: number | null }>;
  fingerprint: { node: string; cpuModel: string; cores: number; busy: boolean; gitCommit: string | null };
}

/** A history entry's counts, older entries (missed as a list, no inconclusive) included. */
export function historyCounts(entry: Pick<HistoryEntry, 'verdict'>): VerdictCounts {
  const { met, total, missed, inconclusive = 0 } = entry.verdict;
  return { met, missed: Array.isArray(missed) ? total - met : missed, inconclusive, total };
}

/** A history entry's targets, each with a state (an older entry's: met or missed). */
export const historyTargets = (entry: Pick<HistoryEntry, 'targets'>): Array<HistoryTarget & { state: VerdictState }> =>
  (entry.targets ?? []).map((t) => ({ ...t, state: t.state ?? (t.met ? 'met' : 'missed') }));

interface StateFiles {
  /** Per lab slug, the numbers (1-based, manifest order) of the hints shown; older kits stored counts (see hintsSeen). */
  'hints.json': Record<string, number[] | number>;
  'tests.json': Record<string, TestRecord>;
}

function readJson<K extends keyof StateFiles>(ctx: KitContext, file: K): StateFiles[K] {
  const path = join(ctx.stateDir, file);
  if (!existsSync(path)) return {} as StateFiles[K];
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as StateFiles[K];
  } catch {
    throw new CliError(
      `${relative(ctx.root, path)} is not valid JSON: fix it or delete it (it only holds ${file === 'hints.json' ? 'which hints you saw' : 'your last test results'})`,
    );
  }
}

function writeJson<K extends keyof StateFiles>(ctx: KitContext, file: K, value: StateFiles[K]): void {
  mkdirSync(ctx.stateDir, { recursive: true });
  writeFileSync(join(ctx.stateDir, file), `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The numbers (1-based, in the manifest's order) of lab `slug`'s hints shown so far, however they were asked
 * for (`hint NN`, `--step K`, `--further`, `--all`). Reads the older format too, which counted in order: a count
 * under `<slug>` is the lab's first N hints, one under `<slug>#step<K>` the first N of step K's hints (`steps`
 * gives each hint's step, in manifest order).
 */
export function hintsSeen(ctx: KitContext, slug: string, steps: readonly (number | undefined)[]): Set<number> {
  const seen = new Set<number>();
  for (const [key, value] of Object.entries(readJson(ctx, 'hints.json'))) {
    if (key === slug && Array.isArray(value)) {
      for (const n of value) if (Number.isInteger(n) && n >= 1 && n <= steps.length) seen.add(n);
    } else if (key === slug && typeof value === 'number') {
      for (let n = 1; n <= Math.min(value, steps.length); n++) seen.add(n);
    } else if (key.startsWith(`${slug}#step`) && typeof value === 'number') {
      const step = Number(key.slice(`${slug}#step`.length));
      const ofStep = steps.flatMap((s, i) => (s === step ? [i + 1] : []));
      for (const n of ofStep.slice(0, value)) seen.add(n);
    }
  }
  return seen;
}

/** Stores the hint numbers of lab `slug` shown so far (its older per-step counts are folded in and dropped). */
export function setHintsSeen(ctx: KitContext, slug: string, seen: Iterable<number>): void {
  const state = Object.fromEntries(Object.entries(readJson(ctx, 'hints.json')).filter(([key]) => !key.startsWith(`${slug}#step`)));
  writeJson(ctx, 'hints.json', { ...state, [slug]: [...new Set(seen)].sort((a, b) => a - b) });
}

export const lastTestRun = (ctx: KitContext, slug: string): TestRecord | undefined => readJson(ctx, 'tests.json')[slug];

export function recordTestRun(ctx: KitContext, slug: string, record: TestRecord): void {
  writeJson(ctx, 'tests.json', { ...readJson(ctx, 'tests.json'), [slug]: record });
}

export const historyPath = (ctx: KitContext) => join(ctx.stateDir, 'history.jsonl');

export function appendHistory(ctx: KitContext, entry: HistoryEntry): void {
  mkdirSync(dirname(historyPath(ctx)), { recursive: true });
  appendFileSync(historyPath(ctx), `${JSON.stringify(entry)}\n`);
}

/** Every history entry, oldest first. A line that does not parse stops with the line number. */
export function readHistory(ctx: KitContext): HistoryEntry[] {
  const path = historyPath(ctx);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as HistoryEntry;
      } catch {
        throw new CliError(`${relative(ctx.root, path)} line ${i + 1} is not valid JSON: fix or delete that line`);
      }
    });
}
