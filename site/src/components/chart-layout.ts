/**
 * Where everything in a checkpoint chart goes (ChartBars.tsx draws it), for the width the chart has. Lengths
 * are SVG units in which chart text is 12 units; CheckpointChart.tsx measures its column in the browser and
 * scales one unit to (chart font size / 12) CSS px, so text keeps its CSS size on a phone and on a projector
 * instead of shrinking with the column. Wide (a column of 560 units and more): labels left of the bars, each
 * figure after its bar, verdicts in one line. Narrow (a phone): each bar's label and figure above a bar that
 * spans the chart, one verdict per line, long titles and notes wrapped. The server renders the wide layout.
 */
import type { ChartBar, ChartMetric, ChartRun, ChartTarget, VerdictState } from '../../plugins/checkpoint-data';

/** Formats a figure in its unit (CheckpointChart's formatValue, GCs counted). */
export type Format = (value: number, unit: ChartMetric['unit']) => string;

export const LAYOUT = {
  char: 6.6,
  bar: 280,
  maxBar: 420,
  narrowBar: 160,
  text: 190,
  title: 20,
  line: 16,
  targetRow: 14,
  row: 18,
  verdictRow: 16,
  note: 16,
  gap: 10,
  wide: 710,
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
  return (['baseline', 'reference', 'learner'] as const).flatMap((key) =>
    metric.values[key] === undefined ? [] : [{ key, label: labels[key], value: metric.values[key]!, kind: key }],
  );
}

/** Whether a group is drawn: two bars or more to compare, or a target to judge (a lone bar is only in the table). */
export const drawn = (metric: ChartMetric, run: ChartRun): boolean => barsOf(metric, run).length >= 2 || (metric.targets?.length ?? 0) > 0;

/** A bar as a ratio names it: the baseline by its stage ("lab 01", not "lab 01 (JSON.stringify)"), the floor as GET /health. */
const shortLabel = (bar: ChartBar, run: ChartRun): string => (bar.kind === 'baseline' ? run.baselineLabel : bar.kind === 'floor' ? 'GET /health' : bar.label);

/** The verdicts on a bar: the targets that judge it, in order. */
const verdictsOn = (metric: ChartMetric, bar: ChartBar) =>
  bar.kind === 'reference' || bar.kind === 'learner'
    ? (metric.targets ?? []).flatMap((t) =>
        t.verdicts[bar.kind as 'reference' | 'learner'] ? [{ target: t, state: t.verdicts[bar.kind as 'reference' | 'learner']! }] : [],
      )
    : [];

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

