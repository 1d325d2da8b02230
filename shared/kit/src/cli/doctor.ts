/**
 * `pnpm lab doctor`: checks that this machine can run the workshop, and how much it can trust the figures.
 *
 * Failures block the workshop (Node too old, pnpm missing or the wrong version, dependencies not installed);
 * warnings only make benchmark figures noisier or skip a step (Node past end of life or not tested, one core,
 * no taskset, no Chromium, a busy lab port, NODE_EXTRA_CA_CERTS, a loaded machine, a power-saving CPU
 * governor). Every problem says how to fix it.
 * Nothing here changes the machine: it only reads, runs `pnpm --version` and binds loopback ports briefly.
 */
import { CHROMIUM } from '@hotpath/workshop/chromium';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import type { LabEntry } from '@hotpath/workshop/manifest';
import { defaultPort } from '@hotpath/workshop/paths';
import { findOnPath } from '@hotpath/workshop/cpus';
import { NODE_MINIMUMS, RECOMMENDED_NODE_MAJOR, SUPPORTED_NODE_MAJORS, hasNativeTypeStripping, nodeSupport } from '@hotpath/workshop/runtimes';
import { colours } from './context.ts';

export interface DoctorCheck {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  /** What to do about it (only for 'warn' and 'fail'). */
  fix?: string;
}

/** Fallbacks when the root package.json does not say (its engines.node and packageManager are the source). */
export const REQUIRED_NODE = NODE_MINIMUMS[Math.min(...SUPPORTED_NODE_MAJORS)]!;
export const REQUIRED_PNPM = '10.34.9';

export interface RequiredVersions {
  /** The oldest Node the kit runs on (the lowest of nodeMinimums), e.g. "20.19.0". */
  node: string;
  /** The oldest release of each major `engines.node` names: "^20.19 || ^22.12 || ^24 || ^26" → {20: "20.19.0", 22: "22.12.0", …}. */
  nodeMinimums: Record<number, string>;
  pnpm: string;
}

/** "20.19" → "20.19.0". */
const full = (version: string) => [...version.split('.'), '0', '0'].slice(0, 3).join('.');

/**
 * The versions the kit pins: `engines.node` ("^20.19 || ^22.12 || ^24 || ^26": each alternative a caret or a
 * >= range) and `packageManager` ("pnpm@10.34.9") of the root package.json.
 */
export function requiredVersions(root: string): RequiredVersions {
  let pkg: { engines?: { node?: string }; packageManager?: string } = {};
  try {
    pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as typeof pkg;
  } catch {
    // no package.json: the fallbacks
  }
  const nodeMinimums: Record<number, string> = {};
  for (const part of (pkg.engines?.node ?? '').split('||')) {
    const version = /^\s*(?:\^|>=)\s*v?(\d+(?:\.\d+){0,2})\b/.exec(part)?.[1];
    if (version) nodeMinimums[Number.parseInt(version, 10)] = full(version);
  }
  const minimums = Object.keys(nodeMinimums).length > 0 ? nodeMinimums : { ...NODE_MINIMUMS };
  const lowest = Math.min(...Object.keys(minimums).map(Number));
  const pnpm = /^pnpm@(\d+\.\d+\.\d+)/.exec(pkg.packageManager ?? '')?.[1];
  return { node: minimums[lowest]!, nodeMinimums: minimums, pnpm: pnpm ?? REQUIRED_PNPM };
}
/** Debian's Chromium, or HOTPATH_CHROMIUM (also honoured by .ci/run and every browser test): @hotpath/workshop/chromium. */
export const CHROMIUM_PATH = CHROMIUM;
export const GOVERNOR_PATH = '/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor';
/** The site's port; lab N serves on defaultPort(N) = 3100 + N (paths.ts), for every lab of the manifest. */
export const SITE_PORT = 3000;

const INSTALL_RECOMMENDED = `install Node ${RECOMMENDED_NODE_MAJOR} (recommended): \`nvm install ${RECOMMENDED_NODE_MAJOR} && nvm use ${RECOMMENDED_NODE_MAJOR}\` (https://github.com/nvm-sh/nvm), or download it from https://nodejs.org`;

/** The node check for a Node version (default: this process's), against the minimums of `engines.node`. */
export function checkNode(minimums: Record<number, string>, version = process.versions.node): DoctorCheck {
  const support = nodeSupport(version, minimums);
  const v = `v${version.replace(/^v/, '')}`;
  if (support.level === 'ok') return { name: 'node', status: 'ok', detail: `${v} — ${support.summary}` };
  if (support.level === 'fail') return { name: 'node', status: 'fail', detail: `${v} is ${support.summary}`, fix: INSTALL_RECOMMENDED };
  const major = Number.parseInt(version.replace(/^v/, ''), 10);
  if (SUPPORTED_NODE_MAJORS.includes(major)) {
    return {
      name: 'node',
      status: 'warn',
      detail: `${v} — ${support.summary}; the kit still runs, but figures differ from current Node`,
      fix: `${INSTALL_RECOMMENDED}; or \`pnpm lab runtime add ${RECOMMENDED_NODE_MAJOR}\` to measure on it too`,
    };
  }
  return { name: 'node', status: 'warn', detail: `${v} — ${support.summary}`, fix: `if something fails, ${INSTALL_RECOMMENDED}` };
}

