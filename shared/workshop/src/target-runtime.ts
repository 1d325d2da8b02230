/**
 * Which of a lab's checkpoint targets a run is judged by: a target may be for some Node majors only (the
 * manifest's `node` range: a figure that moved with the runtime, like lab 02's JSON.stringify after V8 14),
 * so `pnpm lab bench` reads the runtime a result measured — its `runtime`, or the fingerprint's Node in older
 * results — and judges the targets for it, naming in each verdict line the runtimes a target is for.
 */
import type { CheckpointTarget, NodeMajors } from './manifest.ts';

/** Anything with a target's runtime range: a manifest target, or one being defined. */
type Ranged = { node?: NodeMajors };

/** The runtime of a run, as results record it (`runtime` at the top of a result). */
export interface RunRuntime {
  kind: 'node' | 'bun';
  /** Without the `v`: '26.12.1'. */
  version: string;
  major: number;
  /** V8's version; null or absent for a runtime without V8 (Bun). */
  v8?: string | null;
}

/** Where a result says what it was measured on. */
export interface RuntimeOfRun {
  runtime?: Partial<RunRuntime> | null;
  fingerprint?: { node?: string };
}

/** The runtime a result measured: its `runtime`, else (older results) the fingerprint's Node ("v20.20.2"); undefined when neither says. */
export function runtimeOf(run: RuntimeOfRun): RunRuntime | undefined {
  const r = run.runtime;
  if (r && (r.kind === 'node' || r.kind === 'bun') && typeof r.version === 'string') {
    const major = typeof r.major === 'number' ? r.major : Number(/^v?(\d+)\./.exec(r.version)?.[1]);
    const version = r.version.replace(/^v/, '');
    if (Number.isInteger(major)) return r.v8 ? { kind: r.kind, version, major, v8: r.v8 } : { kind: r.kind, version, major };
  }
  const node = run.fingerprint?.node;
  const major = node ? /^v?(\d+)\.\d+\.\d+/.exec(node)?.[1] : undefined;
  return node && major ? { kind: 'node', version: node.replace(/^v/, ''), major: Number(major) } : undefined;
}

/** "Node 26.12.1", "Bun 1.4.5". */
export const runtimeName = (runtime: RunRuntime): string => `${runtime.kind === 'bun' ? 'Bun' : 'Node'} ${runtime.version}`;

/** Whether `target` is for `runtime`: a target without `node` is for every runtime; one with it, for those Node majors only. */
export function appliesTo(target: Ranged, runtime: RunRuntime | undefined): boolean {
  if (!target.node) return true;
  if (runtime?.kind !== 'node') return false;
  const { min, max } = target.node;
  return (min === undefined || runtime.major >= min) && (max === undefined || runtime.major <= max);
}

/** The targets of a lab that are for `runtime` (unknown: only the targets for every runtime). */
export const targetsFor = <T extends Ranged>(targets: readonly T[], runtime: RunRuntime | undefined): T[] => targets.filter((t) => appliesTo(t, runtime));

/** The runtimes a target is for, in words: "Node 26 and later", "Node 24 and earlier", "Node 22–24", "Node 24"; undefined: every runtime. */
export function targetRuntime(target: Ranged): string | undefined {
  if (!target.node) return undefined;
  const { min, max } = target.node;
  if (min !== undefined && max !== undefined) return min === max ? `Node ${min}` : `Node ${min}–${max}`;
  if (min !== undefined) return `Node ${min} and later`;
  return max !== undefined ? `Node ${max} and earlier` : undefined;
}

/**
 * A target as a list of targets prints it: its label, and the runtimes it is for when it is not for all. The
 * manifest derives each label from the target's wording (verdict.ts `targetLabel`), so for its targets this is
 * verdict.ts `targetWords`, which the kit's own output uses.
 */
export const targetText = (target: CheckpointTarget): string => {
  const runtime = targetRuntime(target);
  return runtime ? `${target.label} — for ${runtime}` : target.label;
};
