/**
 * The machine fingerprint stored with every result: runtime and hardware, load before and after, pinning,
 * NODE_EXTRA_CA_CERTS, git commit and date, plus a "busy" verdict when something else was using the CPUs
 * when the run started (1-minute load average above half the cores, or other CPU use seen in /proc/stat).
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { machineCpu, type Pinning } from './server.ts';

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
  busy: boolean;
  busyReasons: string[];
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

/** The verdict on a load average and a CPU sample; exported for tests. */
export function busyVerdict(loadAverage1m: number, cores: number, otherCpus: number | null): string[] {
  const reasons: string[] = [];
  if (loadAverage1m > 0.5 * cores) reasons.push(`1-minute load average ${loadAverage1m.toFixed(2)} is above half the ${cores} cores (it also counts runs that ended in the last minute)`);
  if (otherCpus !== null && otherCpus > 0.2) reasons.push(`other processes were using ${otherCpus.toFixed(2)} CPUs before the run`);
  return reasons;
}

/** Takes the fingerprint at the start of a run; call `finishFingerprint` at the end. */
export async function takeFingerprint(options: { repoRoot: string; pinning?: Pinning | null; sampleMs?: number }): Promise<Fingerprint> {
  const cpus = os.cpus();
  const cores = cpus.length;
  const loadAverageStart = os.loadavg();
  const otherCpusBefore = await sampleOtherCpus(options.sampleMs ?? 300);
  const commit = git(['rev-parse', 'HEAD'], options.repoRoot);
  const status = commit ? git(['status', '--porcelain', '--untracked-files=no'], options.repoRoot) : null;
  const busyReasons = busyVerdict(loadAverageStart[0], cores, otherCpusBefore);
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

/** Records the load average at the end of the run. */
export function finishFingerprint(fingerprint: Fingerprint): Fingerprint {
  return { ...fingerprint, loadAverageEnd: os.loadavg() };
}
