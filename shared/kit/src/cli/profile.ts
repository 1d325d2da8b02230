/**
 * `pnpm lab bench NN --profile`: a CPU profile of a package's server under load, and where its time went.
 *
 * Starts the kit's launcher (`hotpath-serve`) in the package folder with `node --cpu-prof` on a free loopback
 * port (pinned to one CPU with taskset when available), drives one scenario at it with autocannon for a few
 * seconds (127.0.0.1 only), stops it by PID with SIGINT so Node writes the profile, then reads the
 * `.cpuprofile` and ranks functions by SELF time. The server is always stopped, whatever fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Options } from 'autocannon';
import { choosePinning, nodeCommand } from '../cpus.ts';

export interface ProfileScenario {
  method: string;
  path: string;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

export interface ProfileOptions {
  /** Repository root (holds shared/kit/bin/hotpath-serve.js). */
  root: string;
  /** Package folder whose src/app.ts is served (the launcher's cwd). */
  packageDir: string;
  /** Where Node writes the .cpuprofile files (created if missing). */
  outDir: string;
  /** Seconds of load (default 10). */
  seconds?: number;
  /** Default: POST /ingest/v1 with the 1 KiB ingest fixture. */
  scenario?: ProfileScenario;
  onProgress?: (line: string) => void;
}

export interface ProfileEntry {
  functionName: string;
  /** Script URL as V8 reports it (file://…, node:…, or '' for native code). */
  url: string;
  /** 1-based line of the function's start. */
  line: number;
  selfMs: number;
  /** Share of all sampled time (idle, program and GC included). */
  selfPercent: number;
}

export interface ProfileResult {
  profilePath: string;
  top: ProfileEntry[];
  /** All sampled time, idle/program/GC included. */
  totalMs: number;
}

const TOP = 15;
const EXCLUDED = new Set(['(idle)', '(program)', '(garbage collector)']);
const LISTENING = /listening on http:\/\/127\.0\.0\.1:(\d+)/;

function cpuProfiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f));
}

async function defaultScenario(): Promise<ProfileScenario> {
  const { ingestFixture } = await import('@hotpath/api/fixtures');
  return { method: 'POST', path: '/ingest/v1', body: ingestFixture('1k').bytes, headers: { 'content-type': 'application/json' } };
}

/** Waits for the launcher's "listening on" line; rejects if the server exits or takes too long. */
function waitForPort(child: ChildProcess, stderrTail: () => string, timeoutMs = 30_000): Promise<number> {
  return new Promise((resolvePort, reject) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`The server did not report "listening on" within ${timeoutMs / 1000} s\n${stderrTail()}`)), timeoutMs);
    const onData = (chunk: string) => {
      out = (out + chunk).slice(-4_000);
      const match = LISTENING.exec(out);
      if (match) done(Number(match[1]));
    };
    const onExit = (code: number | null, signal: string | null) =>
      fail(new Error(`The server exited (${signal ?? `code ${code}`}) before listening\n${stderrTail()}`));
    const onError = (error: Error) => fail(new Error(`Could not start the server: ${error.message}`));
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    const done = (port: number) => (cleanup(), resolvePort(port));
    const fail = (error: Error) => (cleanup(), reject(error));
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    /* already gone */
  }
}

/** SIGINT by PID (the launcher closes and exits, and Node writes the profile); SIGKILL after `graceMs`. */
async function stopServer(child: ChildProcess, graceMs = 15_000): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return true;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  signal(child.pid, 'SIGINT');
  let timer: NodeJS.Timeout | undefined;
  const clean = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), graceMs)))]);
  clearTimeout(timer);
  if (!clean) {
    signal(child.pid, 'SIGKILL');
    await exited;
  }
  return clean;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number }; hitCount?: number }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time (µs) per profile node id: from samples and timeDeltas, else hitCount × average interval. */
