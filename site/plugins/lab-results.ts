/**
 * Lab 05's start-up table and capstone, read at build time from the lab's committed checkpoint results, one
 * variant per runtime (solutions/<slug>/results/checkpoint.json, checkpoint.node26.json …). Both are views of
 * the one result (@hotpath/harness/run-views): the start-up section with every way of starting the server,
 * and the subject against the baseline under load, at start-up and by footprint; the cost estimate's inputs are
 * the capstone's POST requests/s (@hotpath/harness/cost). A view a file carries from an earlier run names that
 * run (`from`, its date, runtime and machine); the capstone then also carries the file's own GET /todos figures,
 * so the page can say why the same route's figures differ between the two runs. A lab whose results give
 * neither view gets nothing; a file that is not readable JSON, or whose tables would show a figure that is not a
 * number, fails the build naming it. Exposed as global
 * data; src/components/LabResults.tsx renders it.
 */
import type { LoadContext, Plugin } from '@docusaurus/types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COST_ASSUMPTION, COST_CONTEXT, compareCost, DEFAULT_HEADROOM, DEFAULT_PRICE_PER_MONTH_USD, DEFAULT_TARGET_RPS } from '@hotpath/harness/cost';
import { type CapstoneView, capstoneView, costInputs, type StartupRow, type StartupView, startupView } from '@hotpath/harness/run-views';
import type { CheckpointResult } from '@hotpath/harness/result';
import { labs, TARGET_VS_RAW_NODE_HTTP } from '@hotpath/workshop/manifest';
import { repoRoot } from './repo-links.ts';
import { byRuntime, recordedRuntime, resultFiles, type SiteRuntime } from './result-runtime.ts';

export type { LoadFigures, Spread } from '@hotpath/harness/run-views';

/** The row every start-up time is divided by: Node itself starting. */
export const RAW_KEY = 'peer:raw node:http';
/** How lab 05's page names its rows (the result names the subjects by folder and command, the peers by a short name). */
export const ROW_NAMES: Readonly<Record<string, string>> = {
  subject: 'SEA code cache',
  baseline: 'tsx: pnpm start, lab 00 (baseline)',
  'peer:raw node:http': 'raw node:http (reference)',
  'peer:tsx lab 04': 'tsx: pnpm start, lab 04 (this app)',
  'peer:node server.cjs': 'node dist/server.cjs',
  'peer:node server.cjs, compile cache (warm)': 'node dist/server.cjs, compile cache (warm)',
  'peer:bun server.cjs': 'bun dist/server.cjs (the same bundle)',
  'peer:bun src/server.ts': 'bun src/server.ts (TypeScript directly)',
};
/** `bun 1.4.5 --compile (peer)`: Bun's binaries are named with the version that made them. */
const rowName = (row: StartupRow): string =>
  ROW_NAMES[row.key] ?? (row.key.startsWith('peer:bun --compile') ? `bun ${row.runtime.replace(/^Bun /, '')} ${row.label.slice(4)} (peer)` : row.label);
const CAPSTONE_LABELS = { lab00: 'lab 00 (pnpm start, tsx)', binary: 'final binary (SEA code cache)' };

/** Where a view sits: the checkpoint file holding it, and the runtime that measured it. */
interface Placed {
  /** Repo-relative path of the checkpoint file the view is read from. */
  file: string;
  runtime: SiteRuntime;
}

export interface StartupData extends Omit<StartupView, 'rows' | 'runtime'>, Placed {
  targetVsRaw: number;
  rows: Array<StartupRow & { vsRaw: number; sea: boolean }>;
}

/** The file's own GET /todos figures, when its capstone comes from an earlier run. */
export interface CheckpointAside {
  date: string;
  busy: boolean;
  todos: { lab00: number; binary: number };
}

export interface CapstoneData extends Omit<CapstoneView, 'runtime'>, Placed {
  cost: {
    basedOn: string;
    assumption: string;
    context: string;
    assumptions: { targetRps: number; headroom: number; pricePerMonthUsd: number };
    /** The measured RPS of one instance, each side (the rest is recomputed in the page). */
    beforeRps: number;
    afterRps: number;
    before: { instances: number; monthlyUsd: number };
    after: { instances: number; monthlyUsd: number };
  } | null;
  checkpoint?: CheckpointAside;
}

/** A lab's views, each a list of per-runtime variants in picker order (empty: the lab has none). */
export interface LabResults {
  startup: StartupData[];
  capstone: CapstoneData[];
}

