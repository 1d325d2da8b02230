/**
 * `pnpm lab diff NN`: the learner's `labs/NN/src` against `solutions/NN/src` as a unified diff (jsdiff's
 * createTwoFilesPatch), coloured on a TTY and plain otherwise. Generated and build files are left out
 * (the same list as backups: see workspace.ts).
 */
import { createTwoFilesPatch } from 'diff';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labDirOf, paint, solutionDirOf, type KitContext } from './context.ts';
import type { LabEntry } from '@hotpath/workshop/manifest';
import { listFiles } from './workspace.ts';

export interface LabDiff {
  /** Files that differ (or exist on one side only), repo-relative to src/. */
  files: string[];
  patch: string;
}

export function diffLab(ctx: KitContext, lab: LabEntry): LabDiff {
  const mine = join(labDirOf(ctx, lab), 'src');
  const theirs = join(solutionDirOf(ctx, lab), 'src');
  const names = [...new Set([...listFiles(mine, true), ...listFiles(theirs, true)])].sort();
  const read = (dir: string, file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : '');
  const files: string[] = [];
  let patch = '';
  for (const file of names) {
    const a = read(mine, file);
    const b = read(theirs, file);
    if (a === b) continue;
    files.push(file);
    patch += createTwoFilesPatch(`labs/${lab.slug}/src/${file}`, `solutions/${lab.slug}/src/${file}`, a, b, 'yours', 'solution', { context: 3 });
  }
  return { files, patch };
}

/** Colours a unified diff the way git does: headers bold, hunks cyan, removals red, additions green. */
export function colourPatch(ctx: KitContext, patch: string): string {
  const c = paint(ctx);
  return patch
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---') || line.startsWith('Index:') || line.startsWith('====')) return c.bold(line);
      if (line.startsWith('@@')) return c.cyan(line);
      if (line.startsWith('+')) return c.green(line);
      if (line.startsWith('-')) return c.red(line);
      return line;
    })
    .join('\n');
}
