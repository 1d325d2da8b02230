/**
 * Lab 00, step 3: what the profile shows.
 *
 * Profile the server under POST /ingest/v1 load — `pnpm lab profile 00` prints self time by package and
 * writes a flame graph, or record it with `node --cpu-prof` and read it in Chrome DevTools (Bottom-Up) — and
 * look at SELF time by package. Lab 01 keeps the HTTP framework (hono, and @hono/node-server under Node):
 * the question is what the controller style costs on top of it.
 */
export const findings = {
  /**
   * TODO(lab 00): the npm package with the most self time serving POST /ingest/v1, leaving out the HTTP
   * framework (hono, @hono/node-server), Node's `node:` built-ins and the kit's own @hotpath/* code.
   */
  hottestPackage: '',
  /** TODO(lab 00): one sentence: why that package is hot on this route. */
  why: '',
};
