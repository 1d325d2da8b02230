/**
 * What an app really pulls in: bundles a module with esbuild (in memory, nothing written) and reports every
 * file and package in the bundle, how each one was reached from the entry, and whether the output needs
 * decorator helpers. Lab 01's tests use it to prove the slim app loads no reflection library; lab 05's
 * bundle is built the same way.
 */
import { build, type Metafile } from 'esbuild';
import { relative } from 'node:path';
import { repoRoot } from '@hotpath/workshop/paths';

export interface ModuleGraph {
  /** Bundled files, repo-relative (node_modules paths kept as pnpm lays them out). */
  files: string[];
  /** npm and workspace package names found in the bundle, e.g. `hono`, `@hotpath/api`. */
  packages: string[];
  /**
   * The shortest import chain from the entry to the first file of `pkg`, or undefined when it is not
   * bundled. Workspace files appear repo-relative, package files as `<package>/<file in it>`.
   */
  chainTo(pkg: string): string[] | undefined;
  /** True when the output contains esbuild's helpers for TypeScript or standard decorators. */
  usesDecorators: boolean;
  /** Size of the bundled output in bytes. */
  outputBytes: number;
}

/** The package a bundled path belongs to: the last `node_modules/<name>` in it, or a workspace folder's name. */
export function packageOf(path: string): string | undefined {
  const parts = path.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at !== -1 && parts[at + 1]) return parts[at + 1]!.startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
  if (parts[0] === 'shared' && parts[1]) return `@hotpath/${parts[1]}`;
  return undefined;
}

/** A bundled path as a reader would name it: `class-transformer/cjs/index.js`, not the pnpm store path. */
function label(path: string): string {
  const at = path.lastIndexOf('node_modules/');
  if (at === -1) return path;
  const pkg = packageOf(path)!;
  return `${pkg}${path.slice(at + 'node_modules/'.length + pkg.length)}`;
}

/** Bundles `entry` (an absolute path) for Node and describes what went into it. */
export async function moduleGraph(entry: string): Promise<ModuleGraph> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    absWorkingDir: repoRoot,
    // No single tsconfig: each file compiles with its nearest one, as tsc checks it — the decorator
    // baseline (shared/baseline, lab 01's starting code) with experimentalDecorators, the rest erasable.
  });
  const inputs: Metafile['inputs'] = result.metafile.inputs;
  const files = Object.keys(inputs);
  const packages = [...new Set(files.map(packageOf).filter((p): p is string => p !== undefined))].sort();
  const output = result.outputFiles.map((f) => f.text).join('\n');
  const start = relative(repoRoot, entry);

  function chainTo(pkg: string): string[] | undefined {
    // Breadth-first over the import edges esbuild recorded, from the entry.
    const previous = new Map<string, string | null>([[start, null]]);
    const queue = [start];
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (packageOf(file) === pkg) {
        const chain: string[] = [];
        for (let at: string | null = file; at !== null; at = previous.get(at) ?? null) chain.unshift(label(at));
        return chain;
      }
      for (const edge of inputs[file]?.imports ?? []) {
        if (edge.external || previous.has(edge.path)) continue;
        previous.set(edge.path, file);
        queue.push(edge.path);
      }
    }
    return undefined;
  }

  return {
    files,
    packages,
    chainTo,
    usesDecorators: /\b__decorate(Class|Param|Element)?\b|\b__legacyDecorate|\b__decorateMetadata\b/.test(output),
    outputBytes: Buffer.byteLength(output),
  };
}
