/**
 * Two views of a checkpoint result, as post-processing (pure: no I/O, so the site bundles it): the start-up
 * table — every way of starting the server the startup section measured, with what it ships and the ways it
 * could not start — and the capstone — the subject against the baseline under load, at start-up and by what
 * has to be shipped, with the requests/s the cost estimate (cost.ts) rests on. Lab 05 shows both.
 *
 * A result can carry either view from an earlier run of record (`carried`: figures converted from the files
 * lab 05 wrote before it was one harness run), each with the date, runtime and machine of the run that
 * measured it; a carried view wins over the result's own sections until a run replaces the file.
 */
import { PEER_KEY_PREFIX } from './define.ts';
import type { CheckpointResult } from './report.ts';

export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** Which run measured a view: the file it was first written to, its date, runtime and machine. */
export interface RunOfRecord {
  /** Repo-relative file the figures were written to by the run that measured them. */
  from: string;
  createdAt: string;
  mode: 'quick' | 'full';
  runtime: { id: string; label: string };
  machine: {
    cpuModel: string;
    cpus: number;
    /** The 1-minute load average at the start and the end of the run (end null when not recorded). */
    loadAverage: { atStart: number; atEnd: number | null } | null;
    commit: string | null;
    busy: boolean;
    busyReasons: string[];
  };
  warnings: string[];
}

export interface StartupRow {
  /** The result key: 'subject', 'baseline' or 'peer:<name>'. */
  key: string;
  label: string;
  /** What it ran on, e.g. "Node 20.20.2", "Bun 1.4.5". */
  runtime: string;
  firstOkMs: Spread;
  peakRssBytes: Spread | null;
  /** What has to be shipped to run it, in bytes; null: sources (and node_modules) not sized. */
  fileBytes: number | null;
}

export interface StartupView extends RunOfRecord {
  runs: number;
  discarded: number;
  rows: StartupRow[];
  /** Ways of starting this run could not measure, and why. */
  unavailable: Array<{ label: string; reason: string }>;
}

/** One server's figures under load (heap and GC null when not measured). */
export interface LoadFigures {
  rps: number;
  p50Us: number;
  p99Us: number;
  heapBytesPerRequest: number | null;
  gcPer10kRequests: number | null;
  rssBytes: number | null;
}

export interface Artifact {
  bytes: number;
  /** For a package run from its sources: the package folders' bytes, how many, and the node binary's. */
  packagesBytes?: number;
  packageCount?: number;
  nodeBinaryBytes?: number;
}

/**
 * A peer that ran on another runtime (its serve command's `runtime`, e.g. Bun running the same bundle) in a
 * capstone scenario, beside the binary's figures from the same rounds.
 */
export interface RuntimePeer {
  name: string;
  /** The command it ran, e.g. `bun solutions/05-single-binary/dist/server.cjs`. */
  label: string;
  /** e.g. "Bun 1.4.5"; the binary runs on the view's `runtime`. */
  runtime: string;
  scenario: string;
  peer: LoadFigures;
  binary: LoadFigures;
}

export interface CapstoneView extends RunOfRecord {
  config: { rounds: number; durationSec: number; warmupSec: number; starts: number; connections: number };
  labels: { lab00: string; binary: string };
  scenarios: Array<{ name: string; lab00: LoadFigures; binary: LoadFigures }>;
  /** Peers on another runtime in the same rotation (absent when there were none, and in carried views). */
  runtimePeers?: RuntimePeer[];
  startup: Record<'lab00' | 'binary', { firstOkMs: Spread; peakRssBytes: number | null }>;
  artifact: Record<'lab00' | 'binary', Artifact | null>;
}

/** Views carried from an earlier run of record, in the result's `carried`. */
export interface CarriedViews {
  startup?: StartupView;
  capstone?: CapstoneView;
}

/** The scenario the cost estimate rests on, and how the result labels the two sides. */
export const COST_SCENARIO = 'POST /ingest/v1 1KB';
const HEALTH = 'GET /health';

function runOfRecord(result: CheckpointResult, from: string): RunOfRecord {
  const f = result.fingerprint;
  return {
    from,
    createdAt: result.createdAt,
    mode: result.mode,
    runtime: { id: result.runtime?.id ?? `node${f.node.replace(/^v/, '').split('.')[0]}`, label: result.runtime?.label ?? `Node ${f.node.replace(/^v/, '')}` },
    machine: {
      cpuModel: f.cpuModel,
      cpus: f.cores,
      loadAverage: { atStart: f.loadAverageStart[0] ?? 0, atEnd: f.loadAverageEnd?.[0] ?? null },
      commit: f.gitCommit ? f.gitCommit.slice(0, 7) : null,
      busy: f.busy === true,
      busyReasons: f.busyReasons ?? [],
    },
    warnings: result.warnings,
  };
}

