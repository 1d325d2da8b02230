/**
 * Load on loopback: autocannon in a worker process pinned to one CPU; for every measured round a fresh
 * server of the subject (with the probe preloaded) pinned to the other CPU, warmed up, measured, stopped —
 * rounds interleaved A B, B A, … (three subjects rotate: A B C, B C A, C A B, …; a checkpoint's peers with a
 * package folder are contestants like the subjects, after them: A B C D, B C D A, …). Only the measured server
 * runs: an idle server sharing the CPU (its GC, its memory reducer) cannot slow the one under load, and
 * the median is taken over server processes, so one process landing in a slow state (JIT, heap layout)
 * moves it less. Each round pairs autocannon's figures (RPS, latency from per-response timings) with the
 * probe's window (heap and ArrayBuffer bytes and GCs per request, RSS, app stats). A server that cannot carry
 * the probe (`serve.probe: false`: Bun) runs without it, and its round records RSS from /proc instead. A
 * contestant may take part in some scenarios only (`scenarios`). Rounds where other processes used the CPU
 * are retried once. Medians over rounds are reported (src/load-summary.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { NOISE_CPUS, otherCpusOf } from './busy.ts';
import { ipc, type IpcCall } from './ipc.ts';
import { addAppFigures, flagLine, summarise, type ScenarioSummary } from './load-summary.ts';
import type { ServeCommand } from './define.ts';
import type { ProbeWindow } from './probe.ts';
import { bodyBytes, type Scenario } from './scenarios.ts';
import { procStatusBytes } from './gc.ts';
import { choosePinning, machineCpu, nodeCommand, processCpu, spawnTracked, startServer, stopProcess, type Pinning, type RunningServer } from './server.ts';
import { median, turnOrder } from './stats.ts';

export type { ArrayBufferBasis, ScenarioSummary } from './load-summary.ts';

export interface LoadSubject {
  /** Results key: a subject key, or `peer:<name>` for a peer with a package folder. */
  key: string;
  dir: string;
  /** Started by this command instead of the kit's launcher (see ServeCommand). */
  serve?: ServeCommand;
  /** Another runtime's node binary (`--runtime`), instead of this process's: see StartOptions.node. */
  node?: string;
  /** The scenarios (by name) it takes part in; default every one. */
  scenarios?: readonly string[];
}

export interface LoadOptions {
  rounds: number;
  durationSec: number;
  warmupSec: number;
  connections: number;
  pin?: boolean;
  /** Progress callback: one line per step. */
  onStep?: (line: string) => void;
  /** Retry a round once when other processes used more than this many CPUs during it (default 0.25). */
  noiseCpus?: number;
}

export interface LoadRound {
  rps: number;
  responses: number;
  latencyUs: { mean: number; p50: number; p90: number; p99: number; p999: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** The probe's window; null for a server started without the probe (see `proc`). */
  probe: ProbeWindow | null;
  /** Without the probe: the server's RSS (VmRSS) and peak RSS (VmHWM) from /proc at the end of the round. */
  proc?: { rssBytes: number | null; peakRssBytes: number | null };
  /** CPUs' worth of time the server and the load generator used during the round (1 = one busy core). */
  serverCpus: number | null;
  loadGeneratorCpus: number | null;
  /** CPUs' worth of time used by other processes during the round. */
  otherCpus: number | null;
  noisy: boolean;
  retried: boolean;
}

export interface LoadScenarioResult {
  name: string;
  method: string;
  path: string;
  bodyBytes: number;
  expect: '2xx' | 'any';
  /** The non-2xx status the scenario's definition expects (e.g. 404 for a floor); absent when it names none. */
  expectStatus?: number;
  results: Record<string, ScenarioSummary>;
}

export interface LoadResult {
  config: { rounds: number; durationSec: number; warmupSec: number; connections: number };
  pinning: Pinning;
  scenarios: LoadScenarioResult[];
  failures: string[];
  warnings: string[];
}

const workerFile = fileURLToPath(new URL('./load-worker.mjs', import.meta.url));

async function startWorker(cpu: number | null): Promise<{ child: ChildProcess; call: IpcCall }> {
  const [command, args] = nodeCommand([workerFile], cpu);
  const child = spawnTracked(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`load worker exited with code ${code}`)));
  });
  return { child, call: ipc(child) };
}

interface SubjectServer {
  subject: LoadSubject;
  server: RunningServer;
  /** The probe's channel; undefined for a server started without it. */
  call: IpcCall | undefined;
}

