/**
 * One solution server for the hostile-client suite, started as a learner starts it — `pnpm start` in the
 * solution's folder (the kit's hotpath-serve launcher; lab 02 regenerates first, with --soft) with PORT=0 —
 * in its own process group. The port and the real server's PID come from its "listening on
 * http://127.0.0.1:PORT (pid N)" line, so RSS is read from the server itself, not from pnpm or sh. Every
 * stdout and stderr line is tallied by error-level (log-lines.ts). stop() kills the whole group, and a
 * process-exit hook SIGKILLs any group still alive, so no server outlives the suite.
 *
 * HOTPATH_HOSTILE_ROOT=<checkout> points the suite at the solutions of another checkout of the kit (one with
 * its node_modules links in place), e.g. the tree before a fix, to take "before" figures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { solutionDir } from '@hotpath/workshop/paths';
import { isErrorLine } from './log-lines.ts';

/**
 * Bound on a server's start-up (pnpm, a type-stripping or tsx load, lab 02's generate --soft) on a busy
 * machine; below the kit's 60 s hook timeout, so this message is the one a slow start shows.
 */
export const START_TIMEOUT_MS = 45_000;
/** Bound on a clean stop after SIGTERM (the kit's runServer exits within 2 s); then the group gets SIGKILL. */
export const STOP_TIMEOUT_MS = 5_000;
/** Error-level lines kept per server (200 characters each) for failure messages; the rest are only counted. */
const KEPT_ERROR_LINES = 20_000;
const KEPT_LINE_CHARS = 200;
/** Output lines quoted when a server does not start, and how long to wait for them after it exited. */
const TAIL_LINES = 10;
const OUTPUT_DRAIN_MS = 1_000;
const LISTENING = /listening on http:\/\/127\.0\.0\.1:(\d+) \(pid (\d+)\)/;
const KIB = 1024;

const liveGroups = new Set<number>();
process.once('exit', () => {
  for (const group of liveGroups) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export interface SolutionServer {
  slug: string;
  port: number;
  url: string;
  /** The PID of the node process that serves (from its own listening line). */
  pid: number;
  /** Error-level lines seen so far on stdout and stderr. */
  readonly errorLines: number;
  /** Up to `count` of the error-level lines seen after the first `from` of them. */
  errorLineSample(from: number, count: number): string[];
  /** Every line seen so far (pnpm's own included). */
  readonly lines: number;
  /** The server's VmRSS in bytes, from /proc/PID/status. */
  rssBytes(): number;
  /** Whether the server process is still running. */
  alive(): boolean;
  stop(): Promise<void>;
}

/**
 * Starts solutions/`slug` with `pnpm start`, PORT=0 and `env`; resolves once it listens. LOG_LEVEL is left
 * to each lab's default, as a learner's shell has it: a LOG_LEVEL=silent in the caller's environment would
 * hide the very lines the aborted-upload case counts.
 */
export async function startSolution(slug: string, env: Record<string, string>): Promise<SolutionServer> {
  const inherited = { ...process.env };
  delete inherited.LOG_LEVEL;
  const child: ChildProcess = spawn('pnpm', ['start'], {
    cwd: process.env.HOTPATH_HOSTILE_ROOT ? join(process.env.HOTPATH_HOSTILE_ROOT, 'solutions', slug) : solutionDir(slug),
    env: { ...inherited, ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: stop() kills pnpm, sh and node together
  });
  const group = child.pid!;
  liveGroups.add(group);
  let lines = 0;
  let errorLines = 0;
  const keptErrorLines: string[] = [];
  let listening: RegExpExecArray | null = null;
  const tail: string[] = [];
  const tally = (stream: 'stdout' | 'stderr') => (line: string) => {
    lines++;
    if (!listening) tail.push(line), tail.splice(0, tail.length - TAIL_LINES);
    listening ??= LISTENING.exec(line);
    if (!isErrorLine(line, stream)) return;
    errorLines++;
    if (keptErrorLines.length < KEPT_ERROR_LINES) keptErrorLines.push(`${stream}: ${line.slice(0, KEPT_LINE_CHARS)}`);
  };
  createInterface({ input: child.stdout! }).on('line', tally('stdout'));
  createInterface({ input: child.stderr! }).on('line', tally('stderr'));

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!listening) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stopGroup(child, group);
      await Promise.race([once(child, 'close'), new Promise((r) => setTimeout(r, OUTPUT_DRAIN_MS))]); // its last lines
      const said = tail.length ? `; its last lines:\n${tail.join('\n')}` : '';
      throw new Error(`The reference of ${slug}: \`pnpm start\` printed no listening line within ${START_TIMEOUT_MS} ms (exit ${child.exitCode})${said}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const port = Number(listening[1]);
  const pid = Number(listening[2]);
  return {
    slug,
    port,
    url: `http://127.0.0.1:${port}`,
    pid,
    get errorLines() {
      return errorLines;
    },
    errorLineSample: (from, count) => keptErrorLines.slice(from, from + count),
    get lines() {
      return lines;
    },
    rssBytes: () => Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) * KIB,
    alive: () => processAlive(pid),
    stop: async () => {
      await stopGroup(child, group, pid);
      if (processAlive(pid)) throw new Error(`The reference of ${slug}: its server (pid ${pid}) outlived its process group's SIGKILL`);
    },
  };
}

/** Whether `pid` runs (a zombie, exited but not yet reaped, counts as gone). */
function processAlive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/** SIGTERM to the group, SIGKILL after STOP_TIMEOUT_MS; resolves when the leader and `pid` have exited. */
async function stopGroup(child: ChildProcess, group: number, pid?: number): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-group, name);
    } catch {
      // the group is gone
    }
  };
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (pid !== undefined && processAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  clearTimeout(timer);
  signal('SIGKILL'); // anything of the group still there (a server whose pnpm parent died first)
  for (let wait = 0; pid !== undefined && processAlive(pid) && wait < 20; wait++) await new Promise((r) => setTimeout(r, 50));
  liveGroups.delete(group);
}
