/**
 * Checkpoint figures for the charts, read at build time: for every lab of the manifest, the committed
 * reference runs, one per runtime (solutions/<slug>/results/checkpoint.json, the Node 20 run of record, and
 * checkpoint.<runtime id>.json beside it, e.g. checkpoint.node26.json: the reference solution vs the lab's
 * baseline, lab 00 unless the manifest names another stage) and, when the learner has run `pnpm lab bench`,
 * their latest local run (.hotpath/history.jsonl → .hotpath/results/…: theirs, the reference and the
 * baseline). Each run names the runtime it was measured on (result-runtime.ts), which stage its baseline
 * was ("lab 01"), its results file (a page of its own under /source/), its fingerprint, whether the machine
 * was busy, and the warnings about what it charts; it carries its bar groups (chart-groups.ts) with each
 * target of its runtime drawn and judged (chart-verdicts.ts, the kit's verdict words) and its micro-benchmark
 * figures, peers included. Exposed as global data; charts, the home page and the progress page render it.
 */
import type { LoadContext, Plugin } from '@docusaurus/types';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { labs } from '@hotpath/workshop/manifest';
import { stageName } from '@hotpath/workshop/paths';
import { targetsFor } from '@hotpath/workshop/target-runtime';
import { targetWords } from '@hotpath/kit/verdict';
import type { CheckpointTarget } from '@hotpath/workshop/manifest';
import type { CheckpointResult } from '@hotpath/harness/result';
import { startupOnlyRun } from '@hotpath/harness/run-views';
import { loadGroups, microGroups, pairGroups, type SeriesKeys } from './chart-groups.ts';
import { microFigures, runtimePeers } from './micro-figures.ts';
import { countsOf, judgeTargets, shownWarnings, type VerdictState } from './chart-verdicts.ts';
import { repoRoot, sourceRoute } from './repo-links.ts';
import type { SourcePageData } from './source-files.ts';
import { byRuntime, recordedRuntime, resultFiles, type SiteRuntime } from './result-runtime.ts';
import { historyWords, readHistory } from './bench-history.ts';
import { lab00Runs } from './lab00-runs.ts';

export type { VerdictState };
export type SeriesKey = 'baseline' | 'reference' | 'learner';

/** One bar of a group: a series of the run, a peer, lab 00's GET /health floor, or one of lab 00's micro tasks. */
export interface ChartBar {
  /** 'baseline', 'reference', 'learner', `peer:<name>`, 'floor', or `task:<name>`. */
  key: string;
  label: string;
  value: number;
  kind: SeriesKey | 'peer' | 'floor' | 'task';
}

/** A target drawn on a group: where (in the group's unit), and its verdict on each bar it judges. */
export interface ChartTarget {
  /** Its number on the chart and in the targets list: "T1". */
  id: string;
  /** The line: the baseline's figure × its bound, the peer's × it (`vs`), or the bound (`absolute`); null when that figure is missing. */
  at: number | null;
  /** Which side of the line meets it: atLeast (higher) or atMost (lower). */
  bound: 'atLeast' | 'atMost';
  /** "≥ 3×", "≤ 1,100 B" (the kit's targetShort). */
  short: string;
  /** The verdict on each bar it judges (the reference's; yours in a local run). */
  verdicts: Partial<Record<'reference' | 'learner', VerdictState>>;
}

export interface ChartMetric {
  label: string;
  unit: 'req/s' | 'µs' | 'B' | 'ms' | 'ns' | 'GCs';
  better: 'higher' | 'lower';
  values: Partial<Record<SeriesKey, number>>;
  /** Scenario and metric, "GET /todos · rps": the SVG's `data-metric` hook. */
  key?: string;
  section?: 'load' | 'startup' | 'micro';
  /** The bars, in order; absent: the series of `values`. */
  bars?: ChartBar[];
  /** The bar each other's ratio is to (default: the baseline). */
  ratioTo?: string;
  targets?: ChartTarget[];
}

/** A target of the run's runtime, judged, as the targets list under the chart reads it. */
export interface ChartVerdict {
  id: string;
  /** The target in its own words (the kit's targetWords): "≥ 3× faster than JSON.stringify serializing one Todo — for Node 20 and earlier". */
  words: string;
  /** The state of the run's own subject: the reference's in a committed run, yours in a local one. */
  state: VerdictState;
  /** The verdict lines, yours first in a local run: "2.86× faster than … (target ≥ 3×) — missed". */
  lines: Array<{ who: 'yours' | 'reference'; state: VerdictState; text: string }>;
  /** Why an inconclusive verdict is one (the reference missed it too, the machine was busy). */
  why?: string;
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
  /** Those a chart shows: about the series it draws and about the whole run (absent: all of them). */
  chartWarnings?: string[];
  /**
   * The same micro-benchmarks measured on other runtimes in the same run (`--runtime`): per runtime, each
   * series' figure there (ratios: to the same series' figure on `runtime`). Empty for a run on one runtime.
   */
  runtimePeers: Array<{ runtime: SiteRuntime; micro: MicroFigure[] }>;
  /**
   * The lab's targets for this run's runtime, as `pnpm lab bench` judges them (the kit's `targetsFor`), each
   * in its own words (`targetWords`), with the runtimes it is for when not all ("… — for Node 26 and later").
   */
  targets: string[];
  /** Those targets judged on this run, in the same order (absent in runs built by hand, e.g. in tests). */
  verdicts?: ChartVerdict[];
  /** "3 met, 1 inconclusive of 4 targets": the run's subject's, and in a local run the reference's from the same run. */
  counts?: { own: string; reference?: string };
  /** The harness saw the machine busy during the run (the fingerprint's flag), and why. */
  busy?: boolean;
  busyReasons?: string[];
  /** The micro tasks charted as bars: those the lab's targets judge, or lab 00's pairs. */
  microGroups?: ChartMetric[];
  /** The route of the results file's page. */
  fileRoute?: string;
  /** Lab 00: its own micro-only run on the same runtime, charted under the figures of its run of record. */
  companion?: ChartRun;
}

