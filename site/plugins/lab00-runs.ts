/**
 * Lab 00's charts (checkpoint-data.ts). Lab 00 has no load run of its own: on each runtime its load figures
 * are its side of its run of record, with that run's fingerprint and warnings about lab 00's figures only.
 */
import { floorGroups, type RatioLike } from './chart-groups.ts';
import { shownWarnings } from './chart-verdicts.ts';
import type { ChartRun, LabData } from './checkpoint-data.ts';
import type { SiteRuntime } from './result-runtime.ts';
import { runtimeOrder } from '../src/components/runtime-choice.ts';

/**
 * Lab 00's runs, one per runtime. Lab 00 is the baseline of the first stages: its load figures are its side of
 * its run of record on that runtime — the first committed run there measured against it (lab 01's), the run
 * every README quotes lab 00's figures from (shared/kit/test/figures/figures.ts, LAB00_RUN) — each route beside
 * the same server's GET /health; its own committed run (micro-benchmarks only) is charted under them.
 */
export function lab00Runs(
  first: LabData,
  data: LabData[],
  ratiosOf: (run: ChartRun) => readonly RatioLike[],
  targetsOn: (runtime: SiteRuntime) => string[],
): ChartRun[] {
  const own = first.references;
  const runs: ChartRun[] = [];
  for (const id of new Set([...own, ...data.flatMap((lab) => lab.references)].map((run) => run.runtime.id))) {
    const mine = own.find((run) => run.runtime.id === id);
    const onIt = (lab: LabData) =>
      lab === first ? undefined : lab.references.find((run) => run.runtime.id === id && run.baselineFolder === `solutions/${first.slug}`);
    const record = data.find(onIt);
    const run = record && onIt(record);
    if (!record || !run) {
      if (mine) runs.push(mine);
      continue;
    }
    const alone = run.metrics
      .filter((m) => m.values.baseline !== undefined)
      .map((m) => ({ ...m, values: { baseline: m.values.baseline }, bars: undefined, targets: [] }));
    const metrics = floorGroups(alone, ratiosOf(run));
    const targets = targetsOn(run.runtime);
    // Lab 01's warnings about lab 01's own figures are not lab 00's.
    const warnings = shownWarnings(run.warnings, new Set(['baseline']));
    const base = {
      ...run,
      source: 'baseline-only' as const,
      takenFrom: `lab ${String(record.number).padStart(2, '0')}`,
      metrics,
      microGroups: [],
      micro: [],
      peers: [],
      runtimePeers: [],
    };
    runs.push({ ...base, targets, verdicts: [], counts: undefined, warnings, chartWarnings: warnings, ...(mine ? { companion: mine } : {}) });
  }
  return runs.sort((a, b) => runtimeOrder(a.runtime, b.runtime));
}
