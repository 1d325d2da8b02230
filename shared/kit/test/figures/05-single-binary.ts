/**
 * Lab 05's README: the reference's committed checkpoint (the binary against lab 00 in the same run) and the
 * views it carries from earlier runs — the start-up table (Node 20, every row naming its runtime) and the
 * capstone — and its committed Node 26 checkpoint (the start-up section only). The start-up rows are read
 * the way the site's table shows them (@hotpath/harness/run-views), the cost by @hotpath/harness/cost's
 * arithmetic on the capstone's POST requests/s. Sizes and memory are MiB and KiB (1024-based) here, one
 * decimal, as the site's tables beside the page print them.
 */
import { compareCost, DEFAULT_HEADROOM, DEFAULT_PRICE_PER_MONTH_USD, DEFAULT_TARGET_RPS } from '@hotpath/harness/cost';
import { type CapstoneView, capstoneView, type StartupRow, type StartupView, startupView } from '@hotpath/harness/run-views';
import type { CheckpointResult } from '@hotpath/harness';
import { count, k, kib1, mib1, ms, msOf, num, results, row, text, x, type LabFigures } from './figures.ts';
import { findLab, RAW_NODE_HTTP, TARGET_VS_RAW_NODE_HTTP } from '@hotpath/workshop/manifest';
import { judgeRun, type JudgedRunLike } from '../../src/verdict.ts';

const CHECKPOINT = 'reference:05-single-binary/results/checkpoint.json';
const CHECKPOINT_26 = 'reference:05-single-binary/results/checkpoint.node26.json';
const run = results(CHECKPOINT);
const run26 = results(CHECKPOINT_26);
/** The two start-up tables and the capstone as the page shows them (a view a file carries, or its own sections). */
const startup = startupView(run.data as unknown as CheckpointResult, CHECKPOINT)!;
const startup26 = startupView(run26.data as unknown as CheckpointResult, CHECKPOINT_26)!;
const capstone: CapstoneView = capstoneView(run.data as unknown as CheckpointResult, CHECKPOINT)!;

/** A ratio as the site's tables print it: two decimals. */
const r2 = (after: number, before: number) => `${(after / before).toFixed(2)}×`;
const rowOf = (table: StartupView, key: string): StartupRow => {
  const found = table.rows.find((r) => r.key === key);
  if (!found) throw new Error(`${table.from} has no start-up row ${key}`);
  return found;
};
const sMedian = (key: string, table: StartupView = startup) => rowOf(table, key).firstOkMs.median;
const sRss = (key: string, table: StartupView = startup) => rowOf(table, key).peakRssBytes!.median;
/** × raw node:http, as the site computes it. */
const vsRaw = (key: string, table: StartupView = startup) => Math.round((sMedian(key, table) / sMedian('peer:raw node:http', table)) * 100) / 100;
const fileOf = (key: string, table: StartupView = startup) => rowOf(table, key).fileBytes!;
/** A row of a start-up table: how it starts, the runtime it ran on, first 200, × raw node:http, peak RSS, file. */
const wayIn = (table: StartupView) => (label: string, key: string) => {
  const r = rowOf(table, key);
  const size = r.fileBytes == null ? 'sources' : r.fileBytes >= 1024 * 1024 ? mib1(r.fileBytes) : kib1(r.fileBytes);
  const t = r.firstOkMs;
  return row(
    label,
    r.runtime,
    `${t.median.toFixed(1)} ms (${t.min.toFixed(1)}–${t.max.toFixed(1)})`,
    num(vsRaw(key, table)),
    mib1(r.peakRssBytes!.median),
    size,
  );
};
const way = wayIn(startup);
const way26 = wayIn(startup26);
/** The rows both runs have, as the README labels them (results key → label). */
const SHARED_ROWS: Array<[string, string]> = [
  ['raw `node:http` hello server', 'peer:raw node:http'],
  ['lab 00 through tsx (`pnpm start`)', 'baseline'],
  ['lab 04 through tsx', 'peer:tsx lab 04'],
  ['`node dist/server.cjs`', 'peer:node server.cjs'],
  ['SEA plain', 'peer:SEA plain'],
  ['SEA with code cache', 'subject'],
  ['SEA with start-up snapshot', 'peer:SEA snapshot'],
  ['`bun dist/server.cjs` (the same bundle)', 'peer:bun server.cjs'],
  ['`bun src/server.ts` (TypeScript directly)', 'peer:bun src/server.ts'],
  ['`bun build --compile` (peer)', 'peer:bun --compile'],
  ['`bun build --compile --bytecode` (peer)', 'peer:bun --compile --bytecode'],
];
/** Rows only Node 26 has: Node's own type stripping and its compile cache. */
const NODE26_ROWS: Array<[string, string]> = [
  ['lab 04 by type stripping: `node src/server.ts`', 'peer:node src/server.ts (type stripping)'],
  ['`node dist/server.cjs`, compile cache (warm)', 'peer:node server.cjs, compile cache (warm)'],
];
/** Node 26's table: the shared rows with its two own rows after lab 04 through tsx and after the bundle. */
const NODE26_TABLE = [...SHARED_ROWS.slice(0, 3), NODE26_ROWS[0]!, SHARED_ROWS[3]!, NODE26_ROWS[1]!, ...SHARED_ROWS.slice(4)];