export interface LabData {
  slug: string;
  number: number;
  title: string;
  teaches: string;
  status: 'ready' | 'planned';
  /**
   * Every target of the lab, each with the runtimes it is for (`targetWords`): shown only when the lab has no
   * run to chart. A chart shows its run's own (`ChartRun.targets`).
   */
  targets: string[];
  /** The manifest's hints, shown folded under the lab page (the same ones `pnpm lab hint` prints). */
  hints: Array<{ title: string; body: string }>;
  /** The committed reference runs, one per runtime, in picker order (Node majors oldest first, then Bun). */
  references: ChartRun[];
  local?: ChartRun;
  /** The learner's bench history for this lab, oldest first (date, verdict; `words`: "2 met, 1 inconclusive of 3 targets"). */
  history: Array<{ at: string; mode: string; met: number; total: number; words?: string }>;
}

/** What the charts read of a checkpoint result (older results lack `runtime`, `peers`, and their subjects' roles). */
type Result = Pick<
  CheckpointResult,
  'createdAt' | 'mode' | 'sections' | 'subjects' | 'baselineKey' | 'peers' | 'ratios' | 'warnings' | 'runtime' | 'runtimes' | 'runtimeRatios'
> & {
  fingerprint: Pick<CheckpointResult['fingerprint'], 'node' | 'cpuModel' | 'cores' | 'date'> &
    Partial<Pick<CheckpointResult['fingerprint'], 'v8' | 'gitCommit' | 'busy' | 'busyReasons'>>;
};

/** The ratios each run was built from (not part of the page's data): lab 00's chart reads its floor from its run of record's. */
const ratiosOf = new WeakMap<ChartRun, Result['ratios']>();

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
  return (
    subjects.find((s) => s.role === 'baseline') ??
    subjects.find((s) => s.key === result.baselineKey) ??
    subjects.find((s) => s.role === 'subject+baseline')
  )?.label;
}

/** The targets of `targets` that are for `runtime`, in their own words (the kit's bench judges the same ones). */
export const targetsOn = (targets: readonly CheckpointTarget[], runtime: SiteRuntime): string[] => targetsFor(targets, runtime).map(targetWords);

/** Whether a run measured its subject against itself (lab 00's own run): its micro tasks are then charted in pairs. */
const againstItself = (result: Result, folder: string | undefined) =>
  (result.subjects ?? []).some((s) => s.role === 'subject+baseline' || (s.key !== result.baselineKey && s.label === folder));

/** A run against itself has one column of figures, the baseline's (lab 00's own), not a second, equal "reference" one. */
function ownColumn(m: MicroFigure): MicroFigure {
  const { reference, ...values } = m.values;
  return { ...m, values: { ...values, baseline: values.baseline ?? reference! } };
}

/** A run's chart: which subject key is drawn as which series; `targets`: the lab's, judged on the run's runtime; `firstStage`: lab 00's. */
function chartRun(
  result: Result,
  file: string,
  source: ChartRun['source'],
  keys: SeriesKeys,
  targets: readonly CheckpointTarget[],
  firstStage = false,
): ChartRun {
  const f = result.fingerprint;
  const folder = baselineFolder(result);
  const runtime = recordedRuntime(result, file);
  // Results written before the manifest named baselines were all measured against lab 00.
  const baselineLabel = folder ? stageName(folder) : 'lab 00';
  const busy = f.busy === true;
  const judged = judgeTargets(targetsFor(targets, runtime), result, source, busy);
  const ctx = { ratios: result.ratios, keys, baselineLabel, labTargets: targets, judged };
  const itself = againstItself(result, folder);
  const micro = itself ? microFigures(result, keys).map(ownColumn) : microFigures(result, keys);
  const metrics = loadGroups(ctx);
  // Lab 00's micro tasks come in pairs (its own run's, or yours against it): each pair side by side.
  const groups = [...microGroups(ctx), ...(itself || firstStage ? pairGroups(micro) : [])];
  const peers = (result.peers ?? []).filter((name) => micro.some((m) => m.values[`peer:${name}`] !== undefined));
  const drawn = [...metrics, ...groups].flatMap((g) => (g.bars ?? []).filter((b) => b.kind === 'peer').map((b) => b.key));
  const shown = new Set([...Object.keys(keys), result.baselineKey, ...peers.map((name) => `peer:${name}`), ...drawn]);
  const run: ChartRun = {
    source,
    createdAt: result.createdAt,
    mode: result.mode,
    runtime,
    file,
    fileRoute: isAbsolute(file) ? undefined : sourceRoute(file),
    fingerprint: `${f.cpuModel}, ${f.cores} cores, ${f.date.slice(0, 10)}${f.gitCommit ? `, commit ${f.gitCommit.slice(0, 7)}` : ''}`,
    busy,
    busyReasons: busy ? (f.busyReasons ?? []) : [],
    baselineLabel,
    baselineFolder: folder,
    metrics,
    microGroups: groups,
    micro,
    peers,
    warnings: result.warnings ?? [],
    chartWarnings: shownWarnings(result.warnings ?? [], shown),
    runtimePeers: runtimePeers(result, keys),
    targets: targetsOn(targets, runtime),
    verdicts: judged.map((j) => j.verdict),
    counts: countsOf(judged),
  };
  ratiosOf.set(run, result.ratios);
  return run;
}

