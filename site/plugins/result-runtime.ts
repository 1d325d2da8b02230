/**
 * Which runtime measured a committed result, and the per-runtime result files a lab commits side by side:
 * `solutions/<slug>/results/<stem>.json` (the Node 20 run of record) and `<stem>.<runtime id>.json`
 * (`checkpoint.node26.json`, `startup.bun.json`, …). A result written since issue 17 records its runtime at top
 * level (`runtime`, the harness's RunRuntime); an older one only its fingerprint's Node version ("v20.20.2",
 * lab 05's start-up file: `machine.node`), from which the runtime is derived. A file named for one runtime but
 * measured on another, or two files of one runtime, fail the build with what to rename.
 *
 * The build can lay a folder of extra results over the repository's (`resultsOverlay`, from the
 * HOTPATH_SITE_RESULTS environment variable: `<dir>/<slug>/<file>.json`); a file there replaces the
 * repository's of the same name. The site's browser tests build with it to show a runtime not committed yet.
 */
import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { RunRuntime } from '@hotpath/harness/result';
import { runtimeOrder } from '../src/components/runtime-choice.ts';
import { repoRoot } from './repo-links.ts';

/** A result's runtime as the site shows it: the harness's record, named for the picker and for captions. */
export interface SiteRuntime extends RunRuntime {
  /** The picker's name for it: "Node 26", "Bun 1". */
  name: string;
  /** What each figure block states: "Node 26.12.1 · V8 14.6" (V8's major.minor; Bun has none). */
  caption: string;
}

/** The runtime record of a file measured on `kind` `version`: its id is the one the harness gives a run's own runtime. */
export function siteRuntime(kind: RunRuntime['kind'], version: string, v8: string | null): SiteRuntime {
  const plain = version.replace(/^v/, '');
  const major = Number.parseInt(plain, 10);
  const runtimeName = kind === 'bun' ? 'Bun' : 'Node';
  const label = `${runtimeName} ${plain}`;
  const v8Short = v8 ? (/^\d+\.\d+/.exec(v8)?.[0] ?? v8) : null;
  return {
    id: kind === 'bun' ? 'bun' : `node${major}`,
    label,
    kind,
    version: plain,
    major,
    v8,
    name: `${runtimeName} ${major}`,
    caption: v8Short ? `${label} · V8 ${v8Short}` : label,
  };
}

const field = (value: unknown, key: string): unknown => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The runtime `json` (a parsed result file) was measured on: its `runtime`, else `fingerprint.node` (and
 * `fingerprint.v8`), else `machine.node`. Throws, naming `file`, when it records none.
 */
export function recordedRuntime(json: unknown, file: string): SiteRuntime {
  const runtime = field(json, 'runtime');
  const kind = field(runtime, 'kind');
  const version = text(field(runtime, 'version'));
  if ((kind === 'node' || kind === 'bun') && version) return siteRuntime(kind, version, text(field(runtime, 'v8')) ?? null);
  const fingerprint = field(json, 'fingerprint');
  const node = text(field(fingerprint, 'node')) ?? text(field(field(json, 'machine'), 'node'));
  if (node && /^v?\d+\./.test(node)) return siteRuntime('node', node, text(field(fingerprint, 'v8')) ?? null);
  throw new Error(`Malformed ${file}: it records no runtime (neither runtime.kind and runtime.version nor fingerprint.node): re-run the script that writes it`);
}

/** One committed results file of a lab: where it is, and the runtime its name claims (undefined: `<stem>.json`). */
export interface ResultFile {
  /** Repo-relative path, as the page names it: `solutions/05-single-binary/results/startup.node26.json`. */
  file: string;
  /** Absolute path. */
  path: string;
  /** `node26` for `<stem>.node26.json`. */
  named?: string;
}

/** A file's name on the page: relative to the kit at `root`, else to this repository (an overlay), else absolute. */
function shownPath(root: string, path: string): string {
  return [relative(root, path), relative(repoRoot, path)].find((rel) => !rel.startsWith('..') && !isAbsolute(rel)) ?? path;
}

/**
 * Every `<stem>.json` and `<stem>.<runtime id>.json` of a lab: the repository's `solutions/<slug>/results/`,
 * with the overlay's `<overlay>/<slug>/` files laid over it.
 */
export function resultFiles(root: string, slug: string, stem: string, overlay?: string): ResultFile[] {
  const pattern = new RegExp(`^${stem}(?:\\.(node\\d+|bun))?\\.json$`);
  const found = new Map<string, ResultFile>();
  for (const dir of [join(root, 'solutions', slug, 'results'), ...(overlay ? [join(overlay, slug)] : [])]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const match = pattern.exec(name);
      if (!match) continue;
      const path = join(dir, name);
      found.set(name, { file: shownPath(root, path), path, named: match[1] });
    }
  }
  return [...found.values()];
}

/**
 * The per-runtime variants of one figure block (each with the runtime its file's name claims), in picker order.
 * Throws, naming the files, when a file's name claims another runtime than it records, or two files hold the
 * same runtime's figures.
 */
export function byRuntime<T extends { runtime: SiteRuntime; file: string }>(variants: Array<[T, string | undefined]>): T[] {
  for (const [v, named] of variants) {
    if (named && named !== v.runtime.id) {
      const stem = v.file.replace(/\.[^./]+\.json$/, '');
      throw new Error(
        `${v.file} is named for ${named} but was measured on ${v.runtime.label}: rename it ${stem}.${v.runtime.id}.json, or re-run it on ${named}`,
      );
    }
  }
  const list = variants.map(([v]) => v);
  for (const [i, v] of list.entries()) {
    const twin = list.slice(i + 1).find((o) => o.runtime.id === v.runtime.id);
    if (twin) throw new Error(`${v.file} and ${twin.file} both hold ${v.runtime.name}'s figures: keep one (the run of record) and delete the other`);
  }
  return list.sort((a, b) => runtimeOrder(a.runtime, b.runtime));
}
