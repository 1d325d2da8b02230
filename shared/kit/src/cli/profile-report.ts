/**
 * Reading a `.cpuprofile` without Chrome: self time per sampled node, then grouped two ways — by package
 * (which npm dependency, Node's built-ins, the app's own files, or V8's pseudo-frames) and by function (top N,
 * with file:line and package) — and the text report `pnpm lab profile` and `pnpm lab bench --profile` print.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number }; hitCount?: number; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** What a package group is: an npm dependency, Node's own JavaScript, the workspace's files, or V8's pseudo-frames. */
export type PackageKind = 'npm' | 'node' | 'app' | 'v8';

export interface PackageEntry {
  /** `class-transformer`, `@hono/node-server`, `node:` (built-ins), `@hotpath/baseline`, `(garbage collector)` … */
  name: string;
  kind: PackageKind;
  selfMs: number;
  /** Share of all sampled time (idle, program and GC included). */
  selfPercent: number;
}

export interface ProfileEntry {
  functionName: string;
  /** Script URL as V8 reports it (file://…, node:…, or '' for native code). */
  url: string;
  /** 1-based line of the function's start. */
  line: number;
  /** The function's package group (see packageOf). */
  package: string;
  selfMs: number;
  /** Share of all sampled time (idle, program and GC included). */
  selfPercent: number;
}

export interface ProfileSummary {
  top: ProfileEntry[];
  packages: PackageEntry[];
  /** All sampled time (in the window, when one was given), idle/program/GC included. */
  totalMs: number;
  /** True when only the samples of the load window were counted (start-up and shutdown left out). */
  windowed: boolean;
  /** When a native write (writev, …) leads the functions: one line saying what it is (see ioNote). */
  ioNote?: string;
}

/**
 * A span of the profile's clock, in µs. V8 stamps samples with the monotonic clock that
 * `process.hrtime.bigint()` reads, so a parent process can note when its load started and ended.
 */
export interface SampleWindow {
  fromUs: number;
  toUs: number;
}

/** V8's pseudo-frames: kept apart from code, never in the function list. */
export const PSEUDO_FRAMES = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** A script URL's file path when it is a file: URL, else the URL as it is (node:, http:, an eval's name). */
function pathOf(url: string): string {
  if (!url.startsWith('file:')) return url;
  try {
    return fileURLToPath(url);
  } catch {
    return url;
  }
}

/**
 * The package group of a call frame. npm code by the package folder after the last `node_modules/` (pnpm's
 * `node_modules/.pnpm/<name>@<version>/node_modules/<name>/…` included); `node:` for Node's built-ins; the
 * workspace's own files by package folder (`shared/baseline` → `@hotpath/baseline`, `labs/00-baseline`);
 * V8's pseudo-frames by name; `(native)` for V8 builtins with no script.
 */
export function packageOf(url: string, functionName: string, root: string): { name: string; kind: PackageKind } {
  if (PSEUDO_FRAMES.has(functionName) && url === '') return { name: functionName, kind: 'v8' };
  if (url === '') return { name: '(native)', kind: 'v8' };
  if (url.startsWith('node:')) return { name: 'node:', kind: 'node' };
  const path = pathOf(url);
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = path.slice(nm + '/node_modules/'.length).split('/');
    const name = parts[0]!.startsWith('@') && parts[1] ? `${parts[0]}/${parts[1]}` : parts[0]!;
    return { name, kind: 'npm' };
  }
  const rel = isAbsolute(path) ? relative(root, path) : path;
  const [top, folder] = rel.split('/');
  if (!rel.startsWith('..') && folder !== undefined) {
    if (top === 'shared') return { name: `@hotpath/${folder}`, kind: 'app' };
    if (top === 'labs' || top === 'solutions') return { name: `${top}/${folder}`, kind: 'app' };
  }
  return { name: '(other)', kind: 'app' };
}

/**
 * Self time (µs) per profile node id: from samples and timeDeltas (only those inside `window`, when given),
 * else hitCount × average interval.
 */
