/**
 * The micro worker: a child process on another runtime (`hotpath-bench --runtime`) that loads the same
 * checkpoint definition for the same subjects and runs their micro tasks and the definition's peers with the
 * harness's own sampler (localContestant), one round at a time as the parent asks over IPC — so its rounds
 * take turns with the parent's in the same loop (src/runtime-micro.ts is the parent's side). Started by
 * src/micro-worker-entry.mjs, which loads TypeScript first.
 *
 * Requests (each with an `id`, answered with the same `id`, or `{ id, error }`):
 *   { cmd: 'init', checkpointFile, subjects, peerBaseDir } → { runtime, tasks: [{ name, keys, inputBytes? }] }
 *   { cmd: 'prepare', name, keys, quick }                   → {}   (compiles and sizes the batch loops)
 *   { cmd: 'round', name, key, r }                          → {}   (one timing round)
 *   { cmd: 'finish', name, key }                            → { result: MicroResult }
 */
import { pathToFileURL } from 'node:url';
import { asCheckpoint, checkPeers, type CheckpointDefinition } from './define.ts';
import { microContestants } from './micro-section.ts';
import { localContestant, type LocalContestant, type MicroResult, type MicroTask } from './micro.ts';
import type { SubjectInfo } from './report.ts';
import { primaryRuntime, runtimeRecord } from './runtime-info.ts';
import { loadSubject } from './subjects.ts';

type Request = { id: number; cmd: string; [field: string]: unknown };

const tasks = new Map<string, Map<string, MicroTask>>();
const prepared = new Map<string, LocalContestant>();

async function init(checkpointFile: string, subjects: SubjectInfo[], peerBaseDir: string) {
  const checkpoint = asCheckpoint((await import(pathToFileURL(checkpointFile).href)).default, checkpointFile);
  const definitions = new Map<string, CheckpointDefinition>();
  for (const info of subjects) definitions.set(info.key, await checkpoint.define(await loadSubject(info)));
  const peers = checkPeers(definitions.get('subject')?.peers, peerBaseDir);
  for (const c of microContestants(subjects, definitions, peers)) {
    for (const task of c.micro) {
      const byKey = tasks.get(task.name) ?? new Map<string, MicroTask>();
      byKey.set(c.key, task);
      tasks.set(task.name, byKey);
    }
  }
  return {
    runtime: runtimeRecord(primaryRuntime()),
    tasks: [...tasks].map(([name, byKey]) => {
      const inputBytes = [...byKey.values()].find((t) => t.inputBytes !== undefined)?.inputBytes;
      return { name, keys: [...byKey.keys()], ...(inputBytes === undefined ? {} : { inputBytes }) };
    }),
  };
}

async function handle(message: Request): Promise<Record<string, unknown>> {
  const id = (name: unknown, key: unknown) => `${String(name)}\n${String(key)}`;
  switch (message.cmd) {
    case 'init':
      return init(message.checkpointFile as string, message.subjects as SubjectInfo[], message.peerBaseDir as string);
    case 'prepare': {
      const byKey = tasks.get(message.name as string);
      for (const key of message.keys as string[]) {
        const task = byKey?.get(key);
        if (!task) throw new Error(`no micro task ${String(message.name)} for ${key}`);
        prepared.set(id(message.name, key), localContestant(key, task, { quick: Boolean(message.quick) }));
      }
      return {};
    }
    case 'round':
      await prepared.get(id(message.name, message.key))!.round(message.r as number);
      return {};
    case 'finish': {
      const result: MicroResult = await prepared.get(id(message.name, message.key))!.finish();
      prepared.delete(id(message.name, message.key));
      return { result };
    }
    default:
      throw new Error(`unknown request ${message.cmd}`);
  }
}

// One request at a time, in order: the parent waits for each answer anyway.
let queue = Promise.resolve();
process.on('message', (message: Request) => {
  queue = queue.then(async () => {
    try {
      process.send!({ ...(await handle(message)), id: message.id });
    } catch (error) {
      process.send!({ id: message.id, error: (error as Error).stack ?? String(error) });
    }
  });
});
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true });
