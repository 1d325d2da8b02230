/** Vitest config of the room's tests: real room servers on 127.0.0.1 and, for the page, headless Chromium. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['test/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false },
});
