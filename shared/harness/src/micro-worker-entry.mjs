/**
 * Entry of the micro worker (src/micro-worker.ts) in a child process on another runtime: plain JavaScript,
 * because it must make TypeScript loadable first. Its arguments are the files the worker will import (the
 * subjects' src/app.ts and the checkpoint definition); the workshop's typescript-loader.js decides from them —
 * the runtime's own type stripping (Node ≥ 22.18), or tsx where the runtime has none or a file reaches lab
 * 00's decorator baseline — as the command and the kit's launcher do. Without that loader (an older
 * checkout), tsx with the repo's base tsconfig.
 */
import { fileURLToPath } from 'node:url';

const loader = await import('@hotpath/workshop/typescript-loader').catch(() => undefined);
if (loader) {
  await loader.loadTypeScript(process.argv.slice(2));
} else {
  const { register } = await import('tsx/esm/api');
  process.env.TSX_TSCONFIG_PATH ??= fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url));
  register();
}
await import('./micro-worker.ts');
