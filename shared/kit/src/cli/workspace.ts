/**
 * The learner's files and the verbs that change them: `reset` (back to the committed starting code),
 * `solve` (the reference solution copied in) and `restore` (a backup brought back). Every overwrite goes
 * through swap.ts: a verified, fsynced backup of the lab's `src/` (files, symbolic links and empty folders)
 * into `.hotpath/backups/<slug>/<id>/`, then a swap that a killed CLI leaves whole or recoverable by the next
 * command. Each verb says what it actually did: replaced (and where the old files are), created a missing
 * src/, or nothing because src/ already held exactly those files.
 */
import { join, relative } from 'node:path';
import { extractCommitted, startingRef } from '../pristine.ts';
import { listBackups, type Backup } from './backups.ts';
import { CliError, pad2, solutionDirOf, type KitContext } from './context.ts';
import { replaceSrc, type SwapOutcome } from './swap.ts';
import { present, scanTree } from './tree.ts';
import type { LabEntry } from '@hotpath/workshop/manifest';

export { listFiles, sameTree, treeHash } from './tree.ts';
export { listBackups, type Backup } from './backups.ts';

const savedLine = (ctx: KitContext, lab: LabEntry, outcome: SwapOutcome) =>
  outcome.kind === 'replaced'
    ? ` Your previous files are saved in ${relative(ctx.root, outcome.backup.dir)} (pnpm lab restore ${pad2(lab.number)} brings them back).`
    : '';

/** `pnpm lab reset NN`: the committed starting code back in labs/NN/src. */
export function resetLab(ctx: KitContext, lab: LabEntry): void {
  let pristine: ReturnType<typeof extractCommitted>;
  try {
    pristine = extractCommitted(ctx.root, `labs/${lab.slug}/src`, startingRef(ctx.root));
  } catch (error) {
    throw new CliError((error as Error).message, 1);
  }
  try {
    const outcome = replaceSrc(ctx, lab, pristine.dir, scanTree(pristine.dir, 'the starting code'), 'reset');
    if (outcome.kind === 'unchanged') ctx.out(`labs/${lab.slug}/src is already the starting code (${pristine.from}); nothing changed.`);
    else if (outcome.kind === 'created') ctx.out(`labs/${lab.slug}/src was missing: it now holds the starting code (${pristine.from}).`);
    else ctx.out(`labs/${lab.slug}/src is back to the starting code (${pristine.from}).${savedLine(ctx, lab, outcome)}`);
  } finally {
    pristine.cleanup();
  }
}

/** `pnpm lab solve NN`: the reference solution copied into labs/NN/src, for catching up in a live workshop. */
export function solveLab(ctx: KitContext, lab: LabEntry): void {
  const solution = join(solutionDirOf(ctx, lab), 'src');
  if (!present(solution)) throw new CliError(`solutions/${lab.slug}/src is missing: there is no reference solution to copy`);
  const outcome = replaceSrc(ctx, lab, solution, scanTree(solution, `solutions/${lab.slug}/src`), 'solve');
  if (outcome.kind === 'unchanged') ctx.out(`labs/${lab.slug}/src already holds the reference solution; nothing changed.`);
  else if (outcome.kind === 'created') ctx.out(`labs/${lab.slug}/src was missing: it now holds the reference solution.`);
  else ctx.out(`labs/${lab.slug}/src now holds the reference solution.${savedLine(ctx, lab, outcome)}`);
}

function describe(b: Backup): string {
  if (b.damaged) return `damaged: ${b.damaged}; it cannot be restored`;
  const links = b.entries.filter((e) => e.kind === 'link').length;
  const dirs = b.entries.filter((e) => e.kind === 'dir').length;
  const extra = [links ? `${links} link${links === 1 ? '' : 's'}` : '', dirs ? `${dirs} empty folder${dirs === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
  return `${b.entries.length - links - dirs} files${extra ? ` (+ ${extra})` : ''}, saved before "${b.reason}"`;
}

/**
 * `pnpm lab restore NN [id|--list]`: lists the backups (damaged ones too, with why) and brings back the newest
 * sound one that reset or solve made (or the one named). Restoring saves the current files first, as a
 * backup marked "restore"; those are listed but not picked by default, so restoring twice does not undo
 * itself — name its id to go back. Only the entries a backup's list names are copied, and a backup holding
 * anything else is damaged: refused.
 */
export function restoreLab(ctx: KitContext, lab: LabEntry, which: string | undefined, listOnly: boolean): void {
  const backups = listBackups(ctx, lab);
  if (backups.length === 0) throw new CliError(`No backups of lab ${pad2(lab.number)} yet: reset and solve make one before they change anything`, 1);
  const exact = backups.filter((b) => b.id === which);
  const matches = which === undefined ? [] : exact.length === 1 ? exact : backups.filter((b) => b.id.startsWith(which));
  if (which !== undefined && matches.length !== 1) {
    throw new CliError(
      matches.length === 0
        ? `No backup "${which}" of lab ${pad2(lab.number)} (pnpm lab restore ${pad2(lab.number)} --list)`
        : `"${which}" matches ${matches.length} backups: give more of the id`,
    );
  }
  const sound = backups.filter((b) => !b.damaged);
  const chosen = which === undefined ? (sound.find((b) => b.reason !== 'restore') ?? sound[0]) : matches[0]!;
  ctx.out(`Backups of labs/${lab.slug}/src, newest first:`);
  for (const b of backups) ctx.out(`  ${!listOnly && b === chosen ? '*' : ' '} ${b.id}  ${describe(b)}`);
  if (listOnly) return;
  if (!chosen) throw new CliError(`Every backup of lab ${pad2(lab.number)} is damaged (listed above with why): there is nothing sound to restore`, 1);
  if (chosen.damaged)
    throw new CliError(`Backup ${chosen.id} is damaged (${chosen.damaged}): pick another one (pnpm lab restore ${pad2(lab.number)} --list)`, 1);
  const outcome = replaceSrc(ctx, lab, join(chosen.dir, 'src'), chosen.entries, 'restore');
  if (outcome.kind === 'unchanged') ctx.out(`labs/${lab.slug}/src already matches backup ${chosen.id}; nothing changed.`);
  else if (outcome.kind === 'created') ctx.out(`labs/${lab.slug}/src was missing: restored backup ${chosen.id} into it.`);
  else
    ctx.out(
      `Restored backup ${chosen.id} into labs/${lab.slug}/src. The files it replaced are backup ${outcome.backup.id} (pnpm lab restore ${pad2(lab.number)} ${outcome.backup.id} brings them back).`,
    );
}
