/**
 * Lab 00, part 3 (reference solution): what the profile shows.
 *
 * Read from a `node --cpu-prof` profile of the server under POST /ingest/v1 load (Chrome DevTools, Bottom-Up
 * view, grouped by the script's package): class-transformer ~20 % of all samples, hono ~10 %, class-validator ~4 %. Node's own built-ins and the kit's code are left out of the question:
 * it asks which dependency the baseline spends its time in.
 */
export const findings = {
  /** The npm package (not `node:` built-ins, not @hotpath/*) with the most self time serving POST /ingest/v1. */
  hottestPackage: 'class-transformer',
  /** One sentence: why that package is hot on this route. */
  why: 'plainToInstance walks and copies the whole body, items and unknown fields included, into DTO instances on every request.',
};
