/**
 * What every `pnpm lab` verb works with: the kit's root folder (the repo, or a copy of a fixture kit in the
 * CLI's tests via HOTPATH_ROOT), the lab manifest read from that root, the learner-state folder, and where
 * output goes. Also the one error type the CLI prints as a single line (never a stack trace).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findLab, type LabEntry } from '@hotpath/workshop/manifest';
import { labDir, solutionDir } from '@hotpath/workshop/paths';

/** A problem the learner can fix: printed as one line, exit status `exitCode`. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
    this.name = 'CliError';
  }
}

export interface KitContext {
  root: string;
  labs: readonly LabEntry[];
  /** `<root>/.hotpath`: hints seen, last test results, bench history, backups, profiles (ignored by git). */
  stateDir: string;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Colour and progress output: true on a TTY unless NO_COLOR is set. */
  color: boolean;
}

export async function loadContext(root: string, io: Partial<Pick<KitContext, 'out' | 'err' | 'color'>> = {}): Promise<KitContext> {
  const manifestPath = join(root, 'shared/workshop/src/manifest.ts');
  if (!existsSync(manifestPath)) throw new CliError(`No lab manifest at ${manifestPath}: run pnpm lab from the Hot Path repository`);
  const { labs } = (await import(pathToFileURL(manifestPath).href)) as { labs: readonly LabEntry[] };
  return {
    root,
    labs,
    stateDir: join(root, '.hotpath'),
    out: io.out ?? ((text) => void process.stdout.write(`${text}\n`)),
    err: io.err ?? ((text) => void process.stderr.write(`${text}\n`)),
    color: io.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR),
  };
}

export const pad2 = (n: number) => String(n).padStart(2, '0');

/** The lab a command-line argument names: `1`, `01` or `01-slim-builder`. */
export function resolveLab(ctx: KitContext, arg: string | undefined, verb: string): LabEntry {
  const range = `${pad2(ctx.labs[0]!.number)}–${pad2(ctx.labs.at(-1)!.number)}`;
  if (arg === undefined || arg.startsWith('-'))
    throw new CliError(`pnpm lab ${verb} needs a lab number (${range}), e.g. pnpm lab ${verb} ${pad2(ctx.labs[0]!.number)}`);
  const lab = findLab(arg, ctx.labs);
  if (!lab) throw new CliError(`There is no lab "${arg}": the labs are ${range} (pnpm lab list)`);
  return lab;
}

export const labDirOf = (ctx: KitContext, lab: LabEntry) => labDir(lab.slug, ctx.root);
export const solutionDirOf = (ctx: KitContext, lab: LabEntry) => solutionDir(lab.slug, ctx.root);

/** Requires a ready lab for verbs that need starting code and tests. */
export function requireReady(lab: LabEntry, verb: string): void {
  if (lab.status !== 'ready') {
    throw new CliError(`Lab ${pad2(lab.number)} (${lab.title}) is planned, not written yet: pnpm lab ${verb} works on ready labs (pnpm lab list)`);
  }
}

/** ANSI styles, or plain text when `enabled` is false. */
export function colours(enabled: boolean) {
  const wrap = (code: number) => (text: string) => (enabled ? `\x1b[${code}m${text}\x1b[0m` : text);
  return { bold: wrap(1), dim: wrap(2), red: wrap(31), green: wrap(32), yellow: wrap(33), cyan: wrap(36) };
}

/** The styles of the context's output (colour on a TTY unless NO_COLOR). */
export const paint = (ctx: KitContext) => colours(ctx.color);

/** A timestamp usable in a file name: 2026-11-25T01-53-37-546Z. */
export const fileStamp = (date = new Date()) => date.toISOString().replace(/[:.]/g, '-');
