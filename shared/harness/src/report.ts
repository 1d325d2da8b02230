/**
 * Checkpoint results: the JSON document (schemaVersion 1, described in SCHEMA.md and checkpoint.schema.json),
 * the ratios of each subject (the package, and the reference solution when measured) and of each peer (micro
 * tasks, and load and startup for a peer with a package folder) against the baseline measured in the same
 * run, writing the file, and the progress lines written to stderr while a run goes on. The printed table is in table.ts (re-exported here).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { peerKey } from './define.ts';
import type { Fingerprint } from './fingerprint.ts';
import type { LoadResult, ScenarioSummary } from './load.ts';
import type { MicroResult, MicroTaskEntry } from './micro.ts';
import type { LoadMetric, MicroMetric } from '@hotpath/kit/manifest';
import type { CarriedViews } from './run-views.ts';
import type { StartupResult, StartupSummary } from './startup.ts';

export { formatBytes, formatCount, formatMbPerSec, formatNs, formatTable, formatUs } from './table.ts';

export const SCHEMA_VERSION = 1 as const;
export type Section = 'micro' | 'load' | 'startup';

export interface SubjectInfo {
  /** 'subject', 'baseline' or 'reference'. */
  key: string;
  label: string;
  dir: string;
  /** 'reference': the lab's reference solution, measured with `--reference` / `referenceDir`. */
  role: 'subject' | 'baseline' | 'subject+baseline' | 'reference';
}

/** A peer measured as a package (a folder with src/app.ts), as the result records it. */
export interface PeerPackage {
  name: string;
  /** Repo-relative folder, e.g. `solutions/04-pooling/no-pool` (absolute outside the repo). */
  label: string;
  /** Absolute folder (a peer served by a command: its working directory). */
  dir: string;
  /** Set when the peer is started by a serve command, not from a package folder; `label` is the command's. */
  command?: true;
  /** The runtime its serve command brings when it is not this node (e.g. "Bun 1.4.5"). */
  runtime?: string;
}

export interface Ratio {
  section: Section;
  /** Scenario or micro task name ('startup' for startup). */
  name: string;
  /**
   * `mbPerSec` (throughput, higher is better) only for micro tasks that give `inputBytes`;
   * `appHeapBytesPerRequest` only when the run has a GET /health scenario; `arrayBufferBytesPerRequest` and
   * `appArrayBufferBytesPerRequest` only in results whose probe sampled ArrayBuffers.
   */
  metric: LoadMetric | MicroMetric | 'mbPerSec';
  unit: 'req/s' | 'µs' | 'B' | 'ms' | 'ns' | 'GCs' | 'MB/s';
  better: 'higher' | 'lower';
  /** Whose figure `subject` is: 'subject', 'reference', or `peer:<name>` for a peer. */
  subjectKey: string;
  subject: number | null;
  baseline: number | null;
  /** subject / baseline; null when either is missing or the baseline is 0. */
  ratio: number | null;
  /** True when the figures come from a scenario with non-2xx answers, errors or timeouts. */
  flagged: boolean;
  /**
   * Only in `runtimeRatios`: the id of the runtime `subject` was measured on (`node26`; see `runtimes`). Without
   * `across`, `baseline` is the baseline's figure on that runtime too.
   */
  runtime?: string;
  /**
   * Only in `runtimeRatios`, for a cross-runtime ratio: the id of the runtime `baseline` was measured on (the
   * primary's); `baseline` is then the same contestant's (`subjectKey`'s) figure there, not the baseline's.
   */
  across?: string;
}

/** A runtime as a result records it: `{ id: 'node26', label: 'Node 26.12.1', kind, version, major, v8 }`. */
export interface RunRuntime {
  id: string;
  label: string;
  kind: 'node' | 'bun';
  version: string;
  major: number;
  v8: string | null;
}

