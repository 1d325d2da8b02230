/**
 * A lab's extra committed results, read at build time beside its checkpoint, one variant per runtime: the
 * start-up table (solutions/<slug>/results/startup.json, the Node 20 run of record, and startup.<runtime
 * id>.json beside it, e.g. startup.node26.json — written by lab 05's scripts/startup.ts) and the capstone
 * (capstone.json, capstone.node26.json …: scripts/capstone.ts, lab 00 vs the final binary in one run). Each
 * names the runtime it was measured on (result-runtime.ts). Only what the lab page shows is kept (no per-run
 * samples). Each carries its run's fingerprint as the tables state it (machine, date, load average, commit,
 * whether the harness flagged it busy); the capstone also carries the lab's checkpoint run on the same runtime
 * (results/checkpoint*.json: its file, date, busy flag and GET /todos figures), so the page can say why the
 * same route's figures differ between the two runs. A lab without the files gets nothing; a file that is
 * there but malformed fails the build with an error naming it, rather than rendering garbage. Exposed as
 * global data; src/components/LabResults.tsx renders it.
 */
import type { LoadContext, Plugin } from '@docusaurus/types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labs } from '@hotpath/workshop/manifest';
import type { LoadSummary } from '@hotpath/solution-05-single-binary/capstone-report';
import { repoRoot } from './repo-links.ts';
import { byRuntime, recordedRuntime, resultFiles, type SiteRuntime } from './result-runtime.ts';

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface StartupRow {
  key: string;
  label: string;
  firstOkMs: Spread;
  /** The median time to first response ÷ raw node:http's. */
  vsRaw: number;
  peakRssBytes: Spread | null;
  /** What is shipped; null: the sources plus node_modules. */
  fileBytes: number | null;
  /** A single executable: the lab's target (vsRaw ≤ targetVsRaw) applies to it (as startup.ts marks them). */
  sea: boolean;
  /** What the row ran on ("Bun 1.4.5"), when the file records it per row (files since Bun rows joined the table). */
  runtime?: string;
}

export interface StartupData {
  /** Repo-relative path of the file it came from. */
  file: string;
  runtime: SiteRuntime;
  date: string;
  cpus: number;
  cpuModel: string;
  runs: number;
  discarded: number;
  targetVsRaw: number;
  rows: StartupRow[];
  /** Ways of starting this run could not measure, and why ("Node 20.20.2 does not strip TypeScript types …"). */
  unavailable: Array<{ label: string; reason: string }>;
  /** The machine's 1-minute load average at the start and the end of the run, when the file records it. */
  loadAverage: { atStart: number; atEnd: number } | null;
}

/** The lab's checkpoint run on the capstone's runtime, for what the capstone's GET /todos is compared with. */
export interface CheckpointAside {
  /** Repo-relative path: `solutions/05-single-binary/results/checkpoint.json`. */
  file: string;
  date: string;
  busy: boolean;
  /** GET /todos requests/s of lab 00 (the baseline) and the binary (the subject) in that run. */
  todos: { lab00: number; binary: number };
}

/** One server's figures under load, as the capstone script writes them (heap and GC null without the probe). */
export type LoadFigures = Pick<LoadSummary, 'rps' | 'p50Us' | 'p99Us' | 'heapBytesPerRequest' | 'gcPer10kRequests' | 'rssBytes'>;

export interface CapstoneData {
  file: string;
  runtime: SiteRuntime;
  date: string;
  mode: string;
  fingerprint: { cpuModel: string; cores: number; commit: string | null; busy: boolean; busyReasons: string[]; loadAverageStart: number | null };
  config: { rounds: number; durationSec: number; warmupSec: number; starts: number; connections: number };
  labels: { lab00: string; binary: string };
  /** Where the binary's heap and GC figures were measured when not on the binary itself (else null). */
  heapStandIn: string | null;
  scenarios: Array<{ name: string; lab00: LoadFigures; binary: LoadFigures }>;
  startup: { lab00: { firstOkMs: Spread; peakRssBytes: number | null }; binary: { firstOkMs: Spread; peakRssBytes: number | null } };
  artifact: { lab00: { bytes: number; packagesBytes: number; nodeBinaryBytes: number; packageCount: number }; binary: { bytes: number } };
  cost: {
    basedOn: string;
    assumption: string;
    context: string;
    assumptions: { targetRps: number; headroom: number; pricePerMonthUsd: number };
    /** The measured RPS of one instance, each side (the cost's inputs; the rest is recomputed in the page). */
    beforeRps: number;
    afterRps: number;
    before: { instances: number; monthlyUsd: number };
    after: { instances: number; monthlyUsd: number };
  };
  warnings: string[];
  /** The lab's checkpoint run on the same runtime, when one is committed. */
  checkpoint?: CheckpointAside;
}

