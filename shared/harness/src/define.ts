/**
 * What a lab can tell the harness: `labs/<slug>/checkpoint.ts` default-exports `defineCheckpoint(fn)`, and
 * the harness calls `fn` once per subject (the package being benchmarked, the baseline, and the reference
 * solution when the run measures one) to get the micro tasks, load scenarios and whether to measure startup.
 * The same file serves labs/<slug> and solutions/<slug>.
 */
import type { CreateApp } from '@hotpath/api';
import type { MicroTask } from './micro.ts';
import type { Scenario } from './scenarios.ts';

export interface CheckpointSubject {
  /** 'subject' (the package the bench runs in), 'baseline', or 'reference' (the reference solution, with `--reference`). */
  key: string;
  /** Repo-relative folder, e.g. `solutions/03-byte-parsing`. */
  label: string;
  /** Absolute package folder. */
  dir: string;
  /** Absolute path of its src/app.ts. */
  appModule: string;
  /** Its createApp(), imported through tsx. */
  createApp: CreateApp;
}

export interface CheckpointDefinition {
  /** Micro tasks, matched across subjects by name. Default: none. */
  micro?: MicroTask[];
  /** Load scenarios; GET /health is added first when missing. Default: defaultScenarios(). */
  scenarios?: Scenario[];
  /** Measure startup. Default true. */
  startup?: boolean;
}

export type CheckpointFn = (subject: CheckpointSubject) => CheckpointDefinition | Promise<CheckpointDefinition>;

export interface Checkpoint {
  readonly kind: 'hotpath-checkpoint';
  readonly define: CheckpointFn;
}

/** Wraps a lab's checkpoint function; default-export the result from `labs/<slug>/checkpoint.ts`. */
export function defineCheckpoint(fn: CheckpointFn): Checkpoint {
  return { kind: 'hotpath-checkpoint', define: fn };
}

/** Accepts what a checkpoint file default-exports: defineCheckpoint(fn), or a bare function. */
export function asCheckpoint(value: unknown, file: string): Checkpoint {
  if (typeof value === 'function') return defineCheckpoint(value as CheckpointFn);
  if (value && typeof value === 'object' && (value as Checkpoint).kind === 'hotpath-checkpoint' && typeof (value as Checkpoint).define === 'function') {
    return value as Checkpoint;
  }
  throw new Error(`${file} must default-export defineCheckpoint((subject) => ({ micro, scenarios, startup }))`);
}
