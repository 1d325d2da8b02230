/**
 * The runtimes lab 05's start-up table and capstone measure beside the node running them: which node this is
 * (its label, whether it strips TypeScript types natively, whether it has a compile cache), and a Bun to run
 * the final reference on. Bun is found through the kit's runtime resolver (@hotpath/kit/runtimes: one
 * `pnpm lab runtime add bun` installed under .hotpath/runtimes/, or `bun` on PATH) — after HOTPATH_BUN, and
 * before an installed `bun` package. A runtime that
 * is missing is reported with what to run to get it, never as a failure: those rows are left out and say so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { currentRuntime, hasNativeTypeStripping, resolveRuntime } from '@hotpath/kit/runtimes';

/** A runtime a row ran on, as the results record it. */
export interface RuntimeLabel {
  kind: 'node' | 'bun';
  version: string;
  /** e.g. "Node 26.12.1", "Bun 1.4.5". */
  label: string;
  path: string;
}

/** The node running this script: every node row of the table runs on it. */
export function thisNode(): RuntimeLabel {
  const { kind, version, label, path } = currentRuntime();
  return { kind, version, label, path };
}

/** Whether this node strips TypeScript types by default (process.features.typescript: Node ≥ 22.18 / 23.6). */
export function nodeStripsTypes(): boolean {
  return hasNativeTypeStripping();
}

/** Whether this node has the on-disk compile cache (NODE_COMPILE_CACHE, module.enableCompileCache: Node ≥ 22.1). */
export async function nodeHasCompileCache(): Promise<boolean> {
  const module = (await import('node:module')) as { enableCompileCache?: unknown };
  return typeof module.enableCompileCache === 'function';
}

/** How to get Node 26 for the rows this node cannot run. */
export const GET_NODE_26 = 'run this script on Node 26 (pnpm lab runtime add 26, then put its bin/ first on PATH)';
/** How to get Bun. */
export const GET_BUN = 'pnpm lab runtime add bun';

/**
 * A Bun that runs, or why there is none (`missing`: the kit resolver's sentence, ending in what to run).
 */
export function findBun(): RuntimeLabel | { missing: string } {
  const runs = (path: string): RuntimeLabel | undefined => {
    const run = existsSync(path) ? spawnSync(path, ['--version'], { encoding: 'utf8' }) : undefined;
    return run?.status === 0 ? { kind: 'bun', version: run.stdout.trim(), label: `Bun ${run.stdout.trim()}`, path } : undefined;
  };
  // HOTPATH_BUN first: a bun named explicitly wins.
  const named = process.env.HOTPATH_BUN ? runs(process.env.HOTPATH_BUN) : undefined;
  if (named) return named;
  let resolverSays: string | undefined;
  try {
    const bun = resolveRuntime('bun');
    return { kind: 'bun', version: bun.version, label: bun.label, path: bun.path };
  } catch (error) {
    // Not installed (the resolver says what to run): look where the kit's resolver does not.
    resolverSays = error instanceof Error ? error.message : String(error);
  }
  const candidates: string[] = [];
  try {
    const pkg = createRequire(import.meta.url).resolve('bun/package.json');
    candidates.push(join(pkg, '..', 'bin', 'bun.exe'));
    const platform = createRequire(pkg).resolve(`@oven/bun-${process.platform}-${process.arch === 'arm64' ? 'aarch64' : process.arch}/package.json`);
    candidates.push(join(platform, '..', 'bin', 'bun'));
  } catch {
    // no bun package
  }
  for (const path of candidates) {
    const found = runs(path);
    if (found) return found;
  }
  return { missing: resolverSays || `Bun is not installed: run ${GET_BUN}` };
}
