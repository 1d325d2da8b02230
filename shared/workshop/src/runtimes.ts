/**
 * The runtimes the kit runs and measures on: which Node majors it supports and recommends, the exact Node and
 * Bun versions CI and `pnpm lab runtime add` install, and how a spec — '26', 'node-26', 'bun', a binary's path —
 * becomes a binary to run (resolveRuntime). Installed copies live in <repo>/.hotpath/runtimes/<kind>-<version>/;
 * the kit's runtime-install.ts (`pnpm lab runtime add`) unpacks them there from the npm registry's official
 * binary packages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { repoRoot } from '@hotpath/workshop/paths';

export type RuntimeKind = 'node' | 'bun';

/** The Node majors the kit runs on (20: past end of life since April 2026, still runs). */
export const SUPPORTED_NODE_MAJORS: readonly number[] = [20, 22, 24, 26];
/** The major to install when in doubt: the active LTS line. */
export const RECOMMENDED_NODE_MAJOR = 26;
/** Exact versions CI and `pnpm lab runtime add` install (20: the one this workshop's machines come with). */
export const PINNED: { node: Record<number, string>; bun: string } = {
  node: { 20: '20.20.2', 22: '22.23.5', 24: '24.22.3', 26: '26.12.1' },
  bun: '1.4.5',
};
/** The oldest release of each supported major the kit runs on (Vite needs ^20.19 || >=22.12: require(esm)). */
export const NODE_MINIMUMS: Record<number, string> = { 20: '20.19.0', 22: '22.12.0', 24: '24.0.0', 26: '26.0.0' };
/** Where each supported major stands in Node's release schedule (December 2026). */
const NODE_PHASE: Record<number, string> = {
  20: 'past end of life since April 2026',
  22: 'maintenance LTS, end of life April 2027',
  24: 'maintenance LTS',
  26: 'active LTS, recommended',
};

export interface RuntimeInfo {
  kind: RuntimeKind;
  version: string;
  major: number;
  /** V8's version (Node only: Bun runs JavaScriptCore). */
  v8?: string;
  /** Absolute path of the binary. */
  path: string;
  /** "Node 26.12.1", "Bun 1.4.5". */
  label: string;
}

export type RuntimeSpec =
  | { kind: 'node'; major: number; version?: string }
  | { kind: 'bun'; version?: string }
  | { kind: 'path'; path: string }
  | { kind: 'current' };

/** Where installed runtimes live under a kit's root. */
export const runtimesDir = (root = kitRoot()) => join(root, '.hotpath', 'runtimes');
/** The root the CLI works on: HOTPATH_ROOT (the CLI's tests) or this repository. */
export const kitRoot = () => process.env.HOTPATH_ROOT ?? repoRoot;

const label = (kind: RuntimeKind, version: string) => `${kind === 'node' ? 'Node' : 'Bun'} ${version}`;
const majorOf = (version: string) => Number.parseInt(version.replace(/^v/, ''), 10);

