/**
 * The capstone's cost estimate recomputed in the browser for the price and target rate a reader types in:
 * the committed run's measured requests/s per instance (each side) and headroom, through the very function
 * the capstone script uses (solutions/05-single-binary/scripts/cost.ts: pure arithmetic, no Node APIs, so
 * the site bundles it as it is). Anything but a number above 0 is an answer to show, not an exception.
 */
import { compareCost, type CostComparison } from '@hotpath/solution-05-single-binary/cost';
import type { CapstoneData } from '../../plugins/lab-results';

export interface CostInputs {
  pricePerMonthUsd: number;
  targetRps: number;
}

/** The comparison for `inputs`, or a sentence saying what to fix. */
export function recomputeCost(cost: CapstoneData['cost'], inputs: CostInputs): CostComparison | { error: string } {
  const bad = [
    !(Number.isFinite(inputs.pricePerMonthUsd) && inputs.pricePerMonthUsd > 0) && 'the price per instance-month',
    !(Number.isFinite(inputs.targetRps) && inputs.targetRps > 0) && 'the target requests/s',
  ].filter(Boolean);
  if (bad.length > 0) return { error: `Enter a number above 0 for ${bad.join(' and ')}.` };
  return compareCost(cost.beforeRps, cost.afterRps, {
    targetRps: inputs.targetRps,
    headroom: cost.assumptions.headroom,
    pricePerMonthUsd: inputs.pricePerMonthUsd,
  });
}

/** A typed field's number ('' and anything non-numeric → NaN, which recomputeCost reports). */
export const parseInput = (text: string): number => (text.trim() === '' ? NaN : Number(text.replace(/,/g, '')));
