/**
 * The capstone's load rounds, the harness's way (shared/harness/src/load.ts) for servers that are not a
 * package folder served by the kit's launcher — here a single executable: a fresh server per round pinned to
 * one CPU (`taskset -c`), optionally with the harness's probe preloaded and driven over IPC, a discarded
 * warm-up on the same scenario, then one measured round from the harness's load worker (autocannon in its
 * own process, pinned to another CPU, latency from every response's own timing), then the server is stopped
 * by PID. A round in which other processes used more than NOISE_CPUS is run again once.
 *
 * Also the check whether a binary loads the probe from NODE_OPTIONS (`--import <probe-preload.mjs>`, the
 * harness's way, or `--require` of the probe bundled into one CommonJS file).
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ProbeWindow, Scenario } from '@hotpath/harness';
import { ipc, type IpcCall } from '@hotpath/harness/ipc';
import { bundledProbe } from '@hotpath/harness/probe-bundle';
import { httpStatus, machineCpu, nodeCommand, probePreloadUrl, processCpu, spawnTracked, stopProcess } from '@hotpath/harness/server';

/** The harness's load generator (not in @hotpath/harness's exports: used by path, like its load.ts does). */
const LOAD_WORKER = fileURLToPath(new URL('../../../shared/harness/src/load-worker.mjs', import.meta.url));
/** A round in which other processes used more CPUs than this is retried once (the harness's default). */
export const NOISE_CPUS = 0.25;
/** Health poll interval while a server starts, and how long it may take. */
const POLL_MS = 10;
const START_TIMEOUT_MS = 30_000;
/** How long after its first 200 a server may still announce its probe (it is loaded before the app, so ~0). */
const PROBE_READY_GRACE_MS = 1_000;
/** Extra time the worker gets beyond a round's duration before the call fails. */
const WORKER_SLACK_MS = 60_000;
const LISTENING = /listening on http:\/\/127\.0\.0\.1:(\d+)/;

export { probePreloadUrl };

/** How to start one contestant. `probe`: with the probe preloaded (by `--import` in args or NODE_OPTIONS) and an IPC channel. */
export interface Launch {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  probe: boolean;
}

export interface Server {
  child: ChildProcess;
  pid: number;
  port: number;
  call: IpcCall | undefined;
  probeReady(): boolean;
  output(): string;
  stop(): Promise<void>;
}

/** This environment for a measured server: PORT=0, no NODE_OPTIONS / NODE_EXTRA_CA_CERTS / LOG_LEVEL (the app's default: warn), plus `extra`. */
export function serverEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0' };
  for (const name of ['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'LOG_LEVEL']) delete env[name];
  return { ...env, ...extra };
}

/** `command args…` pinned to `cpu` (null: not pinned). */
function pinned(command: string, args: string[], cpu: number | null): [string, string[]] {
  return cpu === null ? [command, args] : ['taskset', ['-c', String(cpu), command, ...args]];
}

/** Starts `launch` pinned to `cpu`, learns its port from its "listening on" line, waits for GET /health 200. */
export async function startServer(launch: Launch, cpu: number | null): Promise<Server> {
  const [command, args] = pinned(launch.command, launch.args, cpu);
  const child = spawnTracked(command, args, { cwd: launch.cwd, env: launch.env, stdio: ['ignore', 'pipe', 'pipe', ...(launch.probe ? ['ipc' as const] : [])] });
  let output = '';
  let ready = false;
  let exited: string | undefined;
  child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk).slice(-4_000)));
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk).slice(-4_000)));
  child.on('message', (message: { hotpath?: string }) => (ready ||= message?.hotpath === 'probe:ready'));
  child.once('exit', (code, signal) => (exited = `exited with ${signal ?? `code ${code}`}`));
  child.once('error', (error) => (exited = `could not start: ${error.message}`));
  const server: Server = {
    child,
    pid: child.pid ?? -1,
    port: 0,
    call: launch.probe ? ipc(child) : undefined,
    probeReady: () => ready,
    output: () => output.trim(),
    stop: () => stopProcess(child),
  };
  const deadline = performance.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited) throw new Error(`${[launch.command, ...launch.args].join(' ')} ${exited} before answering GET /health\n${output.trim()}`);
    if (performance.now() > deadline) {
      await server.stop();
      throw new Error(`${launch.command} did not answer GET /health 200 within ${START_TIMEOUT_MS} ms\n${output.trim()}`);
    }
    server.port ||= Number(LISTENING.exec(output)?.[1] ?? 0);
    if (server.port && (await httpStatus(server.port, '/health').catch(() => 0)) === 200) return server;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * The harness's probe as one plain CommonJS file, for `--require` (a Node 20 single executable ignores
 * `--import` in NODE_OPTIONS and cannot start tsx's hooks thread): the harness bundles it once
 * (shared/harness/src/probe-bundle.ts) into the OS temp folder.
 */
export async function bundleProbe(): Promise<string> {
  return bundledProbe();
}

/** V8's complaint when the flags differ from those the code cache was made with: the binary would not run as shipped. */
const CODE_CACHE_REJECTED = 'Code cache data rejected';

/**
 * Does `binary` load the probe with NODE_OPTIONS=`nodeOptions` and answer over IPC? Starts it once that way
 * and asks the probe for a window. Answers the verdict and what was seen.
 */
