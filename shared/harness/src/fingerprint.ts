/**
 * The machine fingerprint stored with every result: runtime and hardware, load before and after, pinning,
 * NODE_EXTRA_CA_CERTS, git commit and date, plus a "busy" verdict over the whole run (src/busy.ts): busy when
 * the run started (other CPU use seen in /proc/stat over a second; the load average only without /proc), OR while
 * it measured (noisy load rounds or micro tasks), OR when it ended (other CPU use in a sample after it).
 * Also the CPU sampling those verdicts read: a short sample, and a window around a measurement.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { busyAfter, busyVerdict, judgeBusy, otherCpusOf } from './busy.ts';
import { machineCpu, processCpu, type Pinning } from './server.ts';

export { busyVerdict } from './busy.ts';

export interface Fingerprint {
  node: string;
  v8: string;
  platform: string;
  arch: string;
  osRelease: string;
  cpuModel: string;
  cores: number;
  totalMemoryBytes: number;
  /** 1, 5 and 15-minute load averages when the run started and when it ended. */
  loadAverageStart: number[];
  loadAverageEnd: number[] | null;
  /** CPUs' worth of time other processes used in a short sample before the run (null without /proc). */
  otherCpusBefore: number | null;
  pinning: Pinning | null;
  nodeExtraCaCerts: boolean;
  gitCommit: string | null;
  gitDirty: boolean | null;
  date: string;
  /** The run as a whole looked busy: at the start, during the run or at the end (`busyAt` says which). */
  busy: boolean;
  /** Why, each reason saying when ("at the start: …"); results written before `busyAt` give start reasons only. */
  busyReasons: string[];
  /** When the machine looked busy. Absent in results written before it existed (their `busy` is the start's). */
  busyAt?: { start: boolean; during: boolean; end: boolean };
  /** CPUs' worth of time other processes used in a short sample after the run (null without /proc). */
  otherCpusAfter?: number | null;
}

function git(args: string[], cwd: string): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** CPUs' worth of busy time on the machine over `ms`, while this process sleeps. */
export async function sampleOtherCpus(ms = 300): Promise<number | null> {
  const a = machineCpu();
  const own0 = process.cpuUsage();
  await new Promise((r) => setTimeout(r, ms));
  const b = machineCpu();
  if (!a || !b || b.total === a.total) return null;
  const own = process.cpuUsage(own0);
  const cores = os.cpus().length || 1;
  const busyShare = (b.busy - a.busy) / (b.total - a.total);
  return Math.max(0, busyShare * cores - (own.user + own.system) / 1e3 / ms);
}

/**
 * Starts measuring other processes' CPU use (src/busy.ts otherCpusOf): the machine's busy time minus this
 * process's and `ownPids`' (child processes of the run, e.g. micro workers on other runtimes). The returned
 * function ends the window and gives the figure (null without /proc).
 */
export function otherCpusWindow(ownPids: () => readonly number[] = () => []): () => number | null {
  const pids = ownPids();
  const machine0 = machineCpu();
  const own0 = process.cpuUsage();
  const children0 = pids.map((pid) => processCpu(pid));
  const t0 = performance.now();
  return () => {
    const machine1 = machineCpu();
    const own = process.cpuUsage(own0);
    const wall = (performance.now() - t0) / 1000;
    const children = pids.map((pid, i) => {
      const [a, b] = [children0[i], processCpu(pid)];
      return a === undefined || b === undefined ? null : (b - a) / wall;
    });
    const busySec = machine0 && machine1 ? machine1.busy - machine0.busy : null;
    return otherCpusOf(busySec, wall, [(own.user + own.system) / 1e6 / wall, ...children]);
  };
}

/** Takes the fingerprint at the start of a run; call `finishFingerprint` at the end. */
export async function takeFingerprint(options: { repoRoot: string; pinning?: Pinning | null; sampleMs?: number }): Promise<Fingerprint> {
  const cpus = os.cpus();
  const cores = cpus.length;
  const loadAverageStart = os.loadavg();
  const otherCpusBefore = await sampleOtherCpus(options.sampleMs ?? 1000);
  const commit = git(['rev-parse', 'HEAD'], options.repoRoot);
  const status = commit ? git(['status', '--porcelain', '--untracked-files=no'], options.repoRoot) : null;
  const busyReasons = busyVerdict(loadAverageStart[0] ?? 0, cores, otherCpusBefore);
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: process.platform,
    arch: process.arch,
    osRelease: os.release(),
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    cores,
    totalMemoryBytes: os.totalmem(),
    loadAverageStart,
    loadAverageEnd: null,
    otherCpusBefore,
    pinning: options.pinning ?? null,
    nodeExtraCaCerts: Boolean(process.env.NODE_EXTRA_CA_CERTS),
    gitCommit: commit,
    gitDirty: status === null ? null : status.length > 0,
    date: new Date().toISOString(),
    busy: busyReasons.length > 0,
    busyReasons,
  };
}

/**
 * Records the load average at the end of the run; with `end` (a sample of other CPU use taken after the run's
 * processes stopped, and busyDuring's reasons over its windows) it judges the whole run: busy at the start,
 * during or at the end. Without `end` the start's verdict stays (as in results written before).
 */
export function finishFingerprint(fingerprint: Fingerprint, end?: { otherCpusAfter: number | null; during: readonly string[] }): Fingerprint {
  const finished = { ...fingerprint, loadAverageEnd: os.loadavg() };
  if (!end) return finished;
  const judged = judgeBusy({
    start: busyVerdict(fingerprint.loadAverageStart[0] ?? 0, fingerprint.cores, fingerprint.otherCpusBefore),
    during: end.during,
    end: busyAfter(end.otherCpusAfter),
  });
  return { ...finished, otherCpusAfter: end.otherCpusAfter, busy: judged.busy, busyReasons: judged.reasons, busyAt: judged.at };
}
