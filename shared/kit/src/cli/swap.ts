/**
 * Replacing a lab's `src/` (solve, reset, restore) so that a CLI killed at any moment leaves it whole or
 * recoverable, and the recovery every lab command runs first. The steps, the states they leave on disk and
 * the fault injection are described in journal.ts; in short: journal → verified, fsynced backup → verified,
 * fsynced copy of the new files in src.hotpath-new → src renamed to src.hotpath-old → src.hotpath-new renamed
 * to src → src.hotpath-old renamed to src.hotpath-trash and deleted → journal deleted. Recovery puts the
 * learner's files back when the swap stopped before the new files were in place, and finishes it after.
 * Either way it says so in one line.
 */
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createBackup, removeUnfinishedBackups, unfinishedBackups, verifiedBackup, type Backup } from './backups.ts';
import { CliError, labDirOf, pad2, type KitContext } from './context.ts';
import { crashPoint, isAlive, readJournal, removeJournal, stateOnDisk, writeJournal, type Journal } from './journal.ts';
import { copyTree, fsyncPath, present, scanTree, treeDifferences, treeHash, type TreeEntry } from './tree.ts';
import type { LabEntry } from '@hotpath/workshop/manifest';

/** How long a swap's journal may name a live process before that pid is taken to be someone else's. */
const LIVE_SWAP_MS = 10 * 60_000;

export type SwapOutcome = { kind: 'unchanged' } | { kind: 'created' } | { kind: 'replaced'; backup: Backup };

function swapPaths(ctx: KitContext, lab: LabEntry) {
  const src = join(labDirOf(ctx, lab), 'src');
  return { lab: labDirOf(ctx, lab), src, incoming: `${src}.hotpath-new`, outgoing: `${src}.hotpath-old`, trash: `${src}.hotpath-trash` };
}

/**
 * Puts `entries` of `from` in place of the lab's src/, after a verified backup of what is there. Refuses
 * before changing anything when src/ holds something that cannot be copied (scanTree says what).
 */
export function replaceSrc(ctx: KitContext, lab: LabEntry, from: string, entries: TreeEntry[], verb: string): SwapOutcome {
  const at = swapPaths(ctx, lab);
  const label = `labs/${lab.slug}/src`;
  const current = present(at.src) ? scanTree(at.src, label) : undefined;
  if (current && treeDifferences(current, entries).length === 0) return { kind: 'unchanged' };
  if (present(at.incoming) || present(at.outgoing) || present(at.trash)) {
    throw new CliError(`${label}.hotpath-new/-old/-trash are left from another pnpm lab: wait for it to finish, then run this again`, 1);
  }
  const journal: Journal = { verb, pid: process.pid, startedAt: new Date().toISOString() };
  writeJournal(ctx, lab, journal);
  crashPoint('begin');
  let backup: Backup | undefined;
  try {
    if (current) {
      backup = createBackup(ctx, lab, at.src, current, verb);
      writeJournal(ctx, lab, { ...journal, backup: backup.id });
      crashPoint('backup-sealed');
    }
    copyTree(from, at.incoming, entries, () => crashPoint('stage-copy'));
    if (treeDifferences(entries, scanTree(at.incoming, `${label}.hotpath-new`)).length > 0) throw new Error('the copy did not read back the same');
    writeJournal(ctx, lab, { ...journal, backup: backup?.id, staged: treeHash(at.incoming) });
    crashPoint('staged');
    if (current) {
      renameSync(at.src, at.outgoing);
      fsyncPath(at.lab);
      crashPoint('old-moved');
    }
    renameSync(at.incoming, at.src);
    fsyncPath(at.lab);
    crashPoint('new-moved');
  } catch (error) {
    if (!present(at.src) && present(at.outgoing)) renameSync(at.outgoing, at.src);
    rmSync(at.incoming, { recursive: true, force: true });
    removeJournal(ctx, lab);
    const saved = backup ? ` Your files are also saved in backup ${backup.id}.` : '';
    throw new CliError(`Could not replace ${label} (${(error as Error).message}); it was left as it was.${saved}`, 1);
  }
  if (current) {
    renameSync(at.outgoing, at.trash);
    fsyncPath(at.lab);
    crashPoint('old-trashed');
    rmSync(at.trash, { recursive: true, force: true });
  }
  crashPoint('done');
  removeJournal(ctx, lab);
  return backup ? { kind: 'replaced', backup } : { kind: 'created' };
}

/**
 * Finds and repairs a swap of the lab's src/ that a killed CLI left unfinished; returns the one line saying
 * what it did, or undefined when there was nothing to do. A swap another live pnpm lab is doing is left alone
 * (and `touching` commands, which would change src/ themselves, are refused meanwhile).
 */
