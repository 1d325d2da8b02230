/**
 * Server processes for measuring: start a package's app with the kit's launcher on a free loopback port,
 * optionally pinned to one CPU and with the probe preloaded, wait for GET /health, and stop it by PID
 * (its whole process group). Every process started here is tracked and killed when the harness exits.
 * Also: which CPUs can be used for pinning, and CPU time from /proc for noise checks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { nodeCommand } from '@hotpath/workshop/cpus';
import type { ServeCommand } from './define.ts';
import { procStatusBytes } from './gc.ts';
import { bundledProbe } from './probe-bundle.ts';

export const kitServeBin: string = join(createRequire(import.meta.url).resolve('@hotpath/api/package.json'), '..', 'bin', 'hotpath-serve.js');
export const probePreloadUrl: string = new URL('./probe-preload.mjs', import.meta.url).href;

// ------------------------------------------------------------------------------------------------
// Process tracking: every child is killed (by process group) on exit, SIGINT or SIGTERM.
// ------------------------------------------------------------------------------------------------

const tracked = new Set<ChildProcess>();
let hooksInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const child of tracked) killGroup(child, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      for (const child of tracked) killGroup(child, 'SIGKILL');
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

/** Spawns a tracked child in its own process group (so stopping it also stops anything it started). */
export function spawnTracked(command: string, args: string[], options: Parameters<typeof spawn>[2]): ChildProcess {
  installHooks();
  const child = spawn(command, args, { ...options, detached: true });
  tracked.add(child);
  child.once('exit', () => tracked.delete(child));
  return child;
}

/**
 * Stops a tracked child: `signal` (SIGTERM; SIGINT lets `node --cpu-prof` write its profile) to its group,
 * SIGKILL after `graceMs`; resolves when it has exited, with whether it exited before the SIGKILL.
 */
export function stopProcess(child: ChildProcess, graceMs = 2_000, signal: NodeJS.Signals = 'SIGTERM'): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) {
    tracked.delete(child);
    return Promise.resolve(true);
  }
  return new Promise((done) => {
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      killGroup(child, 'SIGKILL');
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      tracked.delete(child);
      done(!killed);
    });
    killGroup(child, signal);
  });
}

// ------------------------------------------------------------------------------------------------
// Pinning, ports, health
// ------------------------------------------------------------------------------------------------

export { allowedCpus, choosePinning, nodeCommand, type Pinning } from '@hotpath/workshop/cpus';

/** One GET on a fresh connection; resolves with the status code, rejects on connection errors. */
export function httpStatus(port: number, path: string, timeoutMs = 1_000): Promise<number> {
  return new Promise((resolveStatus, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.once('end', () => resolveStatus(res.statusCode ?? 0));
    });
    req.once('timeout', () => req.destroy(new Error('timeout')));
    req.once('error', reject);
  });
}

// ------------------------------------------------------------------------------------------------
// A running server
// ------------------------------------------------------------------------------------------------

export interface StartOptions {
  /** Package folder holding src/app.ts (the launcher's cwd); with `serve`, only named in messages. */
  dir: string;
  /** Start this command instead of the kit's launcher (a built bundle or binary; see ServeCommand). */
  serve?: ServeCommand;
  /**
   * The node binary that runs the kit's launcher (or a serve command whose command is this process's own
   * node): another runtime's, for `--runtime`. Default: process.execPath.
   */
  node?: string;
  /** A fixed port; by default the server binds port 0 and reports the port it got (no race for a free port). */
  port?: number;
  cpu: number | null;
  /** Preload the probe and open an IPC channel to it. */
  probe?: boolean;
  /** Health poll interval in ms (1 for startup timing). */
  pollMs?: number;
  timeoutMs?: number;
}

export interface RunningServer {
  child: ChildProcess;
  pid: number;
  port: number;
  /** Milliseconds from spawn() to the first 200 of GET /health. */
  firstOkMs: number;
  /** VmHWM read right after the first 200. */
  peakRssAtReady: number | null;
  /** Last output of the server on stderr (for error messages). */
  stderrTail(): string;
  /** Stops it (see stopProcess): whether it exited before being killed. */
  stop(graceMs?: number, signal?: NodeJS.Signals): Promise<boolean>;
  /** Its last output on stdout and stderr, interleaved as it came. */
  output(): string;
}

