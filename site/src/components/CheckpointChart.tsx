/**
 * A lab's checkpoint as an SVG bar chart, rendered on the server (it needs no JavaScript in the browser):
 * for each figure — requests/s, p99, heap bytes per request, startup, RSS — one bar per series (the run's
 * baseline, named by its stage: lab 00, or lab 01 for lab 02 …; the reference solution; and your own run
 * when `pnpm lab bench` has written one), labelled with the value and its ratio to the baseline, under the
 * runtime and the fingerprint of the machine that measured it. The run's micro-benchmarks (time and heap
 * bytes per call, and throughput in MB/s for tasks that give their input size; peers such as
 * fast-json-stringify as extra columns) follow as a compact table. A lab with committed runs on several
 * runtimes shows the one picked for the page (RuntimePicker.tsx; your own latest run stands in for the
 * reference run of its runtime). Each chart lists the lab's targets for its run's runtime only, each naming the
 * runtimes it is for when not all (a figure that moved with V8, like lab 02's JSON.stringify ratio, has one
 * target per range: plugins/checkpoint-data.ts picks them as `pnpm lab bench` does). Colours come from CSS
 * variables, so the chart stays legible in dark mode.
 */
import React from 'react';
import { usePluginData } from '@docusaurus/useGlobalData';
import type { ChartMetric, ChartRun, LabData, MicroFigure, SeriesKey } from '../../plugins/checkpoint-data';
import { RuntimeNote, RuntimePicker, useRuntimeChoice } from './RuntimePicker';
import { runtimeOrder, variantFor } from './runtime-choice';

interface Series {
  key: SeriesKey;
  label: string;
  colour: string;
}

/** The series of a run, the baseline named after the stage it was measured against. */
function seriesOf(run: ChartRun): Series[] {
  return [
    { key: 'baseline', label: run.baselineLabel, colour: 'var(--hp-baseline)' },
    { key: 'reference', label: 'reference', colour: 'var(--hp-reference)' },
    { key: 'learner', label: 'yours', colour: 'var(--hp-learner)' },
  ];
}

/** A ratio as the harness prints it: 2 decimals, or 2 significant digits below 0.1 (5 ns against 19 µs is 0.00029×). */
function ratioText(value: number, base: number): string {
  const r = value / base;
  return r === 0 ? '0×' : `${r < 0.1 ? r.toPrecision(2) : r.toFixed(2)}×`;
}

export function formatValue(value: number, unit: ChartMetric['unit'] | MicroFigure['unit']): string {
  if (unit === 'MB/s') return `${value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)} MB/s`;
  if (unit === 'ns') return value >= 1e6 ? `${(value / 1e6).toFixed(2)} ms` : value >= 1000 ? `${(value / 1000).toFixed(2)} µs` : `${value.toFixed(1)} ns`;
  if (unit === 'req/s') return value >= 1000 ? `${(value / 1000).toFixed(1)}k req/s` : `${value.toFixed(0)} req/s`;
  if (unit === 'µs') return value >= 1000 ? `${(value / 1000).toFixed(2)} ms` : `${value.toFixed(0)} µs`;
  if (unit === 'ms') return `${value.toFixed(0)} ms`;
  if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(1)} MB`;
  return value >= 1024 ? `${(value / 1024).toFixed(1)} KB` : `${value.toFixed(0)} B`;
}

export function useLabData(slug?: string): LabData[] {
  const { labs } = usePluginData('hotpath-checkpoint-data') as { labs: LabData[] };
  return slug ? labs.filter((lab) => lab.slug === slug) : labs;
}

function runName(run: ChartRun): string {
  if (run.source === 'local') return 'your latest run';
  if (run.source === 'reference') return 'the reference run';
  return `${run.baselineLabel}'s figures from its run of record, ${run.takenFrom ?? 'a later stage'}'s committed reference run`;
}

const ROW = 18;
const LABEL_WIDTH = 250;
const BAR_WIDTH = 300;

function MetricGroup({ metric, y, all }: { metric: ChartMetric; y: number; all: Series[] }) {
  const series = all.filter((s) => metric.values[s.key] !== undefined);
  const baseLabel = all[0]!.label;
  const max = Math.max(...series.map((s) => metric.values[s.key]!));
  const base = metric.values.baseline;
  return (
    <g transform={`translate(0, ${y})`}>
      <text x={0} y={12} fontWeight="bold">
        {metric.label} ({metric.better} is better)
      </text>
      {series.map((s, i) => {
        const value = metric.values[s.key]!;
        const width = max > 0 ? Math.max(1, (value / max) * BAR_WIDTH) : 1;
        const ratio = base && s.key !== 'baseline' ? ` · ${ratioText(value, base)} ${baseLabel}` : '';
        return (
          <g key={s.key} transform={`translate(0, ${18 + i * ROW})`}>
            <text x={8} y={12}>
              {s.label}
            </text>
            <rect x={90} y={2} width={width} height={12} fill={s.colour} rx={2} />
            <text x={96 + width} y={12}>
              {formatValue(value, metric.unit)}
              {ratio}
            </text>
          </g>
        );
      })}
    </g>
  );
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
  const columns = [...seriesOf(run).map((s) => ({ key: s.key as string, label: s.label })), ...run.peers.map((name) => ({ key: `peer:${name}`, label: name }))].filter((c) =>
    micro.some((m) => m.values[c.key] !== undefined),
  );
  // Within the run: each figure / the baseline's. On a runtime peer: each figure / the same series' figure on the run's runtime.
  const against = (m: MicroFigure, key: string): number | undefined =>
    peer ? run.micro.find((x) => x.task === m.task && x.metric === m.metric)?.values[key] : key === 'baseline' ? undefined : m.values.baseline;
  const captionId = `${id}-micro${peer ? `-${peer.runtime.id}` : ''}`;
  return (
    <table className="hp-micro" aria-labelledby={captionId} data-runtime={peer?.runtime.id}>
      {peer ? (
        <caption id={captionId}>
          The same micro-benchmarks on {peer.runtime.caption}, measured in the same run, taking turns with {run.runtime.caption}, per call (lower is better
          {micro.some((m) => m.metric === 'mbPerSec') && '; throughput, in MB/s of input, higher is better'}). Ratios are to the same column on {run.runtime.name}.
        </caption>
      ) : (
        <caption id={captionId}>
          Micro-benchmarks on {run.runtime.caption}, per call (lower is better{micro.some((m) => m.metric === 'mbPerSec') && '; throughput, in MB/s of input, higher is better'})
          {run.peers.length > 0 && `; ${run.peers.join(', ')}: ${run.peers.length > 1 ? 'peers' : 'a peer'} to compare with`}. Ratios are to {run.baselineLabel}.
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

/** The lab's targets for the run's runtime; none for that runtime when the lab's are all for others. */
function RunTargets({ lab, run }: { lab: LabData; run: ChartRun }) {
  if (lab.targets.length === 0) return null;
  return (
    <p className="hp-targets" data-runtime={run.runtime.id}>
      {run.targets.length > 0
        ? `Targets on ${run.runtime.name}, the runtime of this run: ${run.targets.join('; ')}.`
        : `No targets on ${run.runtime.name}: this lab's targets are for other runtimes.`}
    </p>
  );
}

