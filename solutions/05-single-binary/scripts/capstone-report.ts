/**
 * The capstone's figures from its rounds (medians, as the harness's load-summary.ts takes them) and the
 * table and cost lines it prints: lab 00 | final binary | binary ÷ lab 00, one block per scenario, then
 * start-up, artifact size and the cost estimate. Memory and sizes in MiB (1024² bytes), heap figures plain bytes.
 */
import { median } from '@hotpath/harness/stats';
import type { Round } from './capstone-load.ts';
import type { CostComparison, CostEstimate } from './cost.ts';
import type { Spread } from './measure.ts';

export const SUBJECT_LABELS = { lab00: 'lab 00 (pnpm start, tsx)', binary: 'final binary (SEA code cache)' } as const;
/** Results key of the bundle run with the probe when the binary does not take it (its heap and GC figures). */
export const BUNDLE_KEY = 'bundle-with-probe';

export interface LoadSummary {
  rps: number;
  p50Us: number;
  p99Us: number;
  /** Median over rounds; null for a server measured without the probe. */
  heapBytesPerRequest: number | null;
  /** All rounds' collections × 10,000 / all rounds' requests (as the harness sums them); null without the probe. */
  gcPer10kRequests: number | null;
  /** VmRSS right after each round: median. VmHWM: the largest. */
  rssBytes: number | null;
  peakRssBytes: number | null;
  errors: number;
  timeouts: number;
  non2xx: number;
  serverCpus: number | null;
  loadGeneratorCpus: number | null;
  rounds: Round[];
}

export const round2 = (value: number): number => Math.round(value * 100) / 100;
const medianOrNull = (values: Array<number | null>): number | null => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? median(known) : null;
};

export function summarise(rounds: readonly Round[]): LoadSummary {
  const probed = rounds.filter((r) => r.gcCount !== null && r.probeRequests);
  const requests = probed.reduce((sum, r) => sum + r.probeRequests!, 0);
  const peaks = rounds.map((r) => r.peakRssBytes).filter((v): v is number => v !== null);
  const maybe = (v: number | null) => (v === null ? null : round2(v));
  return {
    rps: round2(median(rounds.map((r) => r.rps))),
    p50Us: round2(median(rounds.map((r) => r.p50Us))),
    p99Us: round2(median(rounds.map((r) => r.p99Us))),
    heapBytesPerRequest: maybe(medianOrNull(rounds.map((r) => r.heapBytesPerRequest))),
    gcPer10kRequests: requests ? round2((probed.reduce((sum, r) => sum + r.gcCount!, 0) * 10_000) / requests) : null,
    rssBytes: medianOrNull(rounds.map((r) => r.rssBytes)),
    peakRssBytes: peaks.length ? Math.max(...peaks) : null,
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    timeouts: rounds.reduce((sum, r) => sum + r.timeouts, 0),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
    serverCpus: maybe(medianOrNull(rounds.map((r) => r.serverCpus))),
    loadGeneratorCpus: maybe(medianOrNull(rounds.map((r) => r.loadGeneratorCpus))),
    rounds: rounds.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? round2(v) : v])) as unknown as Round),
  };
}

type StartupFigures = Record<string, { firstOkMs: Spread; peakRssBytes: Spread | null }>;

/**
 * binary ÷ lab 00 for every figure (below 1 is better except for RPS); heap and GC figures from `heapKey`
 * (the binary, or the bundle standing in for it). Null where a figure is missing.
 */
export function ratios(
  load: Record<string, Record<string, LoadSummary>>,
  startup: StartupFigures,
  artifact: { lab00: { bytes: number }; binary: { bytes: number } },
  heapKey: string,
) {
  const of = (after: number | null | undefined, before: number | null | undefined) =>
    after == null || !before ? null : Math.round((after / before) * 1000) / 1000;
  const scenarios = Object.fromEntries(
    Object.entries(load).map(([name, s]) => {
      const [a, b, h] = [s.lab00!, s.binary!, s[heapKey]!];
      return [
        name,
        {
          rps: of(b.rps, a.rps),
          p50Us: of(b.p50Us, a.p50Us),
          p99Us: of(b.p99Us, a.p99Us),
          heapBytesPerRequest: of(h.heapBytesPerRequest, a.heapBytesPerRequest),
          gcPer10kRequests: of(h.gcPer10kRequests, a.gcPer10kRequests),
          rssBytes: of(b.rssBytes, a.rssBytes),
        },
      ];
    }),
  );
  return {
    ...scenarios,
    startup: {
      firstOkMs: of(startup.binary!.firstOkMs.median, startup.lab00!.firstOkMs.median),
      peakRssBytes: of(startup.binary!.peakRssBytes?.median, startup.lab00!.peakRssBytes?.median),
    },
    artifactBytes: of(artifact.binary.bytes, artifact.lab00.bytes),
  };
}

/** What the report reads from a capstone result. */
export interface ReportInput {
  mode: string;
  config: { rounds: number; durationSec: number; warmupSec: number; starts: number };
  heapMeasuredOn: { binary: string };
  probeInBinary: { works: boolean };
  load: Record<string, Record<string, LoadSummary>>;
  startup: StartupFigures;
  artifact: { lab00: { bytes: number; packagesBytes: number; nodeBinaryBytes: number; packageCount: number }; binary: { bytes: number } };
  cost: CostComparison & { basedOn: string; assumption: string; context: string };
}

