/**
 * Lab 00, part 3: what the profile shows.
 *
 * Record a CPU profile of the server under POST /ingest/v1 load (`node --cpu-prof`: the README shows how),
 * open the .cpuprofile in Chrome DevTools, switch to the Bottom-Up view and look at self time.
 */
export const findings = {
  /** TODO(lab 00): the npm package (not `node:` built-ins, not @hotpath/*) with the most self time serving POST /ingest/v1. */
  hottestPackage: '',
  /** TODO(lab 00): one sentence: why that package is hot on this route. */
  why: '',
};