/** Whether this Node runs TypeScript itself (process.features.typescript): the labs' servers then need no tsx. */
export function checkTypeStripping(stripping = hasNativeTypeStripping(), version = process.versions.node): DoctorCheck {
  if (stripping) return { name: 'type stripping', status: 'ok', detail: `yes: Node ${version} strips TypeScript types itself (process.features.typescript)` };
  return {
    name: 'type stripping',
    status: 'ok',
    detail: `no: Node ${version} cannot run .ts files itself (Node 22.18+ can), so tsx runs the kit's TypeScript`,
  };
}

function checkPnpm(root: string, required: string): Promise<DoctorCheck> {
  const fix = `npm i -g pnpm@${required}`;
  return new Promise((resolve) => {
    execFile('pnpm', ['--version'], { cwd: root, timeout: 30_000, encoding: 'utf8' }, (error, stdout) => {
      const version = /\d+\.\d+\.\d+\S*/.exec(stdout ?? '')?.[0];
      if (!version) {
        const why =
          (error as NodeJS.ErrnoException | null)?.code === 'ENOENT'
            ? 'not found on PATH'
            : `\`pnpm --version\` failed${error ? `: ${error.message.split('\n')[0]}` : ''}`;
        resolve({ name: 'pnpm', status: 'fail', detail: why, fix });
      } else if (version !== required) {
        resolve({ name: 'pnpm', status: 'fail', detail: `${version}, but the workspace is pinned to exactly ${required}`, fix });
      } else {
        resolve({ name: 'pnpm', status: 'ok', detail: version });
      }
    });
  });
}

function checkDependencies(root: string): DoctorCheck {
  if (existsSync(join(root, 'node_modules'))) return { name: 'dependencies', status: 'ok', detail: 'installed (node_modules exists)' };
  return { name: 'dependencies', status: 'fail', detail: `not installed: no node_modules in ${root}`, fix: 'pnpm install --frozen-lockfile' };
}

function checkCores(cores: number): DoctorCheck {
  if (cores >= 2) return { name: 'cpu cores', status: 'ok', detail: `${cores} available` };
  return {
    name: 'cpu cores',
    status: 'warn',
    detail: `${cores} available: the load generator and the server share one core, so RPS and latency figures are pessimistic and noisy`,
    fix: 'run the workshop on a machine (or VM) with 2 or more cores',
  };
}

function checkTaskset(): DoctorCheck {
  const path = findOnPath('taskset');
  if (path) return { name: 'taskset', status: 'ok', detail: `${path}: servers and load generator are pinned to separate CPUs` };
  if (process.platform !== 'linux') {
    return { name: 'taskset', status: 'warn', detail: `not available on ${process.platform}: benchmarks run unpinned (noisier figures)` };
  }
  return { name: 'taskset', status: 'warn', detail: 'not found: benchmarks run unpinned (noisier figures)', fix: 'apt-get install util-linux' };
}

function checkChromium(): DoctorCheck {
  if (existsSync(CHROMIUM_PATH)) return { name: 'chromium', status: 'ok', detail: `${CHROMIUM_PATH} (for the site's browser tests)` };
  return {
    name: 'chromium',
    status: 'warn',
    detail: `not found at ${CHROMIUM_PATH}: the site's browser tests will not run (the labs do not need it)`,
    fix: 'apt-get install -y chromium',
  };
}

export interface PortUser {
  port: number;
  /** Who needs it, e.g. "lab 01's server (pnpm --dir labs/01-slim-builder start)". */
  owner: string;
}

