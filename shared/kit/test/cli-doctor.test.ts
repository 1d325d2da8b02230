/**
 * `pnpm lab doctor`'s module: every check runs on this machine, problems carry fixes, warnings never fail; the
 * node check's verdict for each kind of Node version (supported, past end of life, too old, not tested).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNode, checkTypeStripping, doctorExitCode, formatDoctor, requiredVersions, runDoctor, type DoctorCheck } from '../src/cli/doctor.ts';
import { labs } from '@hotpath/workshop/manifest';
import { repoRoot } from '@hotpath/workshop/paths';
import { hasNativeTypeStripping, nodeSupport } from '@hotpath/workshop/runtimes';

describe('runDoctor', () => {
  it('returns every check with a name, a status and a detail', async () => {
    const checks = await runDoctor({ root: repoRoot, labs });
    const names = checks.map((c) => c.name);
    for (const name of [
      'node',
      'type stripping',
      'pnpm',
      'dependencies',
      'cpu cores',
      'taskset',
      'chromium',
      'NODE_EXTRA_CA_CERTS',
      'load average',
      'cpu governor',
    ]) {
      expect(names).toContain(name);
    }
    expect(names.some((n) => n === 'ports' || /^port \d+$/.test(n))).toBe(true);
    for (const check of checks) {
      expect(['ok', 'warn', 'fail']).toContain(check.status);
      expect(check.detail.length).toBeGreaterThan(0);
      if (check.status === 'fail') expect(check.fix, `${check.name} fails without a fix`).toBeTruthy();
    }
    // This repo is installed and runs under a Node the kit runs on (Node 20 warns: past end of life).
    const node = checks.find((c) => c.name === 'node')!;
    expect(node.status).toBe(nodeSupport(process.versions.node).level);
    expect(node.detail).toMatch(new RegExp(`^v${process.versions.node} (—|is) `));
    expect(checks.find((c) => c.name === 'type stripping')!.detail).toMatch(hasNativeTypeStripping() ? /^yes: / : /^no: /);
    expect(checks.find((c) => c.name === 'dependencies')!.status).toBe('ok');
  });

  it('fails the dependency check for a folder without node_modules', async () => {
    const checks = await runDoctor({ root: '/nonexistent-hotpath-root', labs });
    const deps = checks.find((c) => c.name === 'dependencies')!;
    expect(deps.status).toBe('fail');
    expect(deps.fix).toBe('pnpm install --frozen-lockfile');
  });

  it('warns about NODE_EXTRA_CA_CERTS only when it is set', async () => {
    const saved = process.env.NODE_EXTRA_CA_CERTS;
    try {
      process.env.NODE_EXTRA_CA_CERTS = '/tmp/extra.pem';
      let check = (await runDoctor({ root: repoRoot, labs })).find((c) => c.name === 'NODE_EXTRA_CA_CERTS')!;
      expect(check.status).toBe('warn');
      expect(check.fix).toContain('env -u NODE_EXTRA_CA_CERTS');
      delete process.env.NODE_EXTRA_CA_CERTS;
      check = (await runDoctor({ root: repoRoot, labs })).find((c) => c.name === 'NODE_EXTRA_CA_CERTS')!;
      expect(check.status).toBe('ok');
    } finally {
      if (saved === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
      else process.env.NODE_EXTRA_CA_CERTS = saved;
    }
  });
});

describe('the node check', () => {
  const minimums = requiredVersions(repoRoot).nodeMinimums;

  it('reads the oldest release of each major from engines.node', () => {
    expect(minimums).toEqual({ 20: '20.19.0', 22: '22.12.0', 24: '24.0.0', 26: '26.0.0' });
    expect(requiredVersions(repoRoot).node).toBe('20.19.0');
    const root = mkdtempSync(join(tmpdir(), 'hotpath-doctor-'));
    try {
      writeFileSync(join(root, 'package.json'), JSON.stringify({ engines: { node: '>=22.12' }, packageManager: 'pnpm@9.1.0' }));
      expect(requiredVersions(root)).toEqual({ node: '22.12.0', nodeMinimums: { 22: '22.12.0' }, pnpm: '9.1.0' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    expect(requiredVersions('/nonexistent-hotpath-root').nodeMinimums[20]).toBe('20.19.0');
  });

  it('says a supported Node is supported, and which one is recommended', () => {
    expect(checkNode(minimums, '26.12.1')).toEqual({ name: 'node', status: 'ok', detail: 'v26.12.1 — supported (active LTS, recommended)' });
    expect(checkNode(minimums, '24.22.3')).toEqual({ name: 'node', status: 'ok', detail: 'v24.22.3 — supported (maintenance LTS)' });
    expect(checkNode(minimums, '22.12.0').status).toBe('ok');
  });

  it('warns on Node 20: past end of life, with Node 26 and `pnpm lab runtime add 26` as the way on', () => {
    const check = checkNode(minimums, '20.20.2');
    expect(check.status).toBe('warn');
    expect(check.detail).toBe('v20.20.2 — past end of life since April 2026; the kit still runs, but figures differ from current Node');
    expect(check.fix).toMatch(/^install Node 26 \(recommended\): `nvm install 26 && nvm use 26`/);
    expect(check.fix).toMatch(/`pnpm lab runtime add 26` to measure on it too$/);
  });

  it.each(['20.18.3', '22.11.0', '18.20.4'])('fails on %s: too old, with a fix', (version) => {
    const check = checkNode(minimums, version);
    expect(check.status).toBe('fail');
    expect(check.detail).toMatch(new RegExp(`^v${version} is too old: the kit needs `));
    expect(check.fix).toContain('install Node 26 (recommended)');
  });

  it.each(['27.0.0', '25.9.0'])('warns on %s: not tested', (version) => {
    const check = checkNode(minimums, version);
    expect(check.status).toBe('warn');
    expect(check.detail).toMatch(/not tested: the kit is tested on Node 22, 24 or 26$/);
  });

  it('reports native type stripping as yes or no, never as a problem', () => {
    expect(checkTypeStripping(true, '26.12.1')).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/^yes: Node 26\.12\.1 strips TypeScript types itself/),
    });
    expect(checkTypeStripping(false, '20.20.2')).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/^no: Node 20\.20\.2 cannot run \.ts files itself/),
    });
  });
});

const synthetic: DoctorCheck[] = [
  { name: 'node', status: 'ok', detail: 'v20.20.2' },
  { name: 'taskset', status: 'warn', detail: 'not found', fix: 'apt-get install util-linux' },
  { name: 'pnpm', status: 'fail', detail: '9.0.0', fix: 'npm i -g pnpm@10.34.9' },
];

describe('formatDoctor', () => {
  it('prints one line per check, the fixes under the problems and a summary', () => {
    const text = formatDoctor(synthetic, false);
    const lines = text.split('\n');
    expect(lines.find((l) => l.includes('taskset'))).toMatch(/^warn/);
    expect(lines.find((l) => l.includes('pnpm') && !l.includes('fix:'))).toMatch(/^FAIL/);
    const fixLine = lines.findIndex((l) => l.includes('fix: npm i -g pnpm@10.34.9'));
    expect(fixLine).toBeGreaterThan(0);
    expect(lines[fixLine]).toMatch(/^\s+fix:/);
    expect(text).toContain('apt-get install util-linux');
    expect(lines.at(-1)).toContain('1 ok, 1 warning, 1 failure');
    expect(text).not.toContain('\x1b[');
    expect(formatDoctor(synthetic, true)).toContain('\x1b[');
  });

  it('says a machine with only warnings is ready', () => {
    expect(formatDoctor(synthetic.slice(0, 2), false).split('\n').at(-1)).toMatch(/ready/);
  });
});

describe('doctorExitCode', () => {
  it('is 1 when any check fails and 0 otherwise, warnings included', () => {
    expect(doctorExitCode(synthetic)).toBe(1);
    expect(doctorExitCode(synthetic.slice(0, 2))).toBe(0);
    expect(doctorExitCode([{ name: 'x', status: 'warn', detail: 'noisy' }])).toBe(0);
    expect(doctorExitCode([])).toBe(0);
  });
});
