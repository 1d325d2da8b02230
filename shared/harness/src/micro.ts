/**
 * Micro-benchmarks: tinybench timing plus heap bytes per call for each task.
 *
 * Sub-microsecond functions cannot be timed one call at a time (a timer read costs tens of nanoseconds), so
 * each tinybench sample times a batch of calls sized to take about 20 µs; ns/op is the batch mean divided by
 * the batch size, and the median over a few timing rounds in which the subjects take turns. The same
 * function then goes through measureBytesPerOp for its allocation. A task that says how many input bytes one
 * call processes (`inputBytes`) also gets its throughput, in MB/s.
 */
import { Bench } from 'tinybench';
import { measureBytesPerOp, type BytesPerOp } from './bytes-per-op.ts';
import { median, turnOrder } from './stats.ts';

export interface MicroTask {
  name: string;
  /** One operation. Receives a running counter; its result is kept so the work is not optimised away. */
  fn: (i: number) => unknown;
  /**
   * Input bytes one call processes (e.g. 65536 for a parser reading a 64 KiB body), for its throughput:
   * `mbPerSec` in the result. Optional; must be a positive number.
   */
  inputBytes?: number;
}

export interface MicroOptions {
  /** Shorter sampling: 3 rounds of 100 ms per task instead of 5 of 400 ms. */
  quick?: boolean;
  /** Override tinybench's time budget per round, in ms. */
  timeMs?: number;
  /** Skip the bytes/op measurement. */
  skipBytes?: boolean;
}

export interface MicroResult {
  name: string;
  /** Operations per second (1e9 / nsPerOp). */
  hz: number;
  /** Mean time of one call, in nanoseconds. */
  nsPerOp: number;
  /** Relative margin of error of the mean at 95 %, in percent (tinybench's rme, median over rounds). */
  rme: number;
  /** Timed samples (batches), all rounds together. */
  samples: number;
  /** Timing rounds; nsPerOp is their median. */
  rounds: number;
  /** Calls per sample. */
  batch: number;
  /** Heap bytes allocated per call (median of GC-free windows), or null when skipped. */
  bytesPerOp: number | null;
  /** ± of bytesPerOp, B/op. */
  bytesPrecision: number | null;
  /** ArrayBuffer bytes per call (Buffer contents are not on the V8 heap). */
  arrayBuffersPerOp: number | null;
  bytes: BytesPerOp | null;
  /**
   * Throughput: the task's `inputBytes` / nsPerOp × 1000, in MB/s (1 MB = 10^6 B). Present only when the
   * task gives `inputBytes`; absent in results written before it existed.
   */
  mbPerSec?: number;
  /** The id of the runtime it ran on (`node20`, `node26`; see the result's `runtime` and `runtimes`). */
  runtime?: string;
}

/** One micro task of a run: its name, its input bytes per call when given, the results by subject or peer key. */
export interface MicroTaskEntry {
  name: string;
  /** The task's `inputBytes` (absent when no contestant gives it; the first contestant's when they disagree). */
  inputBytes?: number;
  results: Record<string, MicroResult>;
  /**
   * CPUs' worth of time other processes used while the task was measured (all its contestants' rounds and
   * bytes per call; null without /proc), and whether that was above NOISE_CPUS (src/busy.ts). Absent in
   * results written before they existed.
   */
  otherCpus?: number | null;
  noisy?: boolean;
}