export function selfTimesUs(profile: CpuProfile, window?: SampleWindow): Map<number, number> {
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  if (samples.length > 0 && deltas.length === samples.length) {
    // Like DevTools: a sample lasts until the next one; the last one until endTime.
    let t = profile.startTime;
    const times = deltas.map((d) => (t += d));
    for (let i = 0; i < samples.length; i++) {
      if (window && (times[i]! < window.fromUs || times[i]! > window.toUs)) continue;
      const next = i + 1 < samples.length ? times[i + 1]! : Math.max(profile.endTime, times[i]!);
      self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + Math.max(0, next - times[i]!));
    }
    return self;
  }
  const hits = profile.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0);
  const interval = hits > 0 ? (profile.endTime - profile.startTime) / hits : 0;
  for (const n of profile.nodes) if (n.hitCount) self.set(n.id, n.hitCount * interval);
  return self;
}

const sourceCache = new Map<string, string[] | null>();

/**
 * tsx compiles each TypeScript file onto one line, so V8 reports line 1 (0-based 0) for all its functions.
 * For those, find the function's definition in the .ts source by name; otherwise keep V8's line.
 */
export function sourceLine(url: string, functionName: string, v8Line: number): number {
  if (v8Line !== 0 || !/\.[mc]?tsx?$/.test(url) || !/^[\w$]+$/.test(functionName)) return v8Line + 1;
  let lines = sourceCache.get(url);
  if (lines === undefined) {
    try {
      lines = readFileSync(url.startsWith('file:') ? fileURLToPath(url) : url, 'utf8').split('\n');
    } catch {
      lines = null;
    }
    sourceCache.set(url, lines);
  }
  if (!lines) return 1;
  const name = functionName.replace(/\$/g, '\\$');
  const patterns = [
    new RegExp(`\\bfunction\\s*\\*?\\s*${name}\\s*[<(]`), // function name(
    new RegExp(`^\\s*((public|private|protected|static|readonly|override|async|get|set)\\s+)*\\*?${name}\\s*[<(][^;]*$`), // method(…) {
    new RegExp(`\\b${name}\\s*[:=]\\s*(async\\s*)?(function\\b|\\(|[\\w$]+\\s*=>)`), // name = (…) => / name: function
    new RegExp(`\\bclass\\s+${name}\\b`), // constructor of class name
  ];
  for (const pattern of patterns) {
    const index = lines.findIndex((l) => pattern.test(l));
    if (index >= 0) return index + 1;
  }
  return 1;
}

/**
 * Self time by package (every group, highest first) and the top `limit` functions (pseudo-frames left out),
 * counting only the samples inside `window` when it holds any (else the whole profile).
 */
export function summariseProfile(profile: CpuProfile, root: string, limit = 15, window?: SampleWindow): ProfileSummary {
  let self = window ? selfTimesUs(profile, window) : new Map<number, number>();
  const windowed = self.size > 0;
  if (!windowed) self = selfTimesUs(profile);
  let totalUs = 0;
  for (const us of self.values()) totalUs += us;
  const totalMs = totalUs / 1000;
  const percent = (ms: number) => (totalMs > 0 ? (ms / totalMs) * 100 : 0);
  const byKey = new Map<string, ProfileEntry>();
  const byPackage = new Map<string, PackageEntry>();
  for (const node of profile.nodes) {
    const us = self.get(node.id);
    if (!us) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const group = packageOf(url, functionName, root);
    const pkg = byPackage.get(group.name) ?? { ...group, selfMs: 0, selfPercent: 0 };
    pkg.selfMs += us / 1000;
    byPackage.set(group.name, pkg);
    if (group.kind === 'v8' && group.name !== '(native)') continue;
    const name = functionName || '(anonymous)';
    // The column too: in tsx-compiled files every function is on line 1, and distinct functions must not merge.
    const key = `${name}\0${url}\0${lineNumber}\0${columnNumber ?? 0}`;
    const entry = byKey.get(key) ?? {
      functionName: name,
      url,
      line: sourceLine(url, functionName, lineNumber),
      package: group.name,
      selfMs: 0,
      selfPercent: 0,
    };
    entry.selfMs += us / 1000;
    byKey.set(key, entry);
  }
  const order = <T extends { selfMs: number }>(a: T, b: T, tie: number) => b.selfMs - a.selfMs || tie;
  const top = [...byKey.values()]
    .sort((a, b) => order(a, b, a.functionName.localeCompare(b.functionName)))
    .slice(0, limit)
    .map((e) => ({ ...e, selfPercent: percent(e.selfMs) }));
  const packages = [...byPackage.values()].sort((a, b) => order(a, b, a.name.localeCompare(b.name))).map((p) => ({ ...p, selfPercent: percent(p.selfMs) }));
  const note = top[0] ? ioNote(profile, self, top[0]) : undefined;
  return { top, packages, totalMs, windowed, ...(note ? { ioNote: note } : {}) };
}