export async function binaryTakesProbe(binary: string, cwd: string, nodeOptions: string): Promise<{ nodeOptions: string; works: boolean; detail: string }> {
  let server: Server | undefined;
  const verdict = (works: boolean, detail: string) => ({ nodeOptions, works, detail });
  try {
    server = await startServer({ command: binary, args: [], cwd, env: serverEnv({ NODE_OPTIONS: nodeOptions }), probe: true }, null);
    const until = performance.now() + PROBE_READY_GRACE_MS;
    while (!server.probeReady() && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (!server.probeReady()) return verdict(false, `the binary served the API, but no probe announced itself over IPC within ${PROBE_READY_GRACE_MS} ms`);
    await server.call!({ hotpath: 'window:start' }, 5_000);
    const { window } = (await server.call!({ hotpath: 'window:stop' }, 5_000)) as { window: ProbeWindow };
    if (server.output().includes(CODE_CACHE_REJECTED))
      return verdict(false, `the probe loaded, but V8 rejected the binary's code cache (${CODE_CACHE_REJECTED})`);
    return verdict(true, `the probe announced itself over IPC and answered a window (${window.requests} requests); code cache accepted`);
  } catch (error) {
    return verdict(
      false,
      `it failed: ${String((error as Error)?.message ?? error)
        .split('\n')
        .slice(0, 3)
        .join(' | ')}`,
    );
  } finally {
    await server?.stop();
  }
}

export interface Worker {
  child: ChildProcess;
  call: IpcCall;
  stop(): Promise<void>;
}

/** The harness's load worker, pinned to `cpu`; resolves once it said it is ready. */
export async function startWorker(cpu: number | null): Promise<Worker> {
  const [command, args] = nodeCommand([LOAD_WORKER], cpu);
  const child = spawnTracked(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`load worker exited with code ${code}`)));
  });
  return { child, call: ipc(child), stop: () => stopProcess(child) };
}

/** One round's figures. Heap and GC figures are null for a server without the probe. */
export interface Round {
  rps: number;
  responses: number;
  p50Us: number;
  p99Us: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Probe window: heap bytes allocated (GC-accounted) per finished request, collections, requests seen. */
  heapBytesPerRequest: number | null;
  gcCount: number | null;
  probeRequests: number | null;
  /** VmRSS and VmHWM of the server from /proc right after the round. */
  rssBytes: number | null;
  peakRssBytes: number | null;
  serverCpus: number | null;
  loadGeneratorCpus: number | null;
  otherCpus: number | null;
  retried: boolean;
  noisy: boolean;
}

function procBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Load for `durationSec` on a running server, with the probe's window around it when the server has one. */
export async function loadRound(
  server: Server,
  worker: Worker,
  scenario: Scenario,
  durationSec: number,
  connections: number,
): Promise<Omit<Round, 'retried' | 'noisy'>> {
  await server.call?.({ hotpath: 'window:start' });
  const cpu0 = machineCpu();
  const own0 = process.cpuUsage();
  const server0 = processCpu(server.pid);
  const worker0 = processCpu(worker.child.pid!);
  const body = scenario.body === undefined ? undefined : Buffer.from(scenario.body as Uint8Array | string);
  const { result: r } = await worker.call(
    {
      cmd: 'run',
      url: `http://127.0.0.1:${server.port}`,
      method: scenario.method,
      path: scenario.path,
      headers: scenario.headers ?? {},
      bodyBase64: body?.toString('base64'),
      connections,
      durationSec,
    },
    durationSec * 1000 + WORKER_SLACK_MS,
  );
  const cpu1 = machineCpu();
  const own = process.cpuUsage(own0);
  const server1 = processCpu(server.pid);
  const worker1 = processCpu(worker.child.pid!);
  const rssBytes = procBytes(server.pid, 'VmRSS');
  const peakRssBytes = procBytes(server.pid, 'VmHWM');
  const window = server.call ? ((await server.call({ hotpath: 'window:stop' })) as { window: ProbeWindow }).window : undefined;
  const wall = r.durationSec as number;
  const serverCpus = server0 !== undefined && server1 !== undefined ? (server1 - server0) / wall : null;
  const loadGeneratorCpus = worker0 !== undefined && worker1 !== undefined ? (worker1 - worker0) / wall : null;
  let otherCpus: number | null = null;
  if (cpu0 && cpu1 && serverCpus !== null && loadGeneratorCpus !== null) {
    otherCpus = Math.max(0, (cpu1.busy - cpu0.busy) / wall - serverCpus - loadGeneratorCpus - (own.user + own.system) / 1e6 / wall);
  }
  return {
    rps: r.rps,
    responses: r.responses,
    p50Us: r.latencyMs.p50 * 1000,
    p99Us: r.latencyMs.p99 * 1000,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    heapBytesPerRequest: window ? window.heapBytesPerRequest : null,
    gcCount: window ? window.gcCount : null,
    probeRequests: window ? window.requests : null,
    rssBytes,
    peakRssBytes,
    serverCpus,
    loadGeneratorCpus,
    otherCpus,
  };
}

/** A fresh server of `launch` on `cpu`: warm-up (discarded), one measured round (retried once when noisy), stopped. */
export async function freshServerRound(
  launch: Launch,
  cpu: number | null,
  worker: Worker,
  scenario: Scenario,
  timing: { warmupSec: number; durationSec: number; connections: number },
  onNoise: (otherCpus: number) => void,
): Promise<Round> {
  const server = await startServer(launch, cpu);
  try {
    if (timing.warmupSec > 0) await loadRound(server, worker, scenario, timing.warmupSec, timing.connections);
    const first = await loadRound(server, worker, scenario, timing.durationSec, timing.connections);
    if (first.otherCpus === null || first.otherCpus <= NOISE_CPUS) return { ...first, retried: false, noisy: false };
    onNoise(first.otherCpus);
    const again = await loadRound(server, worker, scenario, timing.durationSec, timing.connections);
    return { ...again, retried: true, noisy: again.otherCpus !== null && again.otherCpus > NOISE_CPUS };
  } finally {
    await server.stop();
  }
}
