/**
 * Entry of the micro worker (src/micro-worker.ts) in a child process on another runtime: plain JavaScript,
 * because it must load TypeScript first — through tsx, registered as bin/hotpath-bench.js and the kit's
 * launcher do, with the repo's base tsconfig (the decorator baseline included).
 */
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

process.env.TSX_TSCONFIG_PATH ??= fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url));
register();
await import('./micro-worker.ts');