/** A lab's extra results, each a list of per-runtime variants in picker order (empty: the lab has none). */
export interface LabResults {
  startup: StartupData[];
  capstone: CapstoneData[];
}

type Path = ReadonlyArray<string>;

/** Typed reads of a parsed JSON file; any missing or mistyped field throws, naming the file and the field. */
function reader(file: string, json: unknown) {
  const fail = (path: Path, want: string, got: unknown): never => {
    const shown = got === undefined ? 'nothing' : JSON.stringify(got).slice(0, 60);
    throw new Error(`Malformed ${file}: ${path.join('.') || 'the top level'} should be ${want}, got ${shown}`);
  };
  const get = (path: Path) =>
    path.reduce<unknown>(
      (v, k) =>
        Array.isArray(v) ? (/^\d+$/.test(k) ? v[Number(k)] : undefined) : v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined,
      json,
    );
  const num = (...path: string[]): number => {
    const v = get(path);
    return typeof v === 'number' && Number.isFinite(v) ? v : fail(path, 'a number', v);
  };
  const positive = (...path: string[]): number => {
    const v = num(...path);
    return v > 0 ? v : fail(path, 'a number above 0', v);
  };
  const str = (...path: string[]): string => {
    const v = get(path);
    return typeof v === 'string' ? v : fail(path, 'a string', v);
  };
  const bool = (...path: string[]): boolean => {
    const v = get(path);
    return typeof v === 'boolean' ? v : fail(path, 'true or false', v);
  };
  const isNull = (...path: string[]) => get(path) === null;
  const has = (...path: string[]) => get(path) !== undefined;
  const keys = (...path: string[]): string[] => {
    const v = get(path);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : fail(path, 'an object', v);
  };
  /** The indexes of a list ('0', '1', …), to read its items by path. */
  const indexes = (...path: string[]): string[] => {
    const v = get(path);
    return Array.isArray(v) ? v.map((_, i) => String(i)) : fail(path, 'a list', v);
  };
  const strings = (...path: string[]): string[] => {
    const v = get(path);
    return Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : fail(path, 'a list of strings', v);
  };
  const spread = (...path: string[]): Spread => ({ median: num(...path, 'median'), min: num(...path, 'min'), max: num(...path, 'max') });
  const nonEmpty = <T>(list: T[], path: Path): T[] => (list.length > 0 ? list : fail(path, 'non-empty', {}));
  return { fail, num, positive, str, bool, isNull, has, keys, indexes, strings, spread, nonEmpty };
}

