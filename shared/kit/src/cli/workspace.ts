/**
 * The learner's files and the verbs that change them: `reset` (back to the committed starting code),
 * `solve` (the reference solution copied in), `restore` (a backup brought back) and `diff` (yours vs the
 * solution). Every overwrite is preceded by a backup of the lab's `src/` into
 * `.hotpath/backups/<slug>/<time>/`, read back and compared byte for byte before anything is touched; a
 * backup that does not verify stops the command with the lab untouched.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { extractCommitted, startingRef } from '../pristine.ts';
import { CliError, fileStamp, labDirOf, pad2, solutionDirOf, type KitContext } from './context.ts';
import type { LabEntry } from '../manifest.ts';

/** Backups, reset, solve and restore take every file of src/ but these. */
const NEVER = { dirs: new Set(['node_modules']), file: /^\.DS_Store$/ };
/** `diff` also leaves out generated and build output, which differs without anyone having written it. */
const NOT_DIFFED = { dirs: new Set(['node_modules', 'dist', 'build', 'coverage', '.turbo']), file: /\.(generated\.[cm]?[jt]s|map|cpuprofile|log)$|^\.DS_Store$/ };

/** Relative paths of the files under `dir` (sorted); `forDiff` also leaves generated and build files out. */
export function listFiles(dir: string, forDiff = false): string[] {
  if (!existsSync(dir)) return [];
  const skip = forDiff ? NOT_DIFFED : NEVER;
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!skip.dirs.has(entry.name)) walk(join(at, entry.name));
      } else if (entry.isFile() && !skip.file.test(entry.name)) found.push(relative(dir, join(at, entry.name)));
    }
  };
  walk(dir);
  return found.sort();
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** One SHA-256 over the names and bytes of every file under `dir`: changes when anything in it changes. */
export function treeHash(dir: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dir)) hash.update(`${file}\0`).update(readFileSync(join(dir, file))).update('\0');
  return hash.digest('hex');
}

/** True when both folders hold the same files with the same bytes. */
export function sameTree(a: string, b: string): boolean {
  const files = listFiles(a);
  const other = listFiles(b);
  return files.length === other.length && files.every((file, i) => file === other[i] && sha256(join(a, file)) === sha256(join(b, file)));
}

export interface Backup {
  id: string;
  dir: string;
  reason: string;
  createdAt: string;
  files: number;
}

const backupsDir = (ctx: KitContext, lab: LabEntry) => join(ctx.stateDir, 'backups', lab.slug);

/** Copies the lab's src/ into a new backup and verifies every file; returns it. */
export function backupLab(ctx: KitContext, lab: LabEntry, reason: string): Backup {
  const src = join(labDirOf(ctx, lab), 'src');
  if (!existsSync(src)) throw new CliError(`labs/${lab.slug}/src is missing: nothing to back up (pnpm lab reset ${pad2(lab.number)} recreates it)`);
  const createdAt = new Date().toISOString();
  let id = fileStamp(new Date(createdAt));
  while (existsSync(join(backupsDir(ctx, lab), id))) id += '-1';
  const dir = join(backupsDir(ctx, lab), id);
  const files = listFiles(src);
  mkdirSync(join(dir, 'src'), { recursive: true });
  const manifest: Record<string, string> = {};
  for (const file of files) {
    mkdirSync(join(dir, 'src', file, '..'), { recursive: true });
    cpSync(join(src, file), join(dir, 'src', file));
    manifest[file] = sha256(join(src, file));
  }
  for (const file of files) {
    if (sha256(join(dir, 'src', file)) !== manifest[file]) {
      throw new CliError(`The backup of labs/${lab.slug}/src/${file} did not verify; nothing was changed (check free disk space: df -h)`, 1);
    }
  }
  writeFileSync(join(dir, 'backup.json'), `${JSON.stringify({ lab: lab.slug, reason, createdAt, files: manifest }, null, 2)}\n`);
  return { id, dir, reason, createdAt, files: files.length };
}

interface BackupMeta {
  reason: string;
  createdAt: string;
  /** File → SHA-256 at the time of the backup. */
  files: Record<string, string>;
}

function readBackupMeta(ctx: KitContext, dir: string): BackupMeta {
  const path = join(dir, 'backup.json');
  try {
    const meta = JSON.parse(readFileSync(path, 'utf8')) as BackupMeta;
    if (typeof meta.createdAt !== 'string' || typeof meta.files !== 'object' || meta.files === null) throw new Error('incomplete');
    return meta;
  } catch {
    throw new CliError(`${relative(ctx.root, path)} is not a valid backup description: move that backup folder out of .hotpath/backups`, 1);
  }
}

/** Throws unless every file of the backup still has the bytes it was saved with. */
function verifyBackup(ctx: KitContext, backup: Backup): void {
  const meta = readBackupMeta(ctx, backup.dir);
  for (const [file, hash] of Object.entries(meta.files)) {
    const path = join(backup.dir, 'src', file);
    if (!existsSync(path) || sha256(path) !== hash) throw new CliError(`Backup ${backup.id} is damaged (${file} changed or is missing): pick another one (pnpm lab restore NN --list)`, 1);
  }
}

