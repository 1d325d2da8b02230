/**
 * `pnpm lab test`, `list` and `hint --step` / `--further` against a temporary copy of test/fixtures/todo-kit: one ready lab
 * whose core is six sum() tests (five failing with one message) and a fast-check property, whose going
 * further is one sumAll() test, with a tsconfig.json for its typecheck, and hints tied to README steps. The
 * real bin runs with HOTPATH_ROOT at the copy, as a learner would run it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@hotpath/workshop/paths';

const bin = fileURLToPath(new URL('../bin/hotpath-lab.js', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/todo-kit', import.meta.url));
// The fixture has no node_modules: its vitest config points `fast-check` at the workspace's copy.
const fastCheck = createRequire(join(repoRoot, 'shared/api/package.json')).resolve('fast-check');
let root = '';

function lab(...args: string[]) {
  const env = { ...process.env, HOTPATH_ROOT: root, NO_COLOR: '1', HOTPATH_TEST_FAST_CHECK: fastCheck };
  const run = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 180_000 });
  if (run.error) throw new Error(`pnpm lab ${args.join(' ')} did not finish: ${run.error.message}`);
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
/** The output of a hint command that must succeed (its stderr in the message when it does not). */
function hint(...args: string[]): string {
  const run = lab('hint', '00', ...args);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}
const writeSrc = (file: string, text: string) => writeFileSync(join(root, 'labs/00-todo/src', file), text);
const occurrences = (text: string, part: string) => text.split(part).length - 1;

