/**
 * How every bin of the kit loads TypeScript, decided once per process before any .ts file is imported (so this
 * module is plain JavaScript).
 *
 * Node ≥ 22.18 (and 23.6+) strips types itself (`process.features.typescript`), and the kit's code is erasable
 * TypeScript (tsconfig.base.json: `erasableSyntaxOnly`, `verbatimModuleSyntax`), so it runs as it is: no tsx in
 * the process. tsx is registered only when it must be:
 *   - the runtime cannot strip types (Node 20), or
 *   - what the process will import reaches `shared/baseline`: lab 00's naive app uses legacy decorators and
 *     parameter properties on purpose, which no runtime strips (lab 00, its solution, lab 01's starting code).
 * `HOTPATH_TYPESCRIPT=tsx` forces tsx (to compare start-up times, say).
 *
 * Whether an app reaches the baseline is a static scan from its entry files: import/export specifiers (type-only
 * ones left out) and literal `import('…')`, following relative paths, `#imports` and workspace packages
 * (`@hotpath/…`) to their real files; npm packages are not followed. Comment lines are skipped.
 *
 * tsx reads shared/baseline/tsconfig.json (unless TSX_TSCONFIG_PATH is set): it applies a tsconfig only to the
 * files that config includes, so the baseline's files get its legacy decorators and every other file esbuild's
 * defaults, which match what Node's own type stripping does (class fields defined, not assigned).
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding pnpm-workspace.yaml). */
export const repoRoot = realpathSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../..'));
const BASELINE_DIR = join(repoRoot, 'shared', 'baseline') + sep;
const BASELINE_TSCONFIG = join(repoRoot, 'shared', 'baseline', 'tsconfig.json');
const SOURCE = /\.(?:[mc]?ts|[mc]?js)$/;

/** Whether this runtime runs .ts files itself (Node ≥ 22.18 / 23.6: `process.features.typescript`). */
export function nativeTypeScript() {
  return Boolean(process.features.typescript);
}

/** `import … from 'x'`, `export … from 'x'`, `import 'x'`, `import('x')`; group 1 is `type` for type-only ones. */
const SPECIFIER = /\b(?:import|export)\s+(type\s+)?(?:[\w$*{}\s,]*?\bfrom\s*)?['"]([^'"\n]+)['"]|\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g;

/** A line that is a comment or inside a block comment (`//`, `/*`, `/**` or ` * …`). */
const COMMENT_LINE = /^[ \t]*(?:\/\/|\/\*|\*).*$/gm;

/** The module specifiers a source file loads at run time (type-only imports and comment lines left out). */
export function runtimeSpecifiers(text) {
  const code = text.replace(COMMENT_LINE, '');
  const out = [];
  for (const match of code.matchAll(SPECIFIER)) {
    if (match[1]) continue;
    out.push(match[2] ?? match[3]);
  }
  return out;
}

