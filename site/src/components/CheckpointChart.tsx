/**
 * A lab's checkpoint as an SVG bar chart, rendered on the server in its wide layout and laid out again in the
 * browser for the width it has (chart-box.ts, chart-layout.ts: text keeps its size on a phone and grows in
 * presenting mode; without JavaScript the wide chart scales to the column): for
 * each figure — the micro tasks the lab's targets judge (lab 02's serializer beside JSON.stringify and
 * fast-json-stringify), requests/s, p99, heap bytes per request, startup, RSS — one bar per series (the run's
 * baseline, named by its stage: lab 00, or lab 01 for lab 02 …; the reference solution; your own run when
 * `pnpm lab bench` has written one; peers a target compares with), each labelled with its value and ratio, and
 * each target of the run's runtime drawn where it judges with its verdict — met, missed or inconclusive, in
 * words — under the bar it judges (ChartBars.tsx). Under the chart, the targets in the kit's words with each
 * verdict, then the run of record: its results file (linked), runtime, fingerprint, a busy machine said plainly
 * and the warnings about what it shows (ChartTargets.tsx). Lab 00's chart draws each route beside the same
 * server's GET /health (its floor) and, when lab 00 commits a run of its own, that run's micro pairs in a second
 * chart naming its own file. The run's micro-benchmarks follow as a compact table (time, heap bytes per call,
 * MB/s for tasks that give their input size; peers as extra columns). A lab with committed runs on several
 * runtimes shows the one picked for the page (RuntimePicker.tsx; your own latest run stands in for the
 * reference run of its runtime). Colours come from CSS variables, so the chart stays legible in dark mode.
 */
import { useMemo } from 'react';
import { usePluginData } from '@docusaurus/useGlobalData';
import type { ChartMetric, ChartRun, LabData, MicroFigure, SeriesKey } from '../../plugins/checkpoint-data';
import { BarGroup, drawn, ratioText } from './ChartBars';
import { useChartBox } from './chart-box';
import { frameFor, planChart } from './chart-layout';
import { RunRecord, RunTargets } from './ChartTargets';
import { RuntimeNote, RuntimePicker, useRuntimeChoice } from './RuntimePicker';
import { runtimeOrder, variantFor } from './runtime-choice';
import { useProgress } from './live-state';

interface Series {
  key: SeriesKey;
  label: string;
}

/** The series of a run, the baseline named after the stage it was measured against. */
function seriesOf(run: ChartRun): Series[] {
  return [
    { key: 'baseline', label: run.baselineLabel },
    { key: 'reference', label: 'reference' },
    { key: 'learner', label: 'yours' },
  ];
}

/**
 * A figure with its unit. Memory (heap, ArrayBuffer, RSS: unit 'B') in binary units, labelled so — "15.0 KiB",
 * "49.2 MiB" (1024-based), as the harness's table prints it; throughput stays decimal MB/s of input (a rate).
 */
