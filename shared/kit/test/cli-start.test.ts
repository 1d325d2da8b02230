/**
 * `pnpm lab start NN [--further]` against a temporary copy of test/fixtures/todo-kit (core: sum.test.ts and
 * property.test.ts; going further: going-further/sum-all.test.ts): the watch mode runs the core tests only,
 * says so in its banner and names `--further`; with `--further` it runs the going-further test too. The real
 * bin runs with HOTPATH_ROOT at the copy, and is stopped with SIGINT once vitest has reported a first run.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FURTHER_TESTS_GLOB, watchArgs } from '../src/cli/learn.ts';
import { repoRoot } from '@hotpath/workshop/paths';

const bin = fileURLToPath(new URL('../bin/hotpath-lab.js', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/todo-kit', import.meta.url));
const fastCheck = createRequire(join(repoRoot, 'shared/api/package.json')).resolve('fast-check');
let root = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'hotpath-cli-start-'));
  cpSync(fixture, root, { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `pnpm lab start 00 …args` until vitest prints its first summary ("Test Files …"), then Ctrl+C; all it printed. */
async function startOnce(...args: string[]): Promise<string> {
  const env = { ...process.env, HOTPATH_ROOT: root, NO_COLOR: '1', HOTPATH_TEST_FAST_CHECK: fastCheck };
  const child = spawn(process.execPath, [bin, 'start', '00', ...args], { env });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const deadline = Date.now() + 90_000;
  while (!/Test Files /.test(output) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
  child.kill('SIGINT');
  await exited;
  return output;
}

describe('pnpm lab start: the core tests in watch mode, going further on request', () => {
  it('passes vitest an --exclude of test/going-further/ unless --further', () => {
    expect(watchArgs(false)).toEqual(['--exclude', FURTHER_TESTS_GLOB]);
    expect(watchArgs(true)).toEqual([]);
  });

  it('runs the core test files only, and the banner says so and names --further', async () => {
    const output = await startOnce();
    expect(output).toContain('Running the core tests');
    expect(output).toContain('pnpm lab start 00 --further');
    expect(output).toMatch(/sum\.test\.ts/);
    expect(output, 'the going-further test must not run without --further').not.toMatch(/sum-all\.test\.ts/);
    expect(output).toMatch(/Test Files\s+2 failed \(2\)/);
  }, 120_000);

  it('--further runs the going-further test files too', async () => {
    const output = await startOnce('--further');
    expect(output).toContain('the going-further ones');
    expect(output).toMatch(/going-further\/sum-all\.test\.ts/);
    expect(output).toMatch(/Test Files\s+3 failed \(3\)/);
  }, 120_000);
});