const TODOS = 'GET /todos';
const INGEST = 'POST /ingest/v1 1KB';
const scenarioOf = (name: string) => capstone.scenarios.find((s) => s.name === name)!;
const c = (scenario: string, who: 'lab00' | 'binary', field: 'rps' | 'p50Us' | 'p99Us' | 'heapBytesPerRequest' | 'gcPer10kRequests' | 'rssBytes') =>
  scenarioOf(scenario)[who][field]!;
const pair = (who: 'lab00' | 'binary', field: 'gcPer10kRequests' | 'rssBytes', format: (n: number) => string) =>
  `${format(c(TODOS, who, field))} / ${format(c(INGEST, who, field))}`;
const pairRatio = (field: 'gcPer10kRequests' | 'rssBytes') =>
  `${r2(c(TODOS, 'binary', field), c(TODOS, 'lab00', field))} / ${r2(c(INGEST, 'binary', field), c(INGEST, 'lab00', field))}`;
const latency = (scenario: string, who: 'lab00' | 'binary') => `${num(c(scenario, who, 'p50Us') / 1000)} / ${ms(c(scenario, who, 'p99Us'))}`;
const latencyRatio = (scenario: string) =>
  `${r2(c(scenario, 'binary', 'p50Us'), c(scenario, 'lab00', 'p50Us'))} / ${r2(c(scenario, 'binary', 'p99Us'), c(scenario, 'lab00', 'p99Us'))}`;
const cs = (who: 'lab00' | 'binary', field: 'firstOkMs' | 'peakRssBytes') =>
  field === 'firstOkMs' ? capstone.startup[who].firstOkMs.median : capstone.startup[who].peakRssBytes!;
const artifact = { lab00: capstone.artifact.lab00!, binary: capstone.artifact.binary! };
/** A scenario's three capstone rows (requests/s, p50 / p99, heap per request): lab 00, the binary, binary / lab 00. */
const scenarioRows = (scenario: string, rpsLabel: string, label = rpsLabel) => [
  row(
    `${rpsLabel} requests/s`,
    k(c(scenario, 'lab00', 'rps')),
    k(c(scenario, 'binary', 'rps')),
    `**${r2(c(scenario, 'binary', 'rps'), c(scenario, 'lab00', 'rps'))}**`,
  ),
  row(`${label} p50 / p99`, latency(scenario, 'lab00'), latency(scenario, 'binary'), latencyRatio(scenario)),
  row(
    `${label} heap per request`,
    kib1(c(scenario, 'lab00', 'heapBytesPerRequest')),
    kib1(c(scenario, 'binary', 'heapBytesPerRequest')),
    r2(c(scenario, 'binary', 'heapBytesPerRequest'), c(scenario, 'lab00', 'heapBytesPerRequest')),
  ),
];
/** Bun running the same bundle in GET /todos, in the same rotation as lab 00 and the binary (each run's capstone). */
const onBun = (view: CapstoneView) => {
  const p = view.runtimePeers?.find((r) => r.name === 'bun server.cjs' && r.scenario === TODOS);
  if (!p) throw new Error(`${view.from} has no Bun peer in ${TODOS}`);
  return p;
};
const bun20 = onBun(capstone);
const bun26 = onBun(capstoneView(run26.data as unknown as CheckpointResult, CHECKPOINT_26)!);
const estimate = compareCost(c(INGEST, 'lab00', 'rps'), c(INGEST, 'binary', 'rps'), {
  targetRps: DEFAULT_TARGET_RPS,
  headroom: DEFAULT_HEADROOM,
  pricePerMonthUsd: DEFAULT_PRICE_PER_MONTH_USD,
});

