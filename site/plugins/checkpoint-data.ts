/**
 * Checkpoint figures for the charts, read at build time: for every lab of the manifest, the committed
 * reference runs, one per runtime (solutions/<slug>/results/checkpoint.json, the Node 20 run of record, and
 * checkpoint.<runtime id>.json beside it, e.g. checkpoint.node26.json: the reference solution vs the lab's
 * baseline, lab 00 unless the manifest names another stage) and, when the learner has run `pnpm lab bench`,
 * their latest local run (.hotpath/history.jsonl → .hotpath/results/…: theirs, the reference and the
 * baseline). Each run names the runtime it was measured on (result-runtime.ts) and which stage its baseline
 * was ("lab 01"), and carries its micro-benchmark figures, peers included (time, heap bytes and, for tasks that
 * give their input size, MB/s). Exposed as global data; charts, the home page and the progress page render it.
 */
import type { LoadContext, Plugin } from '@docusaurus/types';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labs } from '../../shared/kit/src/manifest.ts';
import { stageName } from '../../shared/kit/src/paths.ts';
import { targetsFor, targetText } from '../../shared/kit/src/cli/target-runtime.ts';
import type { CheckpointTarget } from '../../shared/kit/src/manifest.ts';
import type { CheckpointResult } from '../../shared/harness/src/report.ts';
import { repoRoot } from './repo-links.ts';
import { byRuntime, recordedRuntime, resultFiles, siteRuntime, type SiteRuntime } from './result-runtime.ts';
import { runtimeOrder } from '../src/components/runtime-choice.ts';

export type SeriesKey = 'baseline' | 'reference' | 'learner';

export interface ChartMetric {
  label: string;
  unit: 'req/s' | 'µs' | 'B' | 'ms';
  better: 'higher' | 'lower';
  values: Partial<Record<SeriesKey, number>>;
}

/**
 * One micro-benchmark figure of a run, per series: a task's time or heap bytes per call, or its throughput
 * (MB/s, higher is better) when the task gives its input bytes per call.
 */
export interface MicroFigure {
  /** The micro task's name, as the lab's checkpoint.ts names it. */
  task: string;
  metric: 'nsPerOp' | 'bytesPerOp' | 'mbPerSec';
  unit: 'ns' | 'B' | 'MB/s';
  /** By series: 'baseline', 'reference', 'learner', or `peer:<name>` for a micro peer. */
  values: Record<string, number>;
}

export interface ChartRun {
  /** 'baseline-only': lab 00's figures, taken from the lab 00 side of its run of record (lab 01's committed run). */
  source: 'local' | 'reference' | 'baseline-only';
  /** For 'baseline-only': the stage whose committed run the figures come from ("lab 01"). */
  takenFrom?: string;
  createdAt: string;
  mode: string;
  /** The runtime the run measured on (its primary runtime: the figures charted). */
  runtime: SiteRuntime;
  /** The results file, repo-relative (`solutions/02-generated-serializers/results/checkpoint.node26.json`). */
  file: string;
  /** The machine: "AMD EPYC, 2 cores, 2026-12-01, commit 1a2b3c4" (the runtime apart, in `runtime`). */
  fingerprint: string;
  /** The stage the run was measured against, from its baseline subject: "lab 00", "lab 01" … */
  baselineLabel: string;
  /** That baseline's folder as the result records it (`solutions/01-slim-builder`), when it does. */
  baselineFolder?: string;
  metrics: ChartMetric[];
  /** Micro-benchmark figures (empty when the run had none), in the run's task order. */
  micro: MicroFigure[];
  /**
   * Names of the run's micro peers (their series key is `peer:<name>`): the peers with a micro figure. A peer
   * measured only as a package under load (lab 04's no-pool variant) is not one; its load figures are not charted.
   */
  peers: string[];
  /** The harness's warnings for that run (a busy machine, a load generator at its limit …). */
  warnings: string[];
  /**
   * The same micro-benchmarks measured on other runtimes in the same run (`--runtime`): per runtime, each
   * series' figure there (ratios: to the same series' figure on `runtime`). Empty for a run on one runtime.
   */
  runtimePeers: Array<{ runtime: SiteRuntime; micro: MicroFigure[] }>;
  /**
   * The lab's targets for this run's runtime, as `pnpm lab bench` judges them (the kit's `targetsFor`), each
   * worded by `targetText`: its label, and the runtimes it is for when not all ("… — for Node 26 and later").
   */
  targets: string[];
}

export interface LabData {
  slug: string;
  number: number;
  title: string;
  teaches: string;
  status: 'ready' | 'planned';
  /**
   * Every target of the lab, each with the runtimes it is for (`targetText`): shown only when the lab has no
   * run to chart. A chart shows its run's own (`ChartRun.targets`).
   */
  targets: string[];
  /** The manifest's hints, shown folded under the lab page (the same ones `pnpm lab hint` prints). */
  hints: Array<{ title: string; body: string }>;
  /** The committed reference runs, one per runtime, in picker order (Node majors oldest first, then Bun). */
  references: ChartRun[];
  local?: ChartRun;
  /** The learner's bench history for this lab, oldest first (date, verdict). */
  history: Array<{ at: string; mode: string; met: number; total: number }>;
}