/** A run's chart; `instead`: shown because the lab has no run on the runtime picked for the page. */
export function RunChart({ lab, run, instead = false }: { lab: LabData; run: ChartRun; instead?: boolean }) {
  const id = `chart-${lab.slug}-${run.source}`;
  const SERIES = seriesOf(run);
  const heights = run.metrics.map((m) => 26 + SERIES.filter((s) => m.values[s.key] !== undefined).length * ROW);
  const height = heights.reduce((a, b) => a + b, 0) + 10;
  let y = 0;
  return (
    <figure className="hp-chart" data-runtime={run.runtime.id}>
      <RuntimeNote runtime={run.runtime} instead={instead} what="this checkpoint" />
      <RunTargets lab={lab} run={run} />
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 160} ${height}`} width="100%">
        <title id={`${id}-title`}>
          {`Checkpoint of lab ${String(lab.number).padStart(2, '0')} on ${run.runtime.caption}: ${runName(run)}, measured in one run against ${run.baselineLabel}`}
        </title>
        <desc id={`${id}-desc`}>{`Measured on ${run.runtime.caption}, ${run.fingerprint} (${run.mode} run).`}</desc>
        {run.metrics.map((metric, i) => {
          const group = <MetricGroup key={metric.label} metric={metric} y={y} all={SERIES} />;
          y += heights[i]!;
          return group;
        })}
      </svg>
      <figcaption>
        {runName(run)[0]!.toUpperCase() + runName(run).slice(1)} · {run.mode} · {run.runtime.caption} · measured on {run.fingerprint} ({run.file}). Ratios are to{' '}
        {run.baselineLabel} in the same run; absolute figures depend on the machine and the runtime.
        {run.warnings.length > 0 && (
          <ul>
            {run.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        )}
      </figcaption>
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
                  <td key={s.key}>{m.values[s.key] === undefined ? '–' : formatValue(m.values[s.key]!, m.unit)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {run.micro.length > 0 && <MicroTable run={run} id={id} />}
      {run.micro.length > 0 && run.runtimePeers.map((peer) => <MicroTable key={peer.runtime.id} run={run} id={id} peer={peer} />)}
    </figure>
  );
}

/** A lab's runs to choose from, one per runtime: the committed reference runs, your latest run in place of its runtime's. */
export function labRuns(lab: LabData): ChartRun[] {
  const local = lab.local;
  if (!local) return lab.references;
  return [...lab.references.filter((run) => run.runtime.id !== local.runtime.id), local].sort((a, b) => runtimeOrder(a.runtime, b.runtime));
}

/** The chart a lab page shows, for the runtime picked: your latest run when it is on that runtime, else the committed reference run. */
export default function CheckpointChart({ slug }: { slug: string }) {
  const [lab] = useLabData(slug);
  const chosen = useRuntimeChoice();
  if (!lab) return null;
  const shown = variantFor(labRuns(lab), chosen);
  const run = shown?.variant;
  const nn = String(lab.number).padStart(2, '0');
  return (
    <section aria-label={`Checkpoint of lab ${nn}`}>
      <h2 id="checkpoint-chart">Checkpoint chart</h2>
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
          <svg role="img" aria-labelledby={`chart-${lab.slug}-none`} viewBox="0 0 710 40" width="100%">
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