const CORE_SOLVED = `export const sum = (a: number, b: number): number => a + b;

export function sumAll(values: readonly number[]): number {
  throw new Error('TODO (step 2): write sumAll()');
}
`;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'hotpath-cli-todo-'));
  cpSync(fixture, root, { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('pnpm lab test is the to-do list', () => {
  it('prints each distinct message once with a count, the core before going further', () => {
    const run = lab('test', '00');
    expect(run.status, run.stderr).toBe(1);
    expect(occurrences(run.stdout, 'TODO (step 1): make sum() add, do not subtract')).toBe(1);
    expect(run.stdout).toContain('(and 4 more tests with this message)');
    expect(run.stdout).toContain('sum(-2, 2) is 0: the two cancel out');
    const core = run.stdout.indexOf('Core tests');
    const further = run.stdout.indexOf('Going further (optional)');
    expect(core).toBeGreaterThanOrEqual(0);
    expect(further).toBeGreaterThan(core);
    expect(run.stdout.indexOf('test/going-further/sum-all.test.ts')).toBeGreaterThan(further);
    expect(run.stdout).toMatch(/Not done yet: 7 of 7 core tests failing\. Going further: 0\/1 \(optional\)/);
  });

  it("shows a fast-check failure's own assertion message and counterexample, not 'Property failed'", () => {
    const run = lab('test', '00');
    expect(run.stdout).not.toContain('Property failed');
    expect(run.stdout).toMatch(/sum\(\d+, \d+\) must be \d+: add the two numbers\n\s+expected [+-]?\d+ to be \d+/);
    expect(run.stdout).toMatch(/counterexample: \[\d+,\d+\]/);
  });

  it('--json gives each file its part and path under test/, and the typecheck', () => {
    const report = JSON.parse(lab('test', '00', '--json').stdout) as {
      done: boolean;
      passed: number;
      failed: number;
      further: { passed: number; failed: number };
      typeErrors: number;
      typecheck: { errors: unknown[] };
      files: Array<{ file: string; part: string; failures: Array<{ message: string; counterexample?: string }> }>;
    };
    expect(Object.fromEntries(report.files.map((f) => [f.file, f.part]))).toEqual({
      'property.test.ts': 'core',
      'sum.test.ts': 'core',
      'going-further/sum-all.test.ts': 'further',
    });
    expect([report.done, report.passed, report.failed, report.further, report.typeErrors]).toEqual([false, 0, 7, { passed: 0, failed: 1, loadErrors: 0 }, 0]);
    expect(report.typecheck.errors).toEqual([]);
    const property = report.files.find((f) => f.file === 'property.test.ts')!.failures[0]!;
    expect(property.message).toMatch(/must be \d+: add the two numbers$/);
    expect(property.counterexample).toMatch(/^\[\d+,\d+\]$/);
  });

  it('passes (exit 0) when every core test passes, though going further still fails', () => {
    writeSrc('sum.ts', CORE_SOLVED);
    const run = lab('test', '00');
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toContain('All core tests of lab 00 pass and the typecheck is clean. Going further: 0/1 (optional).');
    expect(run.stdout).toContain('TODO (step 2): write sumAll()');
    expect(lab('list', '--no-run').stdout).toMatch(/00\s+To-do: sums, a property and a stretch goal\s+✓ core 7\/7 · further 0\/1 · types ✓/);
  });

  it('reports a deliberate type error in src and exits non-zero although every test passes', () => {
    writeSrc('oops.ts', "export const answer: number = 'forty-two';\n");
    try {
      const run = lab('test', '00');
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(
        /✗ Typecheck \(tsc -p labs\/00-todo\): 1 type error\n\s+src\/oops\.ts:1:14\s+TS2322 Type 'string' is not assignable to type 'number'\./,
      );
      expect(run.stdout).toContain('Not done yet: every core test passes, but 1 type error.');
      expect(run.stdout).not.toContain('All core tests');
      expect(run.stdout.indexOf('Typecheck')).toBeGreaterThan(run.stdout.indexOf('Going further'));
      expect(lab('list', '--no-run').stdout).toMatch(/✗ core 7\/7 · further 0\/1 · types ✗ 1/);
    } finally {
      unlinkSync(join(root, 'labs/00-todo/src/oops.ts'));
    }
    expect(lab('test', '00').status).toBe(0);
  });
});

describe('pnpm lab hint --step K and --further', () => {
  it('shows the next unseen hint of the step, with the step in the heading, and says once when the step has no more', () => {
    expect(hint('--step', '1')).toContain('Hint 1 of 4 (step 1) — Which operator?');
    const second = hint('--step', '1');
    expect(second).toContain('Hint 4 of 4 (step 1) — Use plus');
    expect(second).not.toContain('Still stuck?');
    expect(second.trimEnd()).toMatch(/That was the last hint for step 1; pnpm lab hint 00 --step 1 --all shows them all\.$/);
    expect(second, 'no blank line at the end').not.toMatch(/\n\n$/);
    const again = hint('--step', '1');
    expect(again).toContain('You have seen all 2 hints for step 1');
    expect(again, 'said once, not again after the hint').not.toContain('That was the last hint');
  });

  it('counts a hint seen through --step as seen for plain hint, and the other way round', () => {
    expect(hint(), 'hint 1 was seen through --step 1').toContain('Hint 2 of 4 — Whole lab: read the messages');
    const third = hint();
    expect(third, 'hint 4 was seen through --step 1').toContain('Hint 3 of 4 (step 2) — Adding a list');
    expect(third).toContain('That was the last hint of lab 00; pnpm lab hint 00 --all shows them all.');
    expect(hint('--step', '2'), 'hint 3 was seen through plain hint').toContain('You have seen all 1 hint for step 2');
    expect(hint()).toContain('You have seen all 4 hints of lab 00');
    expect(JSON.parse(readFileSync(join(root, '.hotpath/hints.json'), 'utf8'))).toEqual({ '00-todo': [1, 2, 3, 4] });
  });

  it('reads the older counts (per lab, per step) as the hints they counted', () => {
    writeFileSync(join(root, '.hotpath/hints.json'), JSON.stringify({ '00-todo': 1, '00-todo#step1': 2 }));
    // 1 of the lab's order is hint 1; 2 of step 1's are hints 1 and 4: the next unseen is hint 2.
    expect(hint()).toContain('Hint 2 of 4 — Whole lab: read the messages');
    expect(JSON.parse(readFileSync(join(root, '.hotpath/hints.json'), 'utf8'))).toEqual({ '00-todo': [1, 2, 4] });
    rmSync(join(root, '.hotpath/hints.json'));
  });

  it('--further and --step further show the hints tied to no step', () => {
    const further = hint('--further');
    expect(further).toContain('Hint 2 of 4 — Whole lab: read the messages');
    expect(further).toContain('That was the last hint for going further; pnpm lab hint 00 --further --all shows them all.');
    expect(hint('--step', 'further')).toContain('You have seen all 1 hint for going further');
    rmSync(join(root, '.hotpath/hints.json'));
  });

  it('--all with --step shows every hint of that step and no other', () => {
    const all = hint('--step', '1', '--all');
    expect(all).toContain('Hint 1 of 4 (step 1)');
    expect(all).toContain('Hint 4 of 4 (step 1)');
    expect(all).not.toContain('Hint 2 of 4');
    expect(all).not.toContain('Hint 3 of 4');
    const json = JSON.parse(hint('--step', '2', '--json')) as { step: number; shown: Array<{ number: number; step: number }> };
    expect(json.step).toBe(2);
    expect(json.shown).toEqual([expect.objectContaining({ number: 3, step: 2 })]);
  });

  it.each([
    [['hint', '00', '--step', '9'], /^pnpm lab: Lab 00 has no hints for step 9: the steps with hints are 1, 2 /],
    [['hint', '00', '--step', 'two'], /^pnpm lab: --step needs a step number \(1, 2, …\) or "further", not "two"/],
    [['hint', '00', '--step', '2', '--further'], /^pnpm lab: Give --step 2 or --further, not both/],
    [['hint', '00', '--step'], /^pnpm lab: --step needs a value/],
  ])('%j is one line and exit 2', (args, message) => {
    const run = lab(...args);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});