/** package.json files read so far, by folder (null: none there). */
const packages = new Map();
function packageIn(dir) {
  if (!packages.has(dir)) {
    const path = `${dir}/package.json`;
    packages.set(dir, existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
  }
  return packages.get(dir);
}

/** The folder of the nearest package.json above `file`, and its contents (cached by folder). */
const owners = new Map();
function ownerOf(file) {
  const dir = dirname(file);
  if (!owners.has(dir)) {
    const pkg = packageIn(dir);
    owners.set(dir, pkg ? { dir, pkg } : dir === dirname(dir) ? null : ownerOf(dir));
  }
  return owners.get(dir);
}

/** A string target of an `exports`/`imports` map for `key` ('.', './fixtures', '#given'), `*` patterns included. */
function mapTarget(map, key) {
  if (typeof map === 'string') return key === '.' ? map : undefined;
  if (map === null || typeof map !== 'object') return undefined;
  if (typeof map[key] === 'string') return map[key];
  for (const [pattern, target] of Object.entries(map)) {
    const star = pattern.indexOf('*');
    if (star !== -1 && typeof target === 'string' && key.startsWith(pattern.slice(0, star)) && key.endsWith(pattern.slice(star + 1))) {
      return target.replace('*', key.slice(star, key.length - (pattern.length - star - 1)));
    }
  }
  return undefined;
}

/**
 * `@hotpath/…` and `#…` specifiers by the workspace's package.json maps (string targets, as the kit's are);
 * anything else through Node's own require resolution. Either way, only to a file of this repo.
 */
function resolveBare(file, specifier) {
  const owner = ownerOf(file);
  if (owner && specifier.startsWith('#')) {
    const target = mapTarget(owner.pkg.imports, specifier);
    if (target !== undefined) return target.startsWith('.') ? resolve(owner.dir, target) : resolveBare(file, target);
  } else if (owner) {
    // The package as Node finds it: the importing package's node_modules link, to the workspace folder.
    const [scope, name, ...rest] = specifier.split('/');
    const link = `${owner.dir}/node_modules/${scope}/${name}`;
    const dir = existsSync(link) ? realpathSync(link) : undefined;
    const target = dir && mapTarget(packageIn(dir)?.exports, rest.length ? `./${rest.join('/')}` : '.');
    if (target !== undefined) return resolve(dir, target);
  }
  try {
    return createRequire(file).resolve(specifier);
  } catch {
    return undefined; // not resolvable from there: the import fails the same way with either loader
  }
}

/** The real file `specifier` names from `file`, when it is a source file of this repo. */
function resolveSource(file, specifier) {
  let path;
  if (specifier.startsWith('.') || specifier.startsWith('/')) path = resolve(dirname(file), specifier);
  else if (specifier.startsWith('#') || specifier.startsWith('@hotpath/')) path = resolveBare(file, specifier);
  else return undefined; // node: built-ins and npm packages (plain JavaScript)
  return path !== undefined && SOURCE.test(path) && !path.includes(`${sep}node_modules${sep}`) && existsSync(path) ? path : undefined;
}

/**
 * The import chain from one of `entries` (absolute paths; missing ones are skipped) to the first file of
 * shared/baseline, or undefined when none reaches it.
 */
export function baselineChain(entries) {
  const previous = new Map();
  const queue = [];
  for (const entry of entries) {
    if (!existsSync(entry)) continue;
    const real = realpathSync(entry);
    if (!previous.has(real)) previous.set(real, null), queue.push(real);
  }
  while (queue.length > 0) {
    const file = queue.shift();
    if (file.startsWith(BASELINE_DIR)) {
      const chain = [];
      for (let at = file; at !== null; at = previous.get(at)) chain.unshift(at);
      return chain;
    }
    for (const specifier of runtimeSpecifiers(readFileSync(file, 'utf8'))) {
      const next = resolveSource(file, specifier);
      if (next === undefined || previous.has(next)) continue;
      previous.set(next, file);
      queue.push(next);
    }
  }
  return undefined;
}

/** Whether a process that imports `entries` needs tsx: no native type stripping, or they reach the baseline. */
export function needsTsx(entries) {
  return process.env.HOTPATH_TYPESCRIPT === 'tsx' || !nativeTypeScript() || baselineChain(entries) !== undefined;
}

/**
 * Node 22.18–23.x print "ExperimentalWarning: Type Stripping is an experimental feature" at the first .ts
 * file. A server's stderr is read by people and by the harness, so that one warning is dropped (in-process:
 * no re-spawn, which would cost start-up time and put a wrapper process between the harness and the server).
 */
export function quietTypeStrippingWarning() {
  const emit = process.emitWarning;
  process.emitWarning = function emitWarning(warning, ...rest) {
    const type = typeof rest[0] === 'string' ? rest[0] : rest[0]?.type;
    const name = type ?? (warning instanceof Error ? warning.name : undefined);
    const text = warning instanceof Error ? warning.message : String(warning);
    if (name === 'ExperimentalWarning' && /type[- ]stripping|strip-types/i.test(text)) return;
    return emit.call(this, warning, ...rest);
  };
}

/**
 * Makes TypeScript loadable for a process that will import `entries` (its app, checkpoint, … files) and the
 * kit's own code: registers tsx when needsTsx(entries), and otherwise leaves .ts files to the runtime.
 * Returns which one loads them: 'tsx' or 'native'.
 */
export async function loadTypeScript(entries = []) {
  quietTypeStrippingWarning();
  if (!needsTsx(entries)) return 'native';
  // Passed explicitly too: a preload that registered module hooks earlier (`node --import …`) has started
  // the hooks thread already, with a copy of the environment from before this line.
  const tsconfig = (process.env.TSX_TSCONFIG_PATH ||= BASELINE_TSCONFIG);
  const { register } = await import('tsx/esm/api');
  register({ tsconfig });
  return 'tsx';
}
