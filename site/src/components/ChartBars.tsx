/**
 * The SVG of a checkpoint chart (CheckpointChart.tsx), rendered on the server: one group of bars per figure
 * (plugins/chart-groups.ts builds them), each bar labelled with its value and its ratio to the group's
 * reference bar (the baseline, or lab 00's GET /health floor), and each target of the run's runtime drawn
 * where it judges — a dashed line at the figure the bar must reach, "T1 ≥ 3×" above it — with its verdict in
 * words under the bar it judges ("T1 ≥ 3×: ✓ met"), never over it. Hooks for tests and tools: `data-metric`
 * on a group, `data-series` on a bar, `data-target` on a line, `data-target` and `data-verdict` on a verdict.
 * Colours are CSS variables (src/css/custom.css), so the chart keeps to the light or dark theme.
 */
import React from 'react';
import type { ChartBar, ChartMetric, ChartRun, ChartTarget, VerdictState } from '../../plugins/checkpoint-data';

/** Formats a figure in its unit (CheckpointChart's formatValue, GCs counted). */
export type Format = (value: number, unit: ChartMetric['unit']) => string;

/** A verdict as the chart prints it: the state in words, a sign beside it (never colour alone). */
export const VERDICT_SIGN: Record<VerdictState, string> = { met: '✓', missed: '✗', inconclusive: '?' };

const COLOUR: Record<ChartBar['kind'], string> = {
  baseline: 'var(--hp-baseline)',
  reference: 'var(--hp-reference)',
  learner: 'var(--hp-learner)',
  peer: 'var(--hp-peer)',
  floor: 'var(--hp-peer)',
  task: 'var(--hp-reference)',
};

/** A ratio as the harness prints it: 2 decimals, or 2 significant digits below 0.1 (5 ns against 19 µs is 0.00029×). */
export function ratioText(value: number, base: number): string {
  const r = value / base;
  return r === 0 ? '0×' : `${r < 0.1 ? r.toPrecision(2) : r.toFixed(2)}×`;
}

/** A group's bars: its own, or (runs built by hand) the run's series that have a value. */
export function barsOf(metric: ChartMetric, run: ChartRun): ChartBar[] {
  if (metric.bars) return metric.bars;
  const labels = { baseline: run.baselineLabel, reference: 'reference', learner: 'yours' } as const;
  return (['baseline', 'reference', 'learner'] as const).flatMap((key) => (metric.values[key] === undefined ? [] : [{ key, label: labels[key], value: metric.values[key]!, kind: key }]));
}

/** A bar as a ratio names it: the baseline by its stage ("lab 01", not "lab 01 (JSON.stringify)"), the floor as GET /health. */
const shortLabel = (bar: ChartBar, run: ChartRun): string => (bar.kind === 'baseline' ? run.baselineLabel : bar.kind === 'floor' ? 'GET /health' : bar.label);

/** Whether a group is drawn: two bars or more to compare, or a target to judge (a lone bar is only in the table). */
export const drawn = (metric: ChartMetric, run: ChartRun): boolean => barsOf(metric, run).length >= 2 || (metric.targets?.length ?? 0) > 0;

/** What lab 00's route figure says beside its floor (the same server's GET /health): how much of it is the route's own work. */
function floorNote(metric: ChartMetric, route: ChartBar, floor: ChartBar, format: Format): string {
  if (metric.better === 'higher') {
    if (route.value >= floor.value) return "As many requests/s as GET /health: the stack's own cost, not the route's.";
    const share = Math.round((1 - route.value / floor.value) * 100);
    return `The route's own work: ${share} % of each request's time (GET /health: ${(floor.value / route.value).toFixed(1)}× the requests/s).`;
  }
  const own = route.value - floor.value;
  if (own <= 0) return `No more than GET /health's ${format(floor.value, metric.unit)}: the stack's own cost, not the route's.`;
  return `The route's own: ${format(own, metric.unit)} of ${format(route.value, metric.unit)} (${Math.round((own / route.value) * 100)} %); the rest is GET /health's floor.`;
}

export const LAYOUT = { char: 6.6, bar: 280, text: 190, title: 20, targetRow: 14, row: 18, verdictRow: 16, note: 16, gap: 10 };

/** The width of the label column: the longest bar label, within bounds. */
export const labelWidth = (groups: readonly ChartMetric[], run: ChartRun): number =>
  Math.min(230, Math.max(90, Math.ceil(Math.max(0, ...groups.flatMap((g) => barsOf(g, run).map((b) => b.label.length))) * LAYOUT.char) + 14));

/** The verdicts on a bar: the targets that judge it, in order. */
const verdictsOn = (metric: ChartMetric, bar: ChartBar) =>
  bar.kind === 'reference' || bar.kind === 'learner' ? (metric.targets ?? []).flatMap((t) => (t.verdicts[bar.kind as 'reference' | 'learner'] ? [{ target: t, state: t.verdicts[bar.kind as 'reference' | 'learner']! }] : [])) : [];

