#!/usr/bin/env node
/**
 * `pnpm build` of lab 05's packages: `hotpath-build [--out DIR]` builds the package in the current folder —
 * its src/server.ts and src/snapshot.ts bundled with its src/bundle.ts, and three single executables made
 * with its src/sea.ts — into DIR (default ./dist), through buildAll() in src/sea-build.ts (TypeScript, loaded
 * as typescript-loader.js decides). Prints what was built; exits 1 when the build or any binary failed.
 */
import { join, resolve } from 'node:path';
import { loadTypeScript } from '@hotpath/workshop/typescript-loader';

await loadTypeScript(['bundle.ts', 'sea.ts'].map((file) => join(process.cwd(), 'src', file)));
const { buildAll, formatBuild } = await import('../src/sea-build.ts');

const dir = process.cwd();
const at = process.argv.indexOf('--out');
if (at !== -1 && !process.argv[at + 1]) {
  console.error('Usage: hotpath-build [--out DIR]   (default DIR: ./dist)');
  process.exit(2);
}
const outDir = resolve(at === -1 ? join(dir, 'dist') : process.argv[at + 1]);

try {
  const report = await buildAll(outDir, join(dir, 'src'));
  console.log(formatBuild(report));
  if (report.binaries.some((binary) => 'error' in binary)) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