export interface CheckpointResult {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: '@hotpath/harness'; version: string };
  createdAt: string;
  mode: 'quick' | 'full';
  sections: Section[];
  durationMs: number;
  subjects: SubjectInfo[];
  baselineKey: string;
  /** Where the checkpoint definition came from (a labs/<slug>/checkpoint.ts path, or 'defaults'). */
  definition: string;
  /**
   * Names of the peers the package's definition declared; their results are keyed `peer:<name>`. Absent in
   * results written before peers existed.
   */
  peers?: string[];
  /**
   * The peers with a package folder (`dir`), measured in the load and startup sections like the subjects, in
   * `peers` order. Only present when there is one.
   */
  peerPackages?: PeerPackage[];
  /**
   * The subjects started by a command instead of the kit's launcher (a definition's `serve`): key → the
   * command's label, e.g. `{ subject: 'labs/05-single-binary/dist/server-sea-codecache' }`.
   */
  servedBy?: Record<string, string>;
  /**
   * The runtime of the process that ran the harness and measured every result key without `@` (absent in
   * results written before it existed: read `fingerprint.node`).
   */
  runtime?: RunRuntime;
  /**
   * The other runtimes (`--runtime`), on which the same subjects and peers were measured in the same run, under
   * the keys `<key>@<id>`. Only present when there is one.
   */
  runtimes?: Array<RunRuntime & { path: string }>;
  /**
   * With `runtimes`: for each, the usual ratios computed within it (`runtime: <id>`, against the baseline on
   * that runtime), then every contestant's figure on it against its own figure on the primary runtime
   * (`runtime: <id>`, `across: <primary id>`). Separate from `ratios`, which stays the primary runtime's.
   */
  runtimeRatios?: Ratio[];
  /** Where the ingest body came from. */
  ingestBodySource: string | null;
  fingerprint: Fingerprint;
  micro: { tasks: MicroTaskEntry[] } | null;
  load: LoadResult | null;
  startup: StartupResult | null;
  /**
   * Views of an earlier run of record kept in this file (run-views.ts), each with its own date, runtime and
   * machine: lab 05's start-up table and capstone as its former startup.json and capstone.json measured them.
   * Absent from a run's own output.
   */
  carried?: CarriedViews;
  ratios: Ratio[];
  warnings: string[];
  failures: string[];
  ok: boolean;
}

export function ratio(subject: number | null | undefined, baseline: number | null | undefined): number | null {
  if (subject == null || baseline == null || !Number.isFinite(subject) || !Number.isFinite(baseline) || baseline === 0) return null;
  return subject / baseline;
}

/**
 * The optional load figures (app-attributable heap, ArrayBuffer bytes per request) a scenario shows: each one
 * that any contestant of the scenario has, so every contestant gets the same rows even when one of them had
 * no sample (older results, a run without GET /health, a probe sample lost under load).
 */
export type OptionalLoadFigure = 'appHeapBytesPerRequest' | 'arrayBufferBytesPerRequest' | 'appArrayBufferBytesPerRequest';
export function optionalFigures(results: Record<string, ScenarioSummary>): ReadonlySet<OptionalLoadFigure> {
  const shown = new Set<OptionalLoadFigure>();
  for (const r of Object.values(results)) {
    if (r.appHeapBytesPerRequest != null) shown.add('appHeapBytesPerRequest');
    if (r.arrayBufferBytesPerRequest !== undefined) shown.add('arrayBufferBytesPerRequest');
    if (r.appArrayBufferBytesPerRequest != null) shown.add('appArrayBufferBytesPerRequest');
  }
  return shown;
}

/** The MB/s figures of two micro results, or null when neither has one (results without `inputBytes`). */
function throughputs(s: MicroResult | undefined, b: MicroResult | undefined): { subject: number | null; baseline: number | null } | null {
  if (s?.mbPerSec == null && b?.mbPerSec == null) return null;
  return { subject: s?.mbPerSec ?? null, baseline: b?.mbPerSec ?? null };
}

export type Push = (r: Omit<Ratio, 'ratio' | 'subjectKey'>) => void;

/**
 * A load scenario's figures of one contestant (`s`) against the baseline's (`b`, missing for none); `shown`
 * names the optional figures the scenario has (optionalFigures of its results).
 */
