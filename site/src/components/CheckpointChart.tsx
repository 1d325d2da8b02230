/**
 * A lab's checkpoint as an SVG bar chart, rendered on the server (it needs no JavaScript in the browser):
 * for each figure — requests/s, p99, heap bytes per request, startup, RSS — one bar per series (lab 00, the
 * reference solution, and your own run when `pnpm lab bench` has written one), labelled with the value and
 * its ratio to lab 00, under the fingerprint of the machine that measured it. Colours come from CSS
 * variables, so the chart stays legible in dark mode.
 */
import React from 'react';
import { usePluginData } from '@docusaurus/useGlobalData';
import type { ChartMetric, ChartRun, LabData, SeriesKey } from '../../plugins/checkpoint-data';

const SERIES: Array<{ key: SeriesKey; label: string; colour: string }> = [
  { key: 'baseline', label: 'lab 00', colour: 'var(--hp-baseline)' },
  { key: 'reference', label: 'reference', colour: 'var(--hp-reference)' },
  { key: 'learner', label: 'yours', colour: 'var(--hp-learner)' },
];

export function formatValue(value: number, unit: ChartMetric['unit']): string {
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

const RUN_NAME: Record<ChartRun['source'], string> = {
  local: 'your latest run',
  reference: 'the reference run',
  'baseline-only': "lab 00's figures from the latest committed reference run",
};

const ROW = 18;
const LABEL_WIDTH = 250;
const BAR_WIDTH = 300;

function MetricGroup({ metric, y }: { metric: ChartMetric; y: number }) {
  const series = SERIES.filter((s) => metric.values[s.key] !== undefined);
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
        const ratio = base && s.key !== 'baseline' ? ` · ${(value / base).toFixed(value / base < 0.1 ? 3 : 2)}× lab 00` : '';
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

export function RunChart({ lab, run }: { lab: LabData; run: ChartRun }) {
  const id = `chart-${lab.slug}-${run.source}`;
  const heights = run.metrics.map((m) => 26 + SERIES.filter((s) => m.values[s.key] !== undefined).length * ROW);
  const height = heights.reduce((a, b) => a + b, 0) + 10;
  let y = 0;
  return (
    <figure className="hp-chart">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 160} ${height}`} width="100%">
        <title id={`${id}-title`}>
          {`Checkpoint of lab ${String(lab.number).padStart(2, '0')}: ${RUN_NAME[run.source]}, measured in one run against lab 00`}
        </title>
        <desc id={`${id}-desc`}>{`Measured on ${run.fingerprint} (${run.mode} run).`}</desc>
        {run.metrics.map((metric, i) => {
          const group = <MetricGroup key={metric.label} metric={metric} y={y} />;
          y += heights[i]!;
          return group;
        })}
      </svg>
      <figcaption>
        {RUN_NAME[run.source][0]!.toUpperCase() + RUN_NAME[run.source].slice(1)} · {run.mode} · measured on {run.fingerprint}. Ratios are to lab 00 in the
        same run; absolute figures depend on the machine.
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
    </figure>
  );
}

/** The chart a lab page shows: your latest run when there is one, else the committed reference run. */
export default function CheckpointChart({ slug }: { slug: string }) {
  const [lab] = useLabData(slug);
  if (!lab) return null;
  const run = lab.local ?? lab.reference;
  const nn = String(lab.number).padStart(2, '0');
  return (
    <section aria-label={`Checkpoint of lab ${nn}`}>
      <h2 id="checkpoint-chart">Checkpoint chart</h2>
      {lab.targets.length > 0 && <p>Targets: {lab.targets.join('; ')}.</p>}
      {run ? (
        <RunChart lab={lab} run={run} />
      ) : (
        <figure className="hp-chart">
          <svg role="img" aria-labelledby={`chart-${lab.slug}-none`} viewBox="0 0 710 40" width="100%">
            <title id={`chart-${lab.slug}-none`}>{`No checkpoint results for lab ${nn} yet`}</title>
            <text x={0} y={24}>
              {lab.status === 'planned' ? 'This lab is planned: no results yet.' : `No results yet: run pnpm lab bench ${nn} --quick.`}
            </text>
          </svg>
        </figure>
      )}
    </section>
  );
}