/** A usable `inputBytes`: a finite number above 0. */
export function isInputBytes(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** Throughput in MB/s (decimal: 1 MB = 10^6 B) of a call that reads `inputBytes` in `nsPerOp`; null when unknown. */
export function throughputMbPerSec(inputBytes: number | undefined, nsPerOp: number): number | null {
  if (!isInputBytes(inputBytes) || !Number.isFinite(nsPerOp) || nsPerOp <= 0) return null;
  // bytes per ns × 10^9 ns/s / 10^6 B/MB
  return (inputBytes / nsPerOp) * 1000;
}

const sink: { value: unknown } = { value: undefined };
let serial = 0;

/**
 * A fresh loop of `n` calls per task and subject, compiled from its own source: closures made from one shared
 * literal would share type feedback and optimised code, so the second task measured would run a
 * polymorphic, slower call than the first.
 */
function makeRunner(fn: (i: number) => unknown): (n: number) => void {
  const source = `/* hotpath micro runner ${++serial} */
    let i = 0;
    return function runCalls(n) {
      for (let k = 0; k < n; k++) { i = (i + 1) & 0x3fffffff; sink.value = fn(i); }
    };`;
  return new Function('fn', 'sink', source)(fn, sink) as (n: number) => void;
}

/** Calls per sample so that one sample lasts about `targetNs` (each size timed 3 times, fastest kept). */
function batchSize(runCalls: (n: number) => void, targetNs = 20_000): number {
  runCalls(2_000);
  for (let calls = 1; ; calls *= 4) {
    let ns = Infinity;
    for (let attempt = 0; attempt < 3; attempt++) {
      const t0 = process.hrtime.bigint();
      runCalls(calls);
      ns = Math.min(ns, Number(process.hrtime.bigint() - t0));
    }
    if (ns >= targetNs / 4 || calls >= 1 << 20) {
      return Math.max(1, Math.min(100_000, Math.round((calls * targetNs) / Math.max(ns, 1))));
    }
  }
}

interface Prepared {
  task: MicroTask;
  batch: number;
  run: () => void;
  means: number[];
  rmes: number[];
  samples: number;
}

async function timeRound(p: Prepared, timeMs: number, warmupMs: number): Promise<void> {
  const bench = new Bench({ time: timeMs, warmupTime: warmupMs, iterations: 16, throws: true });
  bench.add(p.task.name, p.run);
  await bench.run();
  const [task] = bench.tasks;
  const result = task?.result as { state: string; latency?: { mean: number; rme: number; samplesCount: number }; error?: Error } | undefined;
  if (result?.state !== 'completed' || !result.latency) {
    throw result?.error ?? new Error(`Micro task ${p.task.name} did not complete (${result?.state ?? 'no result'})`);
  }
  p.means.push((result.latency.mean * 1e6) / p.batch);
  p.rmes.push(result.latency.rme);
  p.samples += result.latency.samplesCount;
}

/**
 * One contestant of an interleaved micro task: its timing rounds and its final result. Local contestants run
 * in this process (`localContestant`); a contestant on another runtime forwards the same calls to a child
 * process (src/runtime-micro.ts), so both take turns in the same rounds.
 */
export interface MicroContestant {
  key: string;
  /** Times one round; round 0 warms up longer. */
  round(r: number): Promise<void>;
  /** The result: median ns/op over the rounds, then bytes per call; null when it could not run (a lost child). */
  finish(): Promise<MicroResult | null>;
}

/** A contestant in this process always has a result. */
export interface LocalContestant extends MicroContestant {
  finish(): Promise<MicroResult>;
}

/** Sampling settings derived from the options: rounds, round length, warm-ups. */
export function microPlan(options: MicroOptions = {}): { rounds: number; timeMs: number; warmupMs: (r: number) => number } {
  return {
    rounds: options.quick ? 3 : 5,
    timeMs: options.timeMs ?? (options.quick ? 100 : 400),
    warmupMs: (r) => (r === 0 ? (options.quick ? 100 : 250) : 20),
  };
}

/** A contestant in this process: its own compiled batch loop, sized now. */
export function localContestant(key: string, task: MicroTask, options: MicroOptions = {}): LocalContestant {
  const runCalls = makeRunner(task.fn);
  const batch = batchSize(runCalls);
  const p: Prepared = { task, batch, run: () => runCalls(batch), means: [], rmes: [], samples: 0 };
  const plan = microPlan(options);
  return {
    key,
    round: (r) => timeRound(p, plan.timeMs, plan.warmupMs(r)),
    finish: async () => {
      sink.value = undefined;
      const nsPerOp = median(p.means);
      const throughput = throughputMbPerSec(p.task.inputBytes, nsPerOp);
      const bytes = options.skipBytes ? null : measureBytesPerOp(p.task.fn, { maxWindowMs: options.quick ? 100 : 250, warmupMs: options.quick ? 30 : 60 });
      return {
        name: p.task.name,
        hz: nsPerOp > 0 ? 1e9 / nsPerOp : 0,
        nsPerOp,
        rme: median(p.rmes),
        samples: p.samples,
        batch: p.batch,
        rounds: p.means.length,
        bytesPerOp: bytes ? bytes.bytesPerOp : null,
        bytesPrecision: bytes ? bytes.precision : null,
        arrayBuffersPerOp: bytes ? bytes.arrayBuffersPerOp : null,
        bytes,
        ...(throughput === null ? {} : { mbPerSec: throughput }),
      };
    },
  };
}

/**
 * Runs contestants of one task name: they take turns, rotating the order each round (A B, B A, … for two;
 * A B C, B C A, C A B, … for three) so drift hits all of them alike; ns/op is the median of the rounds.
 * Then bytes per call for each, in order.
 */
export async function runContestants(contestants: readonly MicroContestant[], options: MicroOptions = {}): Promise<Record<string, MicroResult>> {
  const { rounds } = microPlan(options);
  for (let r = 0; r < rounds; r++) {
    for (const c of turnOrder(contestants, r)) await c.round(r);
  }
  const results: Record<string, MicroResult> = {};
  for (const c of contestants) {
    const result = await c.finish();
    if (result) results[c.key] = result;
  }
  return results;
}

/**
 * Runs the same-named task of several subjects in this process, interleaved (see runContestants). All batch
 * loops are compiled and sized before the first round.
 */
export async function runMicroInterleaved(tasks: Record<string, MicroTask>, options: MicroOptions = {}): Promise<Record<string, MicroResult>> {
  const contestants = Object.keys(tasks).map((key) => localContestant(key, tasks[key]!, options));
  return runContestants(contestants, options);
}

/** Runs one task on its own. */
export async function runMicroTask(task: MicroTask, options: MicroOptions = {}): Promise<MicroResult> {
  const { only } = await runMicroInterleaved({ only: task }, options);
  if (!only) throw new Error(`Micro task ${task.name} gave no result`);
  return only;
}

/** Runs tasks one after the other. */
export async function runMicro(tasks: readonly MicroTask[], options: MicroOptions = {}): Promise<MicroResult[]> {
  const results: MicroResult[] = [];
  for (const task of tasks) results.push(await runMicroTask(task, options));
  return results;
}
