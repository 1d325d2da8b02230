/**
 * The learner's bench history (.hotpath/history.jsonl, one line per `pnpm lab bench`), as the charts' data
 * reads it (checkpoint-data.ts): each run's lab, date, mode, results file and verdict counts, said in the kit's
 * words ("2 met, 1 inconclusive of 3 targets"). Lines the site cannot read are skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verdictCounts } from '@hotpath/kit/verdict';

/** A history line's verdict: counts, `missed` and `inconclusive` as counts or as the targets' words (older lines: no inconclusive). */
export interface HistoryVerdict {
  met: number;
  total: number;
  missed?: number | string[];
  inconclusive?: number | string[];
}
export interface HistoryLine {
  lab: string;
  at: string;
  mode: string;
  /** The full result, relative to the kit's root. */
  result: string;
  verdict: HistoryVerdict;
}

/** The history of the kit at `root`, oldest first; empty without one. */
export function readHistory(root: string): HistoryLine[] {
  const path = join(root, '.hotpath', 'history.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as HistoryLine];
      } catch {
        return [];
      }
    });
}

const count = (n: number | string[] | undefined) => (typeof n === 'number' ? n : Array.isArray(n) ? n.length : 0);

/** "2 met, 1 missed, 1 inconclusive of 4 targets" for a history line. */
export function historyWords(v: HistoryVerdict): string {
  const inconclusive = count(v.inconclusive);
  return verdictCounts({ met: v.met, missed: Math.max(0, v.total - v.met - inconclusive), inconclusive, total: v.total });
}
