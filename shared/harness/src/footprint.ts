/**
 * The startup section's footprint (a definition's `footprint: true`): what has to be shipped to run each
 * server. A serve command ships one file (a binary, a bundle: its size). A package run the way learners run it: the package's own files, the
 * closure of its runtime `dependencies` (recursively, as installed: workspace packages' folders and the
 * pnpm store folders they link to), extra packages it is started with (the kit's launcher and tsx), and the
 * Node.js binary itself. Apparent sizes (the sum of file sizes, like a binary's file size), each package
 * folder counted once, nested node_modules/ left out of a folder (they are counted as its dependencies).
 * devDependencies and peerDependencies are not followed; optionalDependencies are when installed (esbuild's
 * platform binary, which tsx needs).
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ServeCommand } from './define.ts';
import type { Footprint } from './result.ts';

export type { Footprint } from './result.ts';

const NODE_MODULES = 'node_modules';

/** Apparent size of the regular files under `dir`, not following symlinks and not entering node_modules/. */
function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === NODE_MODULES) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(path);
    else if (entry.isFile()) total += lstatSync(path).size;
  }
  return total;
}

/** Node's lookup: `<ancestor>/node_modules/<name>` from `from` upwards (ancestors named node_modules skipped). */
function findPackage(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (basename(dir) !== NODE_MODULES) {
      const candidate = join(dir, NODE_MODULES, name);
      if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    }
    if (dirname(dir) === dir) return undefined;
  }
}

interface Manifest {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** Packages a start command needs beyond the package's own `dependencies` (resolved from the package). */
export interface ExtraPackages {
  /** Counted with their runtime dependency closures (tsx: esbuild and the rest). */
  withDependencies: readonly string[];
  /** Their own folder only (the kit: its launcher uses none of the kit's dependencies the package lacks). */
  folderOnly: readonly string[];
}

/** The footprint of `root` (a package folder) with its closure, `extra`, and `nodeBinary`. */
export function measureFootprint(root: string, extra: ExtraPackages, nodeBinary: string): Footprint {
  const seen = new Map<string, string>();
  const visit = (dir: string, withDependencies = true): void => {
    if (seen.has(dir)) return;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
    seen.set(dir, dir.includes(`/${NODE_MODULES}/`) ? `${manifest.name}@${manifest.version}` : `${manifest.name ?? dir} (workspace)`);
    if (!withDependencies) return;
    const names = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {})];
    for (const name of names) {
      const found = findPackage(name, dir);
      if (found) visit(found); // an optional dependency for another platform is simply not installed
    }
  };
  visit(realpathSync(root));
  for (const [names, withDependencies] of [
    [extra.withDependencies, true],
    [extra.folderOnly, false],
  ] as const) {
    for (const name of names) {
      const found = findPackage(name, realpathSync(root));
      if (!found) throw new Error(`${name} is not installed where ${root} can resolve it`);
      visit(found, withDependencies);
    }
  }
  const packagesBytes = [...seen.keys()].reduce((sum, dir) => sum + folderBytes(dir), 0);
  const nodeBinaryBytes = statSync(nodeBinary).size;
  return {
    packagesBytes,
    nodeBinaryBytes,
    totalBytes: packagesBytes + nodeBinaryBytes,
    packageCount: seen.size,
    packages: [...seen.values()].sort(),
  };
}

/** The file a serve command ships (its `ships`, else its executable, else the script its node runs); null: none. */
export function shippedFile(serve: ServeCommand): string | null {
  if (serve.ships !== undefined) return serve.ships;
  return serve.command === process.execPath ? (serve.args?.[0] ?? null) : serve.command;
}

/**
 * The footprint of a measured server: its shipped file's size for a serve command (undefined when it ships
 * sources), else the package folder's closure with the kit's launcher (tsx with its dependencies, the kit's own
 * folder) and `node`. `shown` makes a path repo-relative for the result.
 */
export function serverFootprint(server: { dir: string; serve?: ServeCommand; node?: string }, shown: (path: string) => string): Footprint | undefined {
  if (server.serve) {
    const file = shippedFile(server.serve);
    if (file === null) return undefined;
    const bytes = statSync(file).size;
    return { file: shown(file), packagesBytes: 0, nodeBinaryBytes: 0, totalBytes: bytes, packageCount: 0, packages: [] };
  }
  return measureFootprint(server.dir, { withDependencies: ['tsx'], folderOnly: ['@hotpath/kit'] }, server.node ?? process.execPath);
}
