/**
 * The table printed at the end of a run: each figure of the package next to the baseline's and their ratio;
 * with a reference solution measured, `this | reference | baseline | ratio | ref ratio`; with peers, two more
 * columns per peer (its figure and its ratio to the baseline; '–' on load and startup rows for a peer without
 * a package folder, which is measured in the micro-benchmarks only); a
 * micro task that gives `inputBytes` also has an MB/s row (higher is better, its ratio this / baseline like
 * every row); a result whose probe sampled ArrayBuffers has an "ArrayBuf B/req" row per scenario. The
 * app-attributable figures (minus GET /health) and the apps' registered stats are lines under the table,
 * only when present, so older results print as they always did. A result that records its runtime gets a
 * line naming it under the title; one measured on other runtimes too (`--runtime`) gets a block per runtime
 * and its cross-runtime ratios (src/runtime-table.ts). Plus the number formatting it uses (counts, bytes, µs,
 * ns, MB/s, ratios). A load scenario that expects a non-2xx status (`expectStatus`, lab 04's 404 floor) says
 * "expected 404" on its rows; only other non-2xx answers, errors and timeouts flag them.
 */
import { peerKey } from './define.ts';
import type { CheckpointResult, Ratio } from './report.ts';
import { runtimeBlocks, runtimeLine } from './runtime-table.ts';
import { HEALTH_SCENARIO } from './scenarios.ts';

