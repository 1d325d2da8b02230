/**
 * The words of a verdict (re-exported by verdict.ts, `@hotpath/kit/verdict`): a checkpoint target and a
 * measured figure said in the target's own direction — "≥ 3× faster than JSON.stringify serializing one Todo",
 * "2.86× faster than …", "1.43× slower than …", "≥ 4× less heap per request than lab 00 on GET /todos",
 * "≥ 5× lab 00's requests/s on GET /todos", "at most 1.25× slower than …", "≤ 1,100 B of ArrayBuffer per …" —
 * never a bare time ratio against a speed target, never "∞×". Pure: no Node built-ins (the site bundles it).
 */
import type { CheckpointTarget, LoadMetric, MicroMetric } from './manifest.ts';
import { targetRuntime } from './target-runtime.ts';

/** A target as the wording functions read it: the manifest's, or one being defined (its label not derived yet). */
export type TargetLike = Omit<CheckpointTarget, 'label'> & { label?: string };

/** How each metric is said: which way is better (its kind), how a ratio reads, and the unit of its own figure. */
interface MetricWords {
  /** time: faster/slower; amount: less/more <noun>; count: fewer/more <noun>; latency: lower/higher <noun>; rate: N× <than>'s <noun>. */
  kind: 'time' | 'amount' | 'count' | 'latency' | 'rate';
  noun: string;
  /** What follows an absolute figure: "of ArrayBuffer" in "1,034 B of ArrayBuffer per POST /ingest/v1 (1 KB body)". */
  own: string;
  /** The unit of the package's own figure, when the result does not give one. */
  unit: string;
  /** A ratio of 0 (or below: an app figure is a difference) in words, `{on}` standing for the target's `on`. */
  zero: string;
}

const METRICS: Record<LoadMetric | MicroMetric, MetricWords> = {
  nsPerOp: { kind: 'time', noun: 'time', own: 'per call', unit: 'ns', zero: 'too fast to measure {on}' },
  startupMs: { kind: 'time', noun: 'time', own: 'to the first response', unit: 'ms', zero: 'too fast to measure {on}' },
  p50: { kind: 'latency', noun: 'p50', own: 'at p50', unit: 'µs', zero: 'p50 of 0 {on}' },
  p99: { kind: 'latency', noun: 'p99', own: 'at p99', unit: 'µs', zero: 'p99 of 0 {on}' },
  heapBytesPerRequest: { kind: 'amount', noun: 'heap per request', own: 'of heap', unit: 'B', zero: 'no heap allocation {on} (0 B per request)' },
  appHeapBytesPerRequest: {
    kind: 'amount',
    noun: "app's own heap per request",
    own: 'of heap',
    unit: 'B',
    zero: 'no heap allocation of the app {on} (0 B per request)',
  },
  arrayBufferBytesPerRequest: {
    kind: 'amount',
    noun: 'ArrayBuffer per request',
    own: 'of ArrayBuffer',
    unit: 'B',
    zero: 'no ArrayBuffer allocation {on} (0 B per request)',
  },
  appArrayBufferBytesPerRequest: {
    kind: 'amount',
    noun: "app's own ArrayBuffer per request",
    own: 'of ArrayBuffer',
    unit: 'B',
    zero: 'no ArrayBuffer allocation of the app {on} (0 B per request)',
  },
  bytesPerOp: { kind: 'amount', noun: 'heap', own: 'of heap per call', unit: 'B', zero: 'no heap allocation {on} (0 B)' },
  peakRss: { kind: 'amount', noun: 'peak RSS', own: 'of peak RSS', unit: 'B', zero: 'no peak RSS {on} (0 B)' },
  gcPer10k: { kind: 'count', noun: 'GCs per 10k requests', own: 'GCs per 10k requests', unit: '', zero: 'no GCs {on}' },
  rps: { kind: 'rate', noun: 'requests/s', own: '', unit: 'req/s', zero: '0 requests/s {on}' },
};
const FALLBACK: MetricWords = { kind: 'rate', noun: 'figure', own: '', unit: '', zero: '0 {on}' };
const words = (t: TargetLike): MetricWords => METRICS[t.metric] ?? FALLBACK;

/**
 * How a target reads: `direction` ("≥ 3× faster than …": lower is better and at most 1× the baseline's),
 * `tolerance` ("at most 1.25× slower than …", "p99 ≤ 1.1× lab 03's …": lower is better, a margin above 1×),
 * `times` ("≥ 5× lab 00's requests/s …": higher is better, or anything else), `absolute` (its own figure).
 */
type Form = 'direction' | 'tolerance' | 'times' | 'absolute';
function formOf(t: TargetLike): Form {
  if (t.absolute) return 'absolute';
  const w = words(t);
  if (w.kind === 'rate' || t.atMost === undefined || t.atLeast !== undefined) return 'times';
  return t.atMost <= 1 ? 'direction' : 'tolerance';
}

