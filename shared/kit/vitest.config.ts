/** Vitest config of the kit's tests: the starting-code proof spawns whole lab test runs, so it gets long timeouts. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { environment: 'node', testTimeout: 10 * 60_000, hookTimeout: 60_000 },
});
