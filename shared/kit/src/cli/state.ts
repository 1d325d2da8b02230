/**
 * The learner's state, all in one ignored folder at the root (`.hotpath/`): which hints were shown, the last
 * test run of each lab, the bench history (JSON Lines the site can render) and the results it points to.
 * Backups live there too (see workspace.ts). A state file that is not valid JSON stops the CLI with one line
 * saying which file to fix or delete — never a stack trace, never a silent reset of the learner's history.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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

export interface HistoryEntry {
  lab: string;
  at: string;
  mode: 'quick' | 'full';
  /** Repo-relative path of the full result JSON. */
  result: string;
  verdict: { met: number; total: number; missed: string[] };
  /** Each manifest target with the ratio this run measured. */
  targets: Array<{ label: string; ratio: number | null; met: boolean }>;
  /** Headline ratios vs the run's baseline (the lab's): `${scenario} ${metric}` → { subject, reference }. */
  ratios: Record<string, { subject: number | null; reference: number | null }>;
  fingerprint: { node: string; cpuModel: string; cores: number; busy: boolean; gitCommit: string | null };
}

interface StateFiles {
  'hints.json': Record<string, number>;
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
    throw new CliError(`${relative(ctx.root, path)} is not valid JSON: fix it or delete it (it only holds ${file === 'hints.json' ? 'which hints you saw' : 'your last test results'})`);
  }
}

function writeJson<K extends keyof StateFiles>(ctx: KitContext, file: K, value: StateFiles[K]): void {
  mkdirSync(ctx.stateDir, { recursive: true });
  writeFileSync(join(ctx.stateDir, file), `${JSON.stringify(value, null, 2)}\n`);
}

/** hints.json's key: the slug for the lab's hints in order, `<slug>#step<K>` for the hints of step K. */
const hintsKey = (slug: string, step?: number) => (step === undefined ? slug : `${slug}#step${step}`);

/** How many hints of the lab (or of its step `step`) were shown, in order. */
export const hintsShown = (ctx: KitContext, slug: string, step?: number): number => readJson(ctx, 'hints.json')[hintsKey(slug, step)] ?? 0;

export function setHintsShown(ctx: KitContext, slug: string, count: number, step?: number): void {
  writeJson(ctx, 'hints.json', { ...readJson(ctx, 'hints.json'), [hintsKey(slug, step)]: count });
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
