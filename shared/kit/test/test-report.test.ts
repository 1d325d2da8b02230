/**
 * The pieces of `pnpm lab test`'s to-do list, in process: what a failure says (real fast-check and vitest
 * errors, not hand-made copies), grouping identical messages with counts, tsc's output read as entries, the
 * summary of a file from the outcome reporter, a real syntax error in src (vitest run on the todo-kit fixture)
 * printed readably and without escape codes, and the `list` cell of a record, old or new.
 */
import { copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { colours } from '../src/cli/context.ts';
import { testsCell } from '../src/cli/learn.ts';
import { formatFiles, formatTypecheck, groupFailures, othersLine, recordOf } from '../src/cli/test-report.ts';
import { COUNTEREXAMPLE_CHARS, failureText } from '../src/failure-message.ts';
import { repoRoot } from '@hotpath/workshop/paths';
import { parseTscOutput, runLabTestsRaw, summarise, type FileOutcome } from '../src/run-lab-tests.ts';
import type { RawError } from '../src/vitest-outcome-reporter.ts';

/** The slice of fast-check these tests use (the kit does not depend on it; @hotpath/api does). */
interface FastCheck {
  assert(property: unknown, parameters?: { includeErrorInReport?: boolean }): void;
  property(...args: unknown[]): unknown;
  integer(constraints?: { min?: number; max?: number }): unknown;
  array(item: unknown, constraints?: { minLength?: number }): unknown;
}
const fc = createRequire(join(repoRoot, 'shared/api/package.json'))('fast-check') as FastCheck;

/** The error `run` throws, as vitest hands it to the reporter (message, name, cause). */
function thrown(run: () => void): RawError {
  try {
    run();
  } catch (error) {
    return error as RawError;
  }
  throw new Error('expected the property to fail');
}

describe("failureText: the test's own message", () => {
  it("a fast-check property: the assertion's message from the cause, vitest's detail and the counterexample apart", () => {
    const error = thrown(() => fc.assert(fc.property(fc.integer({ min: 3, max: 9 }), (n: number) => expect(n, `TODO (step 2): ${n} must be even`).toBe(2))));
    expect(error.message).toMatch(/^Property failed after \d+ tests?/);
    expect(failureText(error)).toEqual({ message: 'TODO (step 2): 3 must be even', detail: 'expected 3 to be 2 // Object.is equality', counterexample: '[3]' });
  });

  it('a fast-check property with includeErrorInReport: the "Got …" line', () => {
    const assertion = thrown(() =>
      fc.assert(
        fc.property(fc.integer({ min: 3, max: 9 }), (n: number) => expect(n, 'make it two').toBe(2)),
        { includeErrorInReport: true },
      ),
    );
    expect(assertion.message).toContain('Got AssertionError: make it two');
    expect(failureText(assertion)).toEqual({ message: 'make it two', detail: 'expected 3 to be 2 // Object.is equality', counterexample: '[3]' });
    const plain = thrown(() =>
      fc.assert(
        fc.property(fc.integer(), () => {
          throw new Error('TODO (README step 2): write read() in src/json-reader.ts');
        }),
        { includeErrorInReport: true },
      ),
    );
    expect(plain.message).toContain('Got error: TODO (README step 2)');
    expect(failureText(plain)).toEqual({ message: 'TODO (README step 2): write read() in src/json-reader.ts', counterexample: '[0]' });
  });

  it('a property that returns false, and a long counterexample shortened', () => {
    expect(failureText(thrown(() => fc.assert(fc.property(fc.integer(), () => false)))).message).toBe('Property failed by returning false');
    const long = failureText(thrown(() => fc.assert(fc.property(fc.array(fc.integer({ min: 1000, max: 1000 }), { minLength: 400 }), () => false))));
    expect(long.counterexample!.length).toBeLessThan(COUNTEREXAMPLE_CHARS + 30);
    expect(long.counterexample).toMatch(/^\[\[1000,1000,.*… \(\d{4} characters\)$/);
  });

  it('plain errors: an assertion without a message of its own is whole, a TypeError keeps its name, no stack', () => {
    expect(failureText(thrown(() => expect(1).toBe(2)))).toEqual({ message: 'expected 1 to be 2 // Object.is equality' });
    const typeError = thrown(() => (undefined as unknown as () => void)());
    expect(failureText(typeError).message).toMatch(/^TypeError: [^\n]+$/);
    expect(failureText({ name: 'Error', message: 'TODO: write it\nsecond line\n    at foo (x.ts:1:1)' }).message).toBe('TODO: write it\nsecond line');
  });
});

const outcome = (file: string, messages: string[], passed = 0): FileOutcome => ({
  file,
  part: file.startsWith('going-further/') ? 'further' : 'core',
  passed,
  failed: messages.length,
  failures: messages.map((message, i) => ({ test: `${file} test ${i + 1}`, message })),
});

describe('grouping: each distinct message once, with a count', () => {
  const outcomes = [
    outcome('a.test.ts', ['TODO read()', 'other', 'TODO read()']),
    outcome('b.test.ts', ['TODO read()', 'TODO read()'], 3),
    outcome('c.test.ts', ['other']),
  ];

  it('keeps the first test of each message and counts the rest per file', () => {
    const groups = groupFailures(outcomes);
    expect(groups.map((g) => [g.message, g.test, g.count])).toEqual([
      ['TODO read()', 'a.test.ts test 1', 4],
      ['other', 'a.test.ts test 2', 2],
    ]);
    expect(othersLine(groups[0]!)).toBe('(and 3 more tests with this message: 1 here, 2 in b.test.ts)');
    expect(othersLine(groups[1]!)).toBe('(and 1 more test with this message: 1 in c.test.ts)');
    expect(othersLine(groupFailures([outcome('a.test.ts', ['x', 'x', 'x'])])[0]!)).toBe('(and 2 more tests with this message)');
  });

  it('prints each message once, under its first file; a file whose messages came earlier says so', () => {
    const text = formatFiles(outcomes, colours(false)).join('\n');
    expect(text.split('TODO read()').length - 1).toBe(1);
    expect(text).toContain('✗ test/b.test.ts  2 failing, 3 passed\n     (the messages of its 2 failing tests are shown above)');
  });

  it('counts core, going further and type errors for the record list keeps', () => {
    const record = recordOf([...outcomes, outcome('going-further/x.test.ts', ['stretch'], 2)], { errors: [] }, 'hash');
    expect(record).toMatchObject({ srcHash: 'hash', passed: 3, failed: 6, loadErrors: 0, further: { passed: 2, failed: 1, loadErrors: 0 }, typeErrors: 0 });
    expect(recordOf(outcomes, null, 'hash')).not.toHaveProperty('typeErrors');
    expect(recordOf(outcomes, null, 'hash')).not.toHaveProperty('further');
  });
});

describe('summarise and parseTscOutput', () => {
  const testsDir = '/kit/labs/03-x/test';

  it('gives a file its part and path under test/; no tests and an error is a load error; a failed setup is a failure', () => {
    const base = { state: 'failed', errors: [], suiteErrors: [], tests: [] };
    expect(
      summarise({ ...base, path: `${testsDir}/going-further/exotic.test.ts`, errors: [{ name: 'Error', message: "Cannot find module './x.ts'" }] }, testsDir),
    ).toEqual({
      file: 'going-further/exotic.test.ts',
      part: 'further',
      passed: 0,
      failed: 0,
      loadError: "Cannot find module './x.ts'",
      failures: [],
    });
    const setup = summarise(
      {
        ...base,
        path: `${testsDir}/reader.test.ts`,
        suiteErrors: [{ suite: 'read()', errors: [{ name: 'Error', message: 'TODO' }] }],
        tests: [{ name: 'read() a', state: 'skipped', errors: [] }],
      },
      testsDir,
    );
    expect(setup).toMatchObject({ file: 'reader.test.ts', part: 'core', failed: 1, failures: [{ test: 'read() (its setup or teardown)', message: 'TODO' }] });
    expect(setup.loadError).toBeUndefined();
    const linked = summarise(
      { ...base, state: 'passed', path: '/elsewhere/repo/labs/03-x/test/going-further/a.test.ts', tests: [{ name: 'a', state: 'passed', errors: [] }] },
      testsDir,
    );
    expect([linked.file, linked.part, linked.passed], 'named from labs/<slug>/test/ on, wherever vitest ran it').toEqual([
      'going-further/a.test.ts',
      'further',
      1,
    ]);
  });

  it('reads tsc errors with their position, continuation lines and project-wide errors', () => {
    const output = [
      "src/ingest.ts(12,5): error TS2322: Type 'string' is not assignable to type 'number'.",
      "src/app.ts(3,1): error TS2345: Argument of type '{ a: string; }' is not assignable to parameter of type 'Todo'.",
      "  Property 'id' is missing in type '{ a: string; }' but required in type 'Todo'.",
      "error TS5083: Cannot read file '/kit/tsconfig.base.json'.",
    ].join('\n');
    expect(parseTscOutput(output)).toEqual([
      { file: 'src/ingest.ts', line: 12, column: 5, code: 'TS2322', message: "Type 'string' is not assignable to type 'number'." },
      {
        file: 'src/app.ts',
        line: 3,
        column: 1,
        code: 'TS2345',
        message:
          "Argument of type '{ a: string; }' is not assignable to parameter of type 'Todo'.\n  Property 'id' is missing in type '{ a: string; }' but required in type 'Todo'.",
      },
      { file: '', line: 0, column: 0, code: 'TS5083', message: "Cannot read file '/kit/tsconfig.base.json'." },
    ]);
  });
});

describe('a syntax error in src: readable, no escape codes', () => {
  const ESC = String.fromCharCode(27);

  it('a real vite compile error reads as file:line:col, its message and the line at fault, with no ANSI code left', () => {
    // The todo-kit fixture lab, its src/sum.ts replaced by fixtures/syntax-error/sum.ts (line 6 leaves a call open).
    const root = mkdtempSync(join(tmpdir(), 'hotpath-syntax-error-'));
    try {
      cpSync(fileURLToPath(new URL('./fixtures/todo-kit', import.meta.url)), root, { recursive: true });
      const src = join(root, 'labs/00-todo/src');
      copyFileSync(fileURLToPath(new URL('./fixtures/syntax-error/sum.ts', import.meta.url)), join(src, 'sum.ts'));
      process.env.HOTPATH_TEST_FAST_CHECK ??= createRequire(join(repoRoot, 'shared/api/package.json')).resolve('fast-check');
      const raw = runLabTestsRaw('00-todo', src, root);
      const said = raw.flatMap((file) => [...file.errors, ...file.tests.flatMap((test) => test.errors)]).map((error) => error.message ?? '');
      expect(said.join('\n'), 'vite colours its code frame even with FORCE_COLOR=0: the fixture must show what a learner sees').toContain(`${ESC}[`);

      const outcomes = raw.map((file) => summarise(file, join(root, 'labs/00-todo/test')));
      const text = formatFiles(outcomes, colours(false)).join('\n');
      expect(text, 'no escape code of vite may reach the report').not.toContain(ESC);
      const loadError = outcomes.find((o) => o.file === 'sum.test.ts')!.loadError!;
      const lines = loadError.split('\n');
      expect(lines[0], 'the first line: where (file:line:col) and what').toMatch(/^src\/sum\.ts:6:\d+: .*(Expected|Unexpected)/);
      expect(loadError, 'the code frame keeps the line at fault').toContain('6 │   return values.reduce((total, value) => sum(total, value, 0;');
      expect(lines.length, 'a few lines, not the whole box-drawn frame').toBeLessThanOrEqual(6);
      expect(loadError).not.toMatch(/Transform failed|╭|╯/);
      expect(lines.at(-1)).toBe('(src/sum.ts does not compile: fix this first, no test that imports it can run)');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);

  it('escape codes in a message, a detail and a type error are dropped; the report paints only its own', () => {
    const red = (text: string) => `${ESC}[31m${text}${ESC}[39m`;
    const outcome: FileOutcome = {
      file: 'a.test.ts',
      part: 'core',
      passed: 0,
      failed: 1,
      loadError: red('boom'),
      failures: [{ test: 't', message: red('TODO (step 1)'), detail: red('expected 1 to be 2') }],
    };
    expect(formatFiles([outcome], colours(false)).join('\n')).not.toContain(ESC);
    expect(failureText({ name: 'Error', message: red('TODO: write it') }).message).toBe('TODO: write it');
    const typecheck = formatTypecheck(
      { errors: [{ file: 'src/a.ts', line: 1, column: 2, code: 'TS1005', message: red("';' expected.") }] },
      'x',
      colours(false),
    );
    expect(typecheck.join('\n')).toContain("src/a.ts:1:2  TS1005 ';' expected.");
    expect(typecheck.join('\n')).not.toContain(ESC);
  });
});

describe("list's tests cell", () => {
  const c = colours(false);
  it('shows core, going further and types apart', () => {
    expect(testsCell(c, { passed: 14, failed: 0, loadErrors: 0, further: { passed: 2, failed: 3, loadErrors: 0 }, typeErrors: 0, at: '' })).toBe(
      '✓ core 14/14 · further 2/5 · types ✓',
    );
    expect(testsCell(c, { passed: 14, failed: 0, loadErrors: 0, typeErrors: 2, at: '' })).toBe('✗ core 14/14 · types ✗ 2');
    expect(testsCell(c, { passed: 3, failed: 11, loadErrors: 1, typeErrors: 0, at: '', stale: true })).toBe(
      '✗ core 3/14 (1 file did not load) · types ✓ (stale)',
    );
  });

  it('reads a record written before going further and the typecheck existed', () => {
    expect(testsCell(c, { srcHash: 'x', passed: 9, failed: 0, loadErrors: 0, at: '2025-01-01T00:00:00.000Z' })).toBe('✓ core 9/9 · types not checked');
  });
});
