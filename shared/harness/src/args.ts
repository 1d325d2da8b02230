/**
 * The command line of `hotpath-bench`: its options (CheckpointOptions, also `runCheckpoint`'s), the help text
 * and the parser. Parsing never measures or resolves anything: `--runtime` specs are resolved by the run.
 */
import { resolve } from 'node:path';
import type { Section } from './report.ts';
import { isPathSpec } from './runtime-info.ts';

export interface CheckpointOptions {
  /** Package folder to benchmark (default: the current directory). */
  dir: string;
  quick: boolean;
  /** Write the result here instead of <dir>/.checkpoint/. */
  json?: string;
  only?: Section[];
  /**
   * Baseline package folder. Default: solutions/<slug> of the lab's `baseline` in the manifest
   * (solutions/00-baseline unless the lab names another), or solutions/00-baseline outside a lab folder.
   */
  baselineDir?: string;
  /**
   * Reference solution folder, measured in the same run as a third subject (key 'reference'). Ignored when
   * it is the package or the baseline folder.
   */
  referenceDir?: string;
  /** Checkpoint definition file (default labs/<slug>/checkpoint.ts when it exists). */
  checkpointFile?: string;
  pin?: boolean;
  rounds?: number;
  durationSec?: number;
  warmupSec?: number;
  connections?: number;
  startupRuns?: number;
  /** Progress lines on stderr (default true). */
  progress?: boolean;
  /**
   * Other runtimes to measure the same subjects and peers on, in the same run (`--runtime`): '26', 'node26',
   * 'bun' (when @hotpath/kit/runtimes can resolve them) or a path to a node binary (absolute, or relative to
   * the current directory).
   */
  runtimes?: string[];
}

export const USAGE = `Usage: hotpath-bench [options]   (run in a labs/NN-slug or solutions/NN-slug folder)

Measures this package and its lab's baseline in the same run and prints their ratios. The baseline is the
solution the lab's entry in shared/workshop/src/manifest.ts names (its baseline field): solutions/00-baseline
unless the lab names another (lab 02 compares with solutions/01-slim-builder).

  --quick               short run: 3 load rounds x 2 s (1 s warm-up), 5 startup runs, short micro sampling
  --only LIST           comma-separated sections: micro,load,startup (default: all)
  --json PATH           write the result to PATH (default: .checkpoint/latest.json and .checkpoint/<time>.json)
  --baseline DIR        compare against DIR instead of the lab's baseline
  --reference DIR       also measure DIR (e.g. solutions/<slug>, the reference solution) in the same run,
                        with its own ratios to the baseline
  --dir DIR             benchmark DIR instead of the current folder
  --checkpoint FILE     checkpoint definition (default: labs/<slug>/checkpoint.ts when present)
  --no-pin              do not pin the server and the load generator to separate CPUs
  --runtime SPEC        also measure the same subjects and peers on another runtime, in the same run and
                        the same rounds (repeatable): 26, node26 or bun (installed by pnpm lab runtime
                        add 26), or the path of a node or bun binary; its figures, its own ratios and its
                        ratios to this runtime's are printed in blocks of their own (Bun: startup only)
  --rounds N  --duration S  --warmup S  --connections N  --startup-runs N
                        override the load and startup settings
  -h, --help            this help

Exit status: 0 when every measurement ran, 1 when one failed (server did not start, non-2xx answers in a
scenario that expects 2xx, a micro task threw), 2 on a usage error.`;

export const SECTIONS: readonly Section[] = ['micro', 'load', 'startup'];

export function parseArgs(argv: readonly string[], cwd = process.cwd()): { options: CheckpointOptions } | { help: true } | { error: string } {
  const options: CheckpointOptions = { dir: cwd, quick: false };
  const num = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number`);
    return n;
  };
  try {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i];
      const value = () => {
        const v = argv[++i];
        if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value`);
        return v;
      };
      switch (arg) {
        case '-h':
        case '--help':
          return { help: true };
        case '--quick':
          options.quick = true;
          break;
        case '--json':
          options.json = resolve(cwd, value());
          break;
        case '--only': {
          const list = value()
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
          const bad = list.filter((s) => !SECTIONS.includes(s as Section));
          if (bad.length || list.length === 0) throw new Error(`--only takes ${SECTIONS.join(',')}; got ${bad.join(',') || 'nothing'}`);
          options.only = list as Section[];
          break;
        }
        case '--baseline':
          options.baselineDir = resolve(cwd, value());
          break;
        case '--reference':
          options.referenceDir = resolve(cwd, value());
          break;
        case '--dir':
          options.dir = resolve(cwd, value());
          break;
        case '--checkpoint':
          options.checkpointFile = resolve(cwd, value());
          break;
        case '--no-pin':
          options.pin = false;
          break;
        case '--runtime': {
          const spec = value();
          (options.runtimes ??= []).push(isPathSpec(spec) ? resolve(cwd, spec) : spec);
          break;
        }
        case '--rounds':
          options.rounds = Math.round(num(arg, value()));
          break;
        case '--duration':
          options.durationSec = num(arg, value());
          break;
        case '--warmup':
          options.warmupSec = Number(value());
          if (!(options.warmupSec >= 0)) throw new Error('--warmup needs a number ≥ 0');
          break;
        case '--connections':
          options.connections = Math.round(num(arg, value()));
          break;
        case '--startup-runs':
          options.startupRuns = Math.round(num(arg, value()));
          break;
        default:
          throw new Error(`Unknown option ${arg}`);
      }
    }
  } catch (error) {
    return { error: (error as Error).message };
  }
  return { options };
}
