/**
 * Checkpoint results: the JSON document (schemaVersion 1, described in SCHEMA.md and checkpoint.schema.json),
 * the ratios of each subject (the package, and the reference solution when measured) and of each peer (micro
 * tasks, and load and startup for a peer with a package folder) against the baseline measured in the same
 * run, writing the file, and the progress lines written to stderr while a run goes on. The printed table is in table.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { peerKey } from './define.ts';
import type { ScenarioSummary } from './load.ts';
import type { StartupSummary } from './startup.ts';
import type { CheckpointResult, MicroFigures, Ratio } from './result.ts';

export const SCHEMA_VERSION = 1 as const;

/** The result's types come from its one definition (result.ts: the TypeBox schema checkpoint.schema.json is written from). */
export type { CheckpointResult, PeerPackage, Ratio, RunRuntime, Section, SubjectInfo } from './result.ts';

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
function throughputs(s: MicroFigures | undefined, b: MicroFigures | undefined): { subject: number | null; baseline: number | null } | null {
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
export function microRatios(name: string, s: MicroFigures, b: MicroFigures | undefined, push: Push): void {
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
