/**
 * Lab 00, step 3 (reference solution): what the profile shows.
 *
 * Read from `pnpm lab profile 00` (or a `node --cpu-prof` profile in Chrome DevTools, Bottom-Up, grouped by
 * the script's package) of the server under POST /ingest/v1 load. Measured on a busy 2-core machine, eight
 * runs of 10 s: class-transformer 5.2–7.7 % of all samples, class-validator 2.6–3.7 %, reflect-metadata
 * ≤ 1.1 % — class-transformer leads the dependencies beyond the framework by 1.6–3.0× in every run. The
 * framework itself is as hot (hono 4.8–8.5 %, @hono/node-server 4.9–6.3 %; hono and class-transformer swap
 * places from run to run), which is why the question leaves it out: lab 01 keeps it.
 */
export const findings = {
  /**
   * The npm package with the most self time serving POST /ingest/v1, leaving out the HTTP framework (hono,
   * @hono/node-server), Node's `node:` built-ins and the kit's own @hotpath/* code.
   */
  hottestPackage: 'class-transformer',
  /** One sentence: why that package is hot on this route. */
  why: 'plainToInstance walks and copies the whole body, items and unknown fields included, into DTO instances on every request.',
};