/** Every lab's chart data, from the kit at `root`, with `resultsOverlay`'s files laid over its results (result-runtime.ts). */
export function loadLabData(root = repoRoot, resultsOverlay?: string): LabData[] {
  const history = readHistory(root);
  const data: LabData[] = labs.map((lab) => {
    const committed = resultFiles(root, lab.slug, 'checkpoint', resultsOverlay).flatMap(({ file, path, named }): Array<[ChartRun, string | undefined]> => {
      const result = readJson<Result>(path);
      // A start-up-only run (`pnpm startup`, lab 05's Node 26 start-up table) feeds lab 05's start-up table, not the chart.
      if (!result || startupOnlyRun(result)) return [];
      return [[chartRun(result, file, 'reference', { subject: 'reference' }, lab.targets, lab.number === 0), named]];
    });
    const mine = history.filter((entry) => entry.lab === lab.slug);
    const latest = mine.at(-1);
    const read = latest ? readJson<Result>(join(root, latest.result)) : undefined;
    const localResult = read && !startupOnlyRun(read) ? read : undefined;
    return {
      slug: lab.slug,
      number: lab.number,
      title: lab.title,
      teaches: lab.teaches,
      status: lab.status,
      targets: lab.targets.map(targetWords),
      hints: lab.hints.map((h) => ({ title: h.title, body: h.body })),
      references: byRuntime(committed),
      local:
        localResult && latest
          ? chartRun(localResult, latest.result, 'local', { subject: 'learner', reference: 'reference' }, lab.targets, lab.number === 0)
          : undefined,
      history: mine.map((entry) => ({
        at: entry.at,
        mode: entry.mode,
        met: entry.verdict.met,
        total: entry.verdict.total,
        words: historyWords(entry.verdict),
      })),
    };
  });
  // Lab 00 has no load run of its own (at most a micro-only one): its load figures come from its run of record.
  const first = data[0];
  if (first?.references.every((run) => run.metrics.length === 0))
    first.references = lab00Runs(
      first,
      data,
      (run) => ratiosOf.get(run) ?? [],
      (runtime) => targetsOn(labs[0]!.targets, runtime),
    );
  return data;
}

/** Every run charted, its lab 00 companion included: each names its results file, which gets a page. */
const chartedRuns = (data: LabData[]): ChartRun[] =>
  data.flatMap((lab) => [...lab.references, ...(lab.local ? [lab.local] : [])]).flatMap((run) => (run.companion ? [run, run.companion] : [run]));

export default function checkpointData(_context: LoadContext, options: { resultsOverlay?: string } = {}): Plugin<LabData[]> {
  return {
    name: 'hotpath-checkpoint-data',
    getPathsToWatch: () => [join(repoRoot, 'solutions/*/results/checkpoint*.json'), join(repoRoot, '.hotpath/history.jsonl')],
    loadContent: async () => loadLabData(repoRoot, options.resultsOverlay),
    async contentLoaded({ content, actions }) {
      actions.setGlobalData({ labs: content });
      // Each chart links its results file: a page showing the file as it was when the site was built. The
      // committed ones get theirs from source-files.ts; here, the others (your runs, the tests' overlay).
      const committed = /^solutions\/[^/]+\/results\/[^/]+\.json$/;
      const files = new Map(chartedRuns(content).flatMap((run) => (run.fileRoute && !committed.test(run.file) ? [[run.fileRoute, run.file] as const] : [])));
      for (const [route, file] of files) {
        const path = join(repoRoot, file);
        if (!existsSync(path)) continue;
        const page: SourcePageData = { path: file, kind: 'file', language: 'json', content: readFileSync(path, 'utf8') };
        const data = await actions.createData(`results-${file.replace(/[^a-z0-9]+/gi, '-')}.json`, JSON.stringify(page));
        actions.addRoute({ path: route, component: '@site/src/components/SourcePage.tsx', modules: { page: data }, exact: true });
      }
    },
  };
}