/** The workshop's loopback ports: the site's, and one per lab of the manifest (defaultPort). */
export function workshopPorts(labs: readonly LabEntry[]): PortUser[] {
  return [
    { port: SITE_PORT, owner: 'the site (docs)' },
    ...labs.map((lab) => ({ port: defaultPort(lab.number), owner: `lab ${String(lab.number).padStart(2, '0')}'s server (pnpm --dir labs/${lab.slug} start)` })),
  ];
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

async function checkPorts(users: PortUser[]): Promise<DoctorCheck[]> {
  const free = await Promise.all(users.map((user) => portFree(user.port)));
  const busy = users.filter((_, i) => !free[i]);
  if (busy.length === 0) return [{ name: 'ports', status: 'ok', detail: `${users.map((u) => u.port).join(', ')} are free on 127.0.0.1` }];
  return busy.map(({ port, owner }) => ({
    name: `port ${port}`,
    status: 'warn' as const,
    detail: `127.0.0.1:${port} is in use; ${owner} needs it (a workshop server may already be running)`,
    fix: `find it with \`lsof -nP -iTCP:${port} -sTCP:LISTEN\` (or \`ss -ltnp 'sport = :${port}'\`) and stop it, or start with PORT=<other port>`,
  }));
}

function checkExtraCaCerts(): DoctorCheck {
  const value = process.env.NODE_EXTRA_CA_CERTS;
  if (!value) return { name: 'NODE_EXTRA_CA_CERTS', status: 'ok', detail: 'not set' };
  return {
    name: 'NODE_EXTRA_CA_CERTS',
    status: 'warn',
    detail: `set (${value}): it adds ~25–40 ms to every Node start, and so to the startup figures`,
    fix: 'env -u NODE_EXTRA_CA_CERTS pnpm lab bench …',
  };
}

function checkLoad(cores: number): DoctorCheck {
  const [load = 0] = loadavg();
  const detail = `1-minute load average ${load.toFixed(2)} on ${cores} core${cores === 1 ? '' : 's'}`;
  if (load <= cores / 2) return { name: 'load average', status: 'ok', detail };
  return {
    name: 'load average',
    status: 'warn',
    detail: `${detail} (above ${cores / 2}): other work is running, so benchmarks will be noisy`,
    fix: 'close other heavy programs (builds, browsers, other benchmarks) and wait for the load to drop',
  };
}

function checkGovernor(): DoctorCheck {
  let governor: string;
  try {
    governor = readFileSync(GOVERNOR_PATH, 'utf8').trim();
  } catch {
    return { name: 'cpu governor', status: 'ok', detail: 'not readable (virtual machine?): skipped' };
  }
  if (governor === 'performance') return { name: 'cpu governor', status: 'ok', detail: 'performance' };
  return {
    name: 'cpu governor',
    status: 'warn',
    detail: `${governor}: the CPU clock changes with load, so figures drift between runs`,
    fix: 'sudo cpupower frequency-set -g performance (or: echo performance | sudo tee /sys/devices/system/cpu/cpu*/cpufreq/scaling_governor)',
  };
}

/** Runs every check; the order is stable (the order the output prints them in). */
export async function runDoctor(options: { root: string; labs: readonly LabEntry[] }): Promise<DoctorCheck[]> {
  const cores = availableParallelism();
  const required = requiredVersions(options.root);
  const [pnpm, ports] = await Promise.all([checkPnpm(options.root, required.pnpm), checkPorts(workshopPorts(options.labs))]);
  return [
    checkNode(required.nodeMinimums),
    checkTypeStripping(),
    pnpm,
    checkDependencies(options.root),
    checkCores(cores),
    checkTaskset(),
    checkChromium(),
    ...ports,
    checkExtraCaCerts(),
    checkLoad(cores),
    checkGovernor(),
  ];
}

const LABELS = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' };

/** One line per check, the fix indented under each problem, then a summary line. */
export function formatDoctor(checks: DoctorCheck[], color: boolean): string {
  const c = colours(color);
  const STATUS = { ok: c.green, warn: c.yellow, fail: c.red };
  const width = Math.max(0, ...checks.map((c) => c.name.length));
  const indent = ' '.repeat(4 + 2 + width + 2);
  const lines: string[] = [];
  for (const check of checks) {
    lines.push(`${STATUS[check.status](LABELS[check.status])}  ${check.name.padEnd(width)}  ${check.detail}`);
    if (check.fix && check.status !== 'ok') lines.push(`${indent}${c.dim('fix:')} ${check.fix}`);
  }
  const count = (status: DoctorCheck['status']) => checks.filter((c) => c.status === status).length;
  const fails = count('fail');
  const warns = count('warn');
  const tally = `${count('ok')} ok, ${warns} warning${warns === 1 ? '' : 's'}, ${fails} failure${fails === 1 ? '' : 's'}`;
  let verdict: string;
  if (fails > 0) verdict = c.red(`${tally}: fix the failures above before the workshop.`);
  else if (warns > 0) verdict = c.yellow(`${tally}: ready; the warnings only make figures noisier or skip optional steps.`);
  else verdict = c.green(`${tally}: ready.`);
  lines.push('', verdict);
  return lines.join('\n');
}

/** 1 when any check failed, else 0: warnings never fail a healthy machine. */
export function doctorExitCode(checks: readonly DoctorCheck[]): number {
  return checks.some((c) => c.status === 'fail') ? 1 : 0;
}