/** A group's height: its title, a row per target line's label, a row per bar and one under each judged bar, its note. */
export function groupHeight(metric: ChartMetric, run: ChartRun): number {
  const bars = barsOf(metric, run);
  const lines = (metric.targets ?? []).filter((t) => t.at !== null).length;
  const judged = bars.filter((b) => verdictsOn(metric, b).length > 0).length;
  const note = bars.some((b) => b.kind === 'floor') ? LAYOUT.note : 0;
  return LAYOUT.title + lines * LAYOUT.targetRow + bars.length * LAYOUT.row + judged * LAYOUT.verdictRow + note + LAYOUT.gap;
}

/** One figure's bars with its target lines and verdicts, at `y`; `x0` is where the bars start. */
export function BarGroup({ metric, run, y, x0, format }: { metric: ChartMetric; run: ChartRun; y: number; x0: number; format: Format }) {
  const bars = barsOf(metric, run);
  const lines = (metric.targets ?? []).filter((t): t is ChartTarget & { at: number } => t.at !== null && Number.isFinite(t.at));
  const max = Math.max(...bars.map((b) => b.value), ...lines.map((t) => t.at), 0);
  const scale = (v: number) => (max > 0 ? (Math.max(0, v) / max) * LAYOUT.bar : 0);
  // A bar is at least 1 px wide, unless its figure is 0 (a reader then sees no bar, and "0 B").
  const width = (v: number) => (v > 0 ? Math.max(1, scale(v)) : 0);
  const ratioBar = bars.find((b) => b.key === (metric.ratioTo ?? 'baseline'));
  const top = LAYOUT.title + lines.length * LAYOUT.targetRow;
  // Each bar's row, and the verdict row under a judged bar.
  let at = top;
  const rows = bars.map((bar) => {
    const verdicts = verdictsOn(metric, bar);
    const row = { bar, y: at, verdicts, verdictY: at + LAYOUT.row };
    at += LAYOUT.row + (verdicts.length > 0 ? LAYOUT.verdictRow : 0);
    return row;
  });
  const floor = bars.find((b) => b.kind === 'floor');
  const route = bars.find((b) => b.key === 'baseline');
  return (
    <g className="hp-group" data-metric={metric.key ?? metric.label} transform={`translate(0, ${y})`}>
      <text x={0} y={13} fontWeight="bold">
        {metric.label} ({metric.better} is better)
      </text>
      {rows.map(({ bar, y: rowY }) => (
        <g key={bar.key} transform={`translate(0, ${rowY})`}>
          <text x={x0 - 6} y={12} textAnchor="end">
            {bar.label}
          </text>
          <rect x={x0} y={2} width={width(bar.value)} height={12} rx={2} fill={COLOUR[bar.kind]} data-series={bar.key} />
        </g>
      ))}
      {lines.map((t, i) => {
        const x = x0 + scale(t.at);
        const labelY = LAYOUT.title + i * LAYOUT.targetRow + 10;
        const right = x > x0 + LAYOUT.bar * 0.6;
        return (
          <g key={t.id} className="hp-target-line" data-target={t.id} data-at={t.at}>
            <title>{`${t.id}: target ${t.short}, drawn at ${format(t.at, metric.unit)} (${t.bound === 'atLeast' ? 'at least' : 'at most'} this)`}</title>
            <line x1={x} x2={x} y1={labelY + 2} y2={at - 2} />
            <text x={right ? x - 4 : x + 4} y={labelY} textAnchor={right ? 'end' : 'start'} className="hp-halo">
              {`${t.id} ${t.short} ${t.bound === 'atLeast' ? '→' : '←'}`}
            </text>
          </g>
        );
      })}
      {rows.map(({ bar, y: rowY, verdicts, verdictY }) => (
        <g key={bar.key}>
          <text x={x0 + width(bar.value) + 6} y={rowY + 12} className="hp-halo">
            {format(bar.value, metric.unit)}
            {ratioBar && bar !== ratioBar && ratioBar.value ? ` · ${ratioText(bar.value, ratioBar.value)} ${shortLabel(ratioBar, run)}` : ''}
          </text>
          {verdicts.length > 0 && (
            <text x={x0} y={verdictY + 11} className="hp-verdicts hp-halo">
              {verdicts.map(({ target, state }, i) => (
                <tspan key={target.id} data-target={target.id} data-verdict={state} data-series={bar.key} className={`hp-${state}`}>
                  {`${i > 0 ? ' · ' : '↳ '}${target.id} ${target.short}: ${VERDICT_SIGN[state]} ${state}`}
                </tspan>
              ))}
            </text>
          )}
        </g>
      ))}
      {floor && route && (
        <text x={x0} y={at + 11} className="hp-note">
          {floorNote(metric, route, floor, format)}
        </text>
      )}
    </g>
  );
}