const ttfr = run.startup('startupMs');
const ttfrLab00 = run.startup('startupMs', 'baseline');
const raw = run.startup('startupMs', 'peer:raw node:http');
const rss = run.startup('peakRss');
const rssLab00 = run.startup('peakRss', 'baseline');
const rps = (scenario: string, key = 'subject') => run.load(scenario, 'rps', key);
/** The committed run's verdict on the lab 05 target of this metric (and peer), as `pnpm lab bench` judges it. */
const verdicts = judgeRun(findLab('05-single-binary')!.targets, run.data as unknown as JudgedRunLike, { reference: null });
const stateOf = (metric: string, vs?: string) => verdicts.find((v) => v.target.metric === metric && v.target.vs === vs)?.state ?? 'not judged';

export default {
  sources: [CHECKPOINT, CHECKPOINT_26, 'reference:01-slim-builder/results/checkpoint.json'],
  quotes: [
    text`first 200 after **${msOf(ttfr)}** against lab 00's ${msOf(ttfrLab00)} (**${x(ttfrLab00 / ttfr)}**, target 5× — ${stateOf('startupMs')}) and raw \`node:http\`'s ${msOf(raw)} (**${x(ttfr / raw)}**, target ${TARGET_VS_RAW_NODE_HTTP}× — ${stateOf('startupMs', RAW_NODE_HTTP)}); peak RSS **${mib1(rss)}** against ${mib1(rssLab00)} (**${x(rss / rssLab00)}**, ${stateOf('peakRss')}); \`GET /todos\` **${k(rps(TODOS))}** requests/s against ${k(rps(TODOS, 'baseline'))} (**${x(rps(TODOS) / rps(TODOS, 'baseline'))}**, ${stateOf('rps')}), \`POST /ingest/v1\` ${k(rps(INGEST))} against ${k(rps(INGEST, 'baseline'))} (${x(rps(INGEST) / rps(INGEST, 'baseline'))})`,
    text`(raw \`node:http\`: ${msOf(raw)} against 39)`,
    text`its run of record, lab 01's committed checkpoint, has ${k(results('reference:01-slim-builder/results/checkpoint.json').load(TODOS, 'rps', 'baseline'))}`,
    text`(Node 20: ${startup.createdAt.slice(0, 10)}, ${startup.runs} starts each after one discarded; Node 26: ${startup26.createdAt.slice(0, 10)}, ${startup26.runs} starts each`,
    ...SHARED_ROWS.map(([label, key]) => way(label, key)),
    ...NODE26_TABLE.map(([label, key]) => way26(label, key)),
    text`response ${x(sMedian('baseline') / sMedian('subject'))} sooner than lab 00 through tsx on Node 20, at ${x(sRss('subject') / sRss('baseline'))} its peak RSS (Node 26: ${x(sMedian('baseline', startup26) / sMedian('subject', startup26))}, at ${x(sRss('subject', startup26) / sRss('baseline', startup26))})`,
    text`(the code-cache binary's median against the plain one's: ${msOf(sMedian('subject'))} and ${msOf(sMedian('peer:SEA plain'))} on Node 20, ${msOf(sMedian('subject', startup26))} and ${msOf(sMedian('peer:SEA plain', startup26))} on Node 26)`,
    text`The ${TARGET_VS_RAW_NODE_HTTP}× target (the code-cache binary: ${num(vsRaw('subject'))}× raw \`node:http\` on Node 20, ${num(vsRaw('subject', startup26))}× on Node 26)`,
    text`reaches ${num(vsRaw('peer:bun --compile'))}× raw \`node:http\` (Node 20's run; ${num(vsRaw('peer:bun --compile', startup26))}× in Node 26's)`,
    text`Type stripping starts lab 04's app in ${msOf(sMedian('peer:node src/server.ts (type stripping)', startup26))} against ${msOf(sMedian('peer:tsx lab 04', startup26))} through tsx and ${msOf(sMedian('peer:node server.cjs', startup26))} for the bundle`,
    text`lab 04's app peaks at ${mib1(sRss('peer:node src/server.ts (type stripping)', startup26))} of RSS by type stripping against ${mib1(sRss('peer:tsx lab 04', startup26))} through tsx`,
    text`the compile cache takes \`node dist/server.cjs\` from ${msOf(sMedian('peer:node server.cjs', startup26))} to ${msOf(sMedian('peer:node server.cjs, compile cache (warm)', startup26))}`,
    text`Bun runs the same bundle in ${msOf(sMedian('peer:bun server.cjs', startup26))} against Node 26's ${msOf(sMedian('peer:node server.cjs', startup26))}`,
    ...scenarioRows(TODOS, '`GET /todos`'),
    ...scenarioRows(INGEST, '`POST /ingest/v1` 1 KB', '`POST /ingest/v1`'),
    row(
      'GCs per 10k requests (GET / POST)',
      pair('lab00', 'gcPer10kRequests', (n) => n.toFixed(0)),
      pair('binary', 'gcPer10kRequests', (n) => n.toFixed(0)),
      pairRatio('gcPer10kRequests'),
    ),
    row(
      'RSS after a round (GET / POST)',
      `${pair('lab00', 'rssBytes', (n) => (n / 1024 / 1024).toFixed(1))} MiB`,
      `${pair('binary', 'rssBytes', (n) => (n / 1024 / 1024).toFixed(1))} MiB`,
      pairRatio('rssBytes'),
    ),
    row('first 200 after spawn', msOf(cs('lab00', 'firstOkMs')), msOf(cs('binary', 'firstOkMs')), r2(cs('binary', 'firstOkMs'), cs('lab00', 'firstOkMs'))),
    row(
      'peak RSS at the first 200',
      mib1(cs('lab00', 'peakRssBytes')),
      mib1(cs('binary', 'peakRssBytes')),
      r2(cs('binary', 'peakRssBytes'), cs('lab00', 'peakRssBytes')),
    ),
    row(
      'what you ship',
      `${mib1(artifact.lab00.bytes)} (sources, ${artifact.lab00.packageCount!} package folders, node)`,
      `${mib1(artifact.binary.bytes)} (one file)`,
      r2(artifact.binary.bytes, artifact.lab00.bytes),
    ),
    text`At seed 000's ${count(estimate.assumptions.targetRps)} requests/s with ${Math.round((1 - estimate.assumptions.headroom) * 100)} % headroom and ${count(estimate.assumptions.pricePerMonthUsd)} USD per instance-month, sizing on \`POST /ingest/v1\`: **${count(estimate.before.instances)} instances (${count(estimate.before.monthlyUsd)} USD a month) before, ${count(estimate.after.instances)} (${count(estimate.after.monthlyUsd)} USD) after: −${Math.round(-estimate.changeRatio * 100)} %**`,
    text`Bun ran the same bundle at **${k(bun20.peer.rps)}** requests/s against the binary's ${k(bun20.binary.rps)} (**${r2(bun20.peer.rps, bun20.binary.rps)}**), p99 ${ms(bun20.peer.p99Us)} against ${ms(bun20.binary.p99Us)}, RSS after a round ${mib1(bun20.peer.rssBytes!)} against ${mib1(bun20.binary.rssBytes!)} (Node 20's run; in Node 26's, ${k(bun26.peer.rps)} against ${k(bun26.binary.rps)}, ${r2(bun26.peer.rps, bun26.binary.rps)})`,
    // The wrap-up at the README's end: the whole course in the capstone's one run.
    text`In the reference's committed capstone run the binary served **${r2(c(TODOS, 'binary', 'rps'), c(TODOS, 'lab00', 'rps'))}** lab 00's \`GET /todos\` requests/s and **${r2(c(INGEST, 'binary', 'rps'), c(INGEST, 'lab00', 'rps'))}** its \`POST /ingest/v1\` ones, at ${r2(c(TODOS, 'binary', 'heapBytesPerRequest'), c(TODOS, 'lab00', 'heapBytesPerRequest'))} and ${r2(c(INGEST, 'binary', 'heapBytesPerRequest'), c(INGEST, 'lab00', 'heapBytesPerRequest'))} of its heap per request, gave its first 200 in ${r2(cs('binary', 'firstOkMs'), cs('lab00', 'firstOkMs'))} of lab 00's time, and shipped as one ${mib1(artifact.binary.bytes)} file instead of ${mib1(artifact.lab00.bytes)} of sources, packages and node`,
    text`the binary is ${mib1(artifact.binary.bytes)}`,
    text`against lab 00's ${mib1(artifact.lab00.bytes)} of sources`,
    text`built on Node 26 it is ${mib1(fileOf('subject', startup26))}`,
    text`the snapshot binary is ${mib1(fileOf('peer:SEA snapshot', startup26) - fileOf('peer:SEA plain', startup26))} larger than the plain one on Node 26`,
  ],
} satisfies LabFigures;