export function loadRatios(name: string, s: ScenarioSummary, b: ScenarioSummary | undefined, push: Push, shown: ReadonlySet<OptionalLoadFigure>): void {
  const flagged = s.flagged || Boolean(b?.flagged);
  push({ section: 'load', name, metric: 'rps', unit: 'req/s', better: 'higher', subject: s.rps, baseline: b?.rps ?? null, flagged });
  push({ section: 'load', name, metric: 'p50', unit: 'µs', better: 'lower', subject: s.p50Us, baseline: b?.p50Us ?? null, flagged });
  push({ section: 'load', name, metric: 'p99', unit: 'µs', better: 'lower', subject: s.p99Us, baseline: b?.p99Us ?? null, flagged });
  push({
    section: 'load',
    name,
    metric: 'heapBytesPerRequest',
    unit: 'B',
    better: 'lower',
    subject: s.heapBytesPerRequest,
    baseline: b?.heapBytesPerRequest ?? null,
    flagged,
  });
  push({
    section: 'load',
    name,
    metric: 'gcPer10k',
    unit: 'GCs',
    better: 'lower',
    subject: s.gcPer10kRequests,
    baseline: b?.gcPer10kRequests ?? null,
    flagged,
  });
  // Newer figures, after the original five so those keep their places: each only when the scenario has it.
  for (const metric of ['appHeapBytesPerRequest', 'arrayBufferBytesPerRequest', 'appArrayBufferBytesPerRequest'] as const) {
    if (shown.has(metric))
      push({ section: 'load', name, metric, unit: 'B', better: 'lower', subject: s[metric] ?? null, baseline: b?.[metric] ?? null, flagged });
  }
}

/** The startup figures of one contestant against the baseline's. */
export function startupRatios(s: StartupSummary, b: StartupSummary | undefined, push: Push): void {
  push({
    section: 'startup',
    name: 'startup',
    metric: 'startupMs',
    unit: 'ms',
    better: 'lower',
    subject: s.firstOkMs.median,
    baseline: b?.firstOkMs.median ?? null,
    flagged: false,
  });
  push({
    section: 'startup',
    name: 'startup',
    metric: 'peakRss',
    unit: 'B',
    better: 'lower',
    subject: s.peakRssBytes?.median ?? null,
    baseline: b?.peakRssBytes?.median ?? null,
    flagged: false,
  });
}

/** A micro task's figures of one contestant against the baseline's (missing when the baseline has no such task). */
export function microRatios(name: string, s: MicroResult, b: MicroResult | undefined, push: Push): void {
  push({ section: 'micro', name, metric: 'nsPerOp', unit: 'ns', better: 'lower', subject: s.nsPerOp, baseline: b?.nsPerOp ?? null, flagged: false });
  push({ section: 'micro', name, metric: 'bytesPerOp', unit: 'B', better: 'lower', subject: s.bytesPerOp, baseline: b?.bytesPerOp ?? null, flagged: false });
  const mb = throughputs(s, b);
  if (mb) push({ section: 'micro', name, metric: 'mbPerSec', unit: 'MB/s', better: 'higher', ...mb, flagged: false });
}

/**
 * Every subject other than the baseline — the package, and the reference when it was measured — against the
 * baseline, metric by metric, in the order of `subjects`. A package that is its own baseline is included
 * (1.00 everywhere). Then each peer's figures (`subjectKey: 'peer:<name>'`), in the order of `peers`: for a
 * peer with a package folder its load and startup figures (as a subject's), then every micro task the peer
 * ran, against the baseline's figure (null, and a null ratio, when the baseline has no such task). A micro
 * task with `inputBytes` also gets its MB/s figure (`mbPerSec`, higher is better; the ratio is subject /
 * baseline as everywhere, so above 1 is faster). A load scenario also gets the app-attributable heap
 * (`appHeapBytesPerRequest`, when the run has GET /health) and the ArrayBuffer figures
 * (`arrayBufferBytesPerRequest`, `appArrayBufferBytesPerRequest`, when the probe sampled them), so a target
 * can judge them; their `subject` is the figure itself (lab targets may judge it with `absolute: true`).
 */
