/** The profiler behind `pnpm lab bench NN --profile`: a real 2-second profile of lab 01's reference solution under load. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProfile, profileServer, shortLocation, sourceLine } from '../src/cli/profile.ts';
import { repoRoot, solutionDir } from '../src/paths.ts';

const outDir = mkdtempSync(join(tmpdir(), 'hotpath-profile-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('profileServer', () => {
  it('profiles solutions/01-slim-builder under POST /ingest/v1 and ranks self time', async () => {
    const progress: string[] = [];
    const result = await profileServer({
      root: repoRoot,
      packageDir: solutionDir('01-slim-builder'),
      outDir,
      seconds: 2,
      onProgress: (line) => progress.push(line),
    });
    expect(existsSync(result.profilePath)).toBe(true);
    expect(readdirSync(outDir).some((f) => f.endsWith('.cpuprofile'))).toBe(true);
    expect(result.top.length).toBeGreaterThan(0);
    expect(result.top.length).toBeLessThanOrEqual(15);
    expect(result.totalMs).toBeGreaterThan(0);
    const sum = result.top.reduce((a, e) => a + e.selfPercent, 0);
    expect(sum).toBeLessThanOrEqual(100 + 1e-9);
    for (const e of result.top) expect(['(idle)', '(program)', '(garbage collector)']).not.toContain(e.functionName);
    for (let i = 1; i < result.top.length; i++) expect(result.top[i - 1].selfMs).toBeGreaterThanOrEqual(result.top[i].selfMs);
    expect(progress.some((l) => l.includes('requests'))).toBe(true);

    const text = formatProfile(result, repoRoot);
    expect(text).toContain('DevTools');
    expect(text).toContain(result.profilePath);
  }, 60_000);
});

describe('shortLocation', () => {
  it('shortens repo files to relative paths and node_modules files to <package>/<file>', () => {
    expect(shortLocation(`file://${repoRoot}/shared/api/src/body.ts`, 12, repoRoot)).toBe('shared/api/src/body.ts:12');
    expect(shortLocation(`file://${repoRoot}/node_modules/.pnpm/hono@4.13.19/node_modules/hono/dist/hono-base.js`, 3, repoRoot)).toBe(
      'hono/dist/hono-base.js:3',
    );
    expect(shortLocation('node:internal/streams/readable', 5, repoRoot)).toBe('node:internal/streams/readable:5');
    expect(shortLocation('', 0, repoRoot)).toBe('(native)');
  });
});

describe('sourceLine', () => {
  it('finds the definition line of functions in tsx-compiled (one-line) TypeScript files', () => {
    const paths = `file://${repoRoot}/shared/kit/src/paths.ts`;
    const expected = readFileSync(join(repoRoot, 'shared/kit/src/paths.ts'), 'utf8').split('\n').findIndex((l) => l.includes('function describeLabDir(')) + 1;
    expect(expected).toBeGreaterThan(1);
    expect(sourceLine(paths, 'describeLabDir', 0)).toBe(expected);
    expect(sourceLine(paths, '', 0)).toBe(1);
    expect(sourceLine('node:internal/streams/readable', 'read', 41)).toBe(42);
  });
});
