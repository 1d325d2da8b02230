/**
 * A run's micro-benchmark figures for the micro table under its chart (checkpoint-data.ts): each task's time,
 * heap bytes and, for tasks that give their input size, MB/s, by series (the subjects as the chart's keys map
 * them, peers under `peer:<name>`), and the same tasks measured on other runtimes of the run (`--runtime`).
 */
import type { CheckpointResult } from '@hotpath/harness/result';
import type { SeriesKeys } from './chart-groups.ts';
import type { ChartRun, MicroFigure } from './checkpoint-data.ts';
import { siteRuntime } from './result-runtime.ts';

/** What the micro figures read of a result. */
type Result = Pick<CheckpointResult, 'ratios' | 'baselineKey' | 'runtimes' | 'runtimeRatios'>;

/** The micro metrics the charts show, in the order of the table's rows, with their units. */
const MICRO_UNITS: Record<MicroFigure['metric'], MicroFigure['unit']> = { nsPerOp: 'ns', bytesPerOp: 'B', mbPerSec: 'MB/s' };
const MICRO_METRICS = Object.keys(MICRO_UNITS) as Array<MicroFigure['metric']>;
const isMicroMetric = (metric: string): metric is MicroFigure['metric'] => (MICRO_METRICS as string[]).includes(metric);

/** The micro figures of a run, by series: the subjects as `keys` maps them, peers under `peer:<name>`. */
export function microFigures(result: Result, keys: SeriesKeys): MicroFigure[] {
  const out: MicroFigure[] = [];
  for (const r of result.ratios) {
    const metric = r.metric;
    if (r.section !== 'micro' || !isMicroMetric(metric)) continue;
    const series = keys[r.subjectKey] ?? (r.subjectKey.startsWith('peer:') ? r.subjectKey : undefined);
    let figure = out.find((m) => m.task === r.name && m.metric === metric);
    if (!figure) out.push((figure = { task: r.name, metric, unit: MICRO_UNITS[metric], values: {} }));
    if (series && r.subject !== null) figure.values[series] = r.subject;
    if (r.baseline !== null) figure.values.baseline = r.baseline;
  }
  // Task by task (the order of the run); time, then bytes, then MB/s.
  const tasks = [...new Set(out.map((m) => m.task))];
  return out
    .filter((m) => Object.keys(m.values).length > 0)
    .sort((a, b) => tasks.indexOf(a.task) - tasks.indexOf(b.task) || MICRO_METRICS.indexOf(a.metric) - MICRO_METRICS.indexOf(b.metric));
}

/** Each other runtime's micro figures from the run's cross-runtime ratios (`across`), by the same series as the run's. */
export function runtimePeers(result: Result, keys: SeriesKeys): ChartRun['runtimePeers'] {
  return (result.runtimes ?? [])
    .map((other) => {
      const across = (result.runtimeRatios ?? []).filter((r) => r.runtime === other.id && r.across !== undefined);
      // The baseline keeps its series; the rest as in the run (subject → reference or learner, peers as themselves).
      const micro = microFigures({ ...result, ratios: across.map((r) => ({ ...r, baseline: null })) }, { ...keys, [result.baselineKey]: 'baseline' });
      return { runtime: siteRuntime(other.kind, other.version, other.v8), micro };
    })
    .filter((peer) => peer.micro.length > 0);
}
