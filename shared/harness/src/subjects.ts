/**
 * Who a checkpoint measures: the package the bench runs in (`subject`), the baseline it is divided by
 * (`baseline`, default the solution the lab's manifest entry names, solutions/00-baseline unless it says
 * otherwise) and, when asked, the lab's reference solution (`reference`).
 * Decides the subject list and keys from the folders, and imports a subject's app for its checkpoint
 * definition.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { baselineOf, findLab } from '@hotpath/workshop/manifest';
import { describeLabDir, repoRoot, solutionDir } from '@hotpath/workshop/paths';
import type { CheckpointSubject } from './define.ts';
import type { SubjectInfo } from './report.ts';

/** Subject keys, as they appear in `results` objects and `Ratio.subjectKey`. */
export const SUBJECT_KEY = 'subject';
export const BASELINE_KEY = 'baseline';
export const REFERENCE_KEY = 'reference';

/** A folder as printed and recorded: repo-relative when inside the repo, absolute otherwise. */
export function label(dir: string): string {
  const rel = relative(repoRoot, dir);
  return rel && !rel.startsWith('..') ? rel : dir;
}

/**
 * The baseline of a package folder when none is given: solutions/<baselineOf(lab)> for a labs/NN-slug or
 * solutions/NN-slug folder whose slug is in the manifest, solutions/00-baseline for any other folder.
 */
export function defaultBaselineDir(dir: string): string {
  const slug = describeLabDir(dir)?.slug;
  const lab = slug === undefined ? undefined : findLab(slug);
  return solutionDir(lab ? baselineOf(lab) : '00-baseline');
}

function hasApp(dir: string): boolean {
  return existsSync(join(dir, 'src', 'app.ts'));
}

export interface ResolvedSubjects {
  /** In the order they take turns: subject, reference (if any), baseline (if not the subject itself). */
  subjects: SubjectInfo[];
  baselineKey: string;
  warnings: string[];
}

/**
 * The subjects of a run. The package is its own baseline when `baselineDir` is the package or has no app.
 * A reference that is absent, or the same folder as the package or the baseline, is left out (the run is then
 * exactly a two-subject run); one without an app is left out with a warning.
 */
export function resolveSubjects(dir: string, baselineDir: string, referenceDir?: string): ResolvedSubjects {
  dir = resolve(dir);
  baselineDir = resolve(baselineDir);
  const warnings: string[] = [];
  const subjects: SubjectInfo[] = [];
  let baselineKey = SUBJECT_KEY;
  let baseline: SubjectInfo | undefined;
  if (baselineDir === dir) {
    subjects.push({ key: SUBJECT_KEY, label: label(dir), dir, role: 'subject+baseline' });
  } else if (!hasApp(baselineDir)) {
    warnings.push(`No baseline app in ${label(baselineDir)}: measuring ${label(dir)} alone, ratios are against itself`);
    subjects.push({ key: SUBJECT_KEY, label: label(dir), dir, role: 'subject+baseline' });
  } else {
    subjects.push({ key: SUBJECT_KEY, label: label(dir), dir, role: 'subject' });
    baseline = { key: BASELINE_KEY, label: label(baselineDir), dir: baselineDir, role: 'baseline' };
    baselineKey = BASELINE_KEY;
  }
  if (referenceDir !== undefined) {
    const ref = resolve(referenceDir);
    if (ref !== dir && ref !== baselineDir) {
      if (hasApp(ref)) subjects.push({ key: REFERENCE_KEY, label: label(ref), dir: ref, role: 'reference' });
      else warnings.push(`No reference app in ${label(ref)}: measuring without the reference solution`);
    }
  }
  if (baseline) subjects.push(baseline);
  return { subjects, baselineKey, warnings };
}

/** Imports a subject's app (through tsx) for its checkpoint definition. */
export async function loadSubject(info: SubjectInfo): Promise<CheckpointSubject> {
  const appModule = join(info.dir, 'src', 'app.ts');
  const mod = (await import(pathToFileURL(appModule).href)) as { createApp?: CheckpointSubject['createApp'] };
  if (typeof mod.createApp !== 'function') throw new Error(`${appModule} does not export createApp()`);
  return { key: info.key, label: info.label, dir: info.dir, appModule, createApp: mod.createApp };
}
