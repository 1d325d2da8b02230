/**
 * The micro section of a checkpoint run: every micro task name that a subject's definition or a peer defines,
 * each measured in one runMicroInterleaved call with the subjects' and the peers' same-named tasks taking
 * turns. Subjects' results are keyed by subject key, a peer's by `peer:<name>`.
 */
import { peerKey, type CheckpointDefinition, type Peer } from './define.ts';
import { runMicroInterleaved, type MicroResult, type MicroTask } from './micro.ts';
import type { SubjectInfo } from './report.ts';

export interface MicroSectionResult {
  tasks: Array<{ name: string; results: Record<string, MicroResult> }>;
  /** One line per task that threw. */
  failures: string[];
}

/** `a and b`, `a, b and c`. */
export function and(items: readonly string[]): string {
  return items.length > 2 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items.join(' and ');
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
    ...peers.map((p) => ({ key: peerKey(p.name), micro: p.micro })),
  ];
  const names = [...new Set(contestants.flatMap((c) => c.micro.map((t) => t.name)))];
  const tasks: MicroSectionResult['tasks'] = [];
  const failures: string[] = [];
  for (const name of names) {
    const byKey: Record<string, MicroTask> = {};
    for (const c of contestants) {
      const task = c.micro.find((t) => t.name === name);
      if (task) byKey[c.key] = task;
    }
    options.onStep?.(`micro: ${name} (${and(Object.keys(byKey))})`);
    try {
      tasks.push({ name, results: await runMicroInterleaved(byKey, { quick: options.quick }) });
    } catch (error) {
      failures.push(`Micro task ${name} threw: ${(error as Error).message}`);
      tasks.push({ name, results: {} });
    }
  }
  return { tasks, failures };
}
