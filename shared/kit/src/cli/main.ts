/**
 * `pnpm lab <verb> …`: the workshop CLI. Parses the command line, runs the verb against the kit at
 * HOTPATH_ROOT (default: this repository) and turns every expected problem — unknown lab, missing argument,
 * unreadable state — into one line on stderr and a non-zero exit status, never a stack trace.
 */
import { parseArgs } from 'node:util';
import { repoRoot } from '@hotpath/workshop/paths';
import { benchLab } from './bench.ts';
import { CliError, loadContext, resolveLab, type KitContext } from './context.ts';
import { colourPatch, diffLab } from './diff.ts';
import { hintLab, listLabs, startLab, testLab, type HintSelection } from './learn.ts';
import { recoverFirst } from './swap.ts';
import { resetLab, restoreLab, solveLab } from './workspace.ts';

export const USAGE = `Usage: pnpm lab <verb> [lab] [options]      (lab: 00, 1, 01-slim-builder …)

  list                 progress: each lab's tests and last checkpoint     [--fresh] [--no-run] [--json]
  start NN             where to read, then the lab's core tests in watch mode   [--further]
                       (--further: the going-further tests too)
  test NN              the to-do list: core tests, going further, typecheck  [--json]
  hint NN              the next hint you have not seen                    [--step K | --further] [--all] [--json]
                       (--step K: README step K's hints; --further, or --step further: going further's)
  diff NN              your labs/NN/src against the solution              [--color | --no-color]
  reset NN             back to the starting code (your files are backed up first)
  restore NN [id]      list backups and bring back the newest (or id)     [--list]
  solve NN             copy the solution in, to catch up (backed up first)
  bench NN             checkpoint: yours vs the lab's baseline (lab 00, or the stage before) vs the reference,
                       one run   [--quick] [--profile] [--json]
                       (each target met, missed or inconclusive, the reference's verdict beside yours;
                       exit 0 all met, 1 any missed, 2 none missed but some inconclusive)
                       harness options: --rounds N --duration S --warmup S --startup-runs N --only LIST --no-pin
                       --runtime 26|bun|PATH (repeatable: also measure on that runtime, in the same rounds)
  profile NN           CPU profile of your server under load: self time by package and function, and an
                       offline flame graph   [--scenario ingest|ingest-64k|todos|health] [--seconds N] [--reference]
  join URL --name N --code C   share your test and checkpoint summaries with the instructor's room (pnpm room)
  room                 what this checkout shares with its room, and what waits to be sent   [--json]
  leave                stop sharing with the room (forgets its token)
  doctor               check this machine for the workshop
  runtime [list]       the Node and Bun runtimes: this one, the supported ones, those installed   [--json]
  runtime add 26|bun   install a pinned runtime from the npm registry into .hotpath/runtimes/
                       (runtime which 26: the binary a runtime name resolves to)

Learner state (hints, test runs, history, backups, profiles) lives in .hotpath/ at the repo root.`;

interface Parsed {
  verb: string | undefined;
  positionals: string[];
  flags: Set<string>;
  values: Map<string, string>;
  /** Every `--runtime` given, in order (the one repeatable value flag). */
  runtimes: string[];
}

const VALUE_FLAGS = ['--rounds', '--duration', '--warmup', '--startup-runs', '--connections', '--only', '--runtime'];
/** The value flags of `profile` (not harness options). */
const PROFILE_VALUE_FLAGS = ['--scenario', '--seconds'];
/** The value flags of `join`. */
const JOIN_VALUE_FLAGS = ['--name', '--code'];

/** Every option of every verb, for `node:util` parseArgs; which verb takes which is checked by checkOptions. */
const ARGV_OPTIONS: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
  help: { type: 'boolean', short: 'h' },
  ...Object.fromEntries([...VALUE_FLAGS, ...PROFILE_VALUE_FLAGS, ...JOIN_VALUE_FLAGS, '--step'].map((flag) => [flag.slice(2), { type: 'string' }])),
};

/**
 * The verb, its positionals and its options, read by `node:util` parseArgs (its tokens keep the order and an
 * option's own spelling). Options any verb might take are collected, unknown ones too, so that checkOptions
 * can name the options of the verb given; a value flag without its value is refused here.
 */
