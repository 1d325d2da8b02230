/**
 * Lab 05's given code for its src/bundle.ts and src/sea.ts (`@hotpath/workshop/sea-given`), written once for the
 * learner's folder and the reference: the types bundle() and buildSea() take and answer, the folder esbuild
 * works from, the bundle report's formatting, the SEA constants from Node's documentation, which of Node's two
 * ways of making a single executable the running node has (seaMethod(): `node --build-sea` from Node 25.5,
 * else a blob injected with postject), and the two helpers buildSea() runs postject and node with. The lab's own parts (FATAL_MESSAGES, bundle(),
 * largestInputs(), buildSea() and the snapshot entry) stay in the lab's src/; the build driver that calls
 * them is sea-build.ts.
 *
 * Only the build imports this module (under tsx); nothing of it goes into a bundle.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

// ---- Step 1: the bundle ----

/** How many of the largest inputs the report lists. */
export const LARGEST_SHOWN = 10;

export interface BundleOptions {
  /** Entry file (absolute path), e.g. src/server.ts. */
  entry: string;
  /** Output file (absolute path), e.g. dist/server.cjs. */
  outfile: string;
  /** Where to write the metafile (JSON); default: `<outfile without extension>.meta.json`. */
  metafile?: string;
}

export interface ModuleSize {
  /** Input path as the metafile has it (relative to esbuild's working directory). */
  path: string;
  /** Bytes this input contributed to the output. */
  bytes: number;
}

export interface BundleReport {
  outfile: string;
  metafilePath: string;
  /** Size of the output file in bytes. */
  bytes: number;
  /** Every input bundled (metafile input paths). */
  inputs: string[];
  /** The inputs contributing the most bytes, largest first. */
  largest: ModuleSize[];
  /** Milliseconds esbuild took. */
  ms: number;
}

/**
 * The folder holding pnpm-workspace.yaml above `file`: esbuild's working directory, so metafile paths read
 * `shared/api/src/…` and `node_modules/.pnpm/…` wherever the package folder is.
 */
export function workspaceRoot(file: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) return dirname(file);
  }
}

/** A few lines for the terminal: the bundle's size and its largest inputs. */
export function formatBundleReport(report: BundleReport): string {
  const kb = (bytes: number) => `${(bytes / 1e3).toFixed(1)} kB`;
  const lines = [`${relative(process.cwd(), report.outfile)}: ${kb(report.bytes)} from ${report.inputs.length} inputs (${report.ms.toFixed(0)} ms)`];
  for (const { path, bytes } of report.largest) lines.push(`  ${kb(bytes).padStart(10)}  ${shortPath(path)}`);
  return lines.join('\n');
}

/** `node_modules/.pnpm/hono@4.13.19/node_modules/hono/dist/context.js` → `hono/dist/context.js`. */
function shortPath(path: string): string {
  const at = path.lastIndexOf('node_modules/');
  return at === -1 ? path : path.slice(at + 'node_modules/'.length);
}

// ---- Step 2: the single executable ----

/**
 * How a single executable is made — chosen once per build by the build driver (sea-build.ts) for the node
 * running it, and passed to buildSea() as `options.method`:
 * - `'build-sea'` (Node ≥ 25.5): `node --build-sea <config>` reads the SEA config and writes the executable
 *   itself, the blob never touching the disk (the config's `output` is then the executable);
 * - `'postject'` (Node 20, 22, 24): `node --experimental-sea-config <config>` writes a blob (`output`), a
 *   copy of node is made, and postject injects the blob into the copy.
 */
export type SeaMethod = 'build-sea' | 'postject';

/** How each method is named in the build's output. */
export const SEA_METHOD_LABEL: Record<SeaMethod, string> = { 'build-sea': 'node --build-sea', postject: 'postject' };

/**
 * `'build-sea'` when `node` (default: the running one) lists `--build-sea` in its `--help` (Node ≥ 25.5),
 * else `'postject'`. Asked of the binary itself, not guessed from its version number.
 */
export function seaMethod(node: string = process.execPath): SeaMethod {
  const help = spawnSync(node, ['--help'], { encoding: 'utf8' });
  return help.status === 0 && /^\s*--build-sea\b/m.test(help.stdout) ? 'build-sea' : 'postject';
}

/** The fuse string postject flips so node knows a blob was injected (from Node's documentation; the same on Node 20–26). */
export const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
/** The resource name Node reads the blob from. */
export const SEA_RESOURCE = 'NODE_SEA_BLOB';
/** rwxr-xr-x: the copy of node must stay executable. */
export const EXECUTABLE_MODE = 0o755;

export interface SeaOptions {
  /** Binary name in `outDir`, e.g. 'server-sea'. */
  name: string;
  /** The CommonJS main script (absolute path): a bundle, since a SEA's require() only loads built-ins. */
  main: string;
  outDir: string;
  /** Ship V8's code cache for the main script (compiled at build time). */
  useCodeCache?: boolean;
  /** Build a startup snapshot from the main script (it must call v8.startupSnapshot.setDeserializeMainFunction). */
  useSnapshot?: boolean;
  /** How to make the executable: `node --build-sea` where the running node has it, else postject (seaMethod()). */
  method: SeaMethod;
}

export interface SeaResult {
  name: string;
  /** How it was made. */
  method: SeaMethod;
  /** Absolute path of the binary. */
  path: string;
  bytes: number;
  /**
   * What the SEA carries: the blob file's size (postject), or — `node --build-sea` writes no blob file — how
   * many bytes the executable has beyond the node it was made from (the blob plus the ELF segment's padding).
   */
  blobBytes: number;
  /** Milliseconds per step, in order: `{ blob, copy, inject }` (postject) or `{ build }` (`node --build-sea`). */
  ms: Record<string, number>;
}

/** postject's command-line entry (its JS API prints LIEF's warnings into our output; a child's we can keep). */
export function postjectCli(): string {
  return join(createRequire(import.meta.url).resolve('postject/package.json'), '..', 'dist', 'cli.js');
}

/** Runs a command to completion; rejects with its output when it exits non-zero. */
export function run(command: string, args: string[], what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${what} failed (${signal ?? `exit ${code}`}):\n${output.trim()}`));
    });
  });
}
