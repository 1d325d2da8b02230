/**
 * Vitest config of the kit's tests: the starting-code proof spawns whole lab test runs, so it gets long
 * timeouts. test/fixtures/ holds a small kit the CLI tests copy and run; its own tests are not the kit's.
 */
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: { environment: 'node', testTimeout: 10 * 60_000, hookTimeout: 60_000, exclude: [...configDefaults.exclude, 'test/fixtures/**'] },
});
