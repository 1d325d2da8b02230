/**
 * The table printed at the end of a run: each figure of the package next to the baseline's and their ratio;
 * with a reference solution measured, `this | reference | baseline | ratio | ref ratio`. Plus the number
 * formatting it uses (counts, bytes, µs, ns, ratios).
 */
import type { CheckpointResult, Ratio } from './report.ts';
import { HEALTH_SCENARIO } from './scenarios.ts';

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

/** 2 decimals, or 2 significant digits below 0.1 (a 1 ns task against a 393 ns one is 0.0028×, not 0.00×). */
function formatRatio(ratio: number | null): string {
  if (ratio === null) return '–';
  if (ratio === 0) return '0×';
  return `${Math.abs(ratio) < 0.1 ? ratio.toPrecision(2) : ratio.toFixed(2)}×`;
}

/** One printed figure: the package's ratio and the reference's for the same section, name and metric. */
interface Figure {
  own?: Ratio;
  ref?: Ratio;
}

/**
 * The package's figures in `ratios` order, each paired with the reference's; a figure only the reference has
 * (a micro task the package does not define) goes right after the reference's previous figure.
 */
function figures(ratios: readonly Ratio[], ownKey: string, refKey: string | undefined): Figure[] {
  const same = (a: Ratio, b: Ratio) => a.section === b.section && a.name === b.name && a.metric === b.metric;
  const out: Figure[] = ratios.filter((r) => r.subjectKey === ownKey).map((own) => ({ own }));
  if (refKey === undefined) return out;
  let at = -1;
  for (const ref of ratios.filter((r) => r.subjectKey === refKey)) {
    const i = out.findIndex((f) => !f.ref && f.own && same(f.own, ref));
    if (i >= 0) out[(at = i)].ref = ref;
    else out.splice((at += 1), 0, { ref });
  }
  return out;
}

/** The app's own heap per request (scenario minus GET /health) of one subject, or null when none. */
function appHeap(result: CheckpointResult, key: string): string | null {
  const routes = result.load?.scenarios.filter((s) => s.name !== HEALTH_SCENARIO) ?? [];
  const app = routes
    .map((s) => {
      const v = s.results[key]?.appHeapBytesPerRequest;
      return v == null ? null : `${s.name} ${formatBytes(v)}`;
    })
    .filter(Boolean);
  return app.length ? app.join(', ') : null;
}

/** The table printed at the end of a run (see the header comment); warnings and failures below it. */
export function formatTable(result: CheckpointResult): string {
  const subject = result.subjects.find((s) => s.role === 'subject' || s.role === 'subject+baseline') ?? result.subjects[0];
  const baseline = result.subjects.find((s) => s.key === result.baselineKey) ?? subject;
  const reference = result.subjects.find((s) => s.role === 'reference');
  const pin = result.fingerprint.pinning;
  const lines: string[] = [];
  lines.push(
    `Hot Path checkpoint: ${subject.label}${reference ? ` and reference ${reference.label}` : ''} vs ${baseline.label} (${result.mode}, measured in the same run` +
      `${pin?.used ? `, server on CPU ${pin.serverCpu}, load on CPU ${pin.loadCpu}` : ', not pinned'})`,
  );
  const thisHeader = subject.key === baseline.key ? 'this (= baseline)' : 'this';
  const rows: string[][] = [reference ? ['', 'figure', thisHeader, 'reference', 'baseline', 'ratio', 'ref ratio', ''] : ['', 'figure', thisHeader, 'baseline', 'ratio', '']];
  let last = '';
  for (const { own, ref } of figures(result.ratios, subject.key, reference?.key)) {
    const r = (own ?? ref)!;
    const group = `${r.section === 'micro' ? 'micro: ' : ''}${r.name}`;
    const flagged = Boolean(own?.flagged || ref?.flagged);
    const note = flagged ? 'FLAGGED: non-2xx/errors' : r.better === 'higher' ? '(higher is better)' : '(lower is better)';
    const value = (x: Ratio | undefined) => (x ? formatValue(r, x.subject) : '–');
    rows.push(
      reference
        ? [group === last ? '' : group, METRIC_LABEL[r.metric], value(own), value(ref), formatValue(r, r.baseline), formatRatio(own?.ratio ?? null), formatRatio(ref?.ratio ?? null), note]
        : [group === last ? '' : group, METRIC_LABEL[r.metric], value(own), formatValue(r, r.baseline), formatRatio(r.ratio), note],
    );
    last = group;
  }
  // Figure and label columns left-aligned, numbers right-aligned, the note last.
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows) {
    lines.push(row.map((cell, c) => (c >= 2 && c < row.length - 1 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd());
  }
  const ownHeap = appHeap(result, subject.key);
  if (ownHeap) lines.push(`App's own heap per request (minus GET /health): ${ownHeap}`);
  const refHeap = reference ? appHeap(result, reference.key) : null;
  if (refHeap) lines.push(`Reference's own heap per request (minus GET /health): ${refHeap}`);
  for (const w of result.warnings) lines.push(`warning: ${w}`);
  for (const f of result.failures) lines.push(`FAILED: ${f}`);
  return lines.join('\n');
}
