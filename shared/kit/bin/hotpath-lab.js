#!/usr/bin/env node
/**
 * `pnpm lab <verb>` at the repo root: the workshop CLI (src/cli/main.ts). Its TypeScript runs on the runtime's
 * own type stripping where it has it (typescript-loader.js). Only `bench` imports lab code into this process —
 * the learner's app, the reference, the lab's baseline and its checkpoint.ts — so tsx is registered for it
 * when one of those reaches lab 00's decorator baseline; the other verbs run lab code in child processes.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadTypeScript, nativeTypeScript, repoRoot } from '@hotpath/workshop/typescript-loader';

/**
 * The files `pnpm lab bench <lab>` imports in-process; none for the other verbs, and none for an unknown lab
 * or a mistyped command line (the CLI then says so). Only asked on runtimes that strip types: without that,
 * tsx loads everything anyway.
 */
async function benchEntries(argv) {
  const { parse } = await import('../src/cli/main.ts');
  let parsed;
  try {
    parsed = parse(argv);
  } catch {
    return [];
  }
  if (parsed.verb !== 'bench' || parsed.positionals[0] === undefined) return [];
  const root = process.env.HOTPATH_ROOT ? resolve(process.env.HOTPATH_ROOT) : repoRoot;
  const { labs } = await import(pathToFileURL(join(root, 'shared/workshop/src/manifest.ts')).href);
  const { findLab, baselineOf } = await import('@hotpath/workshop/manifest');
  const lab = findLab(parsed.positionals[0], labs);
  if (!lab) return [];
  return [
    join(root, 'labs', lab.slug, 'src', 'app.ts'),
    join(root, 'labs', lab.slug, 'checkpoint.ts'),
    join(root, 'solutions', lab.slug, 'src', 'app.ts'),
    join(root, 'solutions', baselineOf(lab, labs), 'src', 'app.ts'),
  ];
}

const argv = process.argv.slice(2);
await loadTypeScript(argv.includes('bench') && nativeTypeScript() ? await benchEntries(argv) : []);
// `pnpm lab diff 01 | head`: the reader went away; stop quietly instead of printing an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(argv);
