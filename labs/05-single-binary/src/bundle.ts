/**
 * Step 1 — the bundle: one CommonJS file with the whole app in it, what `dotnet publish` with trimming
 * produces before Native AOT. esbuild follows every import from the entry (TypeScript in the workspace
 * packages included), keeps only what is reached, and writes a metafile saying which input ended up in the
 * output and how many bytes it brought.
 *
 * The trim-warning lesson: a `require(name)` or `import(name)` whose argument is not a string literal cannot
 * be followed, so esbuild leaves it as a runtime call — which, in a single executable with no node_modules
 * beside it, fails on the server the first time that line runs. .NET's trimmer warns (IL2026); here such a
 * call must be an error that stops the build. So must `import.meta` (empty in CommonJS output: a
 * `fileURLToPath(import.meta.url)` would crash at startup).
 *
 * Yours: FATAL_MESSAGES, bundle() and largestInputs(). The types, workspaceRoot() and the report's
 * formatting are given.
 */
import { build, type Metafile } from 'esbuild';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * TODO (step 1): esbuild's message ids that mean "this bundle will fail at runtime", each mapped to 'error'
 * (esbuild's `logOverride` option). Bundling for Node, esbuild accepts them silently. Find the three ids in
 * esbuild's docs (or in the failing test's message).
 */
export const FATAL_MESSAGES: Record<string, 'error'> = {};

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
 * Bundles `entry` for Node 20 into one CommonJS file (the format a Node 20 single executable runs), writes
 * the metafile, and reports the size and the largest inputs. Rejects when esbuild reports an error, an
 * unresolvable dynamic require/import or an empty import.meta included.
 */
export async function bundle(options: BundleOptions): Promise<BundleReport> {
  // TODO (step 1): call esbuild's build() with: the entry, the outfile, bundle, platform 'node', target
  // 'node20', format 'cjs', metafile: true, absWorkingDir: workspaceRoot(options.entry) (readable input
  // paths), logLevel 'silent' (errors reach you as the rejection) and logOverride: FATAL_MESSAGES.
  // Then write result.metafile as JSON to options.metafile (default: beside the outfile, `.meta.json`), and
  // answer the report: bytes from result.metafile.outputs[<outfile relative to the working dir>], inputs
  // from Object.keys(result.metafile.inputs), largest from largestInputs(), ms timed around build().
  void [build, writeFileSync];
  throw new Error(`TODO (step 1): bundle ${options.entry} with esbuild in src/bundle.ts`);
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

/** The `count` inputs that contributed the most bytes to `output`. */
export function largestInputs(output: Metafile['outputs'][string], count: number): ModuleSize[] {
  // TODO (step 1): from output.inputs (path → { bytesInOutput }), the `count` largest, largest first.
  void output;
  void count;
  return [];
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
