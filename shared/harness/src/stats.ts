/**
 * Small helpers shared by the harness modules: median, percentiles of sorted arrays, ranges, and the order in
 * which subjects take turns from one round to the next.
 */

/** Median of the values (the mean of the two middle values for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1; // 0 < mid < length: both indexes below are in bounds
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function min(values: readonly number[]): number {
  return values.length === 0 ? NaN : Math.min(...values);
}

export function max(values: readonly number[]): number {
  return values.length === 0 ? NaN : Math.max(...values);
}

/**
 * The q-quantile (0..1) of an ascending-sorted array, nearest-rank: the smallest value with at least q of the
 * samples at or below it. Exact for the recorded samples, no interpolation.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const rank = Math.min(n, Math.max(1, Math.ceil(q * n)));
  return sorted[rank - 1]!; // 1 <= rank <= n
}

/** Median, min and max of the values, as one object. */
export function spread(values: readonly number[]): { median: number; min: number; max: number } {
  return { median: median(values), min: min(values), max: max(values) };
}

/** Rounds to the given number of decimals (for JSON output that stays readable). */
export function round(value: number, decimals = 2): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/**
 * The order subjects go in round `round` (0-based): the list rotated by one place per round, so over n rounds
 * each of n subjects goes first, second, … once. With two subjects this is A B, B A, A B, …
 */
export function turnOrder<T>(items: readonly T[], round: number): T[] {
  const n = items.length;
  if (n < 2) return [...items];
  const shift = ((round % n) + n) % n;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
