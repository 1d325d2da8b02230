/**
 * Runs one lab's tests (vitest, JSON reporter) against a chosen src folder and summarises the outcome per
 * test file. Used by the starting-code proof; the CLI's `lab test` can reuse it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { repoRoot } from './paths.ts';

export interface FileOutcome {
  file: string;
  passed: number;
  failed: number;
  /** A suite-level error: the file did not even load (import error, syntax error, …). */
  loadError?: string;
  failures: Array<{ test: string; message: string }>;
}

interface VitestJson {
  testResults: Array<{
    name: string;
    status: string;
    message?: string;
    assertionResults: Array<{ fullName: string; status: string; failureMessages?: string[] }>;
  }>;
}

/** vitest's CLI entry, run with this Node (shared by the test runner and `pnpm lab start`'s watch mode). */
export const vitestBin = join(createRequire(import.meta.url).resolve('vitest/package.json'), '..', 'vitest.mjs');

/** Runs `labs/<slug>`'s tests with `#lab/` pointing at `subjectSrc` (`root`: the kit's root folder). */
export function runLabTests(slug: string, subjectSrc: string, root = repoRoot): FileOutcome[] {
  const scratch = mkdtempSync(join(tmpdir(), 'hotpath-vitest-'));
  const output = join(scratch, 'result.json');
  try {
    const run = spawnSync(process.execPath, [vitestBin, 'run', '--reporter=json', `--outputFile=${output}`], {
      cwd: join(root, 'labs', slug),
      env: { ...process.env, HOTPATH_SUBJECT_SRC: subjectSrc, FORCE_COLOR: '0' },
      encoding: 'utf8',
      timeout: 10 * 60_000,
    });
    let report: VitestJson;
    try {
      report = JSON.parse(readFileSync(output, 'utf8')) as VitestJson;
    } catch {
      throw new Error(`vitest produced no report for ${slug} (exit ${run.status}):\n${run.stderr}\n${run.stdout}`);
    }
    return report.testResults.map((file) => {
      const failures = file.assertionResults
        .filter((test) => test.status === 'failed')
        .map((test) => ({ test: test.fullName, message: (test.failureMessages ?? []).join('\n').split('\n')[0] ?? '' }));
      const passed = file.assertionResults.filter((test) => test.status === 'passed').length;
      const loadError = file.assertionResults.length === 0 && file.status === 'failed' ? (file.message ?? 'failed to load') : undefined;
      return { file: basename(file.name), passed, failed: failures.length, loadError, failures };
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