function selfTimesUs(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  if (samples.length > 0 && deltas.length === samples.length) {
    // Like DevTools: a sample lasts until the next one; the last one until endTime.
    let t = profile.startTime;
    const times = deltas.map((d) => (t += d));
    for (let i = 0; i < samples.length; i++) {
      const next = i + 1 < samples.length ? times[i + 1] : Math.max(profile.endTime, times[i]);
      self.set(samples[i], (self.get(samples[i]) ?? 0) + Math.max(0, next - times[i]));
    }
    return self;
  }
  const hits = profile.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0);
  const interval = hits > 0 ? (profile.endTime - profile.startTime) / hits : 0;
  for (const n of profile.nodes) if (n.hitCount) self.set(n.id, n.hitCount * interval);
  return self;
}

const sourceCache = new Map<string, string[] | null>();

/**
 * tsx compiles each TypeScript file onto one line, so V8 reports line 1 (0-based 0) for all its functions.
 * For those, find the function's definition in the .ts source by name; otherwise keep V8's line.
 */
export function sourceLine(url: string, functionName: string, v8Line: number): number {
  if (v8Line !== 0 || !/\.[mc]?tsx?$/.test(url) || !/^[\w$]+$/.test(functionName)) return v8Line + 1;
  let lines = sourceCache.get(url);
  if (lines === undefined) {
    try {
      lines = readFileSync(url.startsWith('file:') ? fileURLToPath(url) : url, 'utf8').split('\n');
    } catch {
      lines = null;
    }
    sourceCache.set(url, lines);
  }
  if (!lines) return 1;
  const name = functionName.replace(/\$/g, '\\$');
  const patterns = [
    new RegExp(`\\bfunction\\s*\\*?\\s*${name}\\s*[<(]`), // function name(
    new RegExp(`^\\s*((public|private|protected|static|readonly|override|async|get|set)\\s+)*\\*?${name}\\s*[<(][^;]*$`), // method(…) {
    new RegExp(`\\b${name}\\s*[:=]\\s*(async\\s*)?(function\\b|\\(|[\\w$]+\\s*=>)`), // name = (…) => / name: function
    new RegExp(`\\bclass\\s+${name}\\b`), // constructor of class name
  ];
  for (const pattern of patterns) {
    const index = lines.findIndex((l) => pattern.test(l));
    if (index >= 0) return index + 1;
  }
  return 1;
}

/** Aggregates self time per (functionName, url, line), top `limit` by self time, without idle/program/GC. */
export function summariseProfile(profile: CpuProfile, limit = TOP): { top: ProfileEntry[]; totalMs: number } {
  const self = selfTimesUs(profile);
  let totalUs = 0;
  for (const us of self.values()) totalUs += us;
  const byKey = new Map<string, ProfileEntry>();
  for (const node of profile.nodes) {
    const us = self.get(node.id);
    if (!us) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (EXCLUDED.has(functionName)) continue;
    const name = functionName || '(anonymous)';
    // The column too: in tsx-compiled files every function is on line 1, and distinct functions must not merge.
    const key = `${name}\0${url}\0${lineNumber}\0${columnNumber ?? 0}`;
    const entry = byKey.get(key) ?? { functionName: name, url, line: sourceLine(url, functionName, lineNumber), selfMs: 0, selfPercent: 0 };
    entry.selfMs += us / 1000;
    byKey.set(key, entry);
  }
  const totalMs = totalUs / 1000;
  const top = [...byKey.values()]
    .sort((a, b) => b.selfMs - a.selfMs || a.functionName.localeCompare(b.functionName))
    .slice(0, limit)
    .map((e) => ({ ...e, selfPercent: totalMs > 0 ? (e.selfMs / totalMs) * 100 : 0 }));
  return { top, totalMs };
}

