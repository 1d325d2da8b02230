/**
 * Backups of a lab's `src/` in `.hotpath/backups/<slug>/<id>/`: a copy of its files, links and empty folders
 * under `src/`, and `backup.json` listing each with its SHA-256 (or link target). A backup counts only once
 * its `backup.json` is written, last, after the copy was read back and fsynced; a folder without one is an
 * unfinished backup (a killed CLI), deleted by the next command and never restored. A backup whose bytes no
 * longer match its list — a file changed, missing, or one it does not list — is listed as damaged, with why,
 * and cannot be restored; it never stops the others from being listed or restored.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CliError, fileStamp, type KitContext } from './context.ts';
import { crashPoint } from './journal.ts';
import { copyTree, fsyncPath, scanTree, treeDifferences, writeDurably, type TreeEntry } from './tree.ts';
import type { LabEntry } from '@hotpath/workshop/manifest';

export interface Backup {
  id: string;
  dir: string;
  reason: string;
  createdAt: string;
  /** Files, links and empty folders it holds. */
  entries: TreeEntry[];
  /** Why it cannot be restored; undefined when it verifies. */
  damaged?: string;
}

interface BackupMeta {
  lab: string;
  reason: string;
  createdAt: string;
  /** File → SHA-256 at the time of the backup. */
  files: Record<string, string>;
  /** Symbolic link → its target. */
  links?: Record<string, string>;
  /** Empty folders. */
  dirs?: string[];
}

export const backupsDir = (ctx: KitContext, lab: LabEntry) => join(ctx.stateDir, 'backups', lab.slug);

/** Copies `entries` of `from` (the lab's src/) into a new backup, verifies and fsyncs it, then seals it. */
export function createBackup(ctx: KitContext, lab: LabEntry, from: string, entries: TreeEntry[], reason: string): Backup {
  const createdAt = new Date().toISOString();
  const root = backupsDir(ctx, lab);
  let id = fileStamp(new Date(createdAt));
  while (existsSync(join(root, id))) id += '-1';
  const dir = join(root, id);
  mkdirSync(root, { recursive: true });
  try {
    copyTree(from, join(dir, 'src'), entries, () => crashPoint('backup-copy'));
    if (treeDifferences(entries, scanTree(join(dir, 'src'), 'the backup')).length > 0) throw new Error('it did not read back the same');
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new CliError(`The backup of labs/${lab.slug}/src failed (${(error as Error).message}); nothing was changed (check free disk space: df -h)`, 1);
  }
  const meta: BackupMeta = { lab: lab.slug, reason, createdAt, files: {}, links: {}, dirs: [] };
  for (const e of entries) {
    if (e.kind === 'file') meta.files[e.path] = e.sig;
    else if (e.kind === 'link') meta.links![e.path] = e.sig;
    else meta.dirs!.push(e.path);
  }
  writeDurably(join(dir, 'backup.json'), `${JSON.stringify(meta, null, 2)}\n`);
  fsyncPath(root);
  return { id, dir, reason, createdAt, entries };
}

function readMeta(dir: string): BackupMeta | string {
  try {
    const meta = JSON.parse(readFileSync(join(dir, 'backup.json'), 'utf8')) as BackupMeta;
    if (typeof meta.createdAt !== 'string' || typeof meta.files !== 'object' || meta.files === null) return 'its backup.json lacks createdAt or files';
    return meta;
  } catch {
    return 'its backup.json is not valid JSON';
  }
}

/** The backup in `dir` as its backup.json describes it, checked against what its folder holds. */
function readBackup(ctx: KitContext, id: string, dir: string): Backup {
  const meta = readMeta(dir);
  const move = `move ${relative(ctx.root, dir)} out of .hotpath/backups`;
  if (typeof meta === 'string') return { id, dir, reason: '?', createdAt: '', entries: [], damaged: `${meta} (${move})` };
  const entries: TreeEntry[] = [
    ...Object.entries(meta.files).map(([path, sig]) => ({ path, kind: 'file' as const, sig })),
    ...Object.entries(meta.links ?? {}).map(([path, sig]) => ({ path, kind: 'link' as const, sig })),
    ...(meta.dirs ?? []).map((path) => ({ path, kind: 'dir' as const, sig: '' })),
  ];
  const backup: Backup = { id, dir, reason: String(meta.reason), createdAt: meta.createdAt, entries };
  let held: TreeEntry[];
  try {
    held = scanTree(join(dir, 'src'), relative(ctx.root, join(dir, 'src')));
  } catch (error) {
    return { ...backup, damaged: (error as Error).message.replace(/: move it.*/, '') };
  }
  const listed = new Set(entries.map((e) => e.path));
  const unlisted = held.filter((e) => !listed.has(e.path)).map((e) => e.path);
  const changed = treeDifferences(entries, held).filter((path) => listed.has(path));
  if (changed.length > 0) return { ...backup, damaged: `${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ' …' : ''} changed or is missing` };
  if (unlisted.length > 0)
    return { ...backup, damaged: `it holds ${unlisted.slice(0, 3).join(', ')}${unlisted.length > 3 ? ' …' : ''}, which its backup.json does not list` };
  return backup;
}

/** Folders under the lab's backups without a backup.json: unfinished backups of a killed CLI. */
export function unfinishedBackups(ctx: KitContext, lab: LabEntry): string[] {
  const root = backupsDir(ctx, lab);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !existsSync(join(root, e.name, 'backup.json')))
    .map((e) => join(root, e.name));
}

export function removeUnfinishedBackups(ctx: KitContext, lab: LabEntry): number {
  const unfinished = unfinishedBackups(ctx, lab);
  for (const dir of unfinished) rmSync(dir, { recursive: true, force: true });
  if (unfinished.length > 0) fsyncPath(backupsDir(ctx, lab));
  return unfinished.length;
}

/** The lab's finished backups, newest first, each checked (`damaged` says why one cannot be restored). */
export function listBackups(ctx: KitContext, lab: LabEntry): Backup[] {
  const root = backupsDir(ctx, lab);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((id) => existsSync(join(root, id, 'backup.json')))
    .map((id) => readBackup(ctx, id, join(root, id)))
    .sort((a, b) => (b.createdAt || b.id).localeCompare(a.createdAt || a.id) || b.id.localeCompare(a.id));
}

/** The backup `id` if it exists and verifies (for recovery, which trusts nothing else). */
export function verifiedBackup(ctx: KitContext, lab: LabEntry, id: string): Backup | undefined {
  const dir = join(backupsDir(ctx, lab), id);
  if (!existsSync(join(dir, 'backup.json'))) return undefined;
  const backup = readBackup(ctx, id, dir);
  return backup.damaged === undefined ? backup : undefined;
}
