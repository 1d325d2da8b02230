/**
 * Which TypeScript loader the kit's processes get (@hotpath/workshop/typescript-loader): the runtime's own type stripping
 * where it has it (Node ≥ 22.18), tsx only on runtimes without it (Node 20) and for apps whose imports reach
 * lab 00's decorator baseline. The servers are started for real, with a preload
 * (test/fixtures/loader/record-resolutions.mjs) that records every module URL they resolve; tsx is in the
 * process exactly when one of them is tsx's. Meaningful on every runtime CI uses: on Node 20 each server must
 * use tsx, on Node 26 only lab 00's.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { baselineChain, nativeTypeScript, runtimeSpecifiers } from '@hotpath/workshop/typescript-loader';
import { labDir, repoRoot, solutionDir } from '@hotpath/workshop/paths';

const packageDir = (name: string) => join(createRequire(import.meta.url).resolve(`${name}/package.json`), '..');
const launcher = join(packageDir('@hotpath/api'), 'bin', 'hotpath-serve.js');
const loader = join(packageDir('@hotpath/workshop'), 'src', 'typescript-loader.js');
const recorder = new URL('fixtures/loader/record-resolutions.mjs', import.meta.url).href;
const native = nativeTypeScript();
const runtime = `Node ${process.versions.node} (${native ? 'strips types itself' : 'no type stripping'})`;
const LISTENING = /listening on http:\/\/127\.0\.0\.1:\d+/;
const scratch = mkdtempSync(join(tmpdir(), 'hotpath-loader-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** This process's environment without the two variables that would force the loader's choice. */
const { HOTPATH_TYPESCRIPT: _forced, TSX_TSCONFIG_PATH: _tsconfig, ...inherited } = process.env;
const tsxUrls = (urls: string[]) => urls.filter((url) => url.includes('/tsx/'));
const appOf = (dir: string) => join(dir, 'src', 'app.ts');

