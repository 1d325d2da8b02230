/**
 * Step 1 — the bundle, read like a trimmer's report. What went in (the metafile's inputs: no reflection
 * stack, no decorator framework, no TypeScript tooling), what came out (CommonJS, which is what a Node 20
 * single executable runs; no decorator helpers), and the trim-warning lesson: bundle() refuses a
 * `require(name)` or `import(name)` it cannot follow, and an `import.meta` that CommonJS output leaves empty,
 * instead of shipping a binary that fails when that line runs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type { Metafile } from 'esbuild';
import { packageOf } from '@hotpath/kit/module-graph';
import { labSourcePath, repoRoot } from '@hotpath/workshop/paths';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absoluteInputs, BUILD_TIMEOUT_MS, builtOnce, describeBuild, type Built } from './support/build.ts';

/** Packages a lean server must not ship: lab 00's reflection stack and framework, and the TypeScript tooling. */
const BANNED = ['class-transformer', 'class-validator', 'reflect-metadata', '@hotpath/baseline', 'tsx', 'typescript'] as const;
/** esbuild's helpers for TypeScript and standard decorators (the same test as @hotpath/kit/module-graph). */
const DECORATOR_HELPERS = /\b__decorate(Class|Param|Element)?\b|\b__legacyDecorate|\b__decorateMetadata\b/;
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

let built: Built;
beforeAll(async () => {
  built = await builtOnce();
}, BUILD_TIMEOUT_MS);

/** A bundle's code, and its inputs as repo-relative paths (`shared/api/src/…`, `node_modules/.pnpm/…`). */
function bundleOf(name: 'server' | 'snapshot'): { code: string; inputs: string[] } {
  expect(built.error, `Step 1: make bundle() in src/bundle.ts work — ${describeBuild(built)}`).toBeUndefined();
  const report = built.report!.bundles[name];
  const metafile = JSON.parse(readFileSync(report.metafilePath, 'utf8')) as Metafile;
  const inputs = absoluteInputs(metafile, labSourcePath(`${name}.ts`)).map((path) => relative(repoRoot, path));
  return { code: readFileSync(report.outfile, 'utf8'), inputs };
}

describe.each(['server', 'snapshot'] as const)('the %s bundle', (name) => {
  it('is CommonJS', () => {
    const { code } = bundleOf(name);
    expect(
      () => new Script(code, { filename: `${name}.cjs` }),
      "Bundle with format 'cjs': SEA on Node 20 runs CommonJS (an ES module's import/export statements do not even compile as its main script)",
    ).not.toThrow();
  });

  it.each(BANNED)('does not contain %s', (pkg) => {
    const found = bundleOf(name).inputs.filter((path) => packageOf(path) === pkg);
    expect(
      found,
      `Keep ${pkg} out of the bundle (bundle src/${name}.ts, which imports the lab 04 app only): it brought in ${found.slice(0, 3).join(', ')}`,
    ).toEqual([]);
  });

  it('needs no decorator helpers', () => {
    expect(DECORATOR_HELPERS.test(bundleOf(name).code), 'The bundle has decorator helpers: bundle the lean app (src/app.ts), never shared/baseline').toBe(
      false,
    );
  });

  it('still carries the app: hono and @hotpath/api', () => {
    const { inputs } = bundleOf(name);
    const packages = new Set(inputs.map(packageOf));
    // The snapshot entry is step 3's: while src/snapshot.ts is the stub, its bundle holds that file alone.
    const waiting =
      name === 'snapshot' && inputs.length <= 1
        ? 'src/snapshot.ts imports nothing yet (the starting stub): this check waits for step 3, whose entry calls createApp() — your bundle() is not the cause'
        : undefined;
    expect([...packages], waiting ?? 'Bundle everything the app imports (bundle: true): hono must be inside the bundle, not left to node_modules').toContain(
      'hono',
    );
    expect([...packages], waiting ?? 'Bundle the workspace packages too: @hotpath/api must be inside the bundle').toContain('@hotpath/api');
  });
});

describe('bundle() on small fixtures', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'hotpath-lab05-fixtures-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const load = () => import('#lab/bundle.ts');

  it('bundles a module it can follow, and reports its size and largest inputs', async () => {
    const { bundle } = await load();
    const report = await bundle({ entry: fixture('static-imports.ts'), outfile: join(out, 'static.cjs') });
    const written = readFileSync(join(out, 'static.cjs'));
    expect(report.bytes, 'Report the output size from the metafile (outputs[…].bytes)').toBe(written.byteLength);
    expect(report.largest.length, 'Report the largest inputs from the metafile (outputs[…].inputs[path].bytesInOutput)').toBeGreaterThan(0);
    const sizes = report.largest.map((m) => m.bytes);
    expect(sizes, 'List the largest inputs largest first').toEqual([...sizes].sort((a, b) => b - a));
    expect(
      sizes.reduce((a, b) => a + b, 0),
      "The inputs' bytes are parts of the output: their sum cannot exceed it",
    ).toBeLessThanOrEqual(report.bytes);
    expect(
      report.inputs.some((path) => path.endsWith('static-imports.ts')),
      'List every bundled input (Object.keys(metafile.inputs))',
    ).toBe(true);
  });

  it.each([
    ['dynamic-require.ts', 'require(name)', /unsupported-require-call|call to "require"/],
    ['dynamic-import.ts', 'import(name)', /unsupported-dynamic-import|"import" expression/],
    ['import-meta.ts', 'import.meta', /empty-import-meta|"import\.meta"/],
  ])('refuses %s: %s cannot work inside a single executable', async (file, what, mentions) => {
    const { bundle } = await load();
    let error: unknown;
    try {
      await bundle({ entry: fixture(file), outfile: join(out, `${file}.cjs`) });
    } catch (caught) {
      error = caught;
    }
    const how =
      `Fail the build on ${what}: make esbuild's 'unsupported-require-call', 'unsupported-dynamic-import' and 'empty-import-meta' ` +
      "messages errors (logOverride), so a binary that would fail at runtime is never shipped — .NET's trim warnings, as errors";
    expect(error, how).toBeInstanceOf(Error);
    expect((error as Error).message, `${how}. The error must say what esbuild said (it names ${what})`).toMatch(mentions);
    expect((error as Error).message, `${how}. This error is not esbuild's`).not.toMatch(/TODO/);
  });
});
