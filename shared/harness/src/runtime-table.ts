/**
 * The printed table's runtime parts (used by src/table.ts): the line under the main rows naming the runtime
 * that measured them, and, for a run with other runtimes (`--runtime`), one block per runtime — the same rows as the
 * main table, every figure measured on that runtime and divided by the baseline measured on it — then a block
 * of cross-runtime ratios: each contestant's figure on that runtime / its own figure on the main runtime.
 */
import type { CheckpointResult, Ratio } from './report.ts';
import { resultOnRuntime } from './runtime-results.ts';

interface TableKit {
  /** The main table's rows and the lines under them, for a result of one runtime. */
  body: (result: CheckpointResult) => string[];
  formatRatio: (ratio: number | null) => string;
  metricLabel: Record<Ratio['metric'], string>;
  /** The peers' columns: key and name. */
  columns: (names: readonly string[]) => Array<{ key: string; name: string }>;
}

/** `Node 26.12.1 (V8 14.6.202.33)`. */
function named(r: { label: string; v8: string | null }): string {
  return r.v8 ? `${r.label} (V8 ${r.v8})` : r.label;
}

/** The line under the main rows: which runtime measured them, and which others the run measured. */
export function runtimeLine(result: CheckpointResult): string {
  const own = `Measured on ${named(result.runtime!)}`;
  const others = result.runtimes ?? [];
  if (!others.length) return own;
  return `${own}, the harness's own runtime; also on ${others.map(named).join(', ')}, in the same rounds (blocks below)`;
}

const SECTION_ORDER = ['load', 'startup', 'micro'];
const LEFT_OUT: ReadonlySet<Ratio['metric']> = new Set(['appHeapBytesPerRequest', 'appArrayBufferBytesPerRequest']);

/** The cross-runtime ratios of runtime `id` as rows: figure × contestant, in the main table's order. */
function crossRows(result: CheckpointResult, id: string, kit: TableKit): string[] {
  const cross = (result.runtimeRatios ?? []).filter((r) => r.runtime === id && r.across !== undefined && !LEFT_OUT.has(r.metric));
  if (!cross.length) return [];
  const { subjects } = result;
  const subjectCols = [
    ...subjects
      .filter((s) => s.role === 'subject' || s.role === 'subject+baseline')
      .map((s) => ({ key: s.key, name: s.role === 'subject+baseline' ? 'this (= baseline)' : 'this' })),
    ...subjects.filter((s) => s.role === 'reference').map((s) => ({ key: s.key, name: 'reference' })),
    ...subjects.filter((s) => s.role === 'baseline').map((s) => ({ key: s.key, name: 'baseline' })),
  ];
  const cols = [...subjectCols, ...kit.columns(result.peers ?? [])].filter((c) => cross.some((r) => r.subjectKey === c.key));
  const names: Record<string, string[]> = {
    load: result.load?.scenarios.map((s) => s.name) ?? [],
    startup: ['startup'],
    micro: result.micro?.tasks.map((t) => t.name) ?? [],
  };
  const metrics = Object.keys(kit.metricLabel);
  const byId = new Map<string, Map<string, Ratio>>();
  for (const r of cross) {
    const figureId = `${r.section}\n${r.name}\n${r.metric}`;
    const figure = byId.get(figureId) ?? new Map<string, Ratio>();
    figure.set(r.subjectKey, r);
    byId.set(figureId, figure);
  }
  const place = (f: Map<string, Ratio>) => {
    const r = f.values().next().value!;
    return [SECTION_ORDER.indexOf(r.section), names[r.section]?.indexOf(r.name) ?? 0, metrics.indexOf(r.metric)];
  };
  const compare = (a: number[], b: number[]) => a.reduce((d, x, i) => d || x - b[i]!, 0);
  const rows: string[][] = [['', 'figure', ...cols.map((c) => c.name)]];
  let last = '';
  for (const figure of [...byId.values()].sort((a, b) => compare(place(a), place(b)))) {
    const r = figure.values().next().value!;
    const group = `${r.section === 'micro' ? 'micro: ' : ''}${r.name}`;
    rows.push([group === last ? '' : group, kit.metricLabel[r.metric], ...cols.map((c) => kit.formatRatio(figure.get(c.key)?.ratio ?? null))]);
    last = group;
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) =>
    row
      .map((cell, c) => (c >= 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** The blocks after the main one, for a result with other runtimes; none otherwise. */
export function runtimeBlocks(result: CheckpointResult, kit: TableKit): string[] {
  const primary = result.runtime;
  if (!primary || !result.runtimes?.length) return [];
  const lines: string[] = [];
  for (const other of result.runtimes) {
    lines.push('', `On ${named(other)}, same subjects${result.peers?.length ? ' and peers' : ''}, same rounds; ratios to the baseline on ${other.label}:`);
    lines.push(...kit.body(resultOnRuntime(result, other.id)));
    const rows = crossRows(result, other.id, kit);
    if (rows.length) {
      lines.push(
        '',
        `${other.label} / ${primary.label}: each one's own figure on ${other.label} divided by its figure on ${primary.label}` +
          ` (time/op, B and p99 below 1×, RPS and MB/s above 1×: better on ${other.label})`,
        ...rows,
      );
    }
  }
  return lines;
}