/** Starts `pnpm start`'s launcher in `dir` with the recorder, waits for its listening line, stops it by PID. */
async function serveOnce(dir: string, env: Record<string, string> = {}) {
  const log = join(scratch, `${relative(repoRoot, dir).replace(/\W+/g, '-')}-${Object.keys(env).join('-')}.log`);
  const child = spawn(process.execPath, ['--import', recorder, launcher], {
    cwd: dir,
    env: { ...inherited, PORT: '0', LOG_LEVEL: 'silent', HOTPATH_RESOLVE_LOG: log, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const deadline = Date.now() + 45_000;
  while (!LISTENING.test(stdout) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const listening = LISTENING.test(stdout);
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  let urls: string[] = [];
  try {
    urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  } catch {
    // No module was resolved through the recorder: the assertions below say so.
  }
  return { listening, stdout, stderr, urls };
}

describe('which files a process will import: the static scan of typescript-loader.js', () => {
  it('reads the specifiers that load at run time, not type-only imports or comments', () => {
    const text = [
      "import type { A } from './a.ts';",
      "import { b, type B } from './b.ts';",
      " * see import('./c.ts') in the docs",
      "// import { x } from './x.ts';",
      "export * from './d.ts';",
      'const e = await import("./e.ts");',
      "import './f.ts';",
      "export type { G } from './g.ts';",
    ].join('\n');
    expect(runtimeSpecifiers(text)).toEqual(['./b.ts', './d.ts', './e.ts', './f.ts']);
  });

  it("finds lab 00's decorator baseline behind solution 00's app and lab 01's checkpoint", () => {
    for (const entry of [appOf(solutionDir('00-baseline')), join(labDir('01-slim-builder'), 'checkpoint.ts')]) {
      const chain = baselineChain([entry]);
      expect(chain?.at(-1), `${relative(repoRoot, entry)} imports shared/baseline (its app or DTOs): the scan must follow that import there`).toContain(
        `${join(repoRoot, 'shared', 'baseline')}/`,
      );
    }
  });

  it('finds no baseline behind solutions 01–05, so their servers need no tsx where types are stripped', () => {
    for (const slug of ['01-slim-builder', '02-generated-serializers', '03-byte-parsing', '04-pooling', '05-single-binary']) {
      const chain = baselineChain([appOf(solutionDir(slug))]);
      expect(
        chain?.map((file) => relative(repoRoot, file)),
        `solutions/${slug} must not import shared/baseline: it would bring tsx back into its server`,
      ).toBeUndefined();
    }
  });
});

describe(`the servers' TypeScript loader on ${runtime}`, () => {
  it(
    native
      ? 'serves solution 03 on the runtime’s own type stripping: no tsx module in the process'
      : 'serves solution 03 through tsx (this runtime cannot strip types)',
    async () => {
      const run = await serveOnce(solutionDir('03-byte-parsing'));
      expect(run.listening, `solutions/03-byte-parsing did not start:\n${run.stdout}\n${run.stderr}`).toBe(true);
      expect(
        run.urls.some((url) => url.endsWith('/shared/workshop/src/typescript-loader.js')),
        'The recorder saw no module: check test/fixtures/loader/record-resolutions.mjs',
      ).toBe(true);
      if (native) {
        expect(tsxUrls(run.urls), 'On a runtime with type stripping the launcher must not load tsx for an app that does not reach shared/baseline').toEqual([]);
        expect(run.urls, 'The app itself must load in the process (natively)').toContain(`file://${appOf(solutionDir('03-byte-parsing'))}`);
      } else {
        expect(tsxUrls(run.urls).length, 'Without type stripping the launcher must register tsx before loading the app').toBeGreaterThan(0);
      }
      expect(run.stderr, "The server's stderr must stay clean: no ExperimentalWarning (typescript-loader.js drops type stripping's)").not.toMatch(/Warning/);
    },
  );

  it('serves solution 00 (the decorator baseline) through tsx, on every runtime', async () => {
    const run = await serveOnce(solutionDir('00-baseline'));
    expect(run.listening, `solutions/00-baseline did not start:\n${run.stdout}\n${run.stderr}`).toBe(true);
    expect(tsxUrls(run.urls).length, 'shared/baseline uses legacy decorators, which no runtime strips: the launcher must register tsx for it').toBeGreaterThan(
      0,
    );
    expect(run.stderr, "The server's stderr must stay clean").not.toMatch(/Warning/);
  });

  it('uses tsx when HOTPATH_TYPESCRIPT=tsx asks for it (to compare start-up with and without it)', async () => {
    const run = await serveOnce(solutionDir('03-byte-parsing'), { HOTPATH_TYPESCRIPT: 'tsx' });
    expect(run.listening, `solutions/03-byte-parsing did not start under tsx:\n${run.stdout}\n${run.stderr}`).toBe(true);
    expect(tsxUrls(run.urls).length, 'HOTPATH_TYPESCRIPT=tsx must register tsx').toBeGreaterThan(0);
  });
});

describe(`pnpm lab on ${runtime}: tsx only for a bench that imports lab 00's baseline`, () => {
  /** `pnpm lab bench <lab> --bogus`: the CLI decides its loader, then refuses the option before measuring. */
  const benchUrls = (lab: string) => {
    const log = join(scratch, `lab-bench-${lab}.log`);
    const cli = fileURLToPath(new URL('../bin/hotpath-lab.js', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', recorder, cli, 'bench', lab, '--bogus'], {
      cwd: repoRoot,
      env: { ...inherited, HOTPATH_RESOLVE_LOG: log },
      encoding: 'utf8',
    });
    expect(run.stderr, 'The CLI must refuse --bogus before measuring anything').toMatch(/Unknown option --bogus/);
    return readFileSync(log, 'utf8').split('\n').filter(Boolean);
  };

  it('bench 01 (lab 00 is its baseline, its checkpoint imports the DTOs) loads tsx', () => {
    expect(tsxUrls(benchUrls('01')).length, 'pnpm lab bench 01 imports shared/baseline in-process: the CLI must register tsx first').toBeGreaterThan(0);
  });

  it(native ? 'bench 03 (its baseline is solution 02) runs on type stripping, no tsx' : 'bench 03 loads tsx (no type stripping here)', () => {
    const urls = tsxUrls(benchUrls('03'));
    if (native) expect(urls, 'pnpm lab bench 03 reaches no decorator code: the CLI must not load tsx').toEqual([]);
    else expect(urls.length, 'Without type stripping the CLI must register tsx').toBeGreaterThan(0);
  });
});

describe('the type stripping warning (Node 22.18–23.x print one at the first .ts file)', () => {
  it('is dropped from stderr, and every other warning still printed', () => {
    const script = [
      `const { quietTypeStrippingWarning } = await import(${JSON.stringify(new URL(`file://${loader}`).href)});`,
      'quietTypeStrippingWarning();',
      "process.emitWarning('Type Stripping is an experimental feature and might change at any time', 'ExperimentalWarning');",
      "process.emitWarning('Something else is an experimental feature', 'ExperimentalWarning');",
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr, 'quietTypeStrippingWarning() must drop the type stripping ExperimentalWarning').not.toMatch(/Type Stripping/);
    expect(run.stderr, 'quietTypeStrippingWarning() must leave every other warning alone').toMatch(/Something else is an experimental feature/);
  });
});
