/** Where things are in the repo: the root, lab and solution folders, and what a package folder's lab is. */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding pnpm-workspace.yaml). */
export const repoRoot: string = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export type Side = 'labs' | 'solutions';

export interface LabDir {
  /** Absolute path of the package folder. */
  dir: string;
  side: Side;
  /** Folder name, e.g. `03-byte-parsing`. */
  slug: string;
  /** Lab number, e.g. 3. */
  number: number;
}

/** Describes a lab or solution package folder, or returns undefined for any other folder. */
export function describeLabDir(dir: string): LabDir | undefined {
  const abs = resolve(dir);
  const slug = basename(abs);
  const side = basename(dirname(abs));
  const match = /^(\d\d)-[a-z0-9-]+$/.exec(slug);
  if (!match || (side !== 'labs' && side !== 'solutions')) return undefined;
  return { dir: abs, side, slug, number: Number(match[1]) };
}

/**
 * How a person names the stage of a package folder: "lab 01" for solutions/01-slim-builder or
 * labs/01-slim-builder (any path ending in an NN-slug folder); any other folder as given.
 */
export function stageName(folder: string): string {
  const nn = /(?:^|[\\/])(\d\d)-[a-z0-9-]+[\\/]?$/.exec(folder)?.[1];
  return nn === undefined ? folder : `lab ${nn}`;
}

/** labs/<slug> under `root` (default: this repository; the CLI passes the kit it works on). */
export function labDir(slug: string, root = repoRoot): string {
  return join(root, 'labs', slug);
}

export function solutionDir(slug: string, root = repoRoot): string {
  return join(root, 'solutions', slug);
}

/** Default port of a lab's server: 3100 + the lab number (the site owns 3000). */
export function defaultPort(labNumber: number): number {
  return 3100 + labNumber;
}

/** The app module of a package folder (`src/app.ts`). */
export function appModule(dir: string): string {
  const path = join(dir, 'src', 'app.ts');
  if (!existsSync(path)) throw new Error(`No src/app.ts in ${dir}: every lab exports createApp() from src/app.ts`);
  return path;
}

/** The absolute path of a file in the `src/` under test (what `#lab/<file>` imports); only inside lab tests. */
export function labSourcePath(file: string): string {
  const src = process.env.HOTPATH_LAB_SRC;
  if (!src) throw new Error('labSourcePath() works inside lab tests run with labTestConfig() (HOTPATH_LAB_SRC is not set)');
  return join(src, file);
}
