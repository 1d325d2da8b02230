/** Vitest config of the harness's own tests. */
import { defineConfig } from 'vitest/config';

// The harness's tests measure: they need gc(), a young generation that holds 16 MiB windows, and a quiet
// CPU (test files run one at a time).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    execArgv: ['--expose-gc', '--max-semi-space-size=64', '--min-semi-space-size=64'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
