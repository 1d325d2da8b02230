/**
 * How long a checkpoint measures when the caller says nothing: quick (`--quick`) and full. runCheckpoint()
 * uses these, and `pnpm lab bench` reads the same values to say how long a run will take before it starts.
 */
export interface RunDefaults {
  /** Measured load rounds per scenario and server. */
  rounds: number;
  /** Seconds of load per measured round. */
  durationSec: number;
  /** Seconds of unmeasured warm-up before each round. */
  warmupSec: number;
  /** Start-ups measured per server (one more is run and discarded). */
  startupRuns: number;
}

export const RUN_DEFAULTS: { readonly quick: RunDefaults; readonly full: RunDefaults } = {
  quick: { rounds: 3, durationSec: 2, warmupSec: 1, startupRuns: 5 },
  full: { rounds: 5, durationSec: 10, warmupSec: 3, startupRuns: 10 },
};