/** "lab 00's", "JSON.stringify's", "TypeBox's Value.Check's". */
const possessive = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`);
/** A threshold: at most two decimals, no trailing zeros, grouped ("3", "1.25", "1,000"). */
const bound = (n: number) => Number(n.toFixed(2)).toLocaleString('en-US', { maximumFractionDigits: 2 });
/** A measured multiple: "2.86", "16.6", "1,234"; "0.050" under 0.1. */
const times = (n: number) => {
  const digits = n >= 100 ? 0 : n >= 10 ? 1 : n < 0.1 ? 3 : 2;
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
};
const better = (w: MetricWords) =>
  w.kind === 'time' ? 'faster' : w.kind === 'count' ? `fewer ${w.noun}` : w.kind === 'latency' ? `lower ${w.noun}` : `less ${w.noun}`;
const worse = (w: MetricWords) => (w.kind === 'time' ? 'slower' : w.kind === 'latency' ? `higher ${w.noun}` : `more ${w.noun}`);
const join = (...parts: Array<string | undefined>) => parts.filter((p) => p).join(' ');

/** An absolute figure with its unit: `431 B`, `2,413 µs`, `3.14 B`. */
export function formatAbsolute(value: number, unit?: string): string {
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}

/** The target in its own direction, without the runtimes it is for: what the manifest derives its `label` from. */
export function targetLabel(t: TargetLike): string {
  if (t.on === undefined && t.what === undefined && t.label !== undefined) return t.label;
  const w = words(t);
  const than = t.than ?? 'the baseline';
  const text = (() => {
    switch (formOf(t)) {
      case 'absolute': {
        const limit = t.atMost ?? t.atLeast ?? 0;
        return join(t.atMost !== undefined ? '≤' : '≥', formatAbsolute(limit, w.unit || undefined), w.own, t.on);
      }
      case 'direction': {
        const n = 1 / t.atMost!;
        return bound(n) === '1' ? join(`no ${worse(w)}`, t.what, 'than', than, t.on) : join(`≥ ${bound(n)}× ${better(w)}`, t.what, 'than', than, t.on);
      }
      case 'tolerance':
        return w.kind === 'latency'
          ? join(`${w.noun} ≤ ${bound(t.atMost!)}×`, possessive(than), t.on)
          : join(`at most ${bound(t.atMost!)}× ${worse(w)}`, t.what, 'than', than, t.on);
      case 'times':
        return join(`${t.atLeast !== undefined ? '≥' : '≤'} ${bound(t.atLeast ?? t.atMost ?? 0)}×`, possessive(than), w.noun, t.on);
    }
  })();
  return t.note ? `${text}${t.note}` : text;
}

/** The target in its own words, with the runtimes it is for when not all: "≥ 3× faster than JSON.stringify serializing one Todo — for Node 20 and earlier". */
export function targetWords(t: TargetLike): string {
  const runtime = targetRuntime(t);
  return runtime ? `${targetLabel(t)} — for ${runtime}` : targetLabel(t);
}

/** The bar in a few characters, as "(target …)" prints it: "≥ 3×", "no slower", "at most 1.25× slower", "≤ 1.1×", "≤ 1,100 B". */
export function targetShort(t: TargetLike): string {
  const w = words(t);
  switch (formOf(t)) {
    case 'absolute':
      return `${t.atMost !== undefined ? '≤' : '≥'} ${formatAbsolute(t.atMost ?? t.atLeast ?? 0, w.unit || undefined)}`;
    case 'direction':
      return bound(1 / t.atMost!) === '1' ? `no ${w.kind === 'time' ? 'slower' : worse(w).split(' ')[0]}` : `≥ ${bound(1 / t.atMost!)}×`;
    case 'tolerance':
      return w.kind === 'latency' ? `≤ ${bound(t.atMost!)}×` : `at most ${bound(t.atMost!)}× ${worse(w)}`;
    case 'times':
      return `${t.atLeast !== undefined ? '≥' : '≤'} ${bound(t.atLeast ?? t.atMost ?? 0)}×`;
  }
}

/**
 * A measured figure (the judged ratio; an absolute target's own figure, in `unit`) in the target's direction.
 * `short`: without whom and what ("2.86× faster", "6.21×", "1,034 B"), as the reference's verdict beside the
 * learner's prints it.
 */
function figure(t: TargetLike, ratio: number | null, unit: string | undefined, short: boolean): string {
  if (ratio === null || !Number.isFinite(ratio)) return 'not measured';
  const w = words(t);
  const than = t.than ?? 'the baseline';
  const on = short ? undefined : t.on;
  const form = formOf(t);
  if (form === 'absolute') return join(formatAbsolute(ratio, unit ?? (w.unit || undefined)), short ? undefined : w.own, on);
  if (form === 'times' || (form === 'tolerance' && w.kind === 'latency')) {
    const lead = form === 'times' ? `${times(ratio)}×` : `${w.noun} ${times(ratio)}×`;
    return short ? lead : join(lead, possessive(than), form === 'times' ? w.noun : undefined, on);
  }
  if (ratio <= 0) {
    const rest = join(t.what, on);
    const zero = w.zero.replace(' {on}', rest ? ` ${rest}` : '');
    return short ? zero.replace(/ \(.*\)$/, '') : zero;
  }
  // A figure that rounds to 1× either way is "as fast as" / "the same … as", not "1.00× faster".
  const same = times(1 / ratio) === times(1) || times(ratio) === times(1);
  const lead = same ? (w.kind === 'time' ? 'as fast' : `the same ${w.noun}`) : ratio < 1 ? `${times(1 / ratio)}× ${better(w)}` : `${times(ratio)}× ${worse(w)}`;
  return short ? lead : join(lead, t.what, same ? 'as' : 'than', than, on);
}

/** The measured figure in the target's direction: "2.86× faster than JSON.stringify serializing one Todo", "1.43× slower than …", "not measured". */
export const figureWords = (t: TargetLike, ratio: number | null, unit?: string): string => figure(t, ratio, unit, false);
/** The same, short: "2.86× faster", "6.21×", "p99 1.06×", "1,034 B", "not measured". */
export const figureShort = (t: TargetLike, ratio: number | null, unit?: string): string => figure(t, ratio, unit, true);
