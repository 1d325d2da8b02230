/**
 * Step 1 — the bundle: one CommonJS file with the whole app in it, what `dotnet publish` with trimming
 * produces before Native AOT. esbuild follows every import from the entry (TypeScript in the workspace
 * packages included), keeps only what is reached, and writes a metafile saying which input ended up in the
 * output and how many bytes it brought.
 *
 * The trim-warning lesson: a `require(name)` or `import(name)` whose argument is not a string literal cannot
 * be followed, so esbuild leaves it as a runtime call — which, in a single executable with no node_modules
 * beside it, fails on the server the first time that line runs. .NET's trimmer warns (IL2026); here such a
 * call is an error and the build stops. So is `import.meta` (empty in CommonJS output: a
 * `fileURLToPath(import.meta.url)` would crash at startup).
 */
import { build, type Metafile } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { LARGEST_SHOWN, workspaceRoot, type BundleOptions, type BundleReport, type ModuleSize } from '@hotpath/workshop/sea-given';

/**
 * esbuild messages that mean "this bundle will fail at runtime", made errors. Without these overrides
 * esbuild, bundling for Node, accepts them silently (Node could still resolve the name from node_modules).
 */
export const FATAL_MESSAGES: Record<string, 'error'> = {
  'unsupported-require-call': 'error',
  'unsupported-dynamic-import': 'error',
  'empty-import-meta': 'error',
};

/**
 * Bundles `entry` for Node 20 into one CommonJS file (the format a Node 20 single executable runs), writes
 * the metafile, and reports the size and the largest inputs. Rejects when esbuild reports an error, an
 * unresolvable dynamic require/import or an empty import.meta included.
 */
export async function bundle(options: BundleOptions): Promise<BundleReport> {
  const metafilePath = options.metafile ?? `${options.outfile.replace(/\.[cm]?js$/, '')}.meta.json`;
  const root = workspaceRoot(options.entry);
  const started = performance.now();
  const result = await build({
    entryPoints: [options.entry],
    outfile: options.outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    metafile: true,
    absWorkingDir: root,
    logLevel: 'silent',
    logOverride: FATAL_MESSAGES,
  });
  const ms = performance.now() - started;
  writeFileSync(metafilePath, JSON.stringify(result.metafile, null, 2));

  const outputKey = relative(root, options.outfile);
  const output = result.metafile.outputs[outputKey];
  if (!output) throw new Error(`esbuild wrote no ${outputKey} (outputs: ${Object.keys(result.metafile.outputs).join(', ')})`);
  return {
    outfile: options.outfile,
    metafilePath,
    bytes: output.bytes,
    inputs: Object.keys(result.metafile.inputs),
    largest: largestInputs(output, LARGEST_SHOWN),
    ms,
  };
}

/** The `count` inputs that contributed the most bytes to `output`. */
export function largestInputs(output: Metafile['outputs'][string], count: number): ModuleSize[] {
  return Object.entries(output.inputs)
    .map(([path, input]) => ({ path, bytes: input.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}
