/** Vitest config of the workshop package's tests: the dependency check runs depcruise, a few seconds a run. */
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['test/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 } });
