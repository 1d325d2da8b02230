/**
 * The steps of a swap of a lab's `src/` (solve, reset, restore), its journal, and fault injection.
 *
 * A swap goes through these named steps, in order; each leaves a state that can be told from what is on disk
 * (labs/NN/src, src.hotpath-new, src.hotpath-old, src.hotpath-trash, the backup, the journal):
 *
 *   begin          .hotpath/swaps/<slug>.json written (verb, pid); nothing else changed yet
 *   backup-copy    .hotpath/backups/<slug>/<id>/src partly copied, no backup.json: an unfinished backup
 *   backup-sealed  the backup complete, verified, fsynced, with its backup.json; the journal names it
 *   stage-copy     src.hotpath-new partly copied (the files going in)
 *   staged         src.hotpath-new complete, verified and fsynced; the journal holds its tree hash
 *   old-moved      src renamed to src.hotpath-old: src/ is MISSING until the next step
 *   new-moved      src.hotpath-new renamed to src: the new files are in place
 *   old-trashed    src.hotpath-old renamed to src.hotpath-trash (only ever deleted, never read back)
 *   done           trash deleted; the journal is deleted right after
 *
 * Recovery (swap.ts, before every lab command) reads the state back from disk with `stateOnDisk` and rolls it
 * back before `old-moved` (the learner's src/ untouched, the leftovers deleted), back too at `old-moved` (src.hotpath-old
 * renamed back to src: the command did not happen), and forward from `new-moved` on. An unfinished backup is
 * deleted, never used. The journal's pid keeps one CLI from "recovering" a swap another one is still doing.
 *
 * Fault injection: HOTPATH_CRASH_AT=<step> makes the process SIGKILL itself when it reaches that state, as
 * a power cut or a closed terminal would; the CLI's tests kill it at every step this way.
 * HOTPATH_TRACE_STEPS=1 prints each step as it is reached (see crashPoint).
 */
import { existsSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { writeDurably } from './tree.ts';
import type { KitContext } from './context.ts';
import type { LabEntry } from '@hotpath/workshop/manifest';

export const STEPS = ['begin', 'backup-copy', 'backup-sealed', 'stage-copy', 'staged', 'old-moved', 'new-moved', 'old-trashed', 'done'] as const;
export type Step = (typeof STEPS)[number];

/**
 * Kills this process with SIGKILL when HOTPATH_CRASH_AT names `step` (fault injection for the tests); with
 * HOTPATH_TRACE_STEPS set, first writes `hotpath-step <step>` to stderr, unbuffered, so a test can kill the
 * process at a random moment of the swap itself rather than of its start-up.
 */
export function crashPoint(step: Step): void {
  if (process.env.HOTPATH_TRACE_STEPS) writeSync(2, `hotpath-step ${step}\n`);
  if (process.env.HOTPATH_CRASH_AT === step) process.kill(process.pid, 'SIGKILL');
}

export interface Journal {
  verb: string;
  pid: number;
  startedAt: string;
  /** Id of the verified backup of the files being replaced, once made. */
  backup?: string;
  /** treeHash of src.hotpath-new once it is complete and verified. */
  staged?: string;
}

export const journalPath = (ctx: KitContext, lab: LabEntry) => join(ctx.stateDir, 'swaps', `${lab.slug}.json`);

export function writeJournal(ctx: KitContext, lab: LabEntry, journal: Journal): void {
  writeDurably(journalPath(ctx, lab), `${JSON.stringify(journal, null, 2)}\n`);
}

/** The journal, undefined when there is none; `damaged` when it does not parse (a kill while writing it). */
export function readJournal(ctx: KitContext, lab: LabEntry): Journal | 'damaged' | undefined {
  const path = journalPath(ctx, lab);
  if (!existsSync(path)) return undefined;
  try {
    const journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
    if (typeof journal.verb !== 'string' || typeof journal.pid !== 'number') return 'damaged';
    return journal;
  } catch {
    return 'damaged';
  }
}

export function removeJournal(ctx: KitContext, lab: LabEntry): void {
  rmSync(journalPath(ctx, lab), { force: true });
  rmSync(`${journalPath(ctx, lab)}.tmp`, { force: true });
}

/** True while process `pid` runs (another terminal's pnpm lab still doing its swap). */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DiskState {
  src: boolean;
  incoming: boolean;
  outgoing: boolean;
  trash: boolean;
  unfinishedBackups: number;
  journal: Journal | undefined;
}

/** The step a swap stopped at, read back from what is on disk. */
export function stateOnDisk(disk: DiskState): Step {
  if (disk.trash) return 'old-trashed';
  if (disk.src && disk.outgoing) return 'new-moved';
  if (!disk.src && disk.outgoing) return 'old-moved';
  if (disk.incoming) return disk.journal?.staged !== undefined ? 'staged' : 'stage-copy';
  if (disk.unfinishedBackups > 0) return 'backup-copy';
  if (disk.journal?.staged !== undefined) return 'done';
  if (disk.journal?.backup !== undefined) return 'backup-sealed';
  return 'begin';
}
