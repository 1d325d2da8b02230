/**
 * Runs one lab's tests (vitest, with the kit's outcome reporter) against a chosen src folder and summarises
 * the outcome per test file — core (`test/*.test.ts`) or going further (`test/going-further/`) — and runs the
 * lab's typecheck (`tsc -p labs/NN-slug --noEmit`). Used by the starting-code proof and `pnpm lab test`/`list`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { failureOf, stripAnsi } from './failure-message.ts';
import { repoRoot } from '@hotpath/workshop/paths';
import type { RawFile } from './vitest-outcome-reporter.ts';

export interface Failure {
  test: string;
  /** The test's own message (for a fast-check property, the assertion's message, not "Property failed …"). */
  message: string;
  /** vitest's own part of an assertion's message: `expected -1 to be 5 // Object.is equality`. */
  detail?: string;
  /** fast-check's counterexample, shortened. */
  counterexample?: string;
}

export interface FileOutcome {
  /** Path relative to the lab's test/ folder, with forward slashes: `reader.test.ts`, `going-further/exotic.test.ts`. */
  file: string;
  /** `core`: what "done" means; `further`: test/going-further/, optional stretch work. */
  part: 'core' | 'further';
  passed: number;
  failed: number;
  /** A file-level error: the file did not even load (import error, syntax error, …). */
  loadError?: string;
  failures: Failure[];
}

export interface TypeErrorEntry {
  /** Relative to the lab's folder (`src/ingest.ts`); empty for an error of the whole project. */
  file: string;
  line: number;
  column: number;
  /** `TS2322`. */
  code: string;
  /** tsc's message, its continuation lines included. */
  message: string;
}

export interface TypecheckOutcome {
  errors: TypeErrorEntry[];
}

const require = createRequire(import.meta.url);

/** vitest's CLI entry, run with this Node (shared by the test runner and `pnpm lab start`'s watch mode). */
export const vitestBin = join(require.resolve('vitest/package.json'), '..', 'vitest.mjs');
/**
 * How vitest loads a lab package's config: through Vite's module runner, which transpiles the TypeScript of
 * `@hotpath/kit/vitest` the config imports (the default loader bundles the config and leaves workspace packages
 * to Node, which cannot load .ts on Node 20). Every lab package's `test` script passes the same flag.
 */
export const VITEST_CONFIG_ARGS: readonly string[] = ['--configLoader', 'runner'];
/** TypeScript's compiler, from the workspace (the kit's own dependency). */
export const tscBin = join(require.resolve('typescript/package.json'), '..', 'bin', 'tsc');
const reporter = fileURLToPath(new URL('./vitest-outcome-reporter.ts', import.meta.url));

/**
 * `core` or `further`, and the path relative to test/ of a test file of `labs/<slug>/test` (`testsDir`):
 * read after the path's last `labs/<slug>/test/`, so a kit whose vitest root is elsewhere (a copy whose
 * packages link back to the repository) still names its files as the learner sees them.
 */
export function partOf(testsDir: string, path: string): Pick<FileOutcome, 'file' | 'part'> {
  const unix = path.split(sep).join('/');
  const marker = `/labs/${basename(dirname(testsDir))}/test/`;
  const at = unix.lastIndexOf(marker);
  const file = at >= 0 ? unix.slice(at + marker.length) : relative(testsDir, path).split(sep).join('/');
  return { file, part: file.startsWith('going-further/') ? 'further' : 'core' };
}

/** One file of the reporter's output as the summary the CLI and the proof read. */
export function summarise(raw: RawFile, testsDir: string): FileOutcome {
  const failures: Failure[] = raw.tests.filter((test) => test.state === 'failed').map((test) => ({ test: test.name, ...failureOf(test.errors) }));
  // A describe block whose beforeAll threw: its tests were skipped, so the block itself is the failure.
  for (const { suite, errors } of raw.suiteErrors) failures.push({ test: `${suite} (its setup or teardown)`, ...failureOf(errors) });
  const passed = raw.tests.filter((test) => test.state === 'passed').length;
  const ran = passed + failures.length > 0;
  let loadError: string | undefined;
  if (raw.errors.length > 0) {
    if (ran) failures.push({ test: '(the file itself)', ...failureOf(raw.errors) });
    else loadError = failureOf(raw.errors).message;
  } else if (!ran && raw.state === 'failed') loadError = 'failed to load';
  return { ...partOf(testsDir, raw.path), passed, failed: failures.length, loadError, failures };
}