export function formatValue(value: number, unit: ChartMetric['unit'] | MicroFigure['unit']): string {
  if (unit === 'MB/s') return `${value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)} MB/s`;
  if (unit === 'ns') return value >= 1e6 ? `${(value / 1e6).toFixed(2)} ms` : value >= 1000 ? `${(value / 1000).toFixed(2)} µs` : `${value.toFixed(1)} ns`;
  if (unit === 'req/s') return value >= 1000 ? `${(value / 1000).toFixed(1)}k req/s` : `${value.toFixed(0)} req/s`;
  if (unit === 'µs') return value >= 1000 ? `${(value / 1000).toFixed(2)} ms` : `${value.toFixed(0)} µs`;
  if (unit === 'ms') return `${value.toFixed(0)} ms`;
  if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(1)} MiB`;
  return value >= 1024 ? `${(value / 1024).toFixed(1)} KiB` : `${value.toFixed(0)} B`;
}

/**
 * The labs' chart data from the build; under `pnpm start`, each lab's bench history and latest local run
 * replaced by the live ones (live-state.ts), so "yours" follows each `pnpm lab bench` without a rebuild.
 */
export function useLabData(slug?: string): LabData[] {
  const { labs } = usePluginData('hotpath-checkpoint-data') as { labs: LabData[] };
  const progress = useProgress();
  const merged = useMemo(() => {
    if (progress.source !== 'live') return labs;
    return labs.map((lab) => {
      const now = progress.labs.find((p) => p.slug === lab.slug);
      return now?.history ? { ...lab, history: now.history, local: now.local } : lab;
    });
  }, [labs, progress]);
  return slug ? merged.filter((lab) => lab.slug === slug) : merged;
}

/** A figure in its unit: formatValue's, GCs (per 10k requests) counted. */
const figureText = (value: number, unit: ChartMetric['unit']): string =>
  unit === 'GCs' ? `${value.toFixed(value >= 10 ? 0 : 1)} GCs` : formatValue(value, unit);

function runName(lab: LabData, run: ChartRun): string {
  if (run.source === 'local') return 'your latest run';
  if (run.source === 'baseline-only')
    return `${run.baselineLabel}'s figures from its run of record, ${run.takenFrom ?? 'a later stage'}'s committed reference run`;
  return lab.number === 0 ? "lab 00's own committed run" : 'the reference run';
}

/** The name of a micro figure's row. */
const MICRO_LABEL: Record<MicroFigure['metric'], string> = { nsPerOp: 'time', bytesPerOp: 'heap bytes', mbPerSec: 'throughput' };

/**
 * The run's micro-benchmarks: one row per task and figure, a column per series and peer, with ratios (always
 * this / the baseline; the caption says which way is better). With `peer`: the same tasks measured on another
 * runtime in the same run, each ratio to the same column's figure on the run's own runtime.
 */
function MicroTable({ run, id, peer }: { run: ChartRun; id: string; peer?: ChartRun['runtimePeers'][number] }) {
  const micro = peer ? peer.micro : run.micro;
  const columns = [
    ...seriesOf(run).map((s) => ({ key: s.key as string, label: s.label })),
    ...run.peers.map((name) => ({ key: `peer:${name}`, label: name })),
  ].filter((c) => micro.some((m) => m.values[c.key] !== undefined));
  // Within the run: each figure / the baseline's. On a runtime peer: each figure / the same series' figure on the run's runtime.
  const against = (m: MicroFigure, key: string): number | undefined =>
    peer ? run.micro.find((x) => x.task === m.task && x.metric === m.metric)?.values[key] : key === 'baseline' ? undefined : m.values.baseline;
  const captionId = `${id}-micro${peer ? `-${peer.runtime.id}` : ''}`;
  return (
    <table className="hp-micro" aria-labelledby={captionId} data-runtime={peer?.runtime.id}>
      {peer ? (
        <caption id={captionId}>
          The same micro-benchmarks on {peer.runtime.caption}, measured in the same run, taking turns with {run.runtime.caption}, per call (lower is better
          {micro.some((m) => m.metric === 'mbPerSec') && '; throughput, in MB/s of input, higher is better'}). Ratios are to the same column on{' '}
          {run.runtime.name}.
        </caption>
      ) : (
        <caption id={captionId}>
          Micro-benchmarks on {run.runtime.caption}, per call (lower is better
          {micro.some((m) => m.metric === 'mbPerSec') && '; throughput, in MB/s of input, higher is better'})
          {run.peers.length > 0 && `; ${run.peers.join(', ')}: ${run.peers.length > 1 ? 'peers' : 'a peer'} to compare with`}. Ratios are to {run.baselineLabel}
          .
        </caption>
      )}
      <thead>
        <tr>
          <th scope="col">task</th>
          <th scope="col">figure</th>
          {columns.map((c) => (
            <th scope="col" key={c.key}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {micro.map((m, i) => {
          return (
            <tr key={`${m.task} ${m.metric}`}>
              {(i === 0 || micro[i - 1]!.task !== m.task) && (
                <th scope="row" rowSpan={micro.filter((x) => x.task === m.task).length}>
                  {m.task}
                </th>
              )}
              <td>{MICRO_LABEL[m.metric]}</td>
              {columns.map((c) => {
                const value = m.values[c.key];
                if (value === undefined) return <td key={c.key}>–</td>;
                const base = against(m, c.key);
                return (
                  <td key={c.key}>
                    {formatValue(value, m.unit)}
                    {base ? ` (${ratioText(value, base)})` : ''}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** What a chart's ratios are to, in words. */
function ratiosTo(run: ChartRun): string {
  if (run.source === 'baseline-only')
    return `Each route is drawn beside ${run.baselineLabel}'s GET /health in the same run (the same server answering a constant: the floor of its stack); absolute figures depend on the machine and the runtime.`;
  if (run.metrics.length === 0 && (run.microGroups ?? []).every((g) => g.ratioTo?.startsWith('task:')))
    return 'Each ratio is to the first bar of its group, measured in the same run.';
  return `Ratios are to ${run.baselineLabel} in the same run; absolute figures depend on the machine and the runtime.`;
}

