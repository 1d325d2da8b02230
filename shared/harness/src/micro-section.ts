/**
 * The micro section of a checkpoint run: every micro task name that a subject's definition or a peer defines,
 * each measured in one runMicroInterleaved call with the subjects' and the peers' same-named tasks taking
 * turns. Subjects' results are keyed by subject key, a peer's by `peer:<name>`; the same contestants on
 * another runtime (`--runtime`) join the same rounds from a child process, keyed `<key>@<runtime id>`. Each
 * task records its input bytes per call when its definitions give them (`inputBytes`, for the MB/s figure),
 * and the CPU other processes used while it was measured (`otherCpus`, `noisy`: the run's busy verdict).
 */
import { NOISE_CPUS } from './busy.ts';
import { peerKey, type CheckpointDefinition, type Peer } from './define.ts';
import { otherCpusWindow } from './fingerprint.ts';
import { isInputBytes, localContestant, runContestants, type MicroContestant, type MicroOptions, type MicroTask, type MicroTaskEntry } from './micro.ts';
import type { SubjectInfo } from './report.ts';

export interface MicroSectionResult {
  tasks: MicroTaskEntry[];
  /** One line per task that threw. */
  failures: string[];
  /** One line per task whose `inputBytes` is not a positive number, or differs between contestants. */
  warnings: string[];
}

/** `a and b`, `a, b and c`. */
export function and(items: readonly string[]): string {
  return items.length > 2 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items.join(' and ');
}

/**
 * The `inputBytes` of one task name across its contestants (in their order): the first usable value, with a
 * warning when one is unusable or two differ (each result's mbPerSec still uses its own task's value).
 */
export function taskInputBytes(name: string, byKey: Readonly<Record<string, MicroTask>>, warnings: string[]): number | undefined {
  const given = Object.entries(byKey).filter(([, task]) => task.inputBytes !== undefined);
  for (const [key, task] of given) {
    if (!isInputBytes(task.inputBytes))
      warnings.push(`Micro task ${name}: inputBytes of ${key} must be a positive number of bytes, got ${String(task.inputBytes)}; no MB/s for it`);
  }
  const usable = given.filter(([, task]) => isInputBytes(task.inputBytes));
  if (new Set(usable.map(([, task]) => task.inputBytes)).size > 1) {
    warnings.push(
      `Micro task ${name}: the contestants' inputBytes differ (${usable.map(([key, task]) => `${key} ${task.inputBytes}`).join(', ')}); each MB/s uses its own`,
    );
  }
  return usable[0]?.[1].inputBytes;
}

/** Who runs micro tasks: each subject (its definition's tasks), then each peer, keyed as in the results. */
export function microContestants(
  subjects: readonly SubjectInfo[],
  definitions: ReadonlyMap<string, CheckpointDefinition>,
  peers: readonly Peer[],
): Array<{ key: string; micro: readonly MicroTask[] }> {
  return [
    ...subjects.map((s) => ({ key: s.key, micro: definitions.get(s.key)?.micro ?? [] })),
    ...peers.map((p) => ({ key: peerKey(p.name), micro: p.micro ?? [] })),
  ];
}

/**
 * The same tasks on another runtime (src/runtime-micro.ts): which contestant keys (already `@`-suffixed)
 * it has for a task name, and those contestants, sized and ready for rounds.
 */
export interface RemoteMicro {
  /** Task names it defines, in its definitions' order. */
  names(): string[];
  /** The `inputBytes` its first contestant of that task gives. */
  inputBytes(name: string): number | undefined;
  contestants(name: string, options: MicroOptions): Promise<MicroContestant[]>;
  /** The process ids timing its rounds (their CPU time is the run's own, not other processes'). */
  pids?(): number[];
}

/**
 * Runs each task name across the subjects (in `subjects` order) and the peers (in `peers` order): names in the
 * order the subjects, then the peers, define them (then any only another runtime defines). With `remotes`, the
 * same task on each other runtime takes turns with this process's contestants in the same rounds.
 */
export async function runMicroSection(
  subjects: readonly SubjectInfo[],
  definitions: ReadonlyMap<string, CheckpointDefinition>,
  peers: readonly Peer[],
  options: { quick: boolean; onStep?: (line: string) => void; remotes?: readonly RemoteMicro[] },
): Promise<MicroSectionResult> {
  const contestants = microContestants(subjects, definitions, peers);
  const remotes = options.remotes ?? [];
  const names = [...new Set([...contestants.flatMap((c) => c.micro.map((t) => t.name)), ...remotes.flatMap((r) => r.names())])];
  const tasks: MicroSectionResult['tasks'] = [];
  const failures: string[] = [];
  const warnings: string[] = [];
  const micro = { quick: options.quick };
  for (const name of names) {
    const byKey: Record<string, MicroTask> = {};
    for (const c of contestants) {
      const task = c.micro.find((t) => t.name === name);
      if (task) byKey[c.key] = task;
    }
    const inputBytes = taskInputBytes(name, byKey, warnings) ?? remotes.map((r) => r.inputBytes(name)).find((b) => b !== undefined);
    const head = inputBytes === undefined ? { name } : { name, inputBytes };
    try {
      const local = Object.entries(byKey).map(([key, task]) => localContestant(key, task, micro));
      const others: MicroContestant[] = [];
      for (const remote of remotes) {
        // A task that throws on another runtime is a failure of its own; this runtime's figures still count.
        try {
          others.push(...(await remote.contestants(name, micro)));
        } catch (error) {
          failures.push(`Micro task ${name} threw ${(error as Error).message}`);
        }
      }
      options.onStep?.(`micro: ${name} (${and([...local, ...others].map((c) => c.key))})`);
      const noise = otherCpusWindow(() => remotes.flatMap((r) => r.pids?.() ?? []));
      const results = await runContestants([...local, ...others], micro);
      const otherCpus = noise();
      tasks.push({ ...head, results, otherCpus, noisy: otherCpus !== null && otherCpus > NOISE_CPUS });
    } catch (error) {
      failures.push(`Micro task ${name} threw: ${(error as Error).message}`);
      tasks.push({ ...head, results: {} });
    }
  }
  return { tasks, failures, warnings };
}
