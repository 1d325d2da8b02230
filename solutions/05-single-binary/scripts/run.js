#!/usr/bin/env node
/**
 * `node scripts/run.js <startup|capstone> [options]`: runs lab 05's TypeScript script of that name
 * (scripts/<name>.ts) the way the kit's bins load TypeScript (shared/workshop/src/typescript-loader.js): by Node's
 * own type stripping on Node ≥ 22.18, through tsx on Node 20. Plain JavaScript, since it must run before any
 * TypeScript can. The options pass through unchanged (the script reads process.argv from index 2).
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadTypeScript } from '@hotpath/workshop/typescript-loader';

const SCRIPTS = ['startup', 'capstone'];
const name = process.argv[2];
if (!SCRIPTS.includes(name ?? '')) {
  console.error(`Usage: node scripts/run.js <${SCRIPTS.join('|')}> [options]`);
  process.exit(2);
}
const script = join(fileURLToPath(new URL('.', import.meta.url)), `${name}.ts`);
process.argv.splice(2, 1);
await loadTypeScript([script]);
await import(pathToFileURL(script).href);
