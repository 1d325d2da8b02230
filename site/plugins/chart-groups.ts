/**
 * The bar groups of a checkpoint chart, built from a harness result at build time (checkpoint-data.ts): one
 * group per figure — the load and start-up figures the charts always show, any other one a target judges
 * (lab 04's GCs per 10k requests), and each micro task a target judges (lab 02's serializer, lab 03's 64 KB
 * read), its peers as bars of their own — each target of the run's runtime drawn where it judges: at the
 * baseline's figure × its bound, at the peer's figure × its bound (`vs`), or at the bound itself
 * (`absolute`), in the group's own unit, with its verdict on the bar it judges. Lab 00, without a baseline
 * of its own, gets other comparisons: each route beside the same server's GET /health (`floorGroups`), and
 * its own micro pairs ("100 todos: JSON.stringify" beside "100 todos: instanceToPlain + JSON.stringify").
 */
import type { CheckpointTarget } from '@hotpath/workshop/manifest';
import type { ChartBar, ChartMetric, ChartTarget, MicroFigure, SeriesKey } from './checkpoint-data.ts';
import type { JudgedTarget } from './chart-verdicts.ts';
import type { RatioLike as VerdictRatioLike } from '@hotpath/kit/verdict';

/** What the groups read of a result's ratios: what a verdict reads (the kit's verdict.ts), and the baseline's figure and direction. */
export interface RatioLike extends VerdictRatioLike {
  baseline: number | null;
  better?: 'higher' | 'lower';
}

/** The figures every chart shows when the run has them, in this order. */
export const FIGURES: Array<{ name: string; metric: string; label: string; unit: ChartMetric['unit']; better: ChartMetric['better'] }> = [
  { name: 'GET /todos', metric: 'rps', label: 'GET /todos requests/s', unit: 'req/s', better: 'higher' },
  { name: 'POST /ingest/v1 1KB', metric: 'rps', label: 'POST /ingest/v1 requests/s', unit: 'req/s', better: 'higher' },
  { name: 'GET /todos', metric: 'p99', label: 'GET /todos p99', unit: 'µs', better: 'lower' },
  { name: 'POST /ingest/v1 1KB', metric: 'p99', label: 'POST /ingest/v1 p99', unit: 'µs', better: 'lower' },
  { name: 'GET /todos', metric: 'heapBytesPerRequest', label: 'GET /todos heap bytes/request', unit: 'B', better: 'lower' },
  { name: 'POST /ingest/v1 1KB', metric: 'heapBytesPerRequest', label: 'POST /ingest/v1 heap bytes/request', unit: 'B', better: 'lower' },
  { name: 'POST /ingest/v1 64KB', metric: 'rps', label: 'POST /ingest/v1 64 KB body requests/s', unit: 'req/s', better: 'higher' },
  { name: 'POST /ingest/v1 64KB', metric: 'heapBytesPerRequest', label: 'POST /ingest/v1 64 KB body heap bytes/request', unit: 'B', better: 'lower' },
  { name: 'POST /ingest/v1 1KB', metric: 'arrayBufferBytesPerRequest', label: 'POST /ingest/v1 ArrayBuffer bytes/request', unit: 'B', better: 'lower' },
  {
    name: 'POST /ingest/v1 64KB',
    metric: 'arrayBufferBytesPerRequest',
    label: 'POST /ingest/v1 64 KB body ArrayBuffer bytes/request',
    unit: 'B',
    better: 'lower',
  },
  { name: 'startup', metric: 'startupMs', label: 'time to first response', unit: 'ms', better: 'lower' },
  { name: 'startup', metric: 'peakRss', label: 'peak RSS at startup', unit: 'B', better: 'lower' },
];

/** A figure no FIGURES entry names (one a target judges), in words. */
const METRIC_WORDS: Record<string, string> = {
  rps: 'requests/s',
  p50: 'p50',
  p99: 'p99',
  heapBytesPerRequest: 'heap bytes/request',
  gcPer10k: 'GCs per 10k requests',
  appHeapBytesPerRequest: "app's own heap bytes/request",
  arrayBufferBytesPerRequest: 'ArrayBuffer bytes/request',
  appArrayBufferBytesPerRequest: "app's own ArrayBuffer bytes/request",
  startupMs: 'time to first response',
  peakRss: 'peak RSS at startup',
  nsPerOp: 'time per call',
  bytesPerOp: 'heap bytes per call',
};
const UNITS = new Set<string>(['req/s', 'µs', 'B', 'ms', 'ns', 'GCs']);

/** "POST /ingest/v1 64KB" → "POST /ingest/v1 64 KB body", the 1 KB body left unsaid as FIGURES does; startup: nothing. */
const scenarioWords = (name: string): string => (name === 'startup' ? '' : name.replace(/ 1KB$/, '').replace(/ (\d+)KB$/, ' $1 KB body'));

