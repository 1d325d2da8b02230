/**
 * Vitest global setup of every lab package: when the source folder under test has a generator (a
 * src/registry.ts, lab 02 onwards), `hotpath-generate --soft` runs before the tests and again before each
 * re-run in watch mode, so the tests always see src/generated/ as the current emitters write it. A
 * generator that fails (unfinished emitters) leaves the files as they are and the tests say what to do.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The folder labTestConfig() points `#lab/` at. */
const src = process.env.HOTPATH_GENERATE_SRC;

function generate(): void {
  if (!src || !existsSync(join(src, 'registry.ts'))) return;
  const bin = join(createRequire(import.meta.url).resolve('@hotpath/codegen/package.json'), '..', 'bin', 'hotpath-generate.js');
  const run = spawnSync(process.execPath, [bin, '--soft', '--src', src], { encoding: 'utf8' });
  const output = `${run.stdout}${run.stderr}`.trim();
  if (output && !/is up to date/.test(output)) console.log(output);
}

export default function setup(project: { onTestsRerun?: (cb: () => void | Promise<void>) => void }): void {
  generate();
  project.onTestsRerun?.(generate);
}