/** The start-up table: each row's ratio to raw node:http, and whether the lab's target applies (a single executable). */
export function startupData(view: StartupView, placed: Placed): StartupData {
  const raw = view.rows.find((r) => r.key === RAW_KEY)?.firstOkMs.median;
  const rows = view.rows.map((row) => ({
    ...row,
    label: rowName(row),
    vsRaw: raw ? Math.round((row.firstOkMs.median / raw) * 100) / 100 : Number.NaN,
    sea: row.key === 'subject' || row.key.startsWith('peer:SEA '),
  }));
  const unavailable = view.unavailable.map((u) => ({ ...u, label: ROW_NAMES[`peer:${u.label}`] ?? u.label }));
  return { ...view, ...placed, targetVsRaw: TARGET_VS_RAW_NODE_HTTP, rows, unavailable };
}

/** The capstone with its cost estimate under the default assumptions (the page recomputes it for others). */
export function capstoneData(view: CapstoneView, placed: Placed, own?: CheckpointResult): CapstoneData {
  const inputs = costInputs(view);
  const assumptions = { targetRps: DEFAULT_TARGET_RPS, headroom: DEFAULT_HEADROOM, pricePerMonthUsd: DEFAULT_PRICE_PER_MONTH_USD };
  const cost = inputs && compareCost(inputs.beforeRps, inputs.afterRps, assumptions);
  const todos = own?.ratios.find((x) => x.section === 'load' && x.name === 'GET /todos' && x.metric === 'rps' && x.subjectKey === 'subject');
  return {
    ...view,
    ...placed,
    labels: CAPSTONE_LABELS,
    cost:
      inputs && cost
        ? {
            basedOn: `${inputs.scenario}: median RPS of one pinned process`,
            assumption: COST_ASSUMPTION,
            context: COST_CONTEXT,
            assumptions,
            beforeRps: inputs.beforeRps,
            afterRps: inputs.afterRps,
            before: cost.before,
            after: cost.after,
          }
        : null,
    ...(own && todos?.subject && todos.baseline
      ? { checkpoint: { date: own.createdAt, busy: own.fingerprint.busy === true, todos: { lab00: todos.baseline, binary: todos.subject } } }
      : {}),
  };
}

/** Throws, naming the file, when a figure a table shows is not a number (the page would render garbage). */
function checkFigures(file: string, figures: ReadonlyArray<readonly [string, unknown]>): void {
  for (const [what, value] of figures) {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`Malformed ${file}: ${what} should be a number, got ${JSON.stringify(value)}`);
  }
}

function parse(path: string, file: string): CheckpointResult {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CheckpointResult;
  } catch (error) {
    throw new Error(`Malformed ${file}: not readable JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Every lab's views by slug, from the kit at `root` with `resultsOverlay` laid over; labs without any are left out. */
export function loadLabResults(root = repoRoot, resultsOverlay?: string): Record<string, LabResults> {
  const out: Record<string, LabResults> = {};
  for (const lab of labs) {
    const startup: Array<[StartupData, string | undefined]> = [];
    const capstone: Array<[CapstoneData, string | undefined]> = [];
    for (const { path, file, named } of resultFiles(root, lab.slug, 'checkpoint', resultsOverlay)) {
      const result = parse(path, file);
      const placed = { file, runtime: recordedRuntime(result, file) };
      const s = startupView(result, file);
      // Views of this lab's kind only: a start-up section with the raw node:http floor.
      if (!s?.rows.some((r) => r.key === RAW_KEY)) continue;
      checkFigures(
        file,
        s.rows.map((r) => [`start-up row ${r.key}`, r.firstOkMs.median]),
      );
      startup.push([startupData(s, placed), named]);
      const c = capstoneView(result, file);
      if (!c) continue;
      checkFigures(
        file,
        c.scenarios.flatMap((x) => [[`${x.name} lab00 rps`, x.lab00.rps] as const, [`${x.name} binary rps`, x.binary.rps] as const]),
      );
      capstone.push([capstoneData(c, placed, result.carried?.capstone ? result : undefined), named]);
    }
    const results: LabResults = { startup: byRuntime(startup), capstone: byRuntime(capstone) };
    if (results.startup.length > 0 || results.capstone.length > 0) out[lab.slug] = results;
  }
  return out;
}

export default function labResults(_context: LoadContext, options: { resultsOverlay?: string } = {}): Plugin<Record<string, LabResults>> {
  return {
    name: 'hotpath-lab-results',
    getPathsToWatch: () => [join(repoRoot, 'solutions/*/results/checkpoint*.json')],
    loadContent: async () => loadLabResults(repoRoot, options.resultsOverlay),
    contentLoaded: async ({ content, actions }) => actions.setGlobalData({ labs: content }),
  };
}