/** `executable args`, pinned to `cpu` by taskset when given. */
function pinned(executable: string, args: string[], cpu: number | null): [string, string[]] {
  return cpu === null ? [executable, args] : ['taskset', ['-c', String(cpu), executable, ...args]];
}

/** The command line, working directory and environment that start a server as `options` say. */
export function launchOf(options: StartOptions): { command: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv } {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(options.port ?? 0) };
  if (!options.serve) {
    const own = options.probe ? ['--import', probePreloadUrl, kitServeBin] : [kitServeBin];
    const [command, args] = options.node ? pinned(options.node, own, options.cpu) : nodeCommand(own, options.cpu);
    return { command, args, cwd: options.dir, env };
  }
  // A bundle or binary: the probe comes in by --require (a Node 20 SEA ignores --import in NODE_OPTIONS);
  // otherwise it starts with no NODE_OPTIONS at all, as it would in production.
  delete env.NODE_OPTIONS;
  Object.assign(env, options.serve.env);
  if (options.probe) env.NODE_OPTIONS = `--require ${bundledProbe()}`;
  const own = [...(options.serve.args ?? [])];
  const executable = options.node && options.serve.command === process.execPath ? options.node : options.serve.command;
  const [command, args] = pinned(executable, own, options.cpu);
  return { command, args, cwd: options.serve.cwd ?? process.cwd(), env };
}

/**
 * Starts a server — `hotpath-serve` for a package folder, or `options.serve`'s command — and resolves once
 * GET /health answers 200.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const launch = launchOf(options);
  const what = options.serve ? (options.serve.label ?? options.serve.command) : `Server in ${options.dir}`;
  let tail = '';
  let both = '';
  const t0 = performance.now();
  const child = spawnTracked(launch.command, launch.args, {
    cwd: launch.cwd,
    env: launch.env,
    stdio: options.probe ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  // The launcher prints "listening on http://127.0.0.1:<port>" once it is bound: with PORT=0 that is how
  // we learn the port, so no other process can take it between choosing and binding.
  let port = options.port ?? 0;
  let stdout = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    both = (both + chunk).slice(-8_000);
    if (port !== 0) return;
    stdout = (stdout + chunk).slice(-4_000);
    const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout);
    if (match) port = Number(match[1]);
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-4_000);
    both = (both + chunk).slice(-8_000);
  });
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? `code ${code}`}`;
  });
  child.once('error', (error) => {
    exited = `could not start: ${error.message}`;
  });
  const pollMs = options.pollMs ?? 10;
  const deadline = t0 + (options.timeoutMs ?? 30_000);
  const server = {
    child,
    pid: child.pid ?? -1,
    port,
    firstOkMs: NaN,
    peakRssAtReady: null as number | null,
    stderrTail: () => tail.trim(),
    output: () => both,
    stop: (graceMs?: number, signal?: NodeJS.Signals) => stopProcess(child, graceMs, signal),
  };
  for (;;) {
    if (exited) throw new Error(`${what} ${exited} before answering GET /health\n${tail.trim()}`);
    if (performance.now() > deadline) {
      await server.stop();
      throw new Error(`${what} did not answer GET /health 200 within ${options.timeoutMs ?? 30_000} ms\n${tail.trim()}`);
    }
    const status = port === 0 ? 0 : await httpStatus(port, '/health').catch(() => 0);
    if (status === 200) {
      server.firstOkMs = performance.now() - t0;
      server.port = port;
      server.peakRssAtReady = procStatusBytes(server.pid, 'VmHWM') ?? null;
      return server;
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

// ------------------------------------------------------------------------------------------------
// CPU accounting from /proc, to notice other load on the machine
// ------------------------------------------------------------------------------------------------

const CLOCK_TICKS = 100; // USER_HZ on Linux

/**
 * Busy and total CPU seconds of the whole machine so far (all CPUs), from /proc/stat. Busy is user + nice +
 * system + steal: interrupt and softirq time (loopback networking) is left out because the kernel already
 * charges most of it to the processes it ran in.
 */
export function machineCpu(): { busy: number; total: number } | undefined {
  try {
    const [line = ''] = readFileSync('/proc/stat', 'utf8').split('\n', 1);
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0] = f;
    const busy = user + nice + system + (f[7] ?? 0);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: busy / CLOCK_TICKS, total: total / CLOCK_TICKS };
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
export function processCpu(pid: number): number | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
