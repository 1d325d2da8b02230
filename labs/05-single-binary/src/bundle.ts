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
 * Yours: FATAL_MESSAGES, bundle() and largestInputs(). The types, workspaceRoot() and LARGEST_SHOWN come
 * from @hotpath/workshop/sea-given (given code, shared with the reference), which also formats the report that
 * `pnpm build` (@hotpath/kit/sea-build) prints.
 */
import { build, type Metafile } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { LARGEST_SHOWN, workspaceRoot, type BundleOptions, type BundleReport, type ModuleSize } from '@hotpath/workshop/sea-given';

/**
 * TODO (step 1): esbuild's message ids that mean "this bundle will fail at runtime", each mapped to 'error'
 * (esbuild's `logOverride` option). Bundling for Node, esbuild accepts them silently. Find the three ids in
 * esbuild's docs (or in the failing test's message).
 */
export const FATAL_MESSAGES: Record<string, 'error'> = {};

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
  void [build, writeFileSync, relative, workspaceRoot, LARGEST_SHOWN];
  throw new Error(`TODO (step 1): bundle ${options.entry} with esbuild in src/bundle.ts`);
}

/** The `count` inputs that contributed the most bytes to `output`. */
export function largestInputs(output: Metafile['outputs'][string], count: number): ModuleSize[] {
  // TODO (step 1): from output.inputs (path → { bytesInOutput }), the `count` largest, largest first.
  void output;
  void count;
  return [];
}