/** Profiles a package's server under load; see the module comment. */
export async function profileServer(options: ProfileOptions): Promise<ProfileResult> {
  const progress = options.onProgress ?? (() => {});
  const seconds = options.seconds ?? 10;
  const outDir = resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  const before = new Set(cpuProfiles(outDir));
  const scenario = options.scenario ?? (await defaultScenario());
  const { default: autocannon } = await import('autocannon');

  // The launcher of this kit (not of options.root), so a fixture kit without one can be profiled too.
  const serveBin = fileURLToPath(new URL('../../bin/hotpath-serve.js', import.meta.url));
  const nodeArgs = ['--cpu-prof', `--cpu-prof-dir=${outDir}`, serveBin];
  // The server on the CPU a checkpoint gives it; autocannon runs in this process, wherever it is scheduled.
  const cpu = choosePinning().serverCpu;
  const [command, args] = nodeCommand(nodeArgs, cpu);
  const where = relative(options.root, options.packageDir) || options.packageDir;
  progress(`profile: starting ${where} with --cpu-prof${cpu === null ? ' (unpinned: no taskset)' : ` pinned to CPU ${cpu}`}`);

  let stderr = '';
  const child = spawn(command, args, {
    cwd: options.packageDir,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If this process exits abruptly, do not leave the server behind.
  const killOnExit = () => child.pid !== undefined && child.exitCode === null && signal(child.pid, 'SIGKILL');
  process.once('exit', killOnExit);
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4_000)));
  let clean = false;
  try {
    const port = await waitForPort(child, () => stderr.trim());
    progress(`profile: ${scenario.method} ${scenario.path} on 127.0.0.1:${port} for ${seconds} s (autocannon, 10 connections)`);
    const body = scenario.body === undefined ? undefined : typeof scenario.body === 'string' ? scenario.body : Buffer.from(scenario.body);
    const result = await autocannon({
      url: `http://127.0.0.1:${port}${scenario.path}`,
      method: scenario.method.toUpperCase() as NonNullable<Options['method']>,
      headers: scenario.headers ?? {},
      body,
      connections: 10,
      duration: seconds,
      sampleInt: 50,
    });
    const bad = result.non2xx + result.errors + result.timeouts;
    progress(
      `profile: ${result.requests.total} requests (${Math.round(result.requests.total / (result.duration || seconds))} req/s)` +
        (bad > 0 ? `; warning: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts` : ''),
    );
  } finally {
    progress('profile: stopping the server (SIGINT) so Node writes the profile');
    clean = await stopServer(child);
    process.off('exit', killOnExit);
  }
  if (!clean) throw new Error('The server did not exit within 15 s of SIGINT and was killed: no profile was written');

  // The main thread's profile is the largest new file (tsx's loader thread writes a small second one).
  const written = cpuProfiles(outDir).filter((f) => !before.has(f));
  if (written.length === 0) throw new Error(`No .cpuprofile was written to ${outDir}\n${stderr.trim()}`);
  const profilePath = written.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));
  progress(`profile: reading ${profilePath}`);
  const { top, totalMs } = summariseProfile(JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile);
  return { profilePath, top, totalMs };
}

/** A script URL as a short location: relative to root, node_modules paths as `<package>/<file>`. */
export function shortLocation(url: string, line: number, root: string): string {
  if (!url) return '(native)';
  let path = url;
  if (url.startsWith('file://')) {
    try {
      path = fileURLToPath(url);
    } catch {
      /* keep the URL */
    }
  }
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) path = path.slice(nm + '/node_modules/'.length);
  else if (isAbsolute(path)) {
    const rel = relative(root, path);
    if (!rel.startsWith('..') && !isAbsolute(rel)) path = rel;
  }
  return `${path}:${line}`;
}

/** The top list as a table, then where the profile is and how to open it. */
export function formatProfile(result: ProfileResult, root: string): string {
  const rows = result.top.map((e) => [e.selfMs.toFixed(1), e.selfPercent.toFixed(1), e.functionName, shortLocation(e.url, e.line, root)]);
  const header = ['self ms', '%', 'function', 'file:line'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) =>
    [r[0].padStart(widths[0]), r[1].padStart(widths[1]), r[2].padEnd(widths[2]), r[3]].join('  ').trimEnd();
  const lines = [
    `Top ${result.top.length} functions by self time, of ${result.totalMs.toFixed(0)} ms sampled (idle, program and GC not listed):`,
    '',
    fmt(header),
    fmt(widths.map((w) => '-'.repeat(w))),
    ...rows.map(fmt),
    '',
    `Profile: ${result.profilePath}`,
    'Open it in Chrome DevTools → Performance → Load profile (or drag the file onto the Performance panel).',
  ];
  if (result.top.length === 0) lines.splice(2, 2, '(no samples outside idle, program and GC)');
  return lines.join('\n');
}
