/**
 * The home page's "Headline numbers", as pure functions shared by the page (src/pages/index.tsx) and its drift
 * test (test/home-figures.test.ts): which figures of the run of record are shown, their ratio, the run's
 * warnings that concern those figures (a busy machine, a load generator at its limit on a shown route …; not
 * those about routes the table does not show), and the /source/ page that shows the results file.
 */
import type { ChartMetric, ChartRun } from '../../plugins/checkpoint-data';

/** The /source/ route of a repo file, as plugins/repo-links.ts's sourceRoute makes it (dots become dashes). */
export const sourceRouteOf = (repoPath: string): string => `/source/${repoPath.replace(/\./g, '-')}`;

/** The figures the table shows: those with both the baseline's and the reference's value. */
export const headlineRows = (run: ChartRun): ChartMetric[] => run.metrics.filter((m) => m.values.baseline !== undefined && m.values.reference !== undefined);

/** reference ÷ baseline as the table prints it: two decimals, three below 0.1. */
export function headlineRatio(m: ChartMetric): string {
  const r = m.values.reference! / m.values.baseline!;
  return `${r.toFixed(r < 0.1 ? 3 : 2)}×`;
}

/** The scenario a chart figure comes from, by its label (plugins/checkpoint-data.ts FIGURES): "GET /todos", "startup" … */
export function scenarioOf(label: string): string {
  if (label.startsWith('GET /todos')) return 'GET /todos';
  if (label.startsWith('POST /ingest/v1 64 KB body')) return 'POST /ingest/v1 64KB';
  if (label.startsWith('POST /ingest/v1')) return 'POST /ingest/v1 1KB';
  return 'startup';
}

/** The scenario a harness warning is about ("GET /health (subject): …", "POST 1KB, constant 404 (floor) on subject: …"), if any. */
export function warningScenario(warning: string): string | undefined {
  return /^(.+?) (?:\((?:subject|baseline|reference|peer:[^)]*)\)|on (?:subject|baseline|reference|peer:\S+)):/.exec(warning)?.[1];
}

/** Whether the harness flagged the run's machine busy (its warning says so). */
export const busyWarning = (warning: string): boolean => /\bbusy\b/i.test(warning);

/**
 * The run's warnings about the figures shown: every warning not tied to a scenario (a busy machine, the
 * start-up's environment) and those about a scenario shown; `others`: how many concern scenarios not shown.
 */
export function warningsAbout(run: ChartRun, rows: ChartMetric[]): { shown: string[]; others: number } {
  const scenarios = new Set(rows.map((m) => scenarioOf(m.label)));
  const shown = run.warnings.filter((w) => {
    const scenario = warningScenario(w);
    return scenario === undefined || scenarios.has(scenario);
  });
  return { shown, others: run.warnings.length - shown.length };
}
