/**
 * The capstone's cost estimate recomputed in the browser for the price and target rate a reader types in:
 * the committed run's measured requests/s per instance (each side) and headroom, through the harness's
 * cost arithmetic (@hotpath/harness/cost: pure, no Node APIs, so the site bundles it as it is). Anything but a number above 0 is an answer to show, not an exception.
 */
import { type CostComparison, compareCost } from '@hotpath/harness/cost';
import type { CapstoneData } from '../../plugins/lab-results';

export interface CostInputs {
  pricePerMonthUsd: number;
  targetRps: number;
  /** Share of its measured requests/s each instance is planned at (default: the committed assumption). */
  headroom?: number;
}

/** The comparison for `inputs`, or a sentence saying what to fix. */
export function recomputeCost(cost: NonNullable<CapstoneData['cost']>, inputs: CostInputs): CostComparison | { error: string } {
  const bad = [
    !(Number.isFinite(inputs.pricePerMonthUsd) && inputs.pricePerMonthUsd > 0) && 'the price per instance-month',
    !(Number.isFinite(inputs.targetRps) && inputs.targetRps > 0) && 'the target requests/s',
  ].filter(Boolean);
  if (bad.length > 0) return { error: `Enter a number above 0 for ${bad.join(' and ')}.` };
  const headroom = inputs.headroom ?? cost.assumptions.headroom;
  if (!(Number.isFinite(headroom) && headroom > 0 && headroom <= 1)) return { error: 'Enter a headroom above 0 and at most 100 %.' };
  return compareCost(cost.beforeRps, cost.afterRps, {
    targetRps: inputs.targetRps,
    headroom,
    pricePerMonthUsd: inputs.pricePerMonthUsd,
  });
}

/** A typed field's number ('' and anything non-numeric → NaN, which recomputeCost reports). */
export const parseInput = (text: string): number => (text.trim() === '' ? NaN : Number(text.replace(/,/g, '')));
