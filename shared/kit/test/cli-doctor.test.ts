/** `pnpm lab doctor`'s module: every check runs on this machine, problems carry fixes, warnings never fail. */
import { describe, expect, it } from 'vitest';
import { doctorExitCode, formatDoctor, runDoctor, type DoctorCheck } from '../src/cli/doctor.ts';
import { labs } from '../src/manifest.ts';
import { repoRoot } from '../src/paths.ts';

describe('runDoctor', () => {
  it('returns every check with a name, a status and a detail', async () => {
    const checks = await runDoctor({ root: repoRoot, labs });
    const names = checks.map((c) => c.name);
    for (const name of ['node', 'pnpm', 'dependencies', 'cpu cores', 'taskset', 'chromium', 'NODE_EXTRA_CA_CERTS', 'load average', 'cpu governor']) {
      expect(names).toContain(name);
    }
    expect(names.some((n) => n === 'ports' || /^port \d+$/.test(n))).toBe(true);
    for (const check of checks) {
      expect(['ok', 'warn', 'fail']).toContain(check.status);
      expect(check.detail.length).toBeGreaterThan(0);
      if (check.status === 'fail') expect(check.fix, `${check.name} fails without a fix`).toBeTruthy();
    }
    // This repo is installed and runs under a supported Node, or these tests could not run.
    expect(checks.find((c) => c.name === 'node')!.status).toBe('ok');
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
