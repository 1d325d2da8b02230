/**
 * The capstone's cost estimate (lab 05's page; run-views.ts gives its inputs), as pure arithmetic (no I/O): how many instances a target request rate needs
 * when each instance serves `rpsPerInstance` and is run at `headroom` of that, and what they cost a month.
 *
 *   instances = ceil(targetRps / (rpsPerInstance × headroom))
 *   monthly   = instances × pricePerInstanceMonth
 *
 * Seed 000 frames its migration as cloud spend (fewer, smaller instances for the same traffic); this is the
 * same framing for the workshop's app. It is an estimate from loopback figures of one pinned process per
 * instance: no TLS, no real network, no other work on the machine (COST_ASSUMPTION says it on the page).
 */

/** Run each instance at this share of the RPS it measured: room for bursts, deploys and a lost instance. */
export const DEFAULT_HEADROOM = 0.7;
/** Default price of one instance-month in USD: a 2-vCPU VM. An example; the page's cost estimate takes your own. */
export const DEFAULT_PRICE_PER_MONTH_USD = 30;
/** Default target: 85,000 requests/s, the rate of seed 000's ingestion service. The page's cost estimate takes your own. */
export const DEFAULT_TARGET_RPS = 85_000;
/** What the estimate assumes, as the page states it. */
export const COST_ASSUMPTION =
  'one Node process per 2-vCPU instance, pinned to one core as measured here (a real deployment might run two, roughly doubling both sides); loopback figures without TLS or a real network: an estimate, not a bill';
/** What to compare it with. */
export const COST_CONTEXT =
  'seed 000 (a .NET ingestion service at 85,000 req/s) puts its result as -40 % cloud spend in its title; its own cost lines (841 → 280 USD a month) are -67 %';
/**
 * Tolerance for floating-point error before rounding up: 7000 / (10000 × 0.7) is 1.0000000000000002 in
 * doubles, which must be 1 instance, not 2.
 */
const CEIL_EPSILON = 1e-9;

export interface CostAssumptions {
  targetRps: number;
  headroom: number;
  pricePerMonthUsd: number;
}

export interface CostEstimate {
  /** The measured RPS of one instance (one process) this rests on. */
  rpsPerInstance: number;
  /** What one instance is planned to carry: rpsPerInstance × headroom. */
  plannedRpsPerInstance: number;
  instances: number;
  monthlyUsd: number;
}

function check(name: string, value: number, { max }: { max?: number } = {}): void {
  if (!Number.isFinite(value) || value <= 0 || (max !== undefined && value > max)) {
    throw new RangeError(`${name} must be a number above 0${max === undefined ? '' : ` and at most ${max}`}, got ${value}`);
  }
}

/** Instances and monthly cost for one subject. Throws RangeError on a non-positive or non-finite input. */
export function estimateCost(rpsPerInstance: number, assumptions: CostAssumptions): CostEstimate {
  check('rpsPerInstance', rpsPerInstance);
  check('targetRps', assumptions.targetRps);
  check('headroom', assumptions.headroom, { max: 1 });
  check('pricePerMonthUsd', assumptions.pricePerMonthUsd);
  const plannedRpsPerInstance = rpsPerInstance * assumptions.headroom;
  const instances = Math.max(1, Math.ceil(assumptions.targetRps / plannedRpsPerInstance - CEIL_EPSILON));
  return { rpsPerInstance, plannedRpsPerInstance, instances, monthlyUsd: instances * assumptions.pricePerMonthUsd };
}

export interface CostComparison {
  assumptions: CostAssumptions;
  before: CostEstimate;
  after: CostEstimate;
  /** before − after, per month and per year (negative: the "after" side costs more). */
  savingMonthlyUsd: number;
  savingYearlyUsd: number;
  /** (after − before) / before: −0.4 reads as "−40 % spend", seed 000's way of putting it. */
  changeRatio: number;
}

/** The same target served by `before` and by `after` (each an RPS per instance). */
export function compareCost(beforeRps: number, afterRps: number, assumptions: CostAssumptions): CostComparison {
  const before = estimateCost(beforeRps, assumptions);
  const after = estimateCost(afterRps, assumptions);
  const savingMonthlyUsd = before.monthlyUsd - after.monthlyUsd;
  return {
    assumptions,
    before,
    after,
    savingMonthlyUsd,
    savingYearlyUsd: savingMonthlyUsd * 12,
    changeRatio: (after.monthlyUsd - before.monthlyUsd) / before.monthlyUsd,
  };
}
