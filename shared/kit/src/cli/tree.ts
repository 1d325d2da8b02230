/**
 * A lab's `src/` as the CLI sees it when it backs it up, replaces or restores it: every regular file (by the
 * SHA-256 of its bytes), every symbolic link (by its target, never followed) and every empty folder, so none
 * of them is dropped silently. Anything else (a FIFO, a socket, a device) stops the command before it changes
 * anything. Copies here are durable: each file and each folder is fsynced, so a power cut after a copy
 * returns cannot leave an empty file where a backup was promised.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CliError } from './context.ts';

/** Backups, reset, solve and restore take every entry of src/ but these. */
const NEVER = { dirs: new Set(['node_modules']), file: /^\.DS_Store$/ };
/** `diff` also leaves out generated and build output, which differs without anyone having written it. */
const NOT_DIFFED = {
  dirs: new Set(['node_modules', 'dist', 'build', 'coverage', '.turbo']),
  file: /\.(generated\.[cm]?[jt]s|map|cpuprofile|log)$|^\.DS_Store$/,
};

export type EntryKind = 'file' | 'link' | 'dir';

export interface TreeEntry {
  /** Relative to the tree's root, with the platform's separator. */
  path: string;
  kind: EntryKind;
  /** A file: the SHA-256 of its bytes; a link: its target; an empty folder: ''. */
  sig: string;
}

export const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Relative paths of the regular files under `dir` (sorted); `forDiff` also leaves generated and build files out. */
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

/**
 * Every file, link and empty folder under `dir`, sorted by path. `label` names the folder in the one-line
 * refusal when it holds something that cannot be copied faithfully.
 */
export function scanTree(dir: string, label: string): TreeEntry[] {
  const found: TreeEntry[] = [];
  const walk = (at: string): number => {
    let kept = 0;
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      const rel = relative(dir, path);
      if (entry.isDirectory()) {
        if (NEVER.dirs.has(entry.name)) continue;
        if (walk(path) === 0) found.push({ path: rel, kind: 'dir', sig: '' });
      } else if (entry.isSymbolicLink()) found.push({ path: rel, kind: 'link', sig: readlinkSync(path) });
      else if (entry.isFile()) {
        if (NEVER.file.test(entry.name)) continue;
        found.push({ path: rel, kind: 'file', sig: sha256(path) });
      } else {
        throw new CliError(
          `${label}/${rel} is not a file, a folder or a symbolic link (a FIFO, socket or device): move it out of ${label} first; nothing was changed`,
          1,
        );
      }
      kept++;
    }
    return kept;
  };
  if (existsSync(dir)) walk(dir);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The entries of `a` that `b` lacks or holds differently, by path (empty: the same tree). */
export function treeDifferences(a: readonly TreeEntry[], b: readonly TreeEntry[]): string[] {
  const other = new Map(b.map((e) => [e.path, e]));
  const differ = a.filter((e) => other.get(e.path)?.kind !== e.kind || other.get(e.path)?.sig !== e.sig).map((e) => e.path);
  const mine = new Set(a.map((e) => e.path));
  return [...differ, ...b.filter((e) => !mine.has(e.path)).map((e) => e.path)].sort();
}

/** True when both folders hold the same files, links and empty folders, byte for byte. */
export const sameTree = (a: string, b: string) => treeDifferences(scanTree(a, a), scanTree(b, b)).length === 0;

/**
 * One SHA-256 over the names and bytes of every file under `dir`, then any links and empty folders: changes
 * when anything in it changes (a tree of regular files only hashes as it always did).
 */
export function treeHash(dir: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dir))
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(dir, file)))
      .update('\0');
  for (const e of existsSync(dir) ? scanTree(dir, dir) : []) if (e.kind !== 'file') hash.update(`${e.kind}:${e.path}\0${e.sig}\0`);
  return hash.digest('hex');
}

/** fsync of a file or folder (folders cannot be opened for fsync on Windows: skipped there). */
export function fsyncPath(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if (process.platform === 'win32') return;
    throw error;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    if (process.platform !== 'win32') throw error;
  } finally {
    closeSync(fd);
  }
}

/** Writes `text` to `path` durably and atomically: a temporary file, fsynced, renamed over it, folder fsynced. */
export function writeDurably(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, text);
  fsyncPath(temporary);
  renameSync(temporary, path);
  fsyncPath(dirname(path));
}

/**
 * Copies `entries` of `from` into `to` (created), then fsyncs every file and folder it made. `afterFirst` runs
 * once the first entry is in place: the fault-injection point of a half-made copy.
 */
export function copyTree(from: string, to: string, entries: readonly TreeEntry[], afterFirst?: () => void): void {
  mkdirSync(to, { recursive: true });
  const folders = new Set<string>([to]);
  entries.forEach((entry, i) => {
    const target = join(to, entry.path);
    const parent = entry.kind === 'dir' ? target : dirname(target);
    mkdirSync(parent, { recursive: true });
    for (let dir = parent; dir.length >= to.length; dir = dirname(dir)) folders.add(dir);
    if (entry.kind === 'file') {
      copyFileSync(join(from, entry.path), target);
      fsyncPath(target);
    } else if (entry.kind === 'link') symlinkSync(entry.sig, target);
    if (i === 0) afterFirst?.();
  });
  for (const dir of [...folders].sort((a, b) => b.length - a.length)) fsyncPath(dir);
}

/** Whether `path` exists as anything, a dangling symbolic link included. */
export function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