export function computeRatios(result: Pick<CheckpointResult, 'subjects' | 'baselineKey' | 'micro' | 'load' | 'startup' | 'peers'>): Ratio[] {
  const out: Ratio[] = [];
  const base = result.baselineKey;
  const keys = result.subjects.filter((s) => s.key !== base || s.role === 'subject+baseline' || result.subjects.length === 1).map((s) => s.key);
  const pusher =
    (key: string): Push =>
    (r) =>
      out.push({ ...r, subjectKey: key, ratio: ratio(r.subject, r.baseline) });
  for (const key of keys) {
    const push = pusher(key);
    for (const scenario of result.load?.scenarios ?? []) {
      const s = scenario.results[key];
      const b = scenario.results[base];
      if (s && b) loadRatios(scenario.name, s, b, push, optionalFigures(scenario.results));
    }
    const st = result.startup?.results[key];
    const sb = result.startup?.results[base];
    if (st && sb) startupRatios(st, sb, push);
    for (const task of result.micro?.tasks ?? []) {
      const s = task.results[key];
      const b = task.results[base];
      if (s && b) microRatios(task.name, s, b, push);
    }
  }
  for (const key of (result.peers ?? []).map(peerKey)) figuresAgainst(result, key, base, pusher(key));
  return out;
}

/**
 * Every load, startup and micro figure `key` has, against `against`'s figure in the same place (null, and a
 * null ratio, where `against` has none): a peer against the baseline, or a subject on another runtime against
 * itself on the run's own runtime (runtime-results.ts).
 */
export function figuresAgainst(result: Pick<CheckpointResult, 'micro' | 'load' | 'startup'>, key: string, against: string, push: Push): void {
  for (const scenario of result.load?.scenarios ?? []) {
    const figure = scenario.results[key];
    if (figure) loadRatios(scenario.name, figure, scenario.results[against], push, optionalFigures(scenario.results));
  }
  const st = result.startup?.results[key];
  if (st) startupRatios(st, result.startup?.results[against], push);
  for (const task of result.micro?.tasks ?? []) {
    const figure = task.results[key];
    if (figure) microRatios(task.name, figure, task.results[against], push);
  }
}

/** Writes the result JSON; returns the paths written. */
export function writeResult(result: CheckpointResult, target: { json?: string; packageDir: string }): string[] {
  const text = `${JSON.stringify(result, null, 2)}\n`;
  const paths = target.json
    ? [target.json]
    : [join(target.packageDir, '.checkpoint', 'latest.json'), join(target.packageDir, '.checkpoint', `${result.createdAt.replace(/:/g, '-')}.json`)];
  for (const path of paths) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return paths;
}

// ------------------------------------------------------------------------------------------------
// Progress on stderr
// ------------------------------------------------------------------------------------------------

/** One line per step with the elapsed time; on a TTY each step overwrites the previous line. */
export class Progress {
  private readonly t0 = performance.now();
  private pending = false;
  private readonly stream: NodeJS.WriteStream;
  private readonly enabled: boolean;
  constructor(stream: NodeJS.WriteStream = process.stderr, enabled = true) {
    this.stream = stream;
    this.enabled = enabled;
  }

  private stamp(): string {
    return `[${((performance.now() - this.t0) / 1000).toFixed(1).padStart(6)} s]`;
  }

  /** A transient step (overwritten on a TTY). */
  step(line: string): void {
    if (!this.enabled) return;
    if (this.stream.isTTY) {
      // Kept to one terminal row, or the next overwrite would leave the wrapped part behind.
      const text = `${this.stamp()} ${line}`.slice(0, Math.max(20, (this.stream.columns ?? 100) - 1));
      this.stream.write(`\r\x1b[K${text}`);
      this.pending = true;
    } else {
      this.stream.write(`${this.stamp()} ${line}\n`);
    }
  }

  /** A line that stays. */
  note(line: string): void {
    if (!this.enabled) return;
    if (this.pending) this.stream.write('\r\x1b[K');
    this.pending = false;
    this.stream.write(`${this.stamp()} ${line}\n`);
  }

  end(): void {
    if (this.pending && this.enabled) this.stream.write('\r\x1b[K');
    this.pending = false;
  }
}