/** `text` in lines of at most `width` units (an estimate: LAYOUT.char a character), broken between words. */
export function wrap(text: string, width: number, char = LAYOUT.char): string[] {
  const max = Math.max(12, Math.floor(width / char));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** The chart's frame: its width, the layout, where bars start (`x0`) and how long the longest is. */
export interface Frame {
  width: number;
  narrow: boolean;
  x0: number;
  bar: number;
}

/** The width of the wide layout's label column: the longest bar label, within bounds. */
const labelWidth = (groups: readonly ChartMetric[], run: ChartRun): number =>
  Math.min(230, Math.max(90, Math.ceil(Math.max(0, ...groups.flatMap((g) => barsOf(g, run).map((b) => b.label.length))) * LAYOUT.char) + 14));

/** The frame for `width` units (the server's: the wide chart of old, at least 710 units). */
export function frameFor(groups: readonly ChartMetric[], run: ChartRun, width?: number): Frame {
  const x0 = labelWidth(groups, run);
  const w = width ?? Math.max(LAYOUT.wide, x0 + LAYOUT.bar + LAYOUT.text);
  const bar = Math.min(LAYOUT.maxBar, w - x0 - LAYOUT.text);
  if (width === undefined || bar >= LAYOUT.narrowBar) return { width: w, narrow: false, x0, bar: width === undefined ? LAYOUT.bar : bar };
  return { width: w, narrow: true, x0: 0, bar: Math.max(40, w - 8) };
}

/** One bar's row: its label and figure (on one line or two when narrow), the bar, and the verdicts under it. */
export interface RowPlan {
  bar: ChartBar;
  label: string;
  value: string;
  /** Narrow: the figure on the label's line, right-aligned. */
  inline: boolean;
  /** Baselines of the label and the figure text, the bar's top, the first verdict line's top. */
  labelY: number;
  valueY: number;
  barY: number;
  verdictY: number;
  verdicts: Array<{ target: ChartTarget; state: VerdictState }>;
}

export interface GroupPlan {
  title: string[];
  lines: Array<ChartTarget & { at: number }>;
  /** Where the first target line's label sits, and where the lines end. */
  top: number;
  bottom: number;
  rows: RowPlan[];
  note: string[];
  height: number;
  scale: (value: number) => number;
}

/** Where a group's title, target labels, rows, verdicts and note go in `frame`, from the group's top. */
export function planGroup(metric: ChartMetric, run: ChartRun, frame: Frame, format: Format): GroupPlan {
  const bars = barsOf(metric, run);
  const lines = (metric.targets ?? []).filter((t): t is ChartTarget & { at: number } => t.at !== null && Number.isFinite(t.at));
  const max = Math.max(...bars.map((b) => b.value), ...lines.map((t) => t.at), 0);
  const scale = (v: number) => (max > 0 ? (Math.max(0, v) / max) * frame.bar : 0);
  const title = wrap(`${metric.label} (${metric.better} is better)`, frame.width, LAYOUT.char * 1.1);
  const titleHeight = LAYOUT.title + (title.length - 1) * LAYOUT.line;
  const ratioBar = bars.find((b) => b.key === (metric.ratioTo ?? 'baseline'));
  let at = titleHeight + lines.length * LAYOUT.targetRow;
  const rows = bars.map((bar): RowPlan => {
    const verdicts = verdictsOn(metric, bar);
    const value = `${format(bar.value, metric.unit)}${ratioBar && bar !== ratioBar && ratioBar.value ? ` · ${ratioText(bar.value, ratioBar.value)} ${shortLabel(ratioBar, run)}` : ''}`;
    const top = at;
    let row: RowPlan;
    if (!frame.narrow) {
      row = { bar, label: bar.label, value, inline: false, labelY: top + 12, valueY: top + 12, barY: top + 2, verdictY: top + LAYOUT.row, verdicts };
      at += LAYOUT.row;
    } else {
      // Label and figure on one line when both fit (the figure right-aligned), else the figure on a line of its own.
      const inline = (bar.label.length + value.length + 3) * LAYOUT.char <= frame.width;
      const textHeight = inline ? LAYOUT.line : 2 * LAYOUT.line;
      row = {
        bar,
        label: bar.label,
        value,
        inline,
        labelY: top + 12,
        valueY: inline ? top + 12 : top + LAYOUT.line + 12,
        barY: top + textHeight,
        verdictY: top + textHeight + LAYOUT.row - 2,
        verdicts,
      };
      at += textHeight + LAYOUT.row - 2;
    }
    at += (frame.narrow ? verdicts.length : Math.min(1, verdicts.length)) * LAYOUT.verdictRow;
    return row;
  });
  const bottom = at;
  const floor = bars.find((b) => b.kind === 'floor');
  const route = bars.find((b) => b.key === 'baseline');
  const note = floor && route ? wrap(floorNote(metric, route, floor, format), frame.width - frame.x0) : [];
  const height = bottom + note.length * LAYOUT.note + LAYOUT.gap;
  return { title, lines, top: titleHeight, bottom, rows, note, height, scale };
}

/** Every drawn group's plan in `frame`, each with its top, and the chart's height. */
export function planChart(groups: readonly ChartMetric[], run: ChartRun, frame: Frame, format: Format) {
  let y = 0;
  const plans = groups.map((metric) => {
    const plan = planGroup(metric, run, frame, format);
    const placed = { metric, plan, y };
    y += plan.height;
    return placed;
  });
  return { plans, height: y + 10 };
}