/** The lab's backups, newest first. */
export function listBackups(ctx: KitContext, lab: LabEntry): Backup[] {
  const root = backupsDir(ctx, lab);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((id) => existsSync(join(root, id, 'backup.json')))
    .map((id) => {
      const meta = readBackupMeta(ctx, join(root, id));
      return { id, dir: join(root, id), reason: meta.reason, createdAt: meta.createdAt, files: Object.keys(meta.files).length };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/**
 * Replaces the lab's src/ with the files of `from`, after a verified backup, without ever leaving a half
 * copied src/: the new files are copied next to it and checked, then swapped in with two renames. Returns
 * the backup, or undefined when src/ already had exactly those files.
 */
function replaceSrc(ctx: KitContext, lab: LabEntry, from: string, reason: string): Backup | undefined {
  const src = join(labDirOf(ctx, lab), 'src');
  if (existsSync(src) && sameTree(src, from)) return undefined;
  const backup = existsSync(src) ? backupLab(ctx, lab, reason) : undefined;
  const incoming = `${src}.hotpath-new`;
  const outgoing = `${src}.hotpath-old`;
  try {
    rmSync(incoming, { recursive: true, force: true });
    rmSync(outgoing, { recursive: true, force: true });
    for (const file of listFiles(from)) {
      mkdirSync(join(incoming, file, '..'), { recursive: true });
      cpSync(join(from, file), join(incoming, file));
    }
    mkdirSync(incoming, { recursive: true });
    if (!sameTree(incoming, from)) throw new Error('the copy did not verify');
    if (existsSync(src)) renameSync(src, outgoing);
    renameSync(incoming, src);
    rmSync(outgoing, { recursive: true, force: true });
  } catch (error) {
    if (!existsSync(src) && existsSync(outgoing)) renameSync(outgoing, src);
    rmSync(incoming, { recursive: true, force: true });
    const saved = backup ? ` Your files are also saved in ${relative(ctx.root, backup.dir)}.` : '';
    throw new CliError(`Could not replace labs/${lab.slug}/src (${(error as Error).message}); it was left as it was.${saved}`, 1);
  }
  return backup;
}

const savedLine = (ctx: KitContext, lab: LabEntry, backup: Backup | undefined) =>
  backup ? `Your previous files are saved in ${relative(ctx.root, backup.dir)} (pnpm lab restore ${pad2(lab.number)} brings them back).` : '';

/** `pnpm lab reset NN`: the committed starting code back in labs/NN/src. */
export function resetLab(ctx: KitContext, lab: LabEntry): void {
  let pristine: ReturnType<typeof extractCommitted>;
  try {
    pristine = extractCommitted(ctx.root, `labs/${lab.slug}/src`, startingRef(ctx.root));
  } catch (error) {
    throw new CliError((error as Error).message, 1);
  }
  try {
    const backup = replaceSrc(ctx, lab, pristine.dir, 'reset');
    if (!backup && sameTree(join(labDirOf(ctx, lab), 'src'), pristine.dir)) ctx.out(`labs/${lab.slug}/src is already the starting code (${pristine.from}); nothing changed.`);
    else ctx.out(`labs/${lab.slug}/src is back to the starting code (${pristine.from}). ${savedLine(ctx, lab, backup)}`.trim());
  } finally {
    pristine.cleanup();
  }
}

/** `pnpm lab solve NN`: the reference solution copied into labs/NN/src, for catching up in a live workshop. */
export function solveLab(ctx: KitContext, lab: LabEntry): void {
  const solution = join(solutionDirOf(ctx, lab), 'src');
  if (!existsSync(solution)) throw new CliError(`solutions/${lab.slug}/src is missing: there is no reference solution to copy`);
  const backup = replaceSrc(ctx, lab, solution, 'solve');
  if (!backup) ctx.out(`labs/${lab.slug}/src already holds the reference solution; nothing changed.`);
  else ctx.out(`labs/${lab.slug}/src now holds the reference solution. ${savedLine(ctx, lab, backup)}`);
}

/**
 * `pnpm lab restore NN [id|--list]`: lists the backups and brings back the newest one that reset or solve
 * made (or the one named). Restoring saves the current files first, as a backup marked "restore"; those are
 * listed but not picked by default, so restoring twice does not undo itself — name its id to go back.
 */
export function restoreLab(ctx: KitContext, lab: LabEntry, which: string | undefined, listOnly: boolean): void {
  const backups = listBackups(ctx, lab);
  if (backups.length === 0) throw new CliError(`No backups of lab ${pad2(lab.number)} yet: reset and solve make one before they change anything`, 1);
  const matches = which === undefined ? [] : backups.filter((b) => b.id === which || b.id.startsWith(which));
  if (which !== undefined && matches.length !== 1) {
    throw new CliError(matches.length === 0 ? `No backup "${which}" of lab ${pad2(lab.number)} (pnpm lab restore ${pad2(lab.number)} --list)` : `"${which}" matches ${matches.length} backups: give more of the id`);
  }
  const chosen = which === undefined ? (backups.find((b) => b.reason !== 'restore') ?? backups[0]!) : matches[0]!;
  ctx.out(`Backups of labs/${lab.slug}/src, newest first:`);
  for (const b of backups) ctx.out(`  ${!listOnly && b === chosen ? '*' : ' '} ${b.id}  ${b.files} files, saved before "${b.reason}"`);
  if (listOnly) return;
  verifyBackup(ctx, chosen);
  const backup = replaceSrc(ctx, lab, join(chosen.dir, 'src'), 'restore');
  if (!backup) ctx.out(`labs/${lab.slug}/src already matches backup ${chosen.id}; nothing changed.`);
  else ctx.out(`Restored backup ${chosen.id} into labs/${lab.slug}/src. The files it replaced are backup ${backup.id} (pnpm lab restore ${pad2(lab.number)} ${backup.id} brings them back).`);
}
