/**
 * The SVG of a checkpoint chart (CheckpointChart.tsx): one group of bars per figure (plugins/chart-groups.ts
 * builds them), each bar labelled with its value and its ratio to the group's reference bar (the baseline, or
 * lab 00's GET /health floor), and each target of the run's runtime drawn where it judges — a dashed line at
 * the figure the bar must reach, "T1 ≥ 3×" above it — with its verdict in words under the bar it judges
 * ("T1 ≥ 3×: ✓ met"), never over it. Where each piece goes, wide or narrow, is chart-layout.ts's plan.
 * Hooks for tests and tools: `data-metric` on a group, `data-series` on a bar, `data-target` on a line,
 * `data-target` and `data-verdict` on a verdict. Colours are CSS variables (src/css/custom.css), so the chart
 * keeps to the light or dark theme.
 */
import type React from 'react';
import type { ChartBar, ChartMetric, ChartRun, VerdictState } from '../../plugins/checkpoint-data';
import { LAYOUT, type Format, type Frame, type GroupPlan } from './chart-layout';

export { barsOf, drawn, ratioText, type Format } from './chart-layout';

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

/** Lines of text from `x`, the first baseline at `y`, one `LAYOUT.line` apart. */
function Lines({ lines, x, y, step = LAYOUT.line, ...rest }: { lines: string[]; x: number; y: number; step?: number } & React.SVGProps<SVGTextElement>) {
  return (
    <text x={x} y={y} {...rest}>
      {lines.length === 1
        ? lines[0]
        : lines.map((line, i) => (
            <tspan key={i} x={x} dy={i === 0 ? 0 : step}>
              {line}
            </tspan>
          ))}
    </text>
  );
}

/** One figure's bars with its target lines and verdicts, at `y`, as `plan` lays them out in `frame`. */
export function BarGroup({ metric, y, frame, plan, format }: { metric: ChartMetric; run: ChartRun; y: number; frame: Frame; plan: GroupPlan; format: Format }) {
  const { x0, narrow } = frame;
  // A bar is at least 1 px wide, unless its figure is 0 (a reader then sees no bar, and "0 B").
  const width = (v: number) => (v > 0 ? Math.max(1, plan.scale(v)) : 0);
  return (
    <g className="hp-group" data-metric={metric.key ?? metric.label} data-layout={narrow ? 'narrow' : 'wide'} transform={`translate(0, ${y})`}>
      <Lines lines={plan.title} x={0} y={13} fontWeight="bold" />
      {plan.rows.map(({ bar, label, labelY, barY }) => (
        <g key={bar.key}>
          <text x={narrow ? 0 : x0 - 6} y={labelY} textAnchor={narrow ? 'start' : 'end'} className={narrow ? 'hp-halo' : undefined}>
            {label}
          </text>
          <rect x={x0} y={barY} width={width(bar.value)} height={12} rx={2} fill={COLOUR[bar.kind]} data-series={bar.key} />
        </g>
      ))}
      {plan.lines.map((t, i) => {
        const x = x0 + plan.scale(t.at);
        const labelY = plan.top + i * LAYOUT.targetRow + 10;
        const text = `${t.id} ${t.short} ${t.bound === 'atLeast' ? '→' : '←'}`;
        // Right of its line unless that runs past the chart's edge (bold text: ~1.15 × LAYOUT.char a character).
        const right = x > x0 + frame.bar * 0.6 || x + 4 + text.length * LAYOUT.char * 1.15 > frame.width;
        return (
          <g key={t.id} className="hp-target-line" data-target={t.id} data-at={t.at}>
            <title>{`${t.id}: target ${t.short}, drawn at ${format(t.at, metric.unit)} (${t.bound === 'atLeast' ? 'at least' : 'at most'} this)`}</title>
            <line x1={x} x2={x} y1={labelY + 2} y2={plan.bottom - 2} />
            <text x={right ? x - 4 : x + 4} y={labelY} textAnchor={right ? 'end' : 'start'} className="hp-halo">
              {text}
            </text>
          </g>
        );
      })}
      {plan.rows.map(({ bar, value, inline, valueY, barY, verdicts, verdictY }) => (
        <g key={bar.key}>
          {narrow ? (
            <text x={inline ? frame.width - 2 : 0} y={valueY} textAnchor={inline ? 'end' : 'start'} className="hp-halo">
              {value}
            </text>
          ) : (
            <text x={x0 + width(bar.value) + 6} y={barY + 10} className="hp-halo">
              {value}
            </text>
          )}
          {verdicts.length > 0 && (
            <text x={x0} y={verdictY + 11} className="hp-verdicts hp-halo">
              {verdicts.map(({ target, state }, i) => (
                <tspan
                  key={target.id}
                  data-target={target.id}
                  data-verdict={state}
                  data-series={bar.key}
                  className={`hp-${state}`}
                  {...(narrow && i > 0 ? { x: x0, dy: LAYOUT.verdictRow } : {})}
                >
                  {`${i > 0 && !narrow ? ' · ' : '↳ '}${target.id} ${target.short}: ${VERDICT_SIGN[state]} ${state}`}
                </tspan>
              ))}
            </text>
          )}
        </g>
      ))}
      {plan.note.length > 0 && <Lines lines={plan.note} x={x0} y={plan.bottom + 11} step={LAYOUT.note} className="hp-note" />}
    </g>
  );
}
