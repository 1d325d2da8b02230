/**
 * The site's tests run against the production build (turbo builds it first): browser checks and drift; and,
 * without the build, the charts' data and the micro table rendered on the server (JSX compiled for React, as
 * tsconfig.json leaves it to Docusaurus).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false },
});