/** A run's chart; `instead`: shown because the lab has no run on the runtime picked for the page. */
export function RunChart({ lab, run, instead = false }: { lab: LabData; run: ChartRun; instead?: boolean }) {
  const id = `chart-${lab.slug}-${run.source}`;
  const SERIES = seriesOf(run);
  const all = [...(run.microGroups ?? []), ...run.metrics];
  const groups = all.filter((g) => drawn(g, run));
  const alone = all.filter((g) => !drawn(g, run));
  // Laid out for the figure's measured width once in the browser (one unit = the chart text's CSS px / 12); the wide layout before.
  const [ref, box] = useChartBox<HTMLElement>();
  const frame = frameFor(groups, run, box?.units);
  const { plans, height } = planChart(groups, run, frame, figureText);
  const size = box ? { width: frame.width * box.scale, height: height * box.scale } : { width: '100%' };
  const name = runName(lab, run);
  const verdicts = run.verdicts ?? [];
  return (
    <>
      <figure className="hp-chart" data-runtime={run.runtime.id} ref={ref}>
        <RuntimeNote runtime={run.runtime} instead={instead} what="this checkpoint" />
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${frame.width} ${height}`}
          {...size}
          data-layout={box ? (frame.narrow ? 'narrow' : 'wide') : 'server'}
        >
          <title id={`${id}-title`}>
            {run.source === 'reference' && lab.number === 0
              ? `Micro-benchmarks of lab 00 on ${run.runtime.caption}: ${name}, each pair measured in one run`
              : `Checkpoint of lab ${String(lab.number).padStart(2, '0')} on ${run.runtime.caption}: ${name}, measured in one run against ${run.baselineLabel}`}
          </title>
          <desc id={`${id}-desc`}>
            {`Measured on ${run.runtime.caption}, ${run.fingerprint} (${run.mode} run, ${run.file})${run.busy ? ', while the machine was busy: figures may be low' : ''}.`}
            {verdicts.length > 0 &&
              ` Targets: ${verdicts.map((v) => `${v.id}, ${v.words}: ${v.lines.map((l) => `${run.source === 'local' ? `${l.who === 'yours' ? 'yours' : 'the reference'}: ` : ''}${l.text}`).join('; ')}`).join('. ')}.`}
          </desc>
          {plans.map(({ metric, plan, y }) => (
            <BarGroup key={metric.key ?? metric.label} metric={metric} run={run} y={y} frame={frame} plan={plan} format={figureText} />
          ))}
        </svg>
        <RunTargets lab={lab} run={run} />
        <RunRecord run={run} name={name[0]!.toUpperCase() + name.slice(1)} ratios={ratiosTo(run)} />
        {alone.length > 0 && (
          <p className="hp-alone">
            {alone.map((m) => m.label).join(', ')}: one bar each, with nothing in this run to compare {alone.length > 1 ? 'them' : 'it'} with — in the table
            below.
          </p>
        )}
        {run.metrics.length > 0 && (
          <details>
            <summary>The figures as a table</summary>
            <table>
              <thead>
                <tr>
                  <th>figure</th>
                  {SERIES.filter((s) => run.metrics.some((m) => m.values[s.key] !== undefined)).map((s) => (
                    <th key={s.key}>{s.label}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {run.metrics.map((m) => (
                  <tr key={m.label}>
                    <td>{m.label}</td>
                    {SERIES.filter((s) => run.metrics.some((x) => x.values[s.key] !== undefined)).map((s) => (
                      <td key={s.key}>{m.values[s.key] === undefined ? '–' : figureText(m.values[s.key]!, m.unit)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
        {run.micro.length > 0 && <MicroTable run={run} id={id} />}
        {run.micro.length > 0 && run.runtimePeers.map((peer) => <MicroTable key={peer.runtime.id} run={run} id={id} peer={peer} />)}
      </figure>
      {run.companion && <RunChart lab={lab} run={run.companion} />}
    </>
  );
}

/** A lab's runs to choose from, one per runtime: the committed reference runs, your latest run in place of its runtime's. */
export function labRuns(lab: LabData): ChartRun[] {
  const local = lab.local;
  if (!local) return lab.references;
  return [...lab.references.filter((run) => run.runtime.id !== local.runtime.id), local].sort((a, b) => runtimeOrder(a.runtime, b.runtime));
}

/** The chart a lab page shows (`heading={false}`: under a heading the page gives it), for the runtime picked: your latest run when it is on that runtime, else the committed reference run. */
export default function CheckpointChart({ slug, heading = true }: { slug: string; heading?: boolean }) {
  const [lab] = useLabData(slug);
  const chosen = useRuntimeChoice();
  if (!lab) return null;
  const shown = variantFor(labRuns(lab), chosen);
  const run = shown?.variant;
  const nn = String(lab.number).padStart(2, '0');
  return (
    <section aria-label={`Checkpoint of lab ${nn}`}>
      {heading && <h2 id="checkpoint-chart">Checkpoint chart</h2>}
      <RuntimePicker />
      {lab.local && run && run !== lab.local && (
        <p>
          Your latest run was on {lab.local.runtime.caption}: pick {lab.local.runtime.name} to see it.
        </p>
      )}
      {run ? (
        <RunChart lab={lab} run={run} instead={shown.instead} />
      ) : (
        <figure className="hp-chart">
          {lab.targets.length > 0 && <p className="hp-targets">Targets, for every runtime unless one is named: {lab.targets.join('; ')}.</p>}
          <svg role="img" aria-labelledby={`chart-${lab.slug}-none`} width="100%" height={40}>
            <title id={`chart-${lab.slug}-none`}>{`No checkpoint results for lab ${nn} yet`}</title>
            <text x={0} y={24}>
              {lab.status === 'planned' ? 'This lab is planned: no checkpoint results yet.' : `No results yet: run pnpm lab bench ${nn} --quick.`}
            </text>
          </svg>
        </figure>
      )}
    </section>
  );
}