/** The stable key of a group, for the SVG's `data-metric` hooks: "GET /todos · rps". */
export const groupKey = (scenario: string, metric: string): string => `${scenario} · ${metric}`;

/** Whose figures a run charts: the result's subject keys as series ('subject' → 'reference' in a committed run). */
export type SeriesKeys = Partial<Record<string, SeriesKey>>;
export interface GroupContext {
  ratios: readonly RatioLike[];
  keys: SeriesKeys;
  baselineLabel: string;
  /** The lab's targets on every runtime: the micro tasks they judge get groups on every runtime. */
  labTargets: readonly CheckpointTarget[];
  /** The targets of the run's runtime, judged (chart-verdicts.ts). */
  judged: readonly JudgedTarget[];
}

const SERIES_LABEL: Record<SeriesKey, (ctx: GroupContext) => string> = {
  baseline: (ctx) => ctx.baselineLabel,
  reference: () => 'reference',
  learner: () => 'yours',
};
const SERIES_ORDER: SeriesKey[] = ['baseline', 'reference', 'learner'];
/** Only the run's primary runtime: cross-runtime entries (`subject@node26`) belong to runtimePeers. */
const primary = (r: RatioLike) => !r.subjectKey.includes('@');

/** Where a target is drawn, in its figure's unit: the bound itself, the peer's figure × it, or the baseline's × it; null when that figure is missing. */
export function targetAt(target: CheckpointTarget, ratios: readonly RatioLike[]): number | null {
  const bound = target.atLeast ?? target.atMost;
  if (bound === undefined) return null;
  if (target.absolute) return bound;
  const entries = ratios.filter((r) => primary(r) && r.name === target.scenario && r.metric === target.metric);
  const figure =
    target.vs !== undefined ? entries.find((r) => r.subjectKey === `peer:${target.vs}`)?.subject : entries.find((r) => r.baseline !== null)?.baseline;
  return figure == null || !Number.isFinite(figure) ? null : figure * bound;
}

/** The targets drawn on the group of `scenario`/`metric`, each with its line and the verdicts on the bars it judges. */
function groupTargets(ctx: GroupContext, scenario: string, metric: string): ChartTarget[] {
  return ctx.judged
    .filter((j) => j.target.scenario === scenario && j.target.metric === metric)
    .map((j) => ({
      id: j.id,
      at: targetAt(j.target, ctx.ratios),
      bound: j.target.atLeast !== undefined ? 'atLeast' : 'atMost',
      short: j.short,
      verdicts: j.states,
    }));
}

/** One group: the run's series (and `peers`) measured on `scenario`/`metric`, with the targets drawn on it. */
function group(ctx: GroupContext, scenario: string, metric: string, label: string, peers: readonly string[]): ChartMetric | undefined {
  const entries = ctx.ratios.filter((r) => primary(r) && r.name === scenario && r.metric === metric);
  const values: ChartMetric['values'] = {};
  for (const r of entries) {
    const series = ctx.keys[r.subjectKey];
    if (series && r.subject !== null) values[series] = r.subject;
    if (r.baseline !== null) values.baseline = r.baseline;
  }
  if (Object.keys(values).length === 0) return undefined;
  const bars: ChartBar[] = SERIES_ORDER.filter((s) => values[s] !== undefined).map((s) => ({
    key: s,
    label: SERIES_LABEL[s](ctx),
    value: values[s]!,
    kind: s,
  }));
  // The baseline as the targets name it when that is not its stage: "lab 01 (JSON.stringify)".
  const than = ctx.labTargets.find((t) => t.scenario === scenario && t.metric === metric && !t.vs && !t.absolute)?.than;
  const base = bars.find((b) => b.key === 'baseline');
  if (base && than && !than.startsWith(ctx.baselineLabel)) base.label = `${ctx.baselineLabel} (${than})`;
  for (const name of peers) {
    const value = entries.find((r) => r.subjectKey === `peer:${name}`)?.subject;
    if (value != null) bars.push({ key: `peer:${name}`, label: name, value, kind: 'peer' });
  }
  const first = entries[0]!;
  const unit = (UNITS.has(first.unit ?? '') ? first.unit : metric === 'nsPerOp' ? 'ns' : 'B') as ChartMetric['unit'];
  const better = first.better ?? (metric === 'rps' ? 'higher' : 'lower');
  return {
    key: groupKey(scenario, metric),
    section: first.section as ChartMetric['section'],
    label,
    unit,
    better,
    values,
    bars,
    targets: groupTargets(ctx, scenario, metric),
  };
}

/** The peers a target compares with on this figure (lab 05's raw node:http start-up): drawn beside the series. */
const vsPeers = (ctx: GroupContext, scenario: string, metric: string) => [
  ...new Set(ctx.judged.filter((j) => j.target.scenario === scenario && j.target.metric === metric && j.target.vs).map((j) => j.target.vs!)),
];

