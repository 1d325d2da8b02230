#!/usr/bin/env node
/**
 * `pnpm lab <verb>` at the repo root: the workshop CLI (src/cli/main.ts), run through tsx with the repo's
 * base tsconfig (lab 00's decorators included) so it can load any lab's TypeScript.
 */
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

process.env.TSX_TSCONFIG_PATH ??= fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url));
register();
// `pnpm lab diff 01 | head`: the reader went away; stop quietly instead of printing an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
