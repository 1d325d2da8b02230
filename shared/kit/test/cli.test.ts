/**
 * `pnpm lab` against a temporary copy of a small fixture kit (test/fixtures/kit: one ready lab whose sum()
 * subtracts, its solution, one planned lab), committed to a fresh git repository so `reset` has starting
 * code to go back to. Every verb runs as a learner would run it: the real bin, HOTPATH_ROOT pointing at the
 * copy, output captured.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessOptions, parse } from '../src/cli/main.ts';
import { copyFixtureKit, FIXTURE_KIT } from './fixture-kit.ts';

const bin = fileURLToPath(new URL('../bin/hotpath-lab.js', import.meta.url));
const fixture = FIXTURE_KIT;
let root = '';

function lab(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, HOTPATH_ROOT: root, NO_COLOR: '1' }, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
const sumFile = () => readFileSync(join(root, 'labs/00-demo/src/sum.ts'), 'utf8');
const STARTING_SUM = readFileSync(join(fixture, 'labs/00-demo/src/sum.ts'), 'utf8');

beforeAll(() => {
  root = copyFixtureKit('hotpath-cli-');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('pnpm lab: mistakes get one clear line and a non-zero exit', () => {
  it.each([
    [['hint', '7'], /There is no lab "7": the labs are 00–01/],
    [['test'], /pnpm lab test needs a lab number/],
    [['frobnicate'], /Unknown verb "frobnicate"/],
    [[], /needs a verb/],
    [['test', '01'], /planned, not written yet/],
    [['bench', '00', '--quik'], /Unknown option --quik for pnpm lab bench/],
    [['doctor', '--fix'], /^pnpm lab: Unknown option --fix for pnpm lab doctor \(it takes --json\)$/m],
    [['bench', '00', '--rounds'], /^pnpm lab: --rounds needs a value$/m],
    [['bench', '00', '--rounds', '0'], /^pnpm lab: --rounds needs a positive number$/m],
  ])('%j', (args, message) => {
    const run = lab(...args);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('pnpm lab command line (parse)', () => {
  it('reads the verb, positionals, flags and values in any order, -h as --help, --flag=value too', () => {
    const p = parse(['--rounds', '3', 'bench', '00', '--no-pin', '--only=load', '-h']);
    expect([p.verb, p.positionals, [...p.flags], [...p.values]]).toEqual([
      'bench',
      ['00'],
      ['--no-pin', '--help'],
      [
        ['--rounds', '3'],
        ['--only', 'load'],
      ],
    ]);
  });

  it('passes every --runtime to the harness, in order, beside the other harness options', () => {
    const p = parse(['bench', '02', '--runtime', '26', '--quick', '--runtime=bun', '--rounds', '2']);
    expect(p.runtimes).toEqual(['26', 'bun']);
    expect(harnessOptions(p)).toEqual({ rounds: 2, runtimes: ['26', 'bun'] });
    expect(harnessOptions(parse(['bench', '02']))).toEqual({});
  });

  it('keeps an unknown option as written, for the verb to name, and refuses a value flag without its value', () => {
    expect([...parse(['bench', '00', '--quik', '-q', '--json=1']).flags]).toEqual(['--quik', '-q', '--json=1']);
    expect(() => parse(['hint', '00', '--step'])).toThrow('--step needs a value');
    expect(() => parse(['hint', '00', '--step', '--further'])).toThrow('--step needs a value');
  });
});

describe('pnpm lab on a fresh kit', () => {
  it('list shows the ready lab failing, the planned one planned, and no checkpoints', () => {
    const run = lab('list');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/00\s+Demo: add two numbers\s+✗ core 0\/1 · types not checked\s+no checkpoint/);
    expect(run.stdout).toMatch(/01\s+Later: not written yet\s+planned\s+no checkpoint/);
    const json = JSON.parse(lab('list', '--json', '--no-run').stdout) as Array<{ lab: string; tests: { failed: number } | null }>;
    expect(json.map((row) => row.lab)).toEqual(['00-demo', '01-later']);
    expect(json[0]!.tests!.failed).toBe(1);
  });

  it('hint shows the next unseen hint, remembers it, and --all shows every one', () => {
    expect(lab('hint', '00').stdout).toContain('Hint 1 of 2 — Look at the operator');
    expect(lab('hint', '0').stdout).toContain('Hint 2 of 2 — Use plus');
    expect(lab('hint', '00-demo').stdout).toContain('You have seen all 2 hints');
    const all = lab('hint', '00', '--all').stdout;
    expect(all).toContain('Hint 1 of 2');
    expect(all).toContain('Hint 2 of 2');
    expect(JSON.parse(readFileSync(join(root, '.hotpath/hints.json'), 'utf8'))).toEqual({ '00-demo': [1, 2] });
  });

  it('a state file that is not JSON stops with one line naming it', () => {
    const path = join(root, '.hotpath/hints.json');
    const saved = readFileSync(path, 'utf8');
    writeFileSync(path, '{oops');
    const run = lab('hint', '00');
    writeFileSync(path, saved);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\.hotpath\/hints\.json is not valid JSON: fix it or delete it/);
  });
});

describe('test, solve, reset, restore and diff never lose work', () => {
  it('test fails with the assertion message on the starting code; a lab without tsconfig.json skips the typecheck', () => {
    const run = lab('test', '00');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/Make sum\(2, 3\) return 5: add, do not subtract\n\s+expected -1 to be 5/);
    expect(run.stdout).toContain('Typecheck: skipped (labs/00-demo has no tsconfig.json)');
  });

  it('diff shows yours against the solution, plain without a TTY, coloured with --color', () => {
    const plain = lab('diff', '00').stdout;
    expect(plain).toContain('--- labs/00-demo/src/sum.ts');
    expect(plain).toContain('+export const sum = (a: number, b: number): number => a + b;');
    expect(plain).not.toContain('\x1b[');
    expect(lab('diff', '00', '--color').stdout).toContain('\x1b[32m+export const sum');
  });

  it('solve backs up the learner files, verified, then puts the solution in; test passes', () => {
    writeFileSync(join(root, 'labs/00-demo/src/notes.md'), 'my own notes\n');
    const run = lab('solve', '00');
    expect(run.status).toBe(0);
    expect(sumFile()).toContain('a + b');
    expect(existsSync(join(root, 'labs/00-demo/src/notes.md'))).toBe(false);
    const [backup] = readdirSync(join(root, '.hotpath/backups/00-demo'));
    expect(readFileSync(join(root, '.hotpath/backups/00-demo', backup!, 'src/notes.md'), 'utf8')).toBe('my own notes\n');
    expect(readFileSync(join(root, '.hotpath/backups/00-demo', backup!, 'src/sum.ts'), 'utf8')).toBe(STARTING_SUM);
    expect(lab('list', '--no-run').stdout, 'a test run of other files is marked stale').toMatch(/✗ core 0\/1 · types not checked \(stale\)/);
    expect(lab('test', '00').status).toBe(0);
    expect(lab('diff', '00').stdout).toContain('matches the solution');
  });

  it('reset brings the failing starting code back, restore brings the solved files back', () => {
    expect(lab('reset', '00').status).toBe(0);
    expect(sumFile()).toBe(STARTING_SUM);
    expect(lab('test', '00').status).toBe(1);
    const restored = lab('restore', '00');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/saved before "reset"/);
    expect(sumFile()).toContain('a + b');
    expect(lab('test', '00').status).toBe(0);
    expect(lab('restore', '00', '--list').stdout).toMatch(/saved before "restore"/);
  });

  it('restoring twice does not undo itself; an ambiguous id or a damaged backup is refused', () => {
    const again = lab('restore', '00');
    expect(again.stdout).toContain('nothing changed');
    expect(sumFile()).toContain('a + b');
    const ambiguous = lab('restore', '00', '2');
    expect(ambiguous.status).toBe(2);
    expect(ambiguous.stderr).toMatch(/matches \d+ backups: give more of the id/);
    const dir = join(root, '.hotpath/backups/00-demo');
    const newestNonRestore = readdirSync(dir)
      .sort()
      .reverse()
      .find((id) => !readFileSync(join(dir, id, 'backup.json'), 'utf8').includes('"restore"'))!;
    writeFileSync(join(dir, newestNonRestore, 'src/sum.ts'), 'tampered\n');
    lab('reset', '00');
    const damaged = lab('restore', '00', newestNonRestore);
    expect(damaged.status).toBe(1);
    expect(damaged.stderr).toMatch(/is damaged \(sum\.ts changed or is missing\)/);
    expect(sumFile(), 'a refused restore leaves the files as they were').toBe(STARTING_SUM);
  });
});

describe('bench', () => {
  it('refuses to rank an app that answers differently from the reference, showing the first difference', () => {
    lab('reset', '00');
    const run = lab('bench', '00');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Not ranked');
    expect(run.stdout).toContain('GET /health');
    expect(run.stdout).toContain('{"status":"ok","sum":5}');
    expect(run.stdout).toContain('{"status":"ok","sum":-1}');
    const json = JSON.parse(lab('bench', '00', '--json').stdout) as { ranked: boolean; difference: { what: string } };
    expect(json.ranked).toBe(false);
    expect(json.difference.what).toBe('body');
  });

  it('measures an app that answers like the reference, prints the verdict and appends the history', () => {
    lab('solve', '00');
    const run = lab('bench', '00', '--only', 'startup', '--startup-runs', '1', '--no-pin');
    // The fixture's one target, in its own words: a figure with its bar (how fast depends on the machine).
    expect(run.stdout, run.stderr).toMatch(
      /(✓ met|✗ missed|\? inconclusive)\s+(\d[\d.,]*× (faster|slower)|as fast) to the first response (than|as) the baseline \(target at most 100× slower\)/,
    );
    expect([0, 1, 2]).toContain(run.status);
    const history = readFileSync(join(root, '.hotpath/history.jsonl'), 'utf8').trim().split('\n');
    expect(history).toHaveLength(1);
    const entry = JSON.parse(history[0]!) as { lab: string; result: string; verdict: { total: number }; targets: Array<{ label: string; state: string }> };
    expect(entry.lab).toBe('00-demo');
    expect(entry.verdict.total).toBe(1);
    expect(entry.targets[0]).toMatchObject({
      label: 'at most 100× slower to the first response than the baseline',
      state: expect.stringMatching(/^(met|missed|inconclusive)$/),
    });
    expect(existsSync(join(root, entry.result))).toBe(true);
    expect(lab('list', '--no-run').stdout).toMatch(
      /00\s+Demo: add two numbers\s+✓ core 1\/1 · types not checked\s+[✓✗?] [01] met( · 1 (missed|inconclusive))? of 1 target/,
    );
  });
});

describe('start and doctor', () => {
  it('start prints where to read, then runs the tests in watch mode until stopped', async () => {
    const child = spawn(process.execPath, [bin, 'start', '00'], { env: { ...process.env, HOTPATH_ROOT: root, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const deadline = Date.now() + 60_000;
    while (!/1 passed/.test(output) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGINT');
    expect(output).toContain('labs/00-demo/README.md');
    expect(output).toContain('http://127.0.0.1:3000/labs/00-demo');
    expect(output).toMatch(/watch mode/);
    expect(output).toMatch(/1 passed/);
  });

  it('doctor lists its checks and exits 0 unless one fails', () => {
    const run = lab('doctor', '--json');
    const checks = JSON.parse(run.stdout) as Array<{ name: string; status: string }>;
    expect(checks.map((c) => c.name)).toContain('node');
    expect(run.status).toBe(checks.some((c) => c.status === 'fail') ? 1 : 0);
  });
});
