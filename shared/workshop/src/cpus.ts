/**
 * CPU pinning, shared by everything that starts a server to measure it (the harness's load runs, the CLI's
 * profiler) and by `pnpm lab doctor`: finding taskset, the CPUs this process may use, and which one the
 * server and the load generator get.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { delimiter, join } from 'node:path';

export interface Pinning {
  used: boolean;
  /** CPU the server runs on, and the load generator, when pinned. */
  serverCpu: number | null;
  loadCpu: number | null;
  /** Why pinning is off, when it is. */
  reason?: string;
}

/** The path of an executable on PATH, or undefined. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** CPUs this process may run on (Cpus_allowed_list), or undefined where /proc is missing. */
export function allowedCpus(): number[] | undefined {
  try {
    const list = /^Cpus_allowed_list:\s*(\S+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (!list) return undefined;
    const cpus: number[] = [];
    for (const part of list.split(',')) {
      const [a, b] = part.split('-').map(Number);
      for (let c = a!; c <= (b ?? a!); c++) cpus.push(c);
    }
    return cpus;
  } catch {
    return undefined;
  }
}

/** Decides pinning: server and load generator on two different CPUs when taskset and ≥ 2 CPUs exist. */
export function choosePinning(wanted = true): Pinning {
  if (!wanted) return { used: false, serverCpu: null, loadCpu: null, reason: 'disabled (--no-pin)' };
  if (!findOnPath('taskset')) return { used: false, serverCpu: null, loadCpu: null, reason: 'taskset not found' };
  const cpus = allowedCpus() ?? [...Array(availableParallelism()).keys()];
  if (cpus.length < 2) return { used: false, serverCpu: null, loadCpu: null, reason: 'fewer than 2 CPUs' };
  return { used: true, serverCpu: cpus[0]!, loadCpu: cpus[1]! };
}

/** Command and arguments that run `node <args>`, pinned to `cpu` when given. */
export function nodeCommand(args: string[], cpu: number | null): [string, string[]] {
  return cpu === null ? [process.execPath, args] : ['taskset', ['-c', String(cpu), process.execPath, ...args]];
}
