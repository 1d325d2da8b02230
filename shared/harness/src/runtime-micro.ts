/**
 * The parent's side of the micro worker (src/micro-worker.ts): starts it on another runtime's binary with the
 * harness's V8 flags (gc() and the 64 MiB young generation that bytes-per-op windows need), has it load the
 * checkpoint definition for the same subjects, and hands the micro section contestants that forward each
 * timing round to it — so the runtimes take turns round by round (A B A' B', B' A B A', …). Its results are
 * keyed `<key>@<runtime id>`. A worker that fails loses its contestants (a failure line), never the run.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { ipc, type IpcCall } from './ipc.ts';
import type { RemoteMicro } from './micro-section.ts';
import type { MicroContestant, MicroOptions, MicroResult } from './micro.ts';
import type { SubjectInfo } from './report.ts';
import { keyOn, type MeasuredRuntime, type RuntimeRecord } from './runtime-info.ts';
import { spawnTracked, stopProcess } from './server.ts';

export const microWorkerEntry: string = fileURLToPath(new URL('./micro-worker-entry.mjs', import.meta.url));

/** The V8 flags the harness itself runs with (bin/hotpath-bench.js). */
export const MICRO_V8_FLAGS: readonly string[] = ['--expose-gc', '--max-semi-space-size=64', '--min-semi-space-size=64'];

interface WorkerTask {
  name: string;
  keys: string[];
  inputBytes?: number;
}

export interface RuntimeMicroWorker extends RemoteMicro {
  runtime: MeasuredRuntime;
  /** What the worker says it runs on (checked against the runtime asked for). */
  reported: RuntimeRecord;
  /** Why it stopped measuring, once it has. */
  failure(): string | undefined;
  stop(): Promise<void>;
}

/**
 * Starts the worker on `runtime` and loads the definition in it. Rejects (with the worker's stderr) when it
 * cannot start or the definition fails there.
 */
export async function startRuntimeMicro(
  runtime: MeasuredRuntime,
  init: { checkpointFile: string; subjects: readonly SubjectInfo[]; peerBaseDir: string; cwd: string },
): Promise<RuntimeMicroWorker> {
  const flags = runtime.kind === 'bun' ? [] : [...MICRO_V8_FLAGS];
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  // The files it will import, for its choice of TypeScript loader (src/micro-worker-entry.mjs).
  const entries = [...init.subjects.map((s) => join(s.dir, 'src', 'app.ts')), init.checkpointFile];
  const child: ChildProcess = spawnTracked(runtime.path, [...flags, microWorkerEntry, ...entries], {
    cwd: init.cwd,
    env,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json',
  });
  let tail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-4_000);
  });
  const what = `micro worker on ${runtime.label}`;
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code, signal) => reject(new Error(`${what} exited with ${signal ?? `code ${code}`} before it was ready\n${tail.trim()}`)));
    child.once('error', (error) => reject(new Error(`${what} could not start: ${error.message}`)));
  });
  const call: IpcCall = ipc(child);
  let reply: { runtime: RuntimeRecord; tasks: WorkerTask[] };
  try {
    reply = await call({ cmd: 'init', checkpointFile: init.checkpointFile, subjects: init.subjects, peerBaseDir: init.peerBaseDir }, 120_000);
  } catch (error) {
    await stopProcess(child);
    throw new Error(`${what}: loading the checkpoint definition failed: ${(error as Error).message}\n${tail.trim()}`.trim());
  }
  let failed: string | undefined;
  const fail = (error: unknown) => {
    failed ??= `${what} failed: ${(error as Error).message}${tail.trim() ? `\n${tail.trim()}` : ''}`;
  };
  const byName = new Map(reply.tasks.map((t) => [t.name, t]));
  const contestant = (name: string, key: string): MicroContestant => ({
    key: keyOn(key, runtime.id),
    round: async (r) => {
      if (failed) return;
      await call({ cmd: 'round', name, key, r }, 300_000).catch(fail);
    },
    finish: async () => {
      if (failed) return null;
      const answer = (await call({ cmd: 'finish', name, key }, 300_000).catch(fail)) as { result: MicroResult } | undefined;
      return answer?.result ?? null;
    },
  });
  return {
    runtime,
    reported: reply.runtime,
    failure: () => failed,
    names: () => reply.tasks.map((t) => t.name),
    inputBytes: (name) => byName.get(name)?.inputBytes,
    contestants: async (name: string, options: MicroOptions) => {
      const task = byName.get(name);
      if (!task || failed) return [];
      try {
        await call({ cmd: 'prepare', name, keys: task.keys, quick: Boolean(options.quick) }, 120_000);
      } catch (error) {
        // A task that throws on this runtime loses its contestants here; the others still run.
        throw new Error(`on ${runtime.label}: ${(error as Error).message.split('\n')[0]}`);
      }
      return task.keys.map((key) => contestant(name, key));
    },
    pids: () => (child.pid === undefined ? [] : [child.pid]),
    stop: async () => {
      await stopProcess(child);
    },
  };
}