/** Compares two "x.y.z" versions (a leading v allowed): negative when a is older. */
export function compareVersions(a: string, b: string): number {
  const pa = a
    .replace(/^v/, '')
    .split('.')
    .map((n) => Number.parseInt(n, 10) || 0);
  const pb = b
    .replace(/^v/, '')
    .split('.')
    .map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** The supported range as package.json `engines.node` states it: "^20.19 || ^22.12 || ^24 || ^26". */
export function nodeEnginesRange(minimums: Record<number, string> = NODE_MINIMUMS): string {
  return SUPPORTED_NODE_MAJORS.map((major) => {
    const [, minor = '0'] = (minimums[major] ?? `${major}.0.0`).split('.');
    return minor === '0' ? `^${major}` : `^${major}.${minor}`;
  }).join(' || ');
}

export interface NodeSupport {
  /** ok: supported; warn: runs, but past end of life or not tested; fail: too old to run the kit. */
  level: 'ok' | 'warn' | 'fail';
  /** "supported (active LTS, recommended)", "past end of life since April 2026", "not tested", "too old …". */
  summary: string;
}

/** Whether the kit supports a Node version; `minimums` per major (default NODE_MINIMUMS, doctor reads engines). */
export function nodeSupport(version: string, minimums: Record<number, string> = NODE_MINIMUMS): NodeSupport {
  const major = majorOf(version);
  const lowest = Math.min(...SUPPORTED_NODE_MAJORS);
  const newest = Math.max(...SUPPORTED_NODE_MAJORS);
  const list = `${SUPPORTED_NODE_MAJORS.filter((m) => m !== lowest)
    .join(', ')
    .replace(/, (\d+)$/, ' or $1')}`;
  const minimum = minimums[major];
  if (major < lowest || (minimum && compareVersions(version, minimum) < 0)) {
    const floor =
      minimum && major >= lowest
        ? `${minimum.replace(/\.0$/, '')} or later of Node ${major}`
        : `Node ${list} (${(minimums[lowest] ?? `${lowest}.0.0`).replace(/\.0$/, '')}+ still runs)`;
    return { level: 'fail', summary: `too old: the kit needs ${floor}` };
  }
  if (SUPPORTED_NODE_MAJORS.includes(major)) {
    const phase = NODE_PHASE[major] ?? 'supported';
    return major === lowest ? { level: 'warn', summary: phase } : { level: 'ok', summary: `supported (${phase})` };
  }
  if (major > newest) return { level: 'warn', summary: `not tested: the kit is tested on Node ${list}` };
  return { level: 'warn', summary: `an odd-numbered release, past end of life and not tested: the kit is tested on Node ${list}` };
}

/** Whether this process's Node strips TypeScript natively (process.features.typescript, Node >= 22.18 / 23.6). */
export function hasNativeTypeStripping(): boolean {
  return Boolean((process.features as { typescript?: string | false }).typescript);
}

/** Whether a runtime runs .ts files by default: Bun always; Node from 22.18 (22 line) and 23.6 on. */
export function stripsTypes(info: Pick<RuntimeInfo, 'kind' | 'version'>): boolean {
  if (info.kind === 'bun') return true;
  return majorOf(info.version) === 22 ? compareVersions(info.version, '22.18.0') >= 0 : compareVersions(info.version, '23.6.0') >= 0;
}

/** What the current process runs on. */
export function currentRuntime(): RuntimeInfo {
  const bun = process.versions.bun;
  const kind: RuntimeKind = bun ? 'bun' : 'node';
  const version = bun ?? process.versions.node;
  return { kind, version, major: majorOf(version), ...(bun ? {} : { v8: process.versions.v8 }), path: process.execPath, label: label(kind, version) };
}

/** '26' | 'node26' | 'node-26' | 'node@26' | '26.12.1' | 'bun' | 'bun@1.4.5' | 'current' | a path → what it names. */
export function parseRuntimeSpec(spec: string): RuntimeSpec {
  const text = spec.trim();
  const node = /^(?:node[-@]?|v)?(\d+)(\.\d+\.\d+)?$/i.exec(text);
  if (node) return { kind: 'node', major: Number(node[1]), ...(node[2] ? { version: `${node[1]}${node[2]}` } : {}) };
  const bun = /^bun(?:[-@]v?(\d+\.\d+\.\d+))?$/i.exec(text);
  if (bun) return { kind: 'bun', ...(bun[1] ? { version: bun[1] } : {}) };
  if (/^(node|current)$/i.test(text)) return { kind: 'current' };
  if (/[\\/]/.test(text) || text.startsWith('.')) return { kind: 'path', path: resolve(text) };
  throw new Error(`"${spec}" names no runtime: give a Node major (26, node-24), an exact version (26.12.1), bun, or the path of a node or bun binary`);
}

interface InstalledRecord {
  kind: RuntimeKind;
  version: string;
  v8?: string;
}

/** The file install writes last into a runtime folder (before renaming it into place): its presence marks a whole runtime. */
export const RECORD_FILE = 'hotpath-runtime.json';

/** Runtimes installed under `root`/.hotpath/runtimes, oldest first: only whole ones (binary and record present). */
export function installedRuntimes(root = kitRoot()): RuntimeInfo[] {
  const dir = runtimesDir(root);
  if (!existsSync(dir)) return [];
  const found: RuntimeInfo[] = [];
  for (const name of readdirSync(dir)) {
    const match = /^(node|bun)-(\d+\.\d+\.\d+)$/.exec(name);
    if (!match) continue;
    const kind = match[1] as RuntimeKind;
    const path = join(dir, name, 'bin', kind);
    const recordPath = join(dir, name, RECORD_FILE);
    if (!existsSync(path) || !existsSync(recordPath)) continue;
    let record: InstalledRecord;
    try {
      record = JSON.parse(readFileSync(recordPath, 'utf8')) as InstalledRecord;
    } catch {
      continue;
    }
    if (record.kind !== kind || record.version !== match[2]) continue;
    found.push({
      kind,
      version: record.version,
      major: majorOf(record.version),
      ...(record.v8 ? { v8: record.v8 } : {}),
      path,
      label: label(kind, record.version),
    });
  }
  return found.sort((a, b) => (a.kind === b.kind ? compareVersions(a.version, b.version) : a.kind === 'node' ? -1 : 1));
}

const PROBE = 'console.log(JSON.stringify({node:process.versions.node,v8:process.versions.v8,bun:process.versions.bun||null}))';

/** Runs a binary once to learn what it is. Throws when it is not a Node or Bun that runs. */
export function probeRuntime(binary: string): RuntimeInfo {
  const path = resolve(binary);
  if (!existsSync(path)) throw new Error(`No runtime at ${path}: give the path of a node or bun binary`);
  let versions: { node: string; v8: string; bun: string | null };
  try {
    const out = execFileSync(path, ['-e', PROBE], {
      encoding: 'utf8',
      timeout: 30_000,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    versions = JSON.parse(out.trim().split('\n').at(-1)!) as typeof versions;
  } catch (error) {
    throw new Error(`${path} did not run as Node or Bun (${(error as Error).message.split('\n')[0]}): give the path of a node or bun binary`);
  }
  const kind: RuntimeKind = versions.bun ? 'bun' : 'node';
  const version = versions.bun ?? versions.node;
  return { kind, version, major: majorOf(version), ...(kind === 'node' ? { v8: versions.v8 } : {}), path, label: label(kind, version) };
}

/**
 * Every distinct `kind` binary on PATH but this process's own, probed (e.g. the machine's Node 20 while .ci/run
 * runs with Node 26 first on PATH). Binaries that do not run are skipped.
 */
export function runtimesOnPath(kind: RuntimeKind): RuntimeInfo[] {
  const seen = new Set([realpathSync(process.execPath)]);
  const found: RuntimeInfo[] = [];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const path = dir && join(dir, kind);
    if (!path || !existsSync(path)) continue;
    const real = realpathSync(path);
    if (seen.has(real)) continue;
    seen.add(real);
    try {
      const info = probeRuntime(path);
      if (info.kind === kind) found.push(info);
    } catch {
      // not a runtime that runs: skip it
    }
  }
  return found;
}

/** Of several copies, the pinned one if there, else the newest. */
function pick(candidates: RuntimeInfo[], pinned: string | undefined): RuntimeInfo | undefined {
  return candidates.find((r) => r.version === pinned) ?? candidates.at(-1);
}

/**
 * '26' | 'node26' | 'node-26' | 'bun' | an absolute/relative path to a node or bun binary → its RuntimeInfo.
 * Majors resolve to the current process when it is that major, else to an installed copy under
 * <root>/.hotpath/runtimes/ (the pinned version when installed, else the newest), else to one on PATH (the
 * first). Throws an Error whose message
 * says what to run ("Node 26 is not installed: run pnpm lab runtime add 26").
 */
export function resolveRuntime(spec: string, options: { root?: string } = {}): RuntimeInfo {
  const parsed = parseRuntimeSpec(spec);
  const current = currentRuntime();
  if (parsed.kind === 'current') return current;
  if (parsed.kind === 'path') return probeRuntime(parsed.path);
  const installed = installedRuntimes(options.root ?? kitRoot());
  if (parsed.kind === 'bun') {
    const wanted = (r: RuntimeInfo) => r.kind === 'bun' && (!parsed.version || r.version === parsed.version);
    if (wanted(current)) return current;
    const copy = pick(installed.filter(wanted), PINNED.bun) ?? runtimesOnPath('bun').find(wanted);
    if (copy) return copy;
    const name = parsed.version ? `Bun ${parsed.version}` : 'Bun';
    throw new Error(`${name} is not installed: run pnpm lab runtime add ${parsed.version ? `bun@${parsed.version}` : 'bun'}`);
  }
  const wanted = (r: RuntimeInfo) => r.kind === 'node' && (parsed.version ? r.version === parsed.version : r.major === parsed.major);
  if (wanted(current)) return current;
  const copy = pick(installed.filter(wanted), PINNED.node[parsed.major]) ?? runtimesOnPath('node').find(wanted);
  if (copy) return copy;
  const name = parsed.version ?? String(parsed.major);
  const add =
    parsed.version || PINNED.node[parsed.major]
      ? `run pnpm lab runtime add ${name}`
      : `pnpm lab runtime add installs Node ${Object.keys(PINNED.node).join(', ')} or an exact version (e.g. ${parsed.major}.0.0)`;
  throw new Error(`Node ${name} is not installed: ${add}`);
}
