#!/usr/bin/env node
/**
 * `hotpath-bench` (every lab's `pnpm bench`): measures the package in the current folder against the
 * baseline and prints the ratios. See shared/harness/README.md; `hotpath-bench --help` for the options.
 *
 * Bytes-per-operation windows need gc() and a young generation large enough for 16 MiB windows, so the
 * command re-runs itself once with those V8 flags when they are missing, then loads the TypeScript
 * harness through tsx.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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
  const { register } = await import('tsx/esm/api');
  // Like the kit's launcher: the repo's base tsconfig (decorators included) applies to every app file.
  process.env.TSX_TSCONFIG_PATH ??= fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url));
  register();
  const { main } = await import('../src/checkpoint.ts');
  process.exitCode = await main(process.argv.slice(2));
}
