/**
 * `pnpm lab test NN` as a to-do list: the core tests, then the going-further ones apart, then the lab's type
 * errors, then one verdict line. Each distinct failure message is printed once, under the first test that
 * failed with it, with a count of the others ("(and 159 more tests with this message …)"), so a starting code
 * whose every test fails on the same TODO reads as one line, not 160. Nothing it prints keeps an ANSI escape
 * code of the tools it reports on (vite colours its code frames): only the report's own colours are painted.
 */
import { stripAnsi } from '../failure-message.ts';
import type { FileOutcome, TypecheckOutcome } from '../run-lab-tests.ts';
import type { colours } from './context.ts';
import type { TestRecord } from './state.ts';

type Paint = ReturnType<typeof colours>;

/** One distinct message and every test that failed with it, in the order the report lists them. */
export interface MessageGroup {
  message: string;
  /** Of the first test with this message: vitest's "expected … to …", and fast-check's counterexample. */
  detail?: string;
  counterexample?: string;
  test: string;
  file: string;
  count: number;
  /** How many tests of each file failed with it (the first test's file included). */
  files: Map<string, number>;
}

/** The failures of `outcomes` grouped by message, in order of first appearance. */
export function groupFailures(outcomes: readonly FileOutcome[]): MessageGroup[] {
  const groups = new Map<string, MessageGroup>();
  for (const outcome of outcomes) {
    for (const failure of outcome.failures) {
      let group = groups.get(failure.message);
      if (!group) {
        group = {
          message: failure.message,
          detail: failure.detail,
          counterexample: failure.counterexample,
          test: failure.test,
          file: outcome.file,
          count: 0,
          files: new Map(),
        };
        groups.set(failure.message, group);
      }
      group.count++;
      group.files.set(outcome.file, (group.files.get(outcome.file) ?? 0) + 1);
    }
  }
  return [...groups.values()];
}

/** "(and 159 more tests with this message: 4 here, 155 in reader.test.ts)", or nothing for a single test. */
export function othersLine(group: MessageGroup): string {
  const more = group.count - 1;
  if (more === 0) return '';
  const head = `(and ${more} more test${more === 1 ? '' : 's'} with this message`;
  if (group.files.size === 1) return `${head})`;
  const where = [...group.files].map(([file, n]) => (file === group.file ? (n > 1 ? `${n - 1} here` : '') : `${n} in ${file}`)).filter(Boolean);
  return `${head}: ${where.join(', ')})`;
}

const indent = (text: string, spaces: number) =>
  text
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');

/** The lines of one part (core or going further): each file, and each message under its first test. */
export function formatFiles(outcomes: readonly FileOutcome[], c: Paint): string[] {
  const groups = groupFailures(outcomes);
  const lines: string[] = [];
  for (const o of outcomes) {
    const counts = o.passed > 0 ? `${o.failed} failing, ${o.passed} passed` : `${o.failed} failing`;
    const mark = o.loadError ? c.red('✗') : o.failed > 0 ? c.red('✗') : c.green('✓');
    const status = o.loadError ? c.red('did not load') : o.failed > 0 ? counts : c.dim(`${o.passed} passed`);
    lines.push(`${mark} test/${o.file}  ${status}`);
    if (o.loadError) lines.push(indent(stripAnsi(o.loadError), 5));
    const here = groups.filter((group) => group.file === o.file);
    for (const group of here) {
      lines.push(`     ${c.bold(stripAnsi(group.test))}`, indent(stripAnsi(group.message), 7));
      if (group.detail !== undefined) lines.push(indent(c.dim(stripAnsi(group.detail)), 7));
      if (group.counterexample !== undefined) lines.push(indent(c.dim(`counterexample: ${stripAnsi(group.counterexample)}`), 7));
      const others = othersLine(group);
      if (others) lines.push(indent(c.dim(others), 7));
    }
    if (o.failed > 0 && here.length === 0)
      lines.push(
        c.dim(
          o.failed === 1 ? '     (the message of its failing test is shown above)' : `     (the messages of its ${o.failed} failing tests are shown above)`,
        ),
      );
  }
  return lines;
}

const MAX_TYPE_ERRORS = 30;