/** Runs `labs/<slug>`'s tests with `#lab/` pointing at `subjectSrc` (`root`: the kit's root folder). */
export function runLabTests(slug: string, subjectSrc: string, root = repoRoot): FileOutcome[] {
  const testsDir = join(root, 'labs', slug, 'test');
  const outcomes = runLabTestsRaw(slug, subjectSrc, root).map((file) => summarise(file, testsDir));
  return outcomes.sort((a, b) => (a.part === b.part ? a.file.localeCompare(b.file) : a.part === 'core' ? -1 : 1));
}

/** The outcome reporter's files of one run, as vitest serialized them (escape codes and all), unsorted. */
export function runLabTestsRaw(slug: string, subjectSrc: string, root = repoRoot): RawFile[] {
  const scratch = mkdtempSync(join(tmpdir(), 'hotpath-vitest-'));
  const output = join(scratch, 'result.json');
  try {
    const run = spawnSync(process.execPath, [vitestBin, 'run', ...VITEST_CONFIG_ARGS, `--reporter=${reporter}`], {
      cwd: join(root, 'labs', slug),
      env: { ...process.env, HOTPATH_SUBJECT_SRC: subjectSrc, HOTPATH_OUTCOME_FILE: output, FORCE_COLOR: '0' },
      encoding: 'utf8',
      timeout: 10 * 60_000,
    });
    let report: { files: RawFile[] };
    try {
      report = JSON.parse(readFileSync(output, 'utf8')) as { files: RawFile[] };
    } catch {
      throw new Error(`vitest produced no report for ${slug} (exit ${run.status}):\n${stripAnsi(`${run.stderr}\n${run.stdout}`)}`);
    }
    return report.files;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** tsc's `--pretty false` output as entries: `src/a.ts(3,7): error TS2322: …` plus indented continuation lines. */
export function parseTscOutput(output: string): TypeErrorEntry[] {
  const errors: TypeErrorEntry[] = [];
  for (const line of output.split('\n')) {
    const located = /^(.+)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line);
    const global = /^error (TS\d+): (.*)$/.exec(line);
    if (located)
      errors.push({ file: located[1]!.split(sep).join('/'), line: Number(located[2]), column: Number(located[3]), code: located[4]!, message: located[5]! });
    else if (global) errors.push({ file: '', line: 0, column: 0, code: global[1]!, message: global[2]! });
    else if (/^\s+\S/.test(line) && errors.length > 0) errors.at(-1)!.message += `\n${line.trimEnd()}`;
  }
  return errors;
}

/** The lab's typecheck, `tsc -p labs/<slug> --noEmit`; null when the lab has no tsconfig.json. */
export function typecheckLab(labDir: string): TypecheckOutcome | null {
  if (!existsSync(join(labDir, 'tsconfig.json'))) return null;
  const run = spawnSync(process.execPath, [tscBin, '-p', '.', '--noEmit', '--pretty', 'false'], { cwd: labDir, encoding: 'utf8', timeout: 5 * 60_000 });
  const errors = parseTscOutput(`${run.stdout ?? ''}\n${run.stderr ?? ''}`);
  if (run.status !== 0 && errors.length === 0) {
    const why = run.error?.message ?? (`${run.stderr ?? ''}${run.stdout ?? ''}`.trim().split('\n')[0] || `exit ${run.status}`);
    errors.push({ file: '', line: 0, column: 0, code: 'tsc', message: `the typecheck did not run: ${why}` });
  }
  return { errors };
}
