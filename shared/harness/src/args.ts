/**
 * The command line of `hotpath-bench`: its options (CheckpointOptions, also `runCheckpoint`'s), the help text
 * and the parser. Parsing never measures or resolves anything: `--runtime` specs are resolved by the run.
 */
import { resolve } from 'node:path';
import { parseArgs as parseArgv } from 'node:util';
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
   * 'bun' (copies `pnpm lab runtime add` installed) or a path to a node or bun binary (absolute, or relative to
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

/** The options as `node:util` parseArgs takes them; the values are checked and resolved by parseArgs below. */
const ARGV_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  quick: { type: 'boolean' },
  json: { type: 'string' },
  only: { type: 'string' },
  baseline: { type: 'string' },
  reference: { type: 'string' },
  dir: { type: 'string' },
  checkpoint: { type: 'string' },
  'no-pin': { type: 'boolean' },
  runtime: { type: 'string', multiple: true },
  rounds: { type: 'string' },
  duration: { type: 'string' },
  warmup: { type: 'string' },
  connections: { type: 'string' },
  'startup-runs': { type: 'string' },
} as const;

/**
 * A `node:util` parseArgs error as the kit's CLIs word it: `Unknown option --x` (a stray word too, as these
 * commands take no positional arguments) and `--x needs a value`; any other error keeps its own message.
 */
export function argvError(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const [, token = ''] = /'([^' ]+)/.exec(message) ?? [];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `Unknown option ${token}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing|ambiguous/.test(message)) return `${token} needs a value`;
  return message;
}

export function parseArgs(argv: readonly string[], cwd = process.cwd()): { options: CheckpointOptions } | { help: true } | { error: string } {
  const num = (flag: string, v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number`);
    return n;
  };
  try {
    const { values } = parseArgv({ args: [...argv], options: ARGV_OPTIONS, strict: true, allowPositionals: false });
    if (values.help) return { help: true };
    const options: CheckpointOptions = { dir: values.dir === undefined ? cwd : resolve(cwd, values.dir), quick: values.quick ?? false };
    if (values.json !== undefined) options.json = resolve(cwd, values.json);
    if (values.only !== undefined) {
      const list = values.only
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = list.filter((s) => !SECTIONS.includes(s as Section));
      if (bad.length || list.length === 0) throw new Error(`--only takes ${SECTIONS.join(',')}; got ${bad.join(',') || 'nothing'}`);
      options.only = list as Section[];
    }
    if (values.baseline !== undefined) options.baselineDir = resolve(cwd, values.baseline);
    if (values.reference !== undefined) options.referenceDir = resolve(cwd, values.reference);
    if (values.checkpoint !== undefined) options.checkpointFile = resolve(cwd, values.checkpoint);
    if (values['no-pin']) options.pin = false;
    if (values.runtime) options.runtimes = values.runtime.map((spec) => (isPathSpec(spec) ? resolve(cwd, spec) : spec));
    if (values.rounds !== undefined) options.rounds = Math.round(num('--rounds', values.rounds));
    if (values.duration !== undefined) options.durationSec = num('--duration', values.duration);
    if (values.warmup !== undefined) {
      options.warmupSec = Number(values.warmup);
      if (!(options.warmupSec >= 0)) throw new Error('--warmup needs a number ≥ 0');
    }
    if (values.connections !== undefined) options.connections = Math.round(num('--connections', values.connections));
    if (values['startup-runs'] !== undefined) options.startupRuns = Math.round(num('--startup-runs', values['startup-runs']));
    return { options };
  } catch (error) {
    return { error: argvError(error) };
  }
}
