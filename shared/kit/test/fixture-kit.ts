/**
 * A temporary copy of the small fixture kit (test/fixtures/kit), committed in a fresh git repository so the
 * CLI's git-based checks see a clean tree: what the CLI tests run `pnpm lab` against (HOTPATH_ROOT).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_KIT = fileURLToPath(new URL('./fixtures/kit', import.meta.url));

/** Copies the fixture kit into a new temporary folder named from `prefix`, commits it, and returns its path. */
export function copyFixtureKit(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  cpSync(FIXTURE_KIT, root, { recursive: true });
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.email=test@hotpath.invalid', '-c', 'user.name=test', 'commit', '-qm', 'fixture kit');
  return root;
}
