/**
 * Entry of the micro worker (src/micro-worker.ts) in a child process on another runtime: plain JavaScript,
 * because it must make TypeScript loadable first. Its arguments are the files the worker will import (the
 * subjects' src/app.ts and the checkpoint definition); the kit's typescript-loader.js decides from them —
 * the runtime's own type stripping (Node ≥ 22.18), or tsx where the runtime has none or a file reaches lab
 * 00's decorator baseline — as the command and the kit's launcher do. Without that loader (an older
 * checkout), tsx with the repo's base tsconfig.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const loader = new URL('../../kit/bin/typescript-loader.js', import.meta.url);
if (existsSync(fileURLToPath(loader))) {
  const { loadTypeScript } = await import(loader.href);
  await loadTypeScript(process.argv.slice(2));
} else {
  const { register } = await import('tsx/esm/api');
  process.env.TSX_TSCONFIG_PATH ??= fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url));
  register();
}
await import('./micro-worker.ts');