export function parse(argv: readonly string[]): Parsed {
  const parsed: Parsed = { verb: undefined, positionals: [], flags: new Set(), values: new Map(), runtimes: [] };
  const { tokens } = parseArgs({ args: [...argv], options: ARGV_OPTIONS, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (parsed.verb === undefined) parsed.verb = token.value;
      else parsed.positionals.push(token.value);
    } else if (token.kind === 'option') {
      const flag = token.name === 'help' ? '--help' : token.rawName;
      if (ARGV_OPTIONS[token.name]?.type !== 'string') parsed.flags.add(token.value === undefined ? flag : `${flag}=${token.value}`);
      else if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) throw new CliError(`${flag} needs a value`);
      else {
        parsed.values.set(flag, token.value);
        if (flag === '--runtime') parsed.runtimes.push(token.value);
      }
    } else parsed.flags.add('--'); // the option terminator: no verb takes it
  }
  return parsed;
}

/** `hint`'s selection: `--step K` (a positive whole number), `--further` or `--step further`, else undefined. */
function hintSelection(p: Parsed): HintSelection {
  const value = p.values.get('--step');
  if (p.flags.has('--further') && value !== undefined && value !== 'further') throw new CliError(`Give --step ${value} or --further, not both`);
  if (p.flags.has('--further') || value === 'further') return 'further';
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new CliError(`--step needs a step number (1, 2, …) or "further", not "${value}"`);
  return Number(value);
}

export function harnessOptions(p: Parsed): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  const num = (flag: string, key: string) => {
    if (!p.values.has(flag)) return;
    const n = Number(p.values.get(flag));
    if (!Number.isFinite(n) || n <= 0) throw new CliError(`${flag} needs a positive number`);
    options[key] = n;
  };
  num('--rounds', 'rounds');
  num('--duration', 'durationSec');
  num('--warmup', 'warmupSec');
  num('--startup-runs', 'startupRuns');
  num('--connections', 'connections');
  if (p.values.has('--only')) options.only = p.values.get('--only')!.split(',');
  if (p.flags.has('--no-pin')) options.pin = false;
  if (p.runtimes.length) options.runtimes = p.runtimes;
  return options;
}

/** The options each verb takes: anything else is a typo, refused before doing anything (a full bench takes minutes). */
const OPTIONS: Record<string, readonly string[]> = {
  list: ['--fresh', '--no-run', '--json'],
  start: ['--further'],
  test: ['--json'],
  hint: ['--all', '--json', '--step', '--further'],
  diff: ['--color', '--no-color'],
  reset: [],
  restore: ['--list'],
  solve: [],
  bench: ['--quick', '--profile', '--json', '--no-pin', ...VALUE_FLAGS],
  profile: ['--reference', ...PROFILE_VALUE_FLAGS],
  doctor: ['--json'],
  runtime: ['--json'],
  join: JOIN_VALUE_FLAGS,
  room: ['--json'],
  leave: [],
};
/** The verbs that replace a lab's src/ (they wait for another CLI's unfinished swap rather than pass it by). */
const TOUCHES_SRC = new Set(['reset', 'restore', 'solve']);
const MAX_POSITIONALS: Record<string, number> = { list: 0, doctor: 0, restore: 2, runtime: Number.POSITIVE_INFINITY, join: 1, room: 0, leave: 0 };

function checkOptions(p: Parsed): void {
  const allowed = OPTIONS[p.verb ?? ''];
  if (!allowed) return;
  for (const flag of [...p.flags, ...p.values.keys()]) {
    if (!allowed.includes(flag)) throw new CliError(`Unknown option ${flag} for pnpm lab ${p.verb}${allowed.length ? ` (it takes ${allowed.join(' ')})` : ''}`);
  }
  const max = MAX_POSITIONALS[p.verb!] ?? 1;
  if (p.positionals.length > max)
    throw new CliError(`pnpm lab ${p.verb} takes ${max === 0 ? 'no lab' : max === 1 ? 'one lab' : 'a lab and a backup id'}; got "${p.positionals.join(' ')}"`);
}

