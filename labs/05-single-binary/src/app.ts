/**
 * Placeholder: lab 05 is planned (see the lab's README and shared/kit/src/manifest.ts). Until it is
 * written, this stage serves the previous stage's API unchanged, so its contract tests, `start` and `bench`
 * already work.
 */
export { createApp } from '@hotpath/solution-04-pooling';
