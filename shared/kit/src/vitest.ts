/**
 * The one vitest config every lab and solution package uses.
 *
 * A lab's tests are written once, in `labs/NN-slug/test/`. Both `labs/NN-slug` and `solutions/NN-slug` run
 * them; the import `#lab/app` (any `#lab/...`) points at the `src/` of the package being tested, so the same
 * test file checks the learner's code and the reference solution. HOTPATH_SUBJECT_SRC overrides that folder:
 * the starting-code proof points it at a pristine copy of a lab's starting code. Tests read that folder
 * from `labSourcePath()` in paths.ts (HOTPATH_LAB_SRC in the test process). From lab 02 on, the global
 * setup (vitest-generate.ts) regenerates src/generated/ of that folder before the tests.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { describeLabDir, repoRoot } from '@hotpath/workshop/paths';

export function labTestConfig(configUrl: string): ViteUserConfig {
  const pkgDir = join(fileURLToPath(configUrl), '..');
  const lab = describeLabDir(pkgDir);
  if (!lab) throw new Error(`labTestConfig() is for labs/NN-slug and solutions/NN-slug packages, not ${pkgDir}`);
  const subjectSrc = process.env.HOTPATH_SUBJECT_SRC ?? join(pkgDir, 'src');
  const testsDir = `labs/${lab.slug}/test`;
  // Read by the global setup (same process): regenerate src/generated/ of the folder under test.
  process.env.HOTPATH_GENERATE_SRC = subjectSrc;
  return defineConfig({
    root: repoRoot,
    resolve: { alias: [{ find: /^#lab\//, replacement: `${subjectSrc}/` }] },
    test: {
      name: `${lab.side}/${lab.slug}`,
      include: [`${testsDir}/**/*.test.ts`],
      environment: 'node',
      globalSetup: [fileURLToPath(new URL('./vitest-generate.ts', import.meta.url))],
      testTimeout: 30_000,
      hookTimeout: 30_000,
      // The measuring tests need gc() and quiet CPU: run files one at a time.
      fileParallelism: false,
      execArgv: ['--expose-gc'],
      // The folder `#lab/` points at, for tests that need real file paths (bundling the app, say).
      env: { HOTPATH_LAB_SRC: subjectSrc },
    },
  });
}
