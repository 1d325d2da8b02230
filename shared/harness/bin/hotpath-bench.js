#!/usr/bin/env node
/**
 * `hotpath-bench` (every lab's `pnpm bench`): measures the package in the current folder against the
 * baseline and prints the ratios. See shared/harness/README.md; `hotpath-bench --help` for the options.
 *
 * Bytes-per-operation windows need gc() and a young generation large enough for 16 MiB windows, so the
 * command re-runs itself once with those V8 flags when they are missing. It then loads the TypeScript harness
 * as the kit's typescript-loader.js decides: the harness imports the subjects' apps and the lab's checkpoint.ts
 * in this process, so tsx is registered when one of them reaches lab 00's decorator baseline (lab 01's
 * checkpoint, the lab 00 baseline), and on runtimes without type stripping; the runtime's own otherwise.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTypeScript, nativeTypeScript } from '@hotpath/workshop/typescript-loader';

/**
 * What the harness will import in-process, from the same options it reads (src/args.ts): the package, its
 * baseline (`--baseline`, or the one the manifest names: subjects.ts's defaultBaselineDir), `--reference`, and
 * the checkpoint definition (`--checkpoint`, or labs/<slug>/checkpoint.ts). Asked only where types are
 * stripped natively (subjects.ts is then importable without tsx).
 */
async function inProcessEntries(argv) {
  const { parseArgs } = await import('../src/args.ts');
  const parsed = parseArgs(argv);
  // Help or a usage error: nothing is measured, and the harness prints which.
  if (!('options' in parsed)) return [];
  const { dir, baselineDir, referenceDir, checkpointFile } = parsed.options;
  const { defaultBaselineDir } = await import('../src/subjects.ts');
  const { describeLabDir, repoRoot } = await import('@hotpath/workshop/paths');
  const slug = describeLabDir(dir)?.slug;
  const checkpoint = checkpointFile ?? (slug ? join(repoRoot, 'labs', slug, 'checkpoint.ts') : undefined);
  const dirs = [dir, baselineDir ?? defaultBaselineDir(dir), referenceDir].filter((d) => d !== undefined);
  return [...dirs.map((d) => join(d, 'src', 'app.ts')), ...(checkpoint && existsSync(checkpoint) ? [checkpoint] : [])];
}

const V8_FLAGS = ['--expose-gc', '--max-semi-space-size=64', '--min-semi-space-size=64'];
const ready = typeof globalThis.gc === 'function' && process.execArgv.some((a) => a.startsWith('--max-semi-space-size'));

if (!ready && process.env.HOTPATH_BENCH_REEXEC !== '1') {
  const child = spawn(process.execPath, [...V8_FLAGS, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, HOTPATH_BENCH_REEXEC: '1' },
  });
  // The child stops its servers on SIGINT/SIGTERM; pass signals on and exit with its status.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
} else {
  const argv = process.argv.slice(2);
  await loadTypeScript(nativeTypeScript() ? await inProcessEntries(argv) : []);
  const { main } = await import('../src/checkpoint.ts');
  process.exitCode = await main(argv);
}