/** What the charts read of a checkpoint result (older results lack `runtime`, `peers`, and their subjects' roles). */
type Result = Pick<CheckpointResult, 'createdAt' | 'mode' | 'subjects' | 'baselineKey' | 'peers' | 'ratios' | 'warnings' | 'runtime' | 'runtimes' | 'runtimeRatios'> & {
  fingerprint: Pick<CheckpointResult['fingerprint'], 'node' | 'cpuModel' | 'cores' | 'date'> & Partial<Pick<CheckpointResult['fingerprint'], 'v8' | 'gitCommit'>>;
};

const FIGURES: Array<{ name: string; metric: string; label: string; unit: ChartMetric['unit']; better: ChartMetric['better'] }> = [
  { name: 'GET /todos', metric: 'rps', label: 'GET /todos requests/s', unit: 'req/s', better: 'higher' },
  { name: 'POST /ingest/v1 1KB', metric: 'rps', label: 'POST /ingest/v1 requests/s', unit: 'req/s', better: 'higher' },
  { name: 'GET /todos', metric: 'p99', label: 'GET /todos p99', unit: 'µs', better: 'lower' },
  { name: 'POST /ingest/v1 1KB', metric: 'p99', label: 'POST /ingest/v1 p99', unit: 'µs', better: 'lower' },
  { name: 'GET /todos', metric: 'heapBytesPerRequest', label: 'GET /todos heap bytes/request', unit: 'B', better: 'lower' },
  { name: 'POST /ingest/v1 1KB', metric: 'heapBytesPerRequest', label: 'POST /ingest/v1 heap bytes/request', unit: 'B', better: 'lower' },
  { name: 'POST /ingest/v1 64KB', metric: 'rps', label: 'POST /ingest/v1 64 KB body requests/s', unit: 'req/s', better: 'higher' },
  { name: 'POST /ingest/v1 64KB', metric: 'heapBytesPerRequest', label: 'POST /ingest/v1 64 KB body heap bytes/request', unit: 'B', better: 'lower' },
  { name: 'POST /ingest/v1 1KB', metric: 'arrayBufferBytesPerRequest', label: 'POST /ingest/v1 ArrayBuffer bytes/request', unit: 'B', better: 'lower' },
  { name: 'POST /ingest/v1 64KB', metric: 'arrayBufferBytesPerRequest', label: 'POST /ingest/v1 64 KB body ArrayBuffer bytes/request', unit: 'B', better: 'lower' },
  { name: 'startup', metric: 'startupMs', label: 'time to first response', unit: 'ms', better: 'lower' },
  { name: 'startup', metric: 'peakRss', label: 'peak RSS at startup', unit: 'B', better: 'lower' },
];

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** The folder a run was measured against (`solutions/01-slim-builder`), from its subjects. */
function baselineFolder(result: Result): string | undefined {
  const subjects = result.subjects ?? [];
  return (subjects.find((s) => s.role === 'baseline') ?? subjects.find((s) => s.key === result.baselineKey) ?? subjects.find((s) => s.role === 'subject+baseline'))?.label;
}

/** The micro metrics the charts show, in the order of the table's rows, with their units. */
const MICRO_UNITS: Record<MicroFigure['metric'], MicroFigure['unit']> = { nsPerOp: 'ns', bytesPerOp: 'B', mbPerSec: 'MB/s' };
const MICRO_METRICS = Object.keys(MICRO_UNITS) as Array<MicroFigure['metric']>;
const isMicroMetric = (metric: string): metric is MicroFigure['metric'] => (MICRO_METRICS as string[]).includes(metric);

