/**
 * Checkpoint results: the JSON document (schemaVersion 1, described in SCHEMA.md and checkpoint.schema.json),
 * the ratios of each subject against the baseline measured in the same run, the printed table, and the
 * progress lines written to stderr while a run goes on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Fingerprint } from './fingerprint.ts';
import type { LoadResult } from './load.ts';
import type { MicroResult } from './micro.ts';
import { HEALTH_SCENARIO } from './scenarios.ts';
import type { StartupResult } from './startup.ts';

export const SCHEMA_VERSION = 1 as const;
export type Section = 'micro' | 'load' | 'startup';

export interface SubjectInfo {
  key: string;
  label: string;
  dir: string;
  role: 'subject' | 'baseline' | 'subject+baseline';
}

export interface Ratio {
  section: Section;
  /** Scenario or micro task name ('startup' for startup). */
  name: string;
  metric: 'rps' | 'p50' | 'p99' | 'heapBytesPerRequest' | 'gcPer10k' | 'startupMs' | 'peakRss' | 'nsPerOp' | 'bytesPerOp';
  unit: 'req/s' | 'µs' | 'B' | 'ms' | 'ns' | 'GCs';
  better: 'higher' | 'lower';
  subjectKey: string;
  subject: number | null;
  baseline: number | null;
  /** subject / baseline; null when either is missing or the baseline is 0. */
  ratio: number | null;
  /** True when the figures come from a scenario with non-2xx answers, errors or timeouts. */
  flagged: boolean;
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
  /** Where the ingest body came from. */
  ingestBodySource: string | null;
  fingerprint: Fingerprint;
  micro: { tasks: Array<{ name: string; results: Record<string, MicroResult> }> } | null;
  load: LoadResult | null;
  startup: StartupResult | null;
  ratios: Ratio[];
  warnings: string[];
  failures: string[];
  ok: boolean;
}

function ratio(subject: number | null | undefined, baseline: number | null | undefined): number | null {
  if (subject == null || baseline == null || !Number.isFinite(subject) || !Number.isFinite(baseline) || baseline === 0) return null;
  return subject / baseline;
}

