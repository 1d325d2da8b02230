/**
 * The micro section of a checkpoint run: every micro task name that a subject's definition or a peer defines,
 * each measured in one runMicroInterleaved call with the subjects' and the peers' same-named tasks taking
 * turns. Subjects' results are keyed by subject key, a peer's by `peer:<name>`. Each task records its input
 * bytes per call when its definitions give them (`inputBytes`, for the MB/s figure).
 */
import { peerKey, type CheckpointDefinition, type Peer } from './define.ts';
import { isInputBytes, runMicroInterleaved, type MicroTask, type MicroTaskEntry } from './micro.ts';
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
    if (!isInputBytes(task.inputBytes)) warnings.push(`Micro task ${name}: inputBytes of ${key} must be a positive number of bytes, got ${String(task.inputBytes)}; no MB/s for it`);
  }
  const usable = given.filter(([, task]) => isInputBytes(task.inputBytes));
  if (new Set(usable.map(([, task]) => task.inputBytes)).size > 1) {
    warnings.push(`Micro task ${name}: the contestants' inputBytes differ (${usable.map(([key, task]) => `${key} ${task.inputBytes}`).join(', ')}); each MB/s uses its own`);
  }
  return usable[0]?.[1].inputBytes;
}

/**
 * Runs each task name across the subjects (in `subjects` order) and the peers (in `peers` order): names in the
 * order the subjects, then the peers, define them.
 */
export async function runMicroSection(
  subjects: readonly SubjectInfo[],
  definitions: ReadonlyMap<string, CheckpointDefinition>,
  peers: readonly Peer[],
  options: { quick: boolean; onStep?: (line: string) => void },
): Promise<MicroSectionResult> {
  const contestants: Array<{ key: string; micro: readonly MicroTask[] }> = [
    ...subjects.map((s) => ({ key: s.key, micro: definitions.get(s.key)?.micro ?? [] })),
    ...peers.map((p) => ({ key: peerKey(p.name), micro: p.micro ?? [] })),
  ];
  const names = [...new Set(contestants.flatMap((c) => c.micro.map((t) => t.name)))];
  const tasks: MicroSectionResult['tasks'] = [];
  const failures: string[] = [];
  const warnings: string[] = [];
  for (const name of names) {
    const byKey: Record<string, MicroTask> = {};
    for (const c of contestants) {
      const task = c.micro.find((t) => t.name === name);
      if (task) byKey[c.key] = task;
    }
    const inputBytes = taskInputBytes(name, byKey, warnings);
    const head = inputBytes === undefined ? { name } : { name, inputBytes };
    options.onStep?.(`micro: ${name} (${and(Object.keys(byKey))})`);
    try {
      tasks.push({ ...head, results: await runMicroInterleaved(byKey, { quick: options.quick }) });
    } catch (error) {
      failures.push(`Micro task ${name} threw: ${(error as Error).message}`);
      tasks.push({ ...head, results: {} });
    }
  }
  return { tasks, failures, warnings };
}
