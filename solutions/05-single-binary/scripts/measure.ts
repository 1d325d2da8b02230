/**
 * One measured start, as /work's measuring rules have it: spawn the server on a port chosen beforehand,
 * poll GET /health every millisecond from the moment of spawn() until the first 200, read the peak RSS
 * (VmHWM in /proc/PID/status) right then, stop the server by PID. NODE_EXTRA_CA_CERTS (tens of ms per Node
 * start), NODE_OPTIONS, NODE_COMPILE_CACHE and HOTPATH_TYPESCRIPT are removed from its environment; a subject
 * that needs one of them (the compile-cache row, the tsx rows) sets it in its own `env`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';

/** Health poll interval. */
export const POLL_MS = 1;
/** A start that has not answered 200 by then is a failure. */
export const START_TIMEOUT_MS = 30_000;
/** SIGKILL after SIGTERM when a server has not exited after this long. */
const STOP_GRACE_MS = 2_000;

export interface StartCommand {
  command: string;
  args: string[];
  cwd: string;
  /** Variables added to the server's environment (after the removals above). */
  env?: Record<string, string>;
}

export interface StartSample {
  /** Milliseconds from just before spawn() to the end of the first 200 on GET /health. */
  firstOkMs: number;
  /** VmHWM (bytes) right after that 200; null off Linux. */
  peakRssBytes: number | null;
  /**
   * RssAnon (bytes) at the same moment: the process's own memory (heap, stacks), without the executable's
   * file pages — which depend on the page cache's state, not on the program.
   */
  anonRssBytes: number | null;
}

/** A free loopback port (bound, then released: the server binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The environment servers get: without the variables named above, with PORT, a quiet log and `extra`. */
export function startEnv(port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), LOG_LEVEL: 'silent' };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  delete env.NODE_COMPILE_CACHE;
  delete env.HOTPATH_TYPESCRIPT;
  return { ...env, ...extra };
}

/** GET /health on a fresh connection: the status code, or 0 when the connection failed (not listening yet). */
function healthStatus(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/health', agent: false }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.once('error', () => resolve(0));
    });
    req.once('error', () => resolve(0));
  });
}

/** A field of /proc/PID/status in bytes (VmHWM: peak RSS; RssAnon: anonymous memory); null where /proc is not there. */
export function procStatusBytes(pid: number, field: 'VmHWM' | 'RssAnon'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Starts `start`, measures time to first 200 and peak RSS, stops it. Rejects with its output on failure. */
export async function measureStart(start: StartCommand): Promise<StartSample> {
  const port = await freePort();
  let output = '';
  const t0 = performance.now();
  const child = spawn(start.command, start.args, { cwd: start.cwd, env: startEnv(port, start.env), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk).slice(-4_000)));
  child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk).slice(-4_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited (${child.exitCode ?? child.signalCode}) before answering:\n${output}`);
      if ((await healthStatus(port)) === 200) break;
      if (performance.now() - t0 > START_TIMEOUT_MS) throw new Error(`no 200 on GET /health within ${START_TIMEOUT_MS} ms:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const firstOkMs = performance.now() - t0;
    return { firstOkMs, peakRssBytes: procStatusBytes(child.pid!, 'VmHWM'), anonRssBytes: procStatusBytes(child.pid!, 'RssAnon') };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
  }
}

/** Drops executables from the OS page cache before start-up runs: the harness's, shared. */
export { dropFromPageCache } from '@hotpath/harness';

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}
