/**
 * The dependency check (`pnpm deps`: dependency-cruiser with the repo's .dependency-cruiser.cjs) passes on this
 * repository, and each of its rules fails a small temporary workspace that breaks it: a cycle between two
 * packages, an undeclared workspace import (reachable through a hoisted link, or not linked at all), a relative
 * import into another package's folder, a subpath the package's exports do not list, an undeclared npm package,
 * and app code importing a measuring package.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/paths.ts';

const config = join(repoRoot, '.dependency-cruiser.cjs');
const depcruise = join(repoRoot, 'shared', 'workshop', 'node_modules', '.bin', 'depcruise');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}

/** Runs the check as `pnpm deps` does (its text report and exit status) in `cwd` over `folders`. */
function check(cwd: string, folders: string[]): { status: number | null; output: string } {
  const run = spawnSync(depcruise, ['--config', config, ...folders], { cwd, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** The violations the check finds in `cwd` over `folders` (its JSON report): rule, from, to, the cycle if any. */
function violations(cwd: string, folders: string[]): Violation[] {
  const run = spawnSync(depcruise, ['--config', config, '--output-type', 'json', ...folders], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (!run.stdout) throw new Error(`depcruise printed no report: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

const brief = (violations: Violation[]) => violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();

const scratch = mkdtempSync(join(tmpdir(), 'hotpath-deps-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Files = Record<string, string>;
const pkg = (name: string, dependencies: Record<string, string> = {}) =>
  JSON.stringify({ name, type: 'module', exports: { '.': './src/index.ts' }, dependencies });

/**
 * A workspace in a fresh folder: pnpm-workspace.yaml (shared/*, labs/*), the given files, and node_modules links
 * as pnpm makes them (`links`: link path → package folder, both relative to the workspace root).
 */
function workspace(name: string, files: Files, links: Record<string, string> = {}): string {
  const root = join(scratch, name);
  const all: Files = { 'pnpm-workspace.yaml': 'packages:\n  - shared/*\n  - labs/*\n', ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  for (const [link, target] of Object.entries(links)) {
    mkdirSync(dirname(join(root, link)), { recursive: true });
    symlinkSync(join(root, target), join(root, link), 'dir');
  }
  return root;
}

/** Two packages, a → b, declared and linked: the base every planted fault is added to. */
const base: Files = {
  'shared/a/package.json': pkg('@fx/a', { '@fx/b': 'workspace:*' }),
  'shared/a/src/index.ts': "import { b } from '@fx/b';\nexport const a = (): number => b() + 1;\n",
  'shared/b/package.json': pkg('@fx/b'),
  'shared/b/src/index.ts': 'export const b = (): number => 1;\n',
};
const baseLinks = { 'shared/a/node_modules/@fx/b': 'shared/b' };

describe('the dependency check', () => {
  it('passes on this repository', () => {
    const run = check(repoRoot, ['shared', 'labs', 'solutions', 'site']);
    expect(run.output, 'pnpm deps must find no violation: fix each one it lists, as its rule says').toContain('no dependency violations found');
    expect(run.status).toBe(0);
  });

  it('passes on a workspace that breaks no rule (the fixture itself is sound)', () => {
    expect(brief(violations(workspace('clean', base, baseLinks), ['shared']))).toEqual([]);
  });

  it('fails on a cycle between two packages, naming every module of it', () => {
    const root = workspace(
      'cycle',
      {
        ...base,
        'shared/b/package.json': pkg('@fx/b', { '@fx/a': 'workspace:*' }),
        'shared/b/src/index.ts': "import { a } from '@fx/a';\nexport const b = (): number => (a.length > 0 ? 1 : 0);\n",
      },
      { ...baseLinks, 'shared/b/node_modules/@fx/a': 'shared/a' },
    );
    const run = check(root, ['shared']);
    expect(run.status, run.output).not.toBe(0);
    expect(run.output).toMatch(/error no-circular: shared\/(a|b)\/src\/index\.ts →\s+shared\/(a|b)\/src\/index\.ts →\s+shared\/(a|b)\/src\/index\.ts/);
    const found = violations(root, ['shared']);
    expect(found.length).toBeGreaterThan(0);
    for (const v of found) {
      expect(v.rule.name).toBe('no-circular');
      expect(v.cycle?.map((step) => step.name).sort()).toEqual(['shared/a/src/index.ts', 'shared/b/src/index.ts']);
    }
  });

  describe('on a workspace with one planted fault per rule', () => {
    const root = workspace(
      'faults',
      {
        ...base,
        // Undeclared: @fx/a is reachable through a hoisted link, @fx/b is not linked at all.
        'shared/c/package.json': pkg('@fx/c'),
        'shared/c/src/index.ts': "import { a } from '@fx/a';\nimport { b } from '@fx/b';\nexport const c = (): number => a() + b();\n",
        // Side doors: a relative path into b's folder, a subpath b's exports do not list.
        'shared/a/src/relative.ts': "export { b } from '../../b/src/index.ts';\n",
        'shared/a/src/subpath.ts': "export { b } from '@fx/b/src/index.ts';\n",
        // An npm package reachable through a hoisted folder but declared by no package.json.
        'node_modules/left-pad/package.json': JSON.stringify({ name: 'left-pad', version: '1.0.0', main: 'index.js' }),
        'node_modules/left-pad/index.js': 'module.exports = (s) => s;\n',
        'shared/b/src/pad.ts': "import pad from 'left-pad';\nexport const padded = pad('b');\n",
        // App code on a measuring package (declared, so only that rule fires); a test may use it.
        'shared/harness/package.json': pkg('@hotpath/harness'),
        'shared/harness/src/index.ts': 'export const measure = (): number => 0;\n',
        'shared/kit/package.json': pkg('@hotpath/kit'),
        'shared/kit/src/index.ts': 'export const kit = (): number => 0;\n',
        'labs/01-x/package.json': pkg('@fx/lab-01', { '@hotpath/harness': 'workspace:*', '@hotpath/kit': 'workspace:*' }),
        'labs/01-x/src/app.ts': "import { measure } from '@hotpath/harness';\nexport const app = measure;\n",
        'labs/01-x/given.ts': "import { kit } from '@hotpath/kit';\nexport const given = kit;\n",
        'labs/01-x/test/app.test.ts': "import { measure } from '@hotpath/harness';\nexport const check = measure;\n",
      },
      {
        ...baseLinks,
        'node_modules/@fx/a': 'shared/a',
        'labs/01-x/node_modules/@hotpath/harness': 'shared/harness',
        'labs/01-x/node_modules/@hotpath/kit': 'shared/kit',
      },
    );
    const found = brief(violations(root, ['shared', 'labs']));
    const fired = (rule: string) => found.filter((line) => line.startsWith(`${rule}: `));

    it('finds exactly the planted faults', () => {
      expect(found).toHaveLength(7);
    });
    // Each rule with what it is for (the test's name) and exactly the planted lines it must report.
    it.each([
      {
        rule: 'not-to-undeclared',
        what: "a workspace package the importer's package.json does not declare, linked by hoisting",
        lines: ['shared/c/src/index.ts → shared/a/src/index.ts'],
      },
      {
        rule: 'not-to-unresolvable',
        what: 'an undeclared workspace package pnpm did not link, a subpath outside the exports',
        lines: ['shared/a/src/subpath.ts → @fx/b/src/index.ts', 'shared/c/src/index.ts → @fx/b'],
      },
      {
        rule: 'no-cross-package-relative',
        what: "a relative path into another package's folder",
        lines: ['shared/a/src/relative.ts → shared/b/src/index.ts'],
      },
      {
        rule: 'no-non-package-json',
        what: 'an npm package the importer does not declare',
        lines: ['shared/b/src/pad.ts → node_modules/left-pad/index.js'],
      },
      {
        rule: 'app-not-to-measuring',
        what: "a lab's src/ or given.ts on the harness or the kit (its tests may use them)",
        lines: ['labs/01-x/given.ts → shared/kit/src/index.ts', 'labs/01-x/src/app.ts → shared/harness/src/index.ts'],
      },
    ])('$rule: $what', ({ rule, lines }) => {
      expect(fired(rule)).toEqual(lines.map((line) => `${rule}: ${line}`));
    });
  });
});