export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (Math.abs(n) >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (Math.abs(n) >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  if (Math.abs(n) >= 1e3) return `${(n / 1e3).toFixed(2)}k`;
  return n.toFixed(0);
}

/** Memory (heap, ArrayBuffer, RSS) in binary units, labelled so: `9.28 KiB`, `96.0 MiB` (1 KiB = 1024 B). */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const a = Math.abs(n);
  if (a >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (a >= 10 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (a >= 1024) return `${(n / 1024).toFixed(2)} KiB`;
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

/** Throughput in decimal MB/s: `412 MB/s`, `41.2 MB/s`, `4.12 MB/s`. */
export function formatMbPerSec(mbPerSec: number): string {
  if (!Number.isFinite(mbPerSec)) return '–';
  const a = Math.abs(mbPerSec);
  return `${mbPerSec.toFixed(a >= 100 ? 0 : a >= 10 ? 1 : 2)} MB/s`;
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
    case 'appHeapBytesPerRequest':
    case 'arrayBufferBytesPerRequest':
    case 'appArrayBufferBytesPerRequest':
    case 'bytesPerOp':
    case 'peakRss':
      return formatBytes(value);
    case 'startupMs':
      return `${value.toFixed(1)} ms`;
    case 'nsPerOp':
      return formatNs(value);
    case 'mbPerSec':
      return formatMbPerSec(value);
  }
}

const METRIC_LABEL: Record<Ratio['metric'], string> = {
  rps: 'RPS',
  p50: 'p50',
  p99: 'p99',
  heapBytesPerRequest: 'heap B/req',
  arrayBufferBytesPerRequest: 'ArrayBuf B/req',
  gcPer10k: 'GCs/10k req',
  appHeapBytesPerRequest: 'app heap B/req',
  appArrayBufferBytesPerRequest: 'app ArrayBuf B/req',
  startupMs: 'first 200',
  peakRss: 'peak RSS',
  nsPerOp: 'time/op',
  bytesPerOp: 'heap B/op',
  mbPerSec: 'MB/s',
};

/** 2 decimals, or 2 significant digits below 0.1 (a 1 ns task against a 393 ns one is 0.0028×, not 0.00×). */
function formatRatio(ratio: number | null): string {
  if (ratio === null) return '–';
  if (ratio === 0) return '0×';
  return `${Math.abs(ratio) < 0.1 ? ratio.toPrecision(2) : ratio.toFixed(2)}×`;
}

/** One printed figure: the ratios of the same section, name and metric, by subject or peer key. */
type Figure = Map<string, Ratio>;

const SECTION_ORDER = ['load', 'startup', 'micro'];
/** Figures kept out of the rows: the lines under the table give them (minus GET /health, per scenario). */
const NOT_A_ROW: ReadonlySet<Ratio['metric']> = new Set(['appHeapBytesPerRequest', 'appArrayBufferBytesPerRequest']);
const METRIC_ORDER = Object.keys(METRIC_LABEL);

/**
 * The figures of the given keys (the package, the reference, the peers), each once, in the order the run
 * measured them: load scenarios in their order, startup, micro tasks in their order; metrics in the order of
 * `computeRatios`. A figure only the reference or a peer has (a micro task the package does not define) gets
 * its own row at its task's place, with dashes for the others.
 */
function figures(result: CheckpointResult, keys: readonly string[]): Figure[] {
  const names: Record<string, string[]> = {
    load: result.load?.scenarios.map((s) => s.name) ?? [],
    startup: ['startup'],
    micro: result.micro?.tasks.map((t) => t.name) ?? [],
  };
  const byId = new Map<string, Figure>();
  for (const r of result.ratios) {
    if (!keys.includes(r.subjectKey) || NOT_A_ROW.has(r.metric)) continue;
    const id = `${r.section}\n${r.name}\n${r.metric}`;
    const figure = byId.get(id) ?? new Map<string, Ratio>();
    if (!figure.has(r.subjectKey)) figure.set(r.subjectKey, r);
    byId.set(id, figure);
  }
  const at = (list: readonly string[], item: string) => (list.includes(item) ? list.indexOf(item) : Infinity);
  const place = (f: Figure) => {
    const r = f.values().next().value!;
    return [at(SECTION_ORDER, r.section), at(names[r.section] ?? [], r.name), at(METRIC_ORDER, r.metric)];
  };
  const compare = (a: number[], b: number[]) => a.reduce((d, x, i) => d || (x === b[i] ? 0 : x < b[i]! ? -1 : 1), 0);
  // Array.prototype.sort is stable: figures placed alike keep the order of `ratios`.
  return [...byId.values()].sort((a, b) => compare(place(a), place(b)));
}

/**
 * The table's columns for the peers: the peer's name over its figures, and `<short> ratio` over its ratios,
 * where a name longer than 10 characters is shortened to its initials (fast-json-stringify: fjs) unless two
 * peers would then look alike.
 */
function peerColumns(names: readonly string[]): Array<{ key: string; name: string; ratioHeader: string }> {
  const initials = (name: string) =>
    name
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((w) => w[0])
      .join('')
      .toLowerCase() || name;
  const short = names.map((name) => (name.length > 10 ? initials(name) : name));
  const clash = new Set(short).size !== short.length || short.some((s, i) => names.includes(s) && names[i] !== s);
  return names.map((name, i) => ({ key: peerKey(name), name, ratioHeader: `${clash ? name : short[i]} ratio` }));
}

/**
 * One subject's app-attributable figure (scenario minus GET /health) for every other scenario that has it, as
 * "POST /ingest/v1 1KB 2.93 KB, …", or null when none has.
 */
function appFigure(result: CheckpointResult, key: string, field: 'appHeapBytesPerRequest' | 'appArrayBufferBytesPerRequest'): string | null {
  const routes = result.load?.scenarios.filter((s) => s.name !== HEALTH_SCENARIO) ?? [];
  const app = routes
    .map((s) => {
      const v = s.results[key]?.[field];
      return v == null ? null : `${s.name} ${formatBytes(v)}`;
    })
    .filter(Boolean);
  return app.length ? app.join(', ') : null;
}

/** A stat as printed: integers as they are, others to 3 decimals. */
const statValue = (v: number) => (Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000));

/** One line per scenario whose summary kept app stats (registered with @hotpath/api/app-stats). */
function appStatsLines(result: CheckpointResult, key: string, who: string): string[] {
  const lines: string[] = [];
  for (const scenario of result.load?.scenarios ?? []) {
    const stats = scenario.results[key]?.appStats;
    if (!stats || Object.keys(stats).length === 0) continue;
    const groups = Object.entries(stats).map(
      ([group, values]) =>
        `${group} ${
          Object.entries(values)
            .map(([k, v]) => `${k}=${statValue(v)}`)
            .join(' ') || '(empty)'
        }`,
    );
    lines.push(`App stats of ${who}, ${scenario.name}, end of the last round: ${groups.join('; ')}`);
  }
  return lines;
}

/** Who the table's columns are: the package, the baseline, the reference if measured. */
function whoIs(result: CheckpointResult) {
  const subject = result.subjects.find((s) => s.role === 'subject' || s.role === 'subject+baseline') ?? result.subjects[0];
  const baseline = result.subjects.find((s) => s.key === result.baselineKey) ?? subject;
  const reference = result.subjects.find((s) => s.role === 'reference');
  if (!subject || !baseline) throw new Error('The result lists no subjects: a checkpoint result names at least the package it measured');
  return { subject, baseline, reference };
}

/**
 * The table printed at the end of a run (see the header comment); with other runtimes (`--runtime`) a block
 * per runtime and one of cross-runtime ratios after it (src/runtime-table.ts); warnings and failures below.
 */
export function formatTable(result: CheckpointResult): string {
  const { subject, baseline, reference } = whoIs(result);
  const pin = result.fingerprint.pinning;
  const lines: string[] = [];
  lines.push(
    `Hot Path checkpoint: ${subject.label}${reference ? ` and reference ${reference.label}` : ''} vs ${baseline.label} (${result.mode}, measured in the same run` +
      `${pin?.used ? `, server on CPU ${pin.serverCpu}, load on CPU ${pin.loadCpu}` : ', not pinned'})`,
  );
  lines.push(...tableBody(result));
  // Under the rows, so the column headers stay on the second line.
  if (result.runtime) lines.push(runtimeLine(result));
  lines.push(...runtimeBlocks(result, { body: tableBody, formatRatio, metricLabel: METRIC_LABEL, columns: peerColumns }));
  for (const w of result.warnings) lines.push(`warning: ${w}`);
  for (const f of result.failures) lines.push(`FAILED: ${f}`);
  return lines.join('\n');
}

/** The rows of one runtime's figures and the lines under them. */
function tableBody(result: CheckpointResult): string[] {
  const { subject, baseline, reference } = whoIs(result);
  const lines: string[] = [];
  const thisHeader = subject.key === baseline.key ? 'this (= baseline)' : 'this';
  const peers = peerColumns(result.peers ?? []);
  const header = reference ? ['', 'figure', thisHeader, 'reference', 'baseline', 'ratio', 'ref ratio'] : ['', 'figure', thisHeader, 'baseline', 'ratio'];
  const headRow = [...header, ...peers.flatMap((p) => [p.name, p.ratioHeader]), ''];
  const rows: string[][] = [headRow];
  let last = '';
  let throughput = false;
  for (const figure of figures(result, [subject.key, ...(reference ? [reference.key] : []), ...peers.map((p) => p.key)])) {
    const own = figure.get(subject.key);
    const ref = reference ? figure.get(reference.key) : undefined;
    const r = figure.values().next().value!;
    throughput ||= r.metric === 'mbPerSec';
    const base = [...figure.values()].find((x) => x.baseline !== null)?.baseline ?? null;
    const group = `${r.section === 'micro' ? 'micro: ' : ''}${r.name}`;
    // The package's, the reference's or a peer's figures come from a scenario with non-2xx answers (other than
    // the status the scenario expects: "expected 404"), errors or timeouts.
    const flagged = [...figure.values()].some((x) => x.flagged);
    const expected = r.section === 'load' ? result.load?.scenarios.find((s) => s.name === r.name)?.expectStatus : undefined;
    const direction = r.better === 'higher' ? '(higher is better)' : '(lower is better)';
    const note = flagged ? 'FLAGGED: non-2xx/errors' : expected !== undefined ? `${direction} expected ${expected}` : direction;
    const value = (x: Ratio | undefined) => (x ? formatValue(r, x.subject) : '–');
    const cells = reference
      ? [
          group === last ? '' : group,
          METRIC_LABEL[r.metric],
          value(own),
          value(ref),
          formatValue(r, base),
          formatRatio(own?.ratio ?? null),
          formatRatio(ref?.ratio ?? null),
        ]
      : [group === last ? '' : group, METRIC_LABEL[r.metric], value(own), formatValue(r, base), formatRatio(own?.ratio ?? null)];
    rows.push([...cells, ...peers.flatMap((p) => [value(figure.get(p.key)), formatRatio(figure.get(p.key)?.ratio ?? null)]), note]);
    last = group;
  }
  // Figure and label columns left-aligned, numbers right-aligned, the note last.
  const widths = headRow.map((_, c) => Math.max(...rows.map((row) => row[c]?.length ?? 0)));
  for (const row of rows) {
    lines.push(
      row
        .map((cell, c) => (c >= 2 && c < row.length - 1 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
        .join('  ')
        .trimEnd(),
    );
  }
  // A peer measured as a package (`peerPackages`) gets the same lines as the subjects, after the reference's.
  const packages = peers.filter((p) => result.peerPackages?.some((pp) => pp.name === p.name));
  const heapLines: Array<[string, string | null]> = [
    ["App's", appFigure(result, subject.key, 'appHeapBytesPerRequest')],
    ["Reference's", reference ? appFigure(result, reference.key, 'appHeapBytesPerRequest') : null],
    ...packages.map((p): [string, string | null] => [`Peer ${p.name}'s`, appFigure(result, p.key, 'appHeapBytesPerRequest')]),
  ];
  for (const [who, figure] of heapLines) if (figure) lines.push(`${who} own heap per request (minus GET /health): ${figure}`);
  const bufferLines: Array<[string, string | null]> = [
    ["App's", appFigure(result, subject.key, 'appArrayBufferBytesPerRequest')],
    ["Reference's", reference ? appFigure(result, reference.key, 'appArrayBufferBytesPerRequest') : null],
    ...packages.map((p): [string, string | null] => [`Peer ${p.name}'s`, appFigure(result, p.key, 'appArrayBufferBytesPerRequest')]),
  ];
  for (const [who, figure] of bufferLines) if (figure) lines.push(`${who} own ArrayBuffer bytes per request (minus GET /health): ${figure}`);
  lines.push(...appStatsLines(result, subject.key, 'this'));
  if (reference) lines.push(...appStatsLines(result, reference.key, 'the reference'));
  for (const p of packages) lines.push(...appStatsLines(result, p.key, `peer ${p.name}`));
  if (throughput) {
    lines.push('MB/s = inputBytes per call / time per call (1 MB = 10^6 B); its ratios are this / baseline too: above 1× is faster');
  }
  if (packages.length) {
    // Peers measured as packages: say which folder, and that they took turns with the subjects.
    const each = peers.map((p) => {
      const pkg = result.peerPackages?.find((pp) => pp.name === p.name);
      return `${p.name} (${pkg ? `${pkg.command ? 'command' : 'package'} ${pkg.label}, fresh servers like the subjects; ` : 'micro only; '}"${p.ratioHeader}" = ${p.name} / baseline)`;
    });
    lines.push(`Peers, measured in the same rounds as the subjects: ${each.join(', ')}`);
  } else if (peers.length) {
    const each = peers.map((p) => `${p.name} ("${p.ratioHeader}" = ${p.name} / baseline)`);
    lines.push(`Micro peers, measured in the same rounds as the subjects: ${each.join(', ')}`);
  }
  const served = Object.entries(result.servedBy ?? {});
  if (served.length) lines.push(`Served by a command, not the kit's launcher: ${served.map(([key, how]) => `${key} = ${how}`).join(', ')}`);
  return lines;
}
