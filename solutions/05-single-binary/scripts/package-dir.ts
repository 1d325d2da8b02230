/**
 * Which package the start-up and capstone scripts measure, and where they write. Run from a lab 05 package
 * (`pnpm --dir labs/05-single-binary startup`: pnpm runs a script in its package's folder) they measure that
 * package's own build — the learner's dist/ — and write to .hotpath/results/ at the repo root (ignored by
 * git). Run from this package (`pnpm startup` here), or from a folder that is no lab 05 package, they measure
 * the reference and write its committed results/.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This package: the reference solution of lab 05. */
const REFERENCE = fileURLToPath(new URL('..', import.meta.url));
export const ROOT = join(REFERENCE, '..', '..');

/** A folder with what `pnpm build` needs: src/server.ts, src/bundle.ts, src/sea.ts, src/snapshot.ts. */
const isLab05Package = (dir: string) => ['server.ts', 'bundle.ts', 'sea.ts', 'snapshot.ts'].every((file) => existsSync(join(dir, 'src', file)));

export interface Measured {
  /** The package folder whose src/ is built and whose dist/ is measured. */
  dir: string;
  /** True when it is the reference (its results are the committed ones). */
  reference: boolean;
  /** Where a result file named `name` goes. */
  resultPath(name: string): string;
  /** How to run the script again, for the results' `command` field. */
  command(script: string): string;
}

/** The package to measure when the script runs in `cwd`. */
export function measuredPackage(cwd = process.cwd()): Measured {
  const here = resolve(cwd);
  const reference = here === resolve(REFERENCE) || !isLab05Package(here);
  const dir = reference ? REFERENCE : here;
  const folder = dir.startsWith(`${ROOT}/`) ? dir.slice(ROOT.length + 1).replace(/\/$/, '') : dir;
  return {
    dir,
    reference,
    resultPath: (name) => (reference ? join(dir, 'results', name) : join(ROOT, '.hotpath', 'results', `05-single-binary-${name}`)),
    command: (script) => `pnpm --dir ${folder} ${script}`,
  };
}