const count = (n: number) => (n >= 1e4 ? `${(n / 1e3).toFixed(1)}k` : n >= 1e3 ? `${(n / 1e3).toFixed(2)}k` : n.toFixed(0));
const us = (n: number) => (n >= 10_000 ? `${(n / 1e3).toFixed(1)} ms` : n >= 1_000 ? `${(n / 1e3).toFixed(2)} ms` : `${n.toFixed(0)} µs`);
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
const bytes = (n: number) => `${n.toFixed(n >= 100 ? 0 : 1)} B`;
const usd = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })} USD`;
const ratio = (after: number | null, before: number | null) => (after === null || before === null || before === 0 ? '–' : `${(after / before).toFixed(2)}×`);
const ms = (s: Spread) => `${s.median.toFixed(1)} ms (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('   ')).join('\n');
}

function costLine(label: string, e: CostEstimate, price: number): string {
  return `  ${label.padEnd(31)} ${count(e.rpsPerInstance).padStart(6)} req/s → plan ${count(e.plannedRpsPerInstance).padStart(6)} → ${String(e.instances).padStart(4)} instances × ${usd(price)} = ${usd(e.monthlyUsd)}/month`;
}

export function formatReport(r: ReportInput): string {
  const mark = r.probeInBinary.works ? '' : ' †';
  const rows: string[][] = [['', SUBJECT_LABELS.lab00, SUBJECT_LABELS.binary, 'binary ÷ lab 00']];
  for (const [name, bySubject] of Object.entries(r.load)) {
    const a = bySubject.lab00!;
    const b = bySubject.binary!;
    const heap = r.probeInBinary.works ? b : bySubject[BUNDLE_KEY]!;
    const cell = (v: number | null, f: (n: number) => string) => (v === null ? '–' : f(v));
    rows.push(
      [`${name}: RPS`, count(a.rps), count(b.rps), ratio(b.rps, a.rps)],
      ['  p50', us(a.p50Us), us(b.p50Us), ratio(b.p50Us, a.p50Us)],
      ['  p99', us(a.p99Us), us(b.p99Us), ratio(b.p99Us, a.p99Us)],
      [
        '  heap bytes / request',
        cell(a.heapBytesPerRequest, bytes),
        cell(heap.heapBytesPerRequest, bytes) + mark,
        ratio(heap.heapBytesPerRequest, a.heapBytesPerRequest),
      ],
      [
        '  GCs / 10k requests',
        cell(a.gcPer10kRequests, (n) => n.toFixed(1)),
        cell(heap.gcPer10kRequests, (n) => n.toFixed(1)) + mark,
        ratio(heap.gcPer10kRequests, a.gcPer10kRequests),
      ],
      ['  RSS after the round', cell(a.rssBytes, mib), cell(b.rssBytes, mib), ratio(b.rssBytes, a.rssBytes)],
    );
  }
  const sa = r.startup.lab00!;
  const sb = r.startup.binary!;
  rows.push(
    ['start-up: first 200, median (min–max)', ms(sa.firstOkMs), ms(sb.firstOkMs), ratio(sb.firstOkMs.median, sa.firstOkMs.median)],
    [
      '  peak RSS at the first 200',
      sa.peakRssBytes ? mib(sa.peakRssBytes.median) : '–',
      sb.peakRssBytes ? mib(sb.peakRssBytes.median) : '–',
      ratio(sb.peakRssBytes?.median ?? null, sa.peakRssBytes?.median ?? null),
    ],
    ['artifact to ship', `${mib(r.artifact.lab00.bytes)} ‡`, mib(r.artifact.binary.bytes), ratio(r.artifact.binary.bytes, r.artifact.lab00.bytes)],
  );
  const c = r.cost;
  const saving =
    c.savingMonthlyUsd >= 0 ? `saving ${usd(c.savingMonthlyUsd)}/month (${usd(c.savingYearlyUsd)}/year)` : `costing ${usd(-c.savingMonthlyUsd)}/month more`;
  const lines = [
    table(rows),
    '',
    `${r.mode} run: ${r.config.rounds} rounds × ${r.config.durationSec} s per scenario and subject (${r.config.warmupSec} s warm-up discarded, fresh server each), medians; ${r.config.starts} starts each after one discarded.`,
    r.probeInBinary.works ? `Heap and GC figures of the binary: ${r.heapMeasuredOn.binary}.` : `† measured on ${r.heapMeasuredOn.binary}`,
    `‡ ${mib(r.artifact.lab00.packagesBytes)} in ${r.artifact.lab00.packageCount} package folders (sources, runtime dependencies, launcher, tsx + esbuild) + ${mib(r.artifact.lab00.nodeBinaryBytes)} node binary`,
    '',
    `Cost estimate: ${count(c.assumptions.targetRps)} req/s at ${Math.round(c.assumptions.headroom * 100)} % of each instance's measured RPS (${c.basedOn}), ${usd(c.assumptions.pricePerMonthUsd)} per instance-month:`,
    costLine(SUBJECT_LABELS.lab00, c.before, c.assumptions.pricePerMonthUsd),
    costLine(SUBJECT_LABELS.binary, c.after, c.assumptions.pricePerMonthUsd),
    `  ${saving}: ${(c.changeRatio * 100).toFixed(0)} % spend`,
    `  Assumes ${c.assumption}.`,
    `  For scale: ${c.context}.`,
  ];
  return lines.join('\n');
}