/** Every subject (the baseline included, which gives 1.00) against the baseline, metric by metric. */
export function computeRatios(result: Pick<CheckpointResult, 'subjects' | 'baselineKey' | 'micro' | 'load' | 'startup'>): Ratio[] {
  const out: Ratio[] = [];
  const base = result.baselineKey;
  const keys = result.subjects.map((s) => s.key).filter((k) => k !== base || result.subjects.length === 1);
  for (const key of keys) {
    const push = (r: Omit<Ratio, 'ratio' | 'subjectKey'>) => out.push({ ...r, subjectKey: key, ratio: ratio(r.subject, r.baseline) });
    for (const scenario of result.load?.scenarios ?? []) {
      const s = scenario.results[key];
      const b = scenario.results[base];
      if (!s || !b) continue;
      const flagged = s.flagged || b.flagged;
      push({ section: 'load', name: scenario.name, metric: 'rps', unit: 'req/s', better: 'higher', subject: s.rps, baseline: b.rps, flagged });
      push({ section: 'load', name: scenario.name, metric: 'p50', unit: 'µs', better: 'lower', subject: s.p50Us, baseline: b.p50Us, flagged });
      push({ section: 'load', name: scenario.name, metric: 'p99', unit: 'µs', better: 'lower', subject: s.p99Us, baseline: b.p99Us, flagged });
      push({ section: 'load', name: scenario.name, metric: 'heapBytesPerRequest', unit: 'B', better: 'lower', subject: s.heapBytesPerRequest, baseline: b.heapBytesPerRequest, flagged });
      push({ section: 'load', name: scenario.name, metric: 'gcPer10k', unit: 'GCs', better: 'lower', subject: s.gcPer10kRequests, baseline: b.gcPer10kRequests, flagged });
    }
    const st = result.startup?.results[key];
    const sb = result.startup?.results[base];
    if (st && sb) {
      push({ section: 'startup', name: 'startup', metric: 'startupMs', unit: 'ms', better: 'lower', subject: st.firstOkMs.median, baseline: sb.firstOkMs.median, flagged: false });
      push({ section: 'startup', name: 'startup', metric: 'peakRss', unit: 'B', better: 'lower', subject: st.peakRssBytes?.median ?? null, baseline: sb.peakRssBytes?.median ?? null, flagged: false });
    }
    for (const task of result.micro?.tasks ?? []) {
      const s = task.results[key];
      const b = task.results[base];
      if (!s || !b) continue;
      push({ section: 'micro', name: task.name, metric: 'nsPerOp', unit: 'ns', better: 'lower', subject: s.nsPerOp, baseline: b.nsPerOp, flagged: false });
      push({ section: 'micro', name: task.name, metric: 'bytesPerOp', unit: 'B', better: 'lower', subject: s.bytesPerOp, baseline: b.bytesPerOp, flagged: false });
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Formatting
// ------------------------------------------------------------------------------------------------

export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (Math.abs(n) >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (Math.abs(n) >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  if (Math.abs(n) >= 1e3) return `${(n / 1e3).toFixed(2)}k`;
  return n.toFixed(0);
}

export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const a = Math.abs(n);
  if (a >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (a >= 10 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (a >= 1024) return `${(n / 1024).toFixed(2)} KB`;
  if (a >= 100) return `${n.toFixed(0)} B`;
  return `${n.toFixed(1)} B`;
}

export function formatUs(us: number): string {
  if (!Number.isFinite(us)) return '–';
  if (us >= 10_000) return `${(us / 1000).toFixed(1)} ms`;
  if (us >= 1_000) return `${(us / 1000).toFixed(2)} ms`;
  return `${us.toFixed(0)} µs`;
}

export function formatNs(ns: number): string {
  if (!Number.isFinite(ns)) return '–';
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e4) return `${(ns / 1e3).toFixed(1)} µs`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(1)} ns`;
}

function formatValue(r: Ratio, value: number | null): string {
  if (value === null) return '–';
  switch (r.metric) {
    case 'rps':
      return formatCount(value);
    case 'p50':
    case 'p99':
      return formatUs(value);
    case 'gcPer10k':
      return value.toFixed(1);
    case 'heapBytesPerRequest':
    case 'bytesPerOp':
    case 'peakRss':
      return formatBytes(value);
    case 'startupMs':
      return `${value.toFixed(1)} ms`;
    case 'nsPerOp':
      return formatNs(value);
  }
}

const METRIC_LABEL: Record<Ratio['metric'], string> = {
  rps: 'RPS',
  p50: 'p50',
  p99: 'p99',
  heapBytesPerRequest: 'heap B/req',
  gcPer10k: 'GCs/10k req',
  startupMs: 'first 200',
  peakRss: 'peak RSS',
  nsPerOp: 'time/op',
  bytesPerOp: 'heap B/op',
};

/** The table printed at the end of a run: each figure for the subject and the baseline, and their ratio. */
/** 2 decimals, or 2 significant digits below 0.1 (a 1 ns task against a 393 ns one is 0.0028×, not 0.00×). */
function formatRatio(ratio: number | null): string {
  if (ratio === null) return '–';
  if (ratio === 0) return '0×';
  return `${Math.abs(ratio) < 0.1 ? ratio.toPrecision(2) : ratio.toFixed(2)}×`;
}

export function formatTable(result: CheckpointResult): string {
  const subject = result.subjects.find((s) => s.role !== 'baseline') ?? result.subjects[0];
  const baseline = result.subjects.find((s) => s.key === result.baselineKey) ?? subject;
  const pin = result.fingerprint.pinning;
  const lines: string[] = [];
  lines.push(
    `Hot Path checkpoint: ${subject.label} vs ${baseline.label} (${result.mode}, measured in the same run` +
      `${pin?.used ? `, server on CPU ${pin.serverCpu}, load on CPU ${pin.loadCpu}` : ', not pinned'})`,
  );
  const rows: string[][] = [['', 'figure', subject.key === baseline.key ? 'this (= baseline)' : 'this', 'baseline', 'ratio', '']];
  let last = '';
  for (const r of result.ratios) {
    if (r.subjectKey !== subject.key) continue;
    const group = `${r.section === 'micro' ? 'micro: ' : ''}${r.name}`;
    const ratioText = formatRatio(r.ratio);
    const note = r.flagged ? 'FLAGGED: non-2xx/errors' : r.better === 'higher' ? '(higher is better)' : '(lower is better)';
    rows.push([group === last ? '' : group, METRIC_LABEL[r.metric], formatValue(r, r.subject), formatValue(r, r.baseline), ratioText, note]);
    last = group;
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows) {
    lines.push(row.map((cell, c) => (c >= 2 && c <= 4 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd());
  }
  const routes = result.load?.scenarios.filter((s) => s.name !== HEALTH_SCENARIO) ?? [];
  if (routes.length) {
    const app = routes
      .map((s) => {
        const v = s.results[subject.key]?.appHeapBytesPerRequest;
        return v == null ? null : `${s.name} ${formatBytes(v)}`;
      })
      .filter(Boolean);
    if (app.length) lines.push(`App's own heap per request (minus GET /health): ${app.join(', ')}`);
  }
  for (const w of result.warnings) lines.push(`warning: ${w}`);
  for (const f of result.failures) lines.push(`FAILED: ${f}`);
  return lines.join('\n');
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
  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = true,
  ) {}

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
