/**
 * Pristine starting code: the lab's `src/` as committed, extracted from git into `labs/NN-slug/.pristine/src`
 * (ignored by git). The starting-code proof tests that copy, so a learner's edits in the working tree never
 * change what "the starting code fails its tests" means. Outside a git checkout, or for a lab whose src is
 * not committed yet, the working tree is used (and said so).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labDir, repoRoot } from '@hotpath/workshop/paths';

export interface PristineCopy {
  /** Absolute path of the copied src folder. */
  src: string;
  /** Where it came from: a git revision, or 'working tree'. */
  from: string;
}

function git(args: string[], options: { cwd?: string } = {}): string {
  return execFileSync('git', args, { cwd: options.cwd ?? repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function isTracked(rev: string, path: string, cwd = repoRoot): boolean {
  try {
    return git(['ls-tree', '-r', '--name-only', rev, '--', path], { cwd }).trim().length > 0;
  } catch {
    return false;
  }
}

/**
 * The revision whose labs/NN-slug/src is "the starting code" for `pnpm lab reset`: HOTPATH_PRISTINE_REF when set,
 * else the commit the learner cloned (`origin/HEAD`), so progress the learner committed is not mistaken for
 * the starting code; HEAD only in a repository without that remote.
 */
export function startingRef(root: string): string {
  if (process.env.HOTPATH_PRISTINE_REF) return process.env.HOTPATH_PRISTINE_REF;
  try {
    git(['rev-parse', '--verify', '--quiet', 'origin/HEAD'], { cwd: root });
    return 'origin/HEAD';
  } catch {
    return 'HEAD';
  }
}

/**
 * Extracts `path` (a folder, relative to `root`) as committed at `rev` into a temporary folder. Throws when
 * the folder is not in that revision. Call `cleanup()` when done.
 */
export function extractCommitted(root: string, path: string, rev = 'HEAD'): { dir: string; from: string; cleanup(): void } {
  if (!isTracked(rev, path, root)) throw new Error(`${path} is not committed at ${rev}: there is no starting code to restore from git`);
  const scratch = mkdtempSync(join(tmpdir(), 'hotpath-pristine-'));
  const archive = join(scratch, 'src.tar');
  git(['archive', '--format=tar', `--output=${archive}`, rev, path], { cwd: root });
  execFileSync('tar', ['-xf', archive, '-C', scratch]);
  return { dir: join(scratch, path), from: `git ${rev}`, cleanup: () => rmSync(scratch, { recursive: true, force: true }) };
}

/** Copies the committed starting code of lab `slug` (HOTPATH_PRISTINE_REF, default HEAD) next to the lab. */
export function pristineCopy(slug: string, rev = process.env.HOTPATH_PRISTINE_REF ?? 'HEAD'): PristineCopy {
  const target = join(labDir(slug), '.pristine');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const srcPath = `labs/${slug}/src`;
  if (process.env.HOTPATH_PRISTINE !== 'worktree' && isTracked(rev, srcPath)) {
    const committed = extractCommitted(repoRoot, srcPath, rev);
    try {
      cpSync(committed.dir, join(target, 'src'), { recursive: true });
    } finally {
      committed.cleanup();
    }
    return { src: join(target, 'src'), from: committed.from };
  }
  cpSync(join(labDir(slug), 'src'), join(target, 'src'), { recursive: true });
  return { src: join(target, 'src'), from: 'working tree' };
}
