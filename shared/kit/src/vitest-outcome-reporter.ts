/**
 * A vitest reporter for `runLabTests()` (run-lab-tests.ts): writes every test file's outcome to the JSON file
 * named by HOTPATH_OUTCOME_FILE. Unlike vitest's JSON reporter it keeps each error as vitest serialized it —
 * message, name and `cause` — so a fast-check failure ("Property failed after 1 tests") can be shown with the
 * test's own assertion message, which fast-check puts in the error's cause. Suite-level errors (a beforeAll
 * that threw) are kept too: the JSON reporter drops them and the file looked green.
 */
import { writeFileSync } from 'node:fs';
import type { Reporter, TestCase, TestModule, TestSuite } from 'vitest/node';

/** What vitest gives for a thrown value, after serializing it out of the worker. */
export interface RawError {
  name?: string;
  message?: string;
  stack?: string;
  cause?: unknown;
}

export interface RawFile {
  /** Absolute path of the test file. */
  path: string;
  state: string;
  /** Errors of the file itself: it did not load (import or syntax error) or a top-level hook threw. */
  errors: RawError[];
  /** Errors of a describe block (its beforeAll/afterAll threw), with the block's name. */
  suiteErrors: Array<{ suite: string; errors: RawError[] }>;
  tests: Array<{ name: string; state: string; errors: RawError[] }>;
}

/** "outer inner test": the titles of the describe blocks and the test, joined as vitest's JSON report does. */
function titleOf(node: TestCase | TestSuite): string {
  const names: string[] = [];
  let current: TestCase | TestSuite | TestModule = node;
  while (current.type !== 'module') {
    names.unshift(current.name);
    current = current.parent;
  }
  return names.join(' ');
}

const keep = (errors: readonly unknown[] | undefined): RawError[] => (errors ?? []).map((error) => error as RawError);

export default class OutcomeReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const target = process.env.HOTPATH_OUTCOME_FILE;
    if (!target) throw new Error('vitest-outcome-reporter needs HOTPATH_OUTCOME_FILE');
    const files: RawFile[] = modules.map((module) => ({
      path: module.moduleId,
      state: module.state(),
      errors: keep(module.errors()),
      suiteErrors: [...module.children.allSuites()]
        .map((suite) => ({ suite: titleOf(suite), errors: keep(suite.errors()) }))
        .filter((entry) => entry.errors.length > 0),
      tests: [...module.children.allTests()].map((test) => ({ name: titleOf(test), state: test.result().state, errors: keep(test.result().errors) })),
    }));
    writeFileSync(target, JSON.stringify({ files }));
  }
}