/** The micro figures of a run, by series: the subjects as `keys` maps them, peers under `peer:<name>`. */
function microFigures(result: Result, keys: Partial<Record<string, SeriesKey>>): MicroFigure[] {
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
function runtimePeers(result: Result, keys: Partial<Record<string, SeriesKey>>): ChartRun['runtimePeers'] {
  return (result.runtimes ?? [])
    .map((other) => {
      const across = (result.runtimeRatios ?? []).filter((r) => r.runtime === other.id && r.across !== undefined);
      // The baseline keeps its series; the rest as in the run (subject → reference or learner, peers as themselves).
      const micro = microFigures({ ...result, ratios: across.map((r) => ({ ...r, baseline: null })) }, { ...keys, [result.baselineKey]: 'baseline' });
      return { runtime: siteRuntime(other.kind, other.version, other.v8), micro };
    })
    .filter((peer) => peer.micro.length > 0);
}

/** The targets of `targets` that are for `runtime`, in words (the kit's bench judges the same ones). */
export const targetsOn = (targets: readonly CheckpointTarget[], runtime: SiteRuntime): string[] => targetsFor(targets, runtime).map(targetText);

/** A run's chart: which subject key is drawn as which series; `targets`: the lab's, judged on the run's runtime. */
function chartRun(result: Result, file: string, source: ChartRun['source'], keys: Partial<Record<string, SeriesKey>>, targets: readonly CheckpointTarget[]): ChartRun {
  const f = result.fingerprint;
  const folder = baselineFolder(result);
  const runtime = recordedRuntime(result, file);
  const metrics = FIGURES.map((figure) => {
    const values: ChartMetric['values'] = {};
    for (const r of result.ratios) {
      if (r.name !== figure.name || r.metric !== figure.metric) continue;
      const series = keys[r.subjectKey];
      if (series && r.subject !== null) values[series] = r.subject;
      if (r.baseline !== null) values.baseline = r.baseline;
    }
    return { label: figure.label, unit: figure.unit, better: figure.better, values };
  }).filter((m) => Object.keys(m.values).length > 0);
  const micro = microFigures(result, keys);
  return {
    source,
    createdAt: result.createdAt,
    mode: result.mode,
    runtime,
    file,
    fingerprint: `${f.cpuModel}, ${f.cores} cores, ${f.date.slice(0, 10)}${f.gitCommit ? `, commit ${f.gitCommit.slice(0, 7)}` : ''}`,
    // Results written before the manifest named baselines were all measured against lab 00.
    baselineLabel: folder ? stageName(folder) : 'lab 00',
    baselineFolder: folder,
    metrics,
    micro,
    peers: (result.peers ?? []).filter((name) => micro.some((m) => m.values[`peer:${name}`] !== undefined)),
    warnings: result.warnings ?? [],
    runtimePeers: runtimePeers(result, keys),
    targets: targetsOn(targets, runtime),
  };
}

/** Every lab's chart data, from the kit at `root`, with `resultsOverlay`'s files laid over its results (result-runtime.ts). */
export function loadLabData(root = repoRoot, resultsOverlay?: string): LabData[] {
  const historyPath = join(root, '.hotpath', 'history.jsonl');
  const history = existsSync(historyPath)
    ? readFileSync(historyPath, 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as { lab: string; at: string; mode: string; result: string; verdict: { met: number; total: number } }];
          } catch {
            return [];
          }
        })
    : [];
  const data: LabData[] = labs.map((lab) => {
    const committed = resultFiles(root, lab.slug, 'checkpoint', resultsOverlay).flatMap(({ file, path, named }): Array<[ChartRun, string | undefined]> => {
      const result = readJson<Result>(path);
      return result ? [[chartRun(result, file, 'reference', { subject: 'reference' }, lab.targets), named]] : [];
    });
    const mine = history.filter((entry) => entry.lab === lab.slug);
    const latest = mine.at(-1);
    const localResult = latest ? readJson<Result>(join(root, latest.result)) : undefined;
    return {
      slug: lab.slug,
      number: lab.number,
      title: lab.title,
      teaches: lab.teaches,
      status: lab.status,
      targets: lab.targets.map(targetText),
      hints: lab.hints.map((h) => ({ title: h.title, body: h.body })),
      references: byRuntime(committed),
      local: localResult && latest ? chartRun(localResult, latest.result, 'local', { subject: 'learner', reference: 'reference' }, lab.targets) : undefined,
      history: mine.map((entry) => ({ at: entry.at, mode: entry.mode, met: entry.verdict.met, total: entry.verdict.total })),
    };
  });
  // Lab 00 is the baseline of the first stages: without a run of its own, show its side of its run of
  // record on each runtime — the first committed run on that runtime measured against it (lab 01's), the run
  // every README quotes lab 00's figures from (shared/kit/test/figures/figures.ts, LAB00_RUN).
  const first = data[0];
  if (first && first.references.length === 0) {
    const runtimes = [...new Set(data.flatMap((lab) => lab.references.map((run) => run.runtime.id)))];
    for (const id of runtimes) {
      const onIt = (lab: LabData) => lab.references.find((run) => run.runtime.id === id && run.baselineFolder === `solutions/${first.slug}`);
      const record = data.find(onIt);
      const run = record && onIt(record);
      if (!record || !run) continue;
      const metrics = run.metrics.filter((m) => m.values.baseline !== undefined).map((m) => ({ ...m, values: { baseline: m.values.baseline } }));
      const targets = targetsOn(labs[0]!.targets, run.runtime);
      first.references.push({ ...run, source: 'baseline-only', takenFrom: `lab ${String(record.number).padStart(2, '0')}`, metrics, micro: [], peers: [], runtimePeers: [], targets });
    }
    first.references.sort((a, b) => runtimeOrder(a.runtime, b.runtime));
  }
  return data;
}

export default function checkpointData(_context: LoadContext, options: { resultsOverlay?: string } = {}): Plugin<LabData[]> {
  return {
    name: 'hotpath-checkpoint-data',
    getPathsToWatch: () => [join(repoRoot, 'solutions/*/results/checkpoint*.json'), join(repoRoot, '.hotpath/history.jsonl')],
    loadContent: async () => loadLabData(repoRoot, options.resultsOverlay),
    contentLoaded: async ({ content, actions }) => actions.setGlobalData({ labs: content }),
  };
}