/** Node's native stream writes: self time there is the write system call, not JavaScript. */
export const IO_NATIVES = new Set(['writev', 'writeBuffer', 'writeUtf8String', 'writeLatin1String', 'writeAsciiString', 'writeUcs2String']);

/**
 * When the top function is a native stream write, one line on what it is: how much of it sends HTTP responses
 * (a caller in node:_http_outgoing) and how much writes other streams (stdout, a pipe, a file) — so nobody
 * takes socket I/O that every server pays for the app's own cost. Undefined for any other top function.
 */
export function ioNote(profile: CpuProfile, self: Map<number, number>, leader: ProfileEntry): string | undefined {
  if (leader.url !== '' || !IO_NATIVES.has(leader.functionName)) return undefined;
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  let responses = 0;
  let all = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id);
    if (!us || node.callFrame.url !== '' || node.callFrame.functionName !== leader.functionName) continue;
    all += us;
    for (let id = parent.get(node.id); id !== undefined; id = parent.get(id)) {
      if (byId.get(id)?.callFrame.url === 'node:_http_outgoing') {
        responses += us;
        break;
      }
    }
  }
  const share = all > 0 ? Math.round((responses / all) * 100) : 0;
  const what = `${leader.functionName} (native) leads with ${leader.selfPercent.toFixed(1)} %: it is a write system call, not JavaScript`;
  return share >= 50
    ? `Note: ${what} — here Node sending the HTTP responses to their sockets (${share} % of it; on loopback the kernel's TCP work for both ends is counted in the call). Every server pays it: read on down the list for the app's own cost.`
    : `Note: ${what} — here mostly a stream other than the HTTP responses (${100 - share} % of it: stdout, a pipe or a file — a log line per request?). The flame graph shows who writes.`;
}

/** A script URL as a short location: relative to root, node_modules paths as `<package>/<file>`. */
export function shortLocation(url: string, line: number, root: string): string {
  if (!url) return '(native)';
  let path = pathOf(url);
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) path = path.slice(nm + '/node_modules/'.length);
  else if (isAbsolute(path)) {
    const rel = relative(root, path);
    if (!rel.startsWith('..') && !isAbsolute(rel)) path = rel;
  }
  return `${path}:${line}`;
}

/** Right-aligns the columns listed in `right`, pads the others; one string per row. */
function table(header: string[], rows: string[][], right: number[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) =>
    r
      .map((cell, i) => (right.includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)];
}

const KIND_LABEL: Record<PackageKind, string> = { npm: 'npm dependency', node: 'Node built-ins', app: 'workspace code', v8: 'V8' };

/** The report: self time by package, then the top functions by self time. */
export function formatSummary(summary: ProfileSummary, root: string): string {
  const span = summary.windowed ? ' during the load (start-up and shutdown left out)' : '';
  const lines = [`Self time by package, of ${summary.totalMs.toFixed(0)} ms sampled${span}:`, ''];
  const packages = summary.packages.map((p) => [p.selfMs.toFixed(1), p.selfPercent.toFixed(1), p.name, KIND_LABEL[p.kind]]);
  lines.push(...(packages.length ? table(['self ms', '%', 'package', 'kind'], packages, [0, 1]) : ['(no samples)']), '');
  lines.push(`Top ${summary.top.length} functions by self time (idle, program and GC not listed):`, '');
  const rows = summary.top.map((e) => [e.selfMs.toFixed(1), e.selfPercent.toFixed(1), e.functionName, e.package, shortLocation(e.url, e.line, root)]);
  lines.push(...(rows.length ? table(['self ms', '%', 'function', 'package', 'file:line'], rows, [0, 1]) : ['(no samples outside idle, program and GC)']));
  if (summary.ioNote) lines.push('', summary.ioNote);
  return lines.join('\n');
}
