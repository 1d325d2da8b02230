/**
 * Lab 05's shared build code, without building a binary (lab 05's own tests build and run all three):
 * buildAll() refuses to empty a folder that holds sources before it touches anything, seaMethod() tells a
 * node with `--build-sea` from one without, formatBuild() says how each binary was made, which failed and
 * why, and portFromEnv() takes PORT or the default and exits 2 on anything else.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildAll, formatBuild, type BuildReport } from '../src/sea-build.ts';
import { seaMethod, type BundleReport } from '@hotpath/workshop/sea-given';
import { portFromEnv } from '@hotpath/api/serve';

describe('buildAll', () => {
  let scratch: string;
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it.each([
    ['the folder above src/', '.', 'src/server.ts'],
    ['a folder holding a package.json', 'other', 'other/package.json'],
  ])('refuses to empty %s, and leaves it as it was', async (_, out, kept) => {
    scratch = mkdtempSync(join(tmpdir(), 'hotpath-sea-build-'));
    mkdirSync(join(scratch, 'src'));
    mkdirSync(join(scratch, 'other'));
    writeFileSync(join(scratch, 'src', 'server.ts'), '');
    writeFileSync(join(scratch, 'other', 'package.json'), '{}');
    await expect(buildAll(join(scratch, out), join(scratch, 'src'))).rejects.toThrow(/Refusing to empty/);
    expect(existsSync(join(scratch, kept))).toBe(true);
  });
});

describe('seaMethod', () => {
  let scratch: string;
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  /** A stand-in "node" whose --help prints `help`: a shell script, so no real Node version is needed. */
  const fakeNode = (help: string) => {
    scratch = mkdtempSync(join(tmpdir(), 'hotpath-sea-method-'));
    const path = join(scratch, 'node');
    writeFileSync(path, `#!/bin/sh\ncat <<'EOF'\n${help}\nEOF\n`, { mode: 0o755 });
    return path;
  };

  it("answers 'build-sea' for a node whose --help lists --build-sea (Node ≥ 25.5)", () => {
    const node = fakeNode('Options:\n  --build-sea=...             Build a Node.js single executable\n  --experimental-sea-config=...');
    expect(seaMethod(node)).toBe('build-sea');
  });

  it("answers 'postject' for a node without it (Node 20, 22, 24), even when another option mentions it", () => {
    const node = fakeNode('Options:\n  --experimental-sea-config=...   see also --build-sea in later versions');
    expect(seaMethod(node)).toBe('postject');
  });
});

describe('formatBuild', () => {
  const bundle = (name: string): BundleReport => ({
    outfile: join(process.cwd(), 'dist', `${name}.cjs`),
    metafilePath: join(process.cwd(), 'dist', `${name}.meta.json`),
    bytes: 175_000,
    inputs: ['a.ts', 'b.ts'],
    largest: [{ path: 'node_modules/.pnpm/hono@4.13.19/node_modules/hono/dist/context.js', bytes: 10_500 }],
    ms: 12,
  });
  /** A build of both bundles by Node `node`, with these binaries, that took `ms`. */
  const build = (node: string, seaMethod: BuildReport['seaMethod'], binaries: BuildReport['binaries'], ms: number): BuildReport => ({
    node,
    seaMethod,
    outDir: 'dist',
    bundles: { server: bundle('server'), snapshot: bundle('snapshot') },
    binaries,
    ms,
  });

  it('prints each bundle, each binary or its failure, and the build time', () => {
    const report = build(
      'v20.20.2',
      'postject',
      [
        { name: 'server-sea', method: 'postject', path: 'dist/server-sea', bytes: 99_200_000, blobBytes: 176_000, ms: { blob: 168, copy: 93, inject: 10_766 } },
        { name: 'server-sea-snapshot', error: 'snapshot failed\nmethods.toSorted is not a function' },
      ],
      11_800,
    );
    const text = formatBuild(report);
    expect(text).toContain('dist/server.cjs: 175.0 kB from 2 inputs (12 ms)');
    expect(text).toContain('hono/dist/context.js');
    expect(text).toContain('server-sea: 99.2 MB (blob 176 kB; blob 168 ms, copy 93 ms, inject 10766 ms), built with postject');
    expect(text).toContain('server-sea-snapshot: FAILED\n  snapshot failed\n  methods.toSorted is not a function');
    expect(text).toContain('built in 11.8 s with Node v20.20.2 (single executables by postject)');
  });

  it('says a binary made by node --build-sea grew node by so much, in one step', () => {
    const report = build(
      'v26.12.1',
      'build-sea',
      [{ name: 'server-sea', method: 'build-sea', path: 'dist/server-sea', bytes: 150_846_592, blobBytes: 527_424, ms: { build: 18_940 } }],
      19_500,
    );
    const text = formatBuild(report);
    expect(text).toContain('server-sea: 150.8 MB (+527 kB over node; build 18940 ms), built with node --build-sea');
    expect(text).toContain('built in 19.5 s with Node v26.12.1 (single executables by node --build-sea)');
  });
});

describe('portFromEnv', () => {
  afterEach(() => vi.restoreAllMocks());

  it('takes PORT, 0 included, or the default when PORT is unset', () => {
    expect(portFromEnv(3105, {})).toBe(3105);
    expect(portFromEnv(3105, { PORT: '0' })).toBe(0);
    expect(portFromEnv(3105, { PORT: '3199' })).toBe(3199);
  });

  it.each(['abc', '-1', '65536', '3.5'])('exits 2 on PORT=%s', (port) => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    portFromEnv(3105, { PORT: port });
    expect(exit).toHaveBeenCalledWith(2);
    expect(error).toHaveBeenCalledWith(`PORT must be a port number, got ${JSON.stringify(port)}`);
  });
});