function parse(path: string, file: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Malformed ${file}: not readable JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Reads the start-up file at `path`; `file` names it (repo-relative) on the page and in errors. */
export function readStartup(path: string, file: string): StartupData {
  const json = parse(path, file);
  const r = reader(file, json);
  if (r.str('kind') !== 'hotpath-lab05-startup') r.fail(['kind'], '"hotpath-lab05-startup"', r.str('kind'));
  const rows = r.nonEmpty(r.keys('results'), ['results']).map((key): StartupRow => {
    const label = r.str('results', key, 'label');
    return {
      key,
      label,
      firstOkMs: r.spread('results', key, 'firstOkMs'),
      vsRaw: r.num('results', key, 'vsRaw'),
      peakRssBytes: r.isNull('results', key, 'peakRssBytes') ? null : r.spread('results', key, 'peakRssBytes'),
      fileBytes: r.isNull('results', key, 'fileBytes') ? null : r.num('results', key, 'fileBytes'),
      sea: label.startsWith('SEA'),
      ...(r.has('results', key, 'runtime') ? { runtime: r.str('results', key, 'runtime') } : {}),
    };
  });
  return {
    file,
    runtime: recordedRuntime(json, file),
    date: r.str('date'),
    cpus: r.num('machine', 'cpus'),
    cpuModel: r.str('machine', 'cpuModel'),
    runs: r.num('config', 'runs'),
    discarded: r.num('config', 'discarded'),
    targetVsRaw: r.positive('targetVsRaw'),
    rows,
    // Files written before rows could be left out have no list.
    unavailable: r.has('unavailable')
      ? r.indexes('unavailable').map((i) => ({ label: r.str('unavailable', i, 'label'), reason: r.str('unavailable', i, 'reason') }))
      : [],
    loadAverage: r.has('machine', 'loadAverage')
      ? { atStart: r.num('machine', 'loadAverage', 'atStart'), atEnd: r.num('machine', 'loadAverage', 'atEnd') }
      : null,
  };
}

/** The results key the capstone uses for the bundle that stands in for the binary's heap figures. */
const BUNDLE_KEY = 'bundle-with-probe';

/** Reads the capstone file at `path`; `file` names it (repo-relative) on the page and in errors. */
export function readCapstone(path: string, file: string): CapstoneData {
  const json = parse(path, file);
  const r = reader(file, json);
  if (r.str('kind') !== 'hotpath-capstone') r.fail(['kind'], '"hotpath-capstone"', r.str('kind'));
  if (r.num('schemaVersion') !== 1) r.fail(['schemaVersion'], '1', r.num('schemaVersion'));
  const orNull = (...path: string[]) => (r.isNull(...path) ? null : r.num(...path));
  const works = r.bool('probeInBinary', 'works');
  const load = (scenario: string, key: string): LoadFigures => ({
    rps: r.num('load', scenario, key, 'rps'),
    p50Us: r.num('load', scenario, key, 'p50Us'),
    p99Us: r.num('load', scenario, key, 'p99Us'),
    heapBytesPerRequest: orNull('load', scenario, key, 'heapBytesPerRequest'),
    gcPer10kRequests: orNull('load', scenario, key, 'gcPer10kRequests'),
    rssBytes: orNull('load', scenario, key, 'rssBytes'),
  });
  const scenarios = r.nonEmpty(r.keys('load'), ['load']).map((name) => {
    const binary = load(name, 'binary');
    // As capstone-report.ts prints it: without the probe in the binary, its heap and GC figures are the bundle's.
    const heap = works ? binary : load(name, BUNDLE_KEY);
    return { name, lab00: load(name, 'lab00'), binary: { ...binary, heapBytesPerRequest: heap.heapBytesPerRequest, gcPer10kRequests: heap.gcPer10kRequests } };
  });
  const start = (key: string) => ({
    firstOkMs: r.spread('startup', key, 'firstOkMs'),
    peakRssBytes: r.isNull('startup', key, 'peakRssBytes') ? null : r.num('startup', key, 'peakRssBytes', 'median'),
  });
  const estimate = (side: string) => ({ instances: r.positive('cost', side, 'instances'), monthlyUsd: r.num('cost', side, 'monthlyUsd') });
  return {
    file,
    runtime: recordedRuntime(json, file),
    date: r.str('date'),
    mode: r.str('mode'),
    fingerprint: {
      cpuModel: r.str('fingerprint', 'cpuModel'),
      cores: r.num('fingerprint', 'cores'),
      commit: r.has('fingerprint', 'gitCommit') ? r.str('fingerprint', 'gitCommit').slice(0, 7) : null,
      busy: r.has('fingerprint', 'busy') ? r.bool('fingerprint', 'busy') : false,
      busyReasons: r.has('fingerprint', 'busyReasons') ? r.strings('fingerprint', 'busyReasons') : [],
      loadAverageStart: r.has('fingerprint', 'loadAverageStart') ? r.num('fingerprint', 'loadAverageStart', '0') : null,
    },
    config: {
      rounds: r.num('config', 'rounds'),
      durationSec: r.num('config', 'durationSec'),
      warmupSec: r.num('config', 'warmupSec'),
      starts: r.num('config', 'starts'),
      connections: r.num('config', 'connections'),
    },
    labels: { lab00: r.str('subjects', 'lab00', 'label'), binary: r.str('subjects', 'binary', 'label') },
    heapStandIn: works ? null : r.str('heapMeasuredOn', 'binary'),
    scenarios,
    startup: { lab00: start('lab00'), binary: start('binary') },
    artifact: {
      lab00: {
        bytes: r.num('artifact', 'lab00', 'bytes'),
        packagesBytes: r.num('artifact', 'lab00', 'packagesBytes'),
        nodeBinaryBytes: r.num('artifact', 'lab00', 'nodeBinaryBytes'),
        packageCount: r.num('artifact', 'lab00', 'packageCount'),
      },
      binary: { bytes: r.num('artifact', 'binary', 'bytes') },
    },
    cost: {
      basedOn: r.str('cost', 'basedOn'),
      assumption: r.str('cost', 'assumption'),
      context: r.str('cost', 'context'),
      assumptions: {
        targetRps: r.positive('cost', 'assumptions', 'targetRps'),
        headroom: r.positive('cost', 'assumptions', 'headroom'),
        pricePerMonthUsd: r.positive('cost', 'assumptions', 'pricePerMonthUsd'),
      },
      beforeRps: r.positive('cost', 'before', 'rpsPerInstance'),
      afterRps: r.positive('cost', 'after', 'rpsPerInstance'),
      before: estimate('before'),
      after: estimate('after'),
    },
    warnings: r.strings('warnings'),
  };
}

/** The GET /todos figures of a checkpoint result (the harness's ratios), with its date and busy flag; undefined when it has none. */
export function readCheckpointAside(path: string, file: string): CheckpointAside | undefined {
  const json = parse(path, file) as {
    createdAt?: string;
    fingerprint?: { busy?: boolean; date?: string };
    ratios?: Array<{ section: string; name: string; metric: string; subjectKey: string; subject: number | null; baseline: number | null }>;
  };
  const todos = (json.ratios ?? []).find((x) => x.section === 'load' && x.name === 'GET /todos' && x.metric === 'rps' && x.subjectKey === 'subject');
  if (!todos || todos.subject === null || todos.baseline === null) return undefined;
  return {
    file,
    date: json.fingerprint?.date ?? json.createdAt ?? '',
    busy: json.fingerprint?.busy === true,
    todos: { lab00: todos.baseline, binary: todos.subject },
  };
}

/** Every lab's extra results by slug, from the kit at `root` with `resultsOverlay` laid over; labs without any are left out. */
export function loadLabResults(root = repoRoot, resultsOverlay?: string): Record<string, LabResults> {
  const out: Record<string, LabResults> = {};
  for (const lab of labs) {
    const read = <T extends { runtime: SiteRuntime; file: string }>(stem: string, parseFile: (path: string, file: string) => T) =>
      byRuntime(resultFiles(root, lab.slug, stem, resultsOverlay).map(({ path, file, named }): [T, string | undefined] => [parseFile(path, file), named]));
    const checkpoints = resultFiles(root, lab.slug, 'checkpoint', resultsOverlay).map(({ path, file }) => ({
      file,
      runtime: recordedRuntime(JSON.parse(readFileSync(path, 'utf8')), file).id,
      path,
    }));
    const capstone = read('capstone', readCapstone).map((c) => {
      const same = checkpoints.find((k) => k.runtime === c.runtime.id);
      const aside = same && readCheckpointAside(same.path, same.file);
      return aside ? { ...c, checkpoint: aside } : c;
    });
    const results: LabResults = { startup: read('startup', readStartup), capstone };
    if (results.startup.length > 0 || results.capstone.length > 0) out[lab.slug] = results;
  }
  return out;
}

export default function labResults(_context: LoadContext, options: { resultsOverlay?: string } = {}): Plugin<Record<string, LabResults>> {
  return {
    name: 'hotpath-lab-results',
    getPathsToWatch: () => [join(repoRoot, 'solutions/*/results/startup*.json'), join(repoRoot, 'solutions/*/results/capstone*.json')],
    loadContent: async () => loadLabResults(repoRoot, options.resultsOverlay),
    contentLoaded: async ({ content, actions }) => actions.setGlobalData({ labs: content }),
  };
}