async function run(ctx: KitContext, p: Parsed): Promise<number> {
  checkOptions(p);
  // A swap of src/ that a killed CLI left unfinished is repaired (and said so) before any command reads src/.
  const lab = () => {
    const entry = resolveLab(ctx, p.positionals[0], p.verb!);
    recoverFirst(ctx, entry, TOUCHES_SRC.has(p.verb!));
    return entry;
  };
  switch (p.verb) {
    case 'list':
      for (const entry of ctx.labs) recoverFirst(ctx, entry, false);
      listLabs(ctx, { fresh: p.flags.has('--fresh'), run: !p.flags.has('--no-run'), json: p.flags.has('--json') });
      return 0;
    case 'start':
      return startLab(ctx, lab(), p.flags.has('--further'));
    case 'test':
      return testLab(ctx, lab(), p.flags.has('--json'));
    case 'hint':
      hintLab(ctx, lab(), p.flags.has('--all'), p.flags.has('--json'), hintSelection(p));
      return 0;
    case 'diff': {
      const result = diffLab(ctx, lab());
      if (result.files.length === 0) ctx.out('Your src/ matches the solution.');
      else ctx.out(p.flags.has('--color') || (ctx.color && !p.flags.has('--no-color')) ? colourPatch({ ...ctx, color: true }, result.patch) : result.patch);
      return 0;
    }
    case 'reset':
      resetLab(ctx, lab());
      return 0;
    case 'restore':
      restoreLab(ctx, lab(), p.positionals[1], p.flags.has('--list'));
      return 0;
    case 'solve':
      solveLab(ctx, lab());
      return 0;
    case 'bench':
      return benchLab(ctx, lab(), {
        quick: p.flags.has('--quick'),
        profile: p.flags.has('--profile'),
        json: p.flags.has('--json'),
        harness: harnessOptions(p),
      });
    case 'profile': {
      const { profileLab } = await import('./profile.ts');
      return profileLab(ctx, lab(), { scenario: p.values.get('--scenario'), seconds: p.values.get('--seconds'), reference: p.flags.has('--reference') });
    }
    case 'doctor': {
      const { runDoctor, formatDoctor, doctorExitCode } = await import('./doctor.ts');
      const checks = await runDoctor({ root: ctx.root, labs: ctx.labs });
      ctx.out(p.flags.has('--json') ? JSON.stringify(checks, null, 2) : formatDoctor(checks, ctx.color));
      return doctorExitCode(checks);
    }
    case 'join': {
      const { joinRoom } = await import('./room.ts');
      return joinRoom(ctx, p.positionals[0], p.values.get('--name'), p.values.get('--code'));
    }
    case 'room': {
      const { roomStatus } = await import('./room.ts');
      return roomStatus(ctx, p.flags.has('--json'));
    }
    case 'leave': {
      const { leaveRoom } = await import('./room.ts');
      return leaveRoom(ctx);
    }
    case 'runtime': {
      const { runtimeVerb } = await import('./runtime.ts');
      return runtimeVerb(ctx, p.positionals, p.flags.has('--json'));
    }
    default:
      throw new CliError(
        p.verb === undefined
          ? 'pnpm lab needs a verb: list, start, test, hint, diff, reset, restore, solve, bench, profile, join, room, leave, doctor or runtime (pnpm lab --help)'
          : `Unknown verb "${p.verb}" (pnpm lab --help lists them)`,
      );
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const parsed = parse(argv);
    if (parsed.flags.has('--help')) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const ctx = await loadContext(process.env.HOTPATH_ROOT ?? repoRoot);
    return await run(ctx, parsed);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`pnpm lab: ${error.message}\n`);
      return error.exitCode;
    }
    // A bug, not a mistake of the learner: still one line, with the way to see the whole stack.
    if (process.env.HOTPATH_DEBUG) throw error;
    process.stderr.write(`pnpm lab: unexpected error: ${error instanceof Error ? error.message : String(error)} (HOTPATH_DEBUG=1 shows the stack)\n`);
    return 1;
  }
}
