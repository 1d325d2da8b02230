/**
 * The subject's build (`pnpm build`: buildAll from @hotpath/kit/sea-build, run on the subject's src/), run
 * once per test run and cached across test files and runs: a build copies the ~95 MiB node binary three
 * times and takes seconds, so the tests must not repeat it. The output goes to a scratch folder in the OS
 * temp directory (one per subject folder, outside the repo so no tool hashes the binaries), with a key: the
 * subject's src/ files, the kit's build driver, every input the last build's metafiles list (the app's
 * sources in the other packages), the lockfile and the Node binary. Change any of them — a file in src/,
 * the app — and the next test run builds again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { Metafile } from 'esbuild';
import { labSourcePath, repoRoot } from '@hotpath/workshop/paths';
import type { BuildReport } from '@hotpath/kit/sea-build';

/** The kit's build driver and the given code it and the subject's src/ run (part of the cache key). */
const KIT_BUILD_FILES = ['sea-build.ts', 'sea-given.ts'].map((file) => join(repoRoot, 'shared', 'kit', 'src', file));
/** Scratch builds live here, one folder per subject src/. */
const SCRATCH = join(tmpdir(), 'hotpath-lab05-build');
const KEY_FILE = 'test-cache-key.json';
/** A build, three binaries included, must finish in this long even on a busy CI machine. */
export const BUILD_TIMEOUT_MS = 240_000;

export interface Built {
  /** The folder holding the build's output (dist/ layout). */
  dir: string;
  /** What buildAll() returned, or undefined when it threw. */
  report?: BuildReport;
  /** buildAll()'s error message when it threw. */
  error?: string;
  /** The subject folder built (for messages). */
  src: string;
}

let pending: Promise<Built> | undefined;

/** The subject's build: from the cache when nothing it depends on changed, else built now. */
export function builtOnce(): Promise<Built> {
  return (pending ??= buildOrReuse());
}

async function buildOrReuse(): Promise<Built> {
  const src = labSourcePath('');
  const slot = join(SCRATCH, `${relative(repoRoot, src).replace(/[^a-z0-9]+/gi, '-')}-${hash([src]).slice(0, 8)}`);
  const dir = join(slot, 'dist');
  const cached = readKey(dir);
  if (cached && cached.key === currentKey(src, dir) && cached.report) return { dir, report: cached.report, src };

  // Build beside the slot, then move into place: a run interrupted half way leaves no half cache behind.
  const staging = `${dir}.building-${process.pid}`;
  mkdirSync(slot, { recursive: true });
  try {
    const { buildAll } = await import('@hotpath/kit/sea-build');
    const report = await buildAll(staging, src);
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    const final = { ...report, outDir: dir, ...relocate(report, staging, dir) };
    writeFileSync(join(dir, KEY_FILE), JSON.stringify({ key: currentKey(src, dir), report: final }));
    return { dir, report: final, src };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    return { dir, error: error instanceof Error ? error.message : String(error), src };
  }
}

/** The report's paths, moved from the staging folder to the cache folder. */
function relocate(report: BuildReport, from: string, to: string): Pick<BuildReport, 'bundles' | 'binaries'> {
  const move = <T>(value: T): T => JSON.parse(JSON.stringify(value).split(from).join(to)) as T;
  return { bundles: move(report.bundles), binaries: move(report.binaries) };
}

function readKey(dir: string): { key: string; report?: BuildReport } | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, KEY_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}

/** What the build depends on: src/ files, the kit's build code, the last build's metafile inputs, the lockfile, the Node binary. */
function currentKey(src: string, dir: string): string {
  const files = [...listFiles(src), ...KIT_BUILD_FILES, join(repoRoot, 'pnpm-lock.yaml')];
  for (const meta of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.meta.json')) : []) {
    try {
      const metafile = JSON.parse(readFileSync(join(dir, meta), 'utf8')) as Metafile;
      for (const input of Object.keys(metafile.inputs)) files.push(join(repoRoot, input));
    } catch {
      files.push(join(dir, meta));
    }
  }
  return hash([process.execPath, process.version, String(statSync(process.execPath).size), ...files.sort().map(fileStamp)]);
}

/**
 * A file's path and content hash. A file the last build read that is gone now (moved, deleted — even while
 * that build ran) gets a stamp no later run reproduces, so the cache is never reused over a missing input.
 */
function fileStamp(file: string): string {
  try {
    return `${file}:${hash([readFileSync(file)])}`;
  } catch {
    return `${file}:missing:${process.pid}:${performance.now()}:${Math.random()}`;
  }
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

function hash(parts: Array<string | Buffer>): string {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('hex');
}

/**
 * The metafile's input paths made absolute. They are relative to esbuild's working directory, which the
 * build chose: it is found from the entry point, whose absolute path is known (`entry`).
 */
export function absoluteInputs(metafile: Metafile, entry: string): string[] {
  const keys = Object.keys(metafile.inputs);
  const bases = [repoRoot, process.cwd(), dirname(dirname(entry)), dirname(entry)];
  const base = bases.find((dir) => keys.some((key) => resolve(dir, key) === entry)) ?? repoRoot;
  return keys.filter((key) => !key.startsWith('<')).map((key) => resolve(base, key));
}

/** The build's error, or the names of what it built, for assertion messages. */
export function describeBuild(built: Built): string {
  if (built.error) return `the build (buildAll from @hotpath/kit/sea-build on ${built.src}) threw: ${built.error}`;
  const names = built.report!.binaries.map((b) => ('error' in b ? `${b.name} (failed)` : b.name));
  return `the build made ${names.join(', ')} in ${dirname(built.dir)}`;
}