/** The load and start-up groups: FIGURES, then each other load or start-up figure a target of the run's runtime judges. */
export function loadGroups(ctx: GroupContext): ChartMetric[] {
  const out: ChartMetric[] = [];
  for (const f of FIGURES) {
    const g = group(ctx, f.name, f.metric, f.label, vsPeers(ctx, f.name, f.metric));
    if (g) out.push({ ...g, unit: f.unit, better: f.better });
  }
  for (const { target } of ctx.judged) {
    const section = ctx.ratios.find((r) => r.name === target.scenario && r.metric === target.metric)?.section;
    if (section === 'micro' || out.some((g) => g.key === groupKey(target.scenario, target.metric))) continue;
    const label = [scenarioWords(target.scenario), METRIC_WORDS[target.metric] ?? target.metric].filter(Boolean).join(' ');
    const g = group(ctx, target.scenario, target.metric, label, vsPeers(ctx, target.scenario, target.metric));
    if (g) out.push(g);
  }
  return out;
}

/** The micro tasks the lab's targets judge (on any runtime), each with every peer measured on it: lab 02's serializer beside JSON.stringify and fast-json-stringify. */
export function microGroups(ctx: GroupContext): ChartMetric[] {
  const micro = ctx.ratios.filter((r) => primary(r) && r.section === 'micro');
  const judged = [...new Map(ctx.labTargets.map((t) => [groupKey(t.scenario, t.metric), t] as const)).values()].filter((t) =>
    micro.some((r) => r.name === t.scenario && r.metric === t.metric),
  );
  return judged.flatMap((t) => {
    const peers = [
      ...new Set(
        micro.filter((r) => r.name === t.scenario && r.metric === t.metric && r.subjectKey.startsWith('peer:')).map((r) => r.subjectKey.slice('peer:'.length)),
      ),
    ];
    const g = group(ctx, t.scenario, t.metric, `${t.scenario}: ${METRIC_WORDS[t.metric] ?? t.metric}`, peers);
    return g ? [{ ...g, section: 'micro' as const }] : [];
  });
}

/**
 * A run measured against itself (lab 00's own): its micro tasks named "<what>: <how>" side by side, one group
 * per <what> and figure, each bar's ratio to the group's first ("instanceToPlain + JSON.stringify" beside the
 * "JSON.stringify" it wraps). Tasks without a partner are left to the micro table.
 */
export function pairGroups(micro: readonly MicroFigure[]): ChartMetric[] {
  const out: ChartMetric[] = [];
  for (const metric of ['nsPerOp', 'bytesPerOp'] as const) {
    const rows = micro.filter((m) => m.metric === metric && m.task.includes(': '));
    const whats = [...new Set(rows.map((m) => m.task.slice(0, m.task.indexOf(': '))))];
    for (const what of whats) {
      const bars: ChartBar[] = rows
        .filter((m) => m.task.startsWith(`${what}: `))
        .flatMap((m) => {
          const value = m.values.reference ?? m.values.learner ?? m.values.baseline;
          return value === undefined ? [] : [{ key: `task:${m.task}`, label: m.task.slice(what.length + 2), value, kind: 'task' as const }];
        });
      if (bars.length < 2) continue;
      out.push({
        key: groupKey(what, metric),
        section: 'micro',
        label: `${what}: ${METRIC_WORDS[metric]}`,
        unit: metric === 'nsPerOp' ? 'ns' : 'B',
        better: 'lower',
        values: {},
        bars,
        ratioTo: bars[0]!.key,
        targets: [],
      });
    }
  }
  // Each <what>'s time, then its heap bytes.
  const order = [...new Set(out.map((g) => g.label.slice(0, g.label.lastIndexOf(': '))))];
  return out.sort((a, b) => order.indexOf(a.label.slice(0, a.label.lastIndexOf(': '))) - order.indexOf(b.label.slice(0, b.label.lastIndexOf(': '))));
}

/**
 * Lab 00's load groups beside its floor: each route's figure next to the same run's lab 00 GET /health (the
 * same server answering a constant), so the bar shows how much of a request is the route's own work. Groups
 * without a GET /health figure (start-up) stay as they are.
 */
export function floorGroups(metrics: readonly ChartMetric[], ratios: readonly RatioLike[]): ChartMetric[] {
  return metrics.map((m) => {
    const [scenario, metric] = m.key?.split(' · ') ?? [];
    if (m.section !== 'load' || !scenario || scenario === 'GET /health' || m.values.baseline === undefined) return m;
    const floor = ratios.find((r) => primary(r) && r.name === 'GET /health' && r.metric === metric && r.baseline !== null)?.baseline;
    if (floor == null) return m;
    const bars: ChartBar[] = [
      { key: 'baseline', label: scenario.replace(/ 1KB$/, '').replace(/ (\d+)KB$/, ' $1 KB'), value: m.values.baseline, kind: 'baseline' },
      { key: 'floor', label: 'GET /health (floor)', value: floor, kind: 'floor' },
    ];
    return { ...m, bars, ratioTo: 'floor' };
  });
}
