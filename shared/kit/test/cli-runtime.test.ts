/**
 * `pnpm lab runtime` as a learner runs it (the real bin, HOTPATH_ROOT on a copy of the fixture kit) over fake
 * installed runtimes: list shows this process, every supported runtime and what is installed; which prints a
 * binary; mistakes are one line and a non-zero exit. No network: `add` is tested in runtimes.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PINNED, SUPPORTED_NODE_MAJORS, currentRuntime } from '@hotpath/workshop/runtimes';
import { fakeInstalled } from './runtime-fakes.ts';

const bin = fileURLToPath(new URL('../bin/hotpath-lab.js', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/kit', import.meta.url));
const current = currentRuntime();
const [installedMajor, missingMajor] = SUPPORTED_NODE_MAJORS.filter((m) => m !== current.major);
let root = '';

function lab(...args: string[]) {
  // PATH: this Node's folder only, so no other node on this machine's PATH is found
  const env = { ...process.env, HOTPATH_ROOT: root, NO_COLOR: '1', PATH: dirname(process.execPath) };
  const run = spawnSync(process.execPath, [bin, 'runtime', ...args], { env, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'hotpath-cli-runtime-'));
  cpSync(fixture, root, { recursive: true });
  fakeInstalled(root, 'node', PINNED.node[installedMajor!]!);
  fakeInstalled(root, 'bun', PINNED.bun);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('pnpm lab runtime list', () => {
  it('shows this process, then each supported runtime with its status and where it is installed', () => {
    const run = lab();
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^This process: Node ${current.version} \\(V8 .+\\) — `));
    const row = (runtime: string) => lines.find((l) => l.startsWith(`${runtime} `)) ?? `(no row for ${runtime})`;
    const pinned = PINNED.node[installedMajor!]!;
    expect(row(`Node ${installedMajor}`)).toContain(`${pinned} (.hotpath/runtimes/node-${pinned}/bin/node)`);
    expect(row(`Node ${missingMajor}`)).toMatch(new RegExp(`not installed: pnpm lab runtime add ${missingMajor}$`));
    expect(row(`Node ${current.major}`)).toContain(`${current.version} (this process)`);
    expect(row('Node 26')).toContain('supported (active LTS, recommended)');
    expect(row('Node 20')).toContain('past end of life since April 2026 (still runs)');
    expect(row('Bun')).toContain(`${PINNED.bun} (.hotpath/runtimes/bun-${PINNED.bun}/bin/bun)`);
  });

  it('--json gives the same facts to scripts', () => {
    const json = JSON.parse(lab('list', '--json').stdout) as {
      current: { version: string; nativeTypeStripping: boolean };
      installed: Array<{ label: string }>;
    };
    expect(json.current.version).toBe(current.version);
    expect(json.installed.map((r) => r.label)).toEqual([`Node ${PINNED.node[installedMajor!]}`, `Bun ${PINNED.bun}`]);
  });
});

describe('pnpm lab runtime which', () => {
  it('prints the binary a runtime name resolves to', () => {
    const run = lab('which', `node-${installedMajor}`);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(join(root, `.hotpath/runtimes/node-${PINNED.node[installedMajor!]}/bin/node`));
    expect(lab('which', 'bun').stdout.trim()).toBe(join(root, `.hotpath/runtimes/bun-${PINNED.bun}/bin/bun`));
  });
});

describe('pnpm lab runtime: mistakes get one clear line and a non-zero exit', () => {
  it.each([
    [['which', String(missingMajor)], 1, `Node ${missingMajor} is not installed: run pnpm lab runtime add ${missingMajor}`],
    [['add'], 2, 'pnpm lab runtime add needs a runtime: 20, 22, 24, 26 or bun'],
    [['add', 'deno'], 2, '"deno" names no runtime'],
    [['add', './my/node'], 1, 'pnpm lab runtime add installs from the npm registry'],
    [['frob'], 2, 'Unknown runtime command "frob"'],
    [['list', '--quick'], 2, 'Unknown option --quick for pnpm lab runtime'],
  ])('%j', (args, status, message) => {
    const run = lab(...args);
    expect(run.status).toBe(status);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
  });
});
