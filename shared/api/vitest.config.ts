/** Tests of @hotpath/api itself: the contract suite against the reference app, the corpus oracle, fixture drift. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