/** How a row is named: a peer by its name, a subject by what serves it (or its folder). */
function rowLabel(result: CheckpointResult, key: string): string {
  if (key.startsWith(PEER_KEY_PREFIX)) return key.slice(PEER_KEY_PREFIX.length);
  return result.servedBy?.[key] ?? result.subjects.find((s) => s.key === key)?.label ?? key;
}

/** The start-up table of `result` (its carried one when it has one); undefined without a startup section. `file`: the result's path. */
export function startupView(result: CheckpointResult, file: string): StartupView | undefined {
  if (result.carried?.startup) return result.carried.startup;
  const startup = result.startup;
  if (!startup) return undefined;
  const base = runOfRecord(result, file);
  const runtimeOf = (key: string) => result.peerPackages?.find((p) => PEER_KEY_PREFIX + p.name === key)?.runtime ?? base.runtime.label;
  const rows = Object.entries(startup.results)
    .filter(([key]) => !key.includes('@'))
    .map(([key, s]) => ({
      key,
      label: rowLabel(result, key),
      runtime: runtimeOf(key),
      firstOkMs: s.firstOkMs,
      peakRssBytes: s.peakRssBytes,
      fileBytes: startup.footprint?.[key]?.totalBytes ?? null,
    }));
  const unavailable = (startup.unavailable ?? []).map((u) => ({ label: u.name, reason: u.reason }));
  return { ...base, warnings: startup.warnings, runs: startup.config.runs, discarded: startup.config.discarded, rows, unavailable };
}

/**
 * The capstone of `result` (its carried one when it has one): the subject (the final binary) against the
 * baseline (lab 00) in every load scenario but GET /health, at start-up and by footprint, with any peer that ran
 * on another runtime in those scenarios (Bun) beside the binary; undefined unless
 * the result has both the load and the startup section.
 */
export function capstoneView(result: CheckpointResult, file: string): CapstoneView | undefined {
  if (result.carried?.capstone) return result.carried.capstone;
  const { load, startup } = result;
  if (!load || !startup) return undefined;
  const lab00 = result.baselineKey;
  const binary = 'subject';
  const figures = (s: NonNullable<typeof load>['scenarios'][number]['results'][string]): LoadFigures => ({
    rps: s.rps,
    p50Us: s.p50Us,
    p99Us: s.p99Us,
    heapBytesPerRequest: s.heapBytesPerRequest,
    gcPer10kRequests: s.gcPer10kRequests,
    rssBytes: s.rssBytes,
  });
  const scenarios = load.scenarios.flatMap((s) => {
    const a = s.results[lab00];
    const b = s.results[binary];
    return s.name === HEALTH || !a || !b ? [] : [{ name: s.name, lab00: figures(a), binary: figures(b) }];
  });
  const start = (key: string) => {
    const s = startup.results[key];
    return s ? { firstOkMs: s.firstOkMs, peakRssBytes: s.peakRssBytes?.median ?? null } : undefined;
  };
  const runtimePeers = (result.peerPackages ?? []).flatMap((p) =>
    p.runtime === undefined
      ? []
      : load.scenarios.flatMap((s) => {
          const own = s.results[PEER_KEY_PREFIX + p.name];
          const b = s.results[binary];
          return s.name === HEALTH || !own || !b
            ? []
            : [{ name: p.name, label: p.label, runtime: p.runtime as string, scenario: s.name, peer: figures(own), binary: figures(b) }];
        }),
  );
  const startLab00 = start(lab00);
  const startBinary = start(binary);
  if (scenarios.length === 0 || !startLab00 || !startBinary) return undefined;
  const artifact = (key: string): Artifact | null => {
    const f = startup.footprint?.[key];
    if (!f) return null;
    return f.file
      ? { bytes: f.totalBytes }
      : { bytes: f.totalBytes, packagesBytes: f.packagesBytes, packageCount: f.packageCount, nodeBinaryBytes: f.nodeBinaryBytes };
  };
  return {
    ...runOfRecord(result, file),
    config: { ...load.config, starts: startup.config.runs },
    labels: { lab00: rowLabel(result, lab00), binary: rowLabel(result, binary) },
    scenarios,
    startup: { lab00: startLab00, binary: startBinary },
    artifact: { lab00: artifact(lab00), binary: artifact(binary) },
    ...(runtimePeers.length ? { runtimePeers } : {}),
  };
}

/** The requests/s of one process each side in the cost's scenario (undefined when the capstone has none). */
export function costInputs(capstone: CapstoneView): { scenario: string; beforeRps: number; afterRps: number } | undefined {
  const s = capstone.scenarios.find((x) => x.name === COST_SCENARIO);
  return s ? { scenario: s.name, beforeRps: s.lab00.rps, afterRps: s.binary.rps } : undefined;
}

/** Whether a result measured the start-up section alone (`pnpm startup`; lab 05's Node 26 start-up table). */
export function startupOnlyRun(result: { sections?: readonly string[] }): boolean {
  return result.sections?.length === 1 && result.sections[0] === 'startup';
}