export function recoverLab(ctx: KitContext, lab: LabEntry, touching: boolean): string | undefined {
  const at = swapPaths(ctx, lab);
  const read = readJournal(ctx, lab);
  const journal = read === 'damaged' ? undefined : read;
  const disk = {
    src: present(at.src),
    incoming: present(at.incoming),
    outgoing: present(at.outgoing),
    trash: present(at.trash),
    unfinishedBackups: unfinishedBackups(ctx, lab).length,
    journal,
  };
  if (read === undefined && !disk.incoming && !disk.outgoing && !disk.trash && disk.unfinishedBackups === 0) return undefined;
  const label = `labs/${lab.slug}/src`;
  // A swap takes seconds: a journal older than this is a dead CLI's, whatever process has its pid now.
  const live = journal !== undefined && Date.now() - Date.parse(journal.startedAt) < LIVE_SWAP_MS && isAlive(journal.pid);
  if (journal && live) {
    const busy = `another pnpm lab (pid ${journal.pid}) is running "${journal.verb}" on ${label}`;
    if (touching) throw new CliError(`${busy[0]!.toUpperCase()}${busy.slice(1)}: wait for it to finish, then run this again`, 1);
    return `pnpm lab: ${busy}; left it alone.`;
  }
  const step = stateOnDisk(disk);
  const what = journal ? `"pnpm lab ${journal.verb} ${pad2(lab.number)}"` : `change of ${label}`;
  const did: string[] = [];
  let finished = false;
  const unfinished = removeUnfinishedBackups(ctx, lab);
  if (unfinished > 0) did.push(`deleted ${unfinished === 1 ? 'an unfinished backup' : `${unfinished} unfinished backups`} (never used)`);
  if (disk.src && disk.incoming) {
    rmSync(at.incoming, { recursive: true, force: true });
    did.push('deleted the new files it had copied next to src/');
  } else if (!disk.src && disk.outgoing) {
    renameSync(at.outgoing, at.src);
    rmSync(at.incoming, { recursive: true, force: true });
    did.push(`${label} was missing: put your files back from src.hotpath-old`);
  } else if (!disk.src && disk.incoming) {
    if (journal?.staged !== undefined && journal.staged === treeHash(at.incoming)) {
      renameSync(at.incoming, at.src);
      did.push(`${label} was missing: moved the verified new files in`);
      finished = true;
    } else {
      rmSync(at.incoming, { recursive: true, force: true });
      did.push(`deleted an unverified src.hotpath-new; ${label} is missing (pnpm lab reset ${pad2(lab.number)} recreates it)`);
    }
  }
  if (disk.src && disk.outgoing) {
    finished = true;
    const backup = journal?.backup === undefined ? undefined : verifiedBackup(ctx, lab, journal.backup);
    const old = scanTree(at.outgoing, `${label}.hotpath-old`);
    if (backup && treeDifferences(backup.entries, old).length === 0) did.push(`deleted src.hotpath-old (the same files as backup ${backup.id})`);
    else did.push(`saved src.hotpath-old as backup ${createBackup(ctx, lab, at.outgoing, old, 'recovered').id}`);
    rmSync(at.outgoing, { recursive: true, force: true });
  }
  if (disk.trash) {
    finished = true;
    rmSync(at.trash, { recursive: true, force: true });
    did.push('deleted src.hotpath-trash');
  }
  if (step === 'done') finished = true;
  fsyncPath(at.lab);
  removeJournal(ctx, lab);
  const saved = journal?.backup ? `; the files it replaced are in backup ${journal.backup} (pnpm lab restore ${pad2(lab.number)} ${journal.backup})` : '';
  const outcome = !present(at.src)
    ? ''
    : finished
      ? ` It had done its work: ${label} holds the new files${saved}.`
      : ` ${label} is as it was before${journal ? `: run "pnpm lab ${journal.verb} ${pad2(lab.number)}" again` : ''}${journal?.backup ? ` (the backup it had made, ${journal.backup}, is kept)` : ''}.`;
  return `pnpm lab: recovered an interrupted ${what} (killed at step "${step}"): ${did.length > 0 ? did.join('; ') : finished ? 'nothing was left to repair' : 'nothing had been changed yet'}.${outcome}`;
}

/** Runs recovery for `lab` before a command and prints its line, on stderr (stdout may be --json). */
export function recoverFirst(ctx: KitContext, lab: LabEntry, touching: boolean): void {
  const line = recoverLab(ctx, lab, touching);
  if (line) ctx.err(line);
}