/** The typecheck's lines: every error as `file:line:col  TS2322 message`, relative to the lab's folder. */
export function formatTypecheck(typecheck: TypecheckOutcome | null, slug: string, c: Paint): string[] {
  if (typecheck === null) return [c.dim(`Typecheck: skipped (labs/${slug} has no tsconfig.json)`)];
  if (typecheck.errors.length === 0) return [`${c.green('✓')} Typecheck (tsc -p labs/${slug}): no type errors`];
  const n = typecheck.errors.length;
  const lines = [`${c.red('✗')} Typecheck (tsc -p labs/${slug}): ${n} type error${n === 1 ? '' : 's'}`];
  for (const e of typecheck.errors.slice(0, MAX_TYPE_ERRORS)) {
    const where = e.file === '' ? '' : `${e.file}:${e.line}:${e.column}  `;
    lines.push(indent(`${c.bold(where)}${e.code} ${stripAnsi(e.message)}`, 5));
  }
  if (n > MAX_TYPE_ERRORS) lines.push(c.dim(`     … and ${n - MAX_TYPE_ERRORS} more (pnpm --dir labs/${slug} typecheck lists them all)`));
  return lines;
}

/** The record `list` keeps of a run: core and going-further counts, and the typecheck's error count. */
export function recordOf(outcomes: readonly FileOutcome[], typecheck: TypecheckOutcome | null, srcHash: string): TestRecord {
  const count = (part: FileOutcome['part']) => {
    const files = outcomes.filter((o) => o.part === part);
    return {
      passed: files.reduce((n, o) => n + o.passed, 0),
      failed: files.reduce((n, o) => n + o.failed, 0),
      loadErrors: files.filter((o) => o.loadError !== undefined).length,
    };
  };
  const further = outcomes.some((o) => o.part === 'further') ? count('further') : undefined;
  return {
    srcHash,
    ...count('core'),
    ...(further ? { further } : {}),
    ...(typecheck ? { typeErrors: typecheck.errors.length } : {}),
    at: new Date().toISOString(),
  };
}

/** Done: every core test passes and the typecheck is clean (going further never counts). */
export const isDone = (record: TestRecord) => record.failed === 0 && record.loadErrors === 0 && (record.typeErrors ?? 0) === 0;

/** The whole report of `pnpm lab test NN`. */
export function formatTestReport(
  args: { outcomes: readonly FileOutcome[]; typecheck: TypecheckOutcome | null; record: TestRecord; slug: string; nn: string },
  c: Paint,
): string[] {
  const { outcomes, typecheck, record, slug, nn } = args;
  const core = outcomes.filter((o) => o.part === 'core');
  const further = outcomes.filter((o) => o.part === 'further');
  const lines = [c.bold('Core tests'), ...formatFiles(core, c)];
  if (further.length > 0) {
    const f = record.further!;
    lines.push(
      '',
      `${c.bold('Going further (optional)')} ${c.dim(`— ${f.passed}/${f.passed + f.failed} passing; never required for done`)}`,
      ...formatFiles(further, c),
    );
  }
  lines.push('', ...formatTypecheck(typecheck, slug, c), '');
  const furtherNote = record.further ? ` Going further: ${record.further.passed}/${record.further.passed + record.further.failed} (optional).` : '';
  if (isDone(record)) {
    const clean = typecheck === null ? '' : ' and the typecheck is clean';
    lines.push(c.green(`All core tests of lab ${nn} pass${clean}.${furtherNote} Next: pnpm lab bench ${nn} --quick`));
  } else {
    const todo = [
      ...(record.failed > 0 ? [`${record.failed} of ${record.passed + record.failed} core tests failing`] : []),
      ...(record.loadErrors > 0 ? [`${record.loadErrors} core test file${record.loadErrors === 1 ? '' : 's'} did not load`] : []),
      ...(record.typeErrors ? [`${record.typeErrors} type error${record.typeErrors === 1 ? '' : 's'}`] : []),
    ];
    const testsPass = record.failed === 0 && record.loadErrors === 0 ? 'every core test passes, but ' : '';
    lines.push(c.yellow(`Not done yet: ${testsPass}${todo.join(', ')}.${furtherNote} Stuck? pnpm lab hint ${nn}`));
  }
  return lines;
}
