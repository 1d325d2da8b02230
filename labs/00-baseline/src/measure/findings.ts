/**
 * Lab 00, part 3: what the profile shows.
 *
 * Run `pnpm bench --profile` (or `node --cpu-prof`, see the README), open the .cpuprofile in Chrome DevTools,
 * switch to the Bottom-Up view and look at self time while the server handles POST /ingest/v1.
 */
export const findings = {
  /** TODO(lab 00): the npm package (not `node:` built-ins, not @hotpath/*) with the most self time serving POST /ingest/v1. */
  hottestPackage: '',
  /** TODO(lab 00): one sentence: why that package is hot on this route. */
  why: '',
};