async function oneRound(
  target: SubjectServer,
  worker: { child: ChildProcess; call: IpcCall },
  scenario: Scenario,
  durationSec: number,
  connections: number,
): Promise<Omit<LoadRound, 'noisy' | 'retried'>> {
  await target.call?.({ hotpath: 'window:start' });
  const cpu0 = machineCpu();
  const own0 = process.cpuUsage();
  const server0 = processCpu(target.server.pid);
  const worker0 = worker.child.pid ? processCpu(worker.child.pid) : undefined;
  const body = scenario.body === undefined ? undefined : Buffer.from(scenario.body as Uint8Array | string);
  const reply = await worker.call(
    {
      cmd: 'run',
      url: `http://127.0.0.1:${target.server.port}`,
      method: scenario.method,
      path: scenario.path,
      headers: scenario.headers ?? {},
      bodyBase64: body?.toString('base64'),
      connections,
      durationSec,
    },
    (durationSec + 60) * 1000,
  );
  const cpu1 = machineCpu();
  const own = process.cpuUsage(own0);
  const server1 = processCpu(target.server.pid);
  const worker1 = worker.child.pid ? processCpu(worker.child.pid) : undefined;
  const window = target.call ? ((await target.call({ hotpath: 'window:stop' })) as { window: ProbeWindow }).window : null;
  const proc = window
    ? undefined
    : { rssBytes: procStatusBytes(target.server.pid, 'VmRSS') ?? null, peakRssBytes: procStatusBytes(target.server.pid, 'VmHWM') ?? null };
  const wall = reply.result.durationSec as number;
  const serverCpus = server0 !== undefined && server1 !== undefined ? (server1 - server0) / wall : null;
  const loadGeneratorCpus = worker0 !== undefined && worker1 !== undefined ? (worker1 - worker0) / wall : null;
  // The server and the load generator (pinned on the other core) are the run's own: only the rest is "other".
  const otherCpus = otherCpusOf(cpu0 && cpu1 ? cpu1.busy - cpu0.busy : null, wall, [serverCpus, loadGeneratorCpus, (own.user + own.system) / 1e6 / wall]);
  const r = reply.result;
  const us = (ms: number) => ms * 1000;
  return {
    rps: r.rps,
    responses: r.responses,
    latencyUs: {
      mean: us(r.latencyMs.mean),
      p50: us(r.latencyMs.p50),
      p90: us(r.latencyMs.p90),
      p99: us(r.latencyMs.p99),
      p999: us(r.latencyMs.p999),
      max: us(r.latencyMs.max),
    },
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes: r.statusCodes,
    probe: window,
    ...(proc ? { proc } : {}),
    serverCpus,
    loadGeneratorCpus,
    otherCpus,
  };
}

/** Runs every scenario against every subject, interleaved, and returns the medians. */
export async function runLoad(subjects: readonly LoadSubject[], scenarios: readonly Scenario[], options: LoadOptions): Promise<LoadResult> {
  const step = options.onStep ?? (() => {});
  const pinning = choosePinning(options.pin ?? true);
  const failures: string[] = [];
  const warnings: string[] = [];
  let worker: { child: ChildProcess; call: IpcCall } | undefined;
  const result: LoadResult = {
    config: { rounds: options.rounds, durationSec: options.durationSec, warmupSec: options.warmupSec, connections: options.connections },
    pinning,
    scenarios: [],
    failures,
    warnings,
  };
  /** A fresh server of `subject`, warmed up on `scenario`, then `measure(server)`, then stopped. */
  const withFreshServer = async <T>(subject: LoadSubject, scenario: Scenario, measure: (s: SubjectServer) => Promise<T>): Promise<T> => {
    const probe = subject.serve?.probe !== false;
    const server = await startServer({ dir: subject.dir, serve: subject.serve, node: subject.node, cpu: pinning.serverCpu, probe });
    const s: SubjectServer = { subject, server, call: probe ? ipc(server.child) : undefined };
    try {
      if (options.warmupSec > 0) await oneRound(s, worker!, scenario, options.warmupSec, options.connections);
      return await measure(s);
    } finally {
      await server.stop();
    }
  };
  try {
    worker = await startWorker(pinning.loadCpu);
    const noiseLimit = options.noiseCpus ?? NOISE_CPUS;
    for (const scenario of scenarios) {
      const entry: LoadScenarioResult = {
        name: scenario.name,
        method: scenario.method,
        path: scenario.path,
        bodyBytes: bodyBytes(scenario),
        expect: scenario.expect ?? '2xx',
        ...(scenario.expectStatus === undefined ? {} : { expectStatus: scenario.expectStatus }),
        results: {},
      };
      const contestants = subjects.filter((subject) => !subject.scenarios || subject.scenarios.includes(scenario.name));
      const rounds = new Map<string, LoadRound[]>(contestants.map((subject) => [subject.key, []]));
      for (let r = 0; r < options.rounds; r++) {
        for (const subject of turnOrder(contestants, r)) {
          step(
            `load: ${scenario.name} round ${r + 1}/${options.rounds} ${subject.key} (fresh server${options.warmupSec > 0 ? `, ${options.warmupSec} s warm-up` : ''}, ${options.durationSec} s)`,
          );
          const round = await withFreshServer(subject, scenario, async (s) => {
            let measured: LoadRound = { ...(await oneRound(s, worker!, scenario, options.durationSec, options.connections)), noisy: false, retried: false };
            if (measured.otherCpus !== null && measured.otherCpus > noiseLimit) {
              step(`load: other processes used ${measured.otherCpus.toFixed(2)} CPUs during the round; retrying it once`);
              const again = await oneRound(s, worker!, scenario, options.durationSec, options.connections);
              measured = { ...again, noisy: again.otherCpus !== null && again.otherCpus > noiseLimit, retried: true };
              if (measured.noisy) warnings.push(`${scenario.name} (${subject.key}): a round stayed noisy (${measured.otherCpus?.toFixed(2)} other CPUs)`);
            }
            return measured;
          });
          rounds.get(subject.key)!.push(round);
        }
      }
      for (const subject of contestants) {
        const summary = summarise(rounds.get(subject.key)!, scenario.expectStatus);
        entry.results[subject.key] = summary;
        const generator = median(summary.rounds.map((r) => r.loadGeneratorCpus ?? 0));
        if (generator > 0.9) {
          warnings.push(
            `${scenario.name} (${subject.key}): autocannon used ${(generator * 100).toFixed(0)} % of its CPU, so RPS may be capped by the load generator rather than the server`,
          );
        }
        const flag = flagLine(entry, subject.key, summary);
        if (flag) (entry.expect === '2xx' ? failures : warnings).push(flag);
      }
      result.scenarios.push(entry);
    }
    // The app's own share: subtract the constant route measured on the same servers.
    addAppFigures(result.scenarios);
  } finally {
    if (worker) await stopProcess(worker.child);
  }
  return result;
}
