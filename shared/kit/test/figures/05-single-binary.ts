/**
 * Lab 05's README: the reference's committed checkpoint (the binary against lab 00 in the same run), its
 * committed start-up runs (scripts/startup.ts: results/startup.json on Node 20, results/startup.node26.json on
 * Node 26, every row naming its runtime) and its committed capstone run (scripts/capstone.ts). Sizes
 * and memory are MiB and KiB (1024-based) here, one decimal, as those scripts and the site's tables beside
 * the page print them.
 */
import { count, faster, k, kib1, mib1, ms, msOf, num, results, row, text, x, type LabFigures } from './figures.ts';
import { findLab, RAW_NODE_HTTP, TARGET_VS_RAW_NODE_HTTP } from '@hotpath/workshop/manifest';
import { judgeRun, type JudgedRunLike } from '../../src/verdict.ts';

const CHECKPOINT = 'reference:05-single-binary/results/checkpoint.json';
const STARTUP = 'reference:05-single-binary/results/startup.json';
const STARTUP_26 = 'reference:05-single-binary/results/startup.node26.json';
const CAPSTONE = 'reference:05-single-binary/results/capstone.json';
const run = results(CHECKPOINT);
const startup = results(STARTUP);
const startup26 = results(STARTUP_26);
const capstone = results(CAPSTONE);

/** A ratio as lab 05's scripts and the site's tables print it: two decimals. */
const r2 = (after: number, before: number) => `${(after / before).toFixed(2)}×`;
type StartupRun = ReturnType<typeof results>;
const spreadIn = (run: StartupRun, key: string) => {
  const s = (field: string) => run.get(['results', key, 'firstOkMs', field]);
  return `${s('median').toFixed(1)} ms (${s('min').toFixed(1)}–${s('max').toFixed(1)})`;
};
/** A row of a start-up table: how it starts, the runtime it ran on, first 200, × raw node:http, peak RSS, file. */
const wayIn = (run: StartupRun) => (label: string, key: string) => {
  const result = (run.data.results as Record<string, { fileBytes?: number | null; runtime?: string }>)[key];
  const file = result?.fileBytes;
  const size = file == null ? 'sources' : file >= 1024 * 1024 ? mib1(file) : kib1(file);
  return row(
    label,
    result?.runtime ?? '',
    spreadIn(run, key),
    num(run.get(['results', key, 'vsRaw'])),
    mib1(run.get(['results', key, 'peakRssBytes', 'median'])),
    size,
  );
};
const way = wayIn(startup);
const way26 = wayIn(startup26);
const sMedian = (key: string, run: StartupRun = startup) => run.get(['results', key, 'firstOkMs', 'median']);
const sRss = (key: string, run: StartupRun = startup) => run.get(['results', key, 'peakRssBytes', 'median']);
/** The rows both runs have, as the README labels them (results key → label). */
const SHARED_ROWS: Array<[string, string]> = [
  ['raw `node:http` hello server', 'raw-node-http'],
  ['lab 00 through tsx (`pnpm start`)', 'tsx-lab00'],
  ['lab 04 through tsx', 'tsx-lab04'],
  ['`node dist/server.cjs`', 'node-bundle'],
  ['SEA plain', 'server-sea'],
  ['SEA with code cache', 'server-sea-codecache'],
  ['SEA with start-up snapshot', 'server-sea-snapshot'],
  ['`bun dist/server.cjs` (the same bundle)', 'bun-bundle'],
  ['`bun src/server.ts` (TypeScript directly)', 'bun-ts'],
  ['`bun build --compile` (peer)', 'bun-compile'],
  ['`bun build --compile --bytecode` (peer)', 'bun-compile-bytecode'],
];
/** Rows only Node 26 has: Node's own type stripping and its compile cache. */
const NODE26_ROWS: Array<[string, string]> = [
  ['lab 04 by type stripping: `node src/server.ts`', 'node-strip-types'],
  ['`node dist/server.cjs`, compile cache (warm)', 'node-bundle-compile-cache'],
];
/** Node 26's table: the shared rows with its two own rows after lab 04 through tsx and after the bundle. */
const NODE26_TABLE = [...SHARED_ROWS.slice(0, 3), NODE26_ROWS[0]!, SHARED_ROWS[3]!, NODE26_ROWS[1]!, ...SHARED_ROWS.slice(4)];

const c = (scenario: string, who: 'lab00' | 'binary', field: string) => capstone.get(['load', scenario, who, field]);
const TODOS = 'GET /todos';
const INGEST = 'POST /ingest/v1 1KB';
const pair = (who: 'lab00' | 'binary', field: string, format: (n: number) => string) => `${format(c(TODOS, who, field))} / ${format(c(INGEST, who, field))}`;
const pairRatio = (field: string) =>
  `${r2(c(TODOS, 'binary', field), c(TODOS, 'lab00', field))} / ${r2(c(INGEST, 'binary', field), c(INGEST, 'lab00', field))}`;
const latency = (scenario: string, who: 'lab00' | 'binary') => `${num(c(scenario, who, 'p50Us') / 1000)} / ${ms(c(scenario, who, 'p99Us'))}`;
const latencyRatio = (scenario: string) =>
  `${r2(c(scenario, 'binary', 'p50Us'), c(scenario, 'lab00', 'p50Us'))} / ${r2(c(scenario, 'binary', 'p99Us'), c(scenario, 'lab00', 'p99Us'))}`;
const cs = (who: 'lab00' | 'binary', field: string) => capstone.get(['startup', who, field, 'median']);
const cost = (path: string) => capstone.get(`cost.${path}`);

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
  sources: [CHECKPOINT, STARTUP, STARTUP_26, CAPSTONE, 'reference:01-slim-builder/results/checkpoint.json'],
  quotes: [
    text`first 200 after **${msOf(ttfr)}** against lab 00's ${msOf(ttfrLab00)} (**${x(ttfrLab00 / ttfr)}**, target 5× — ${stateOf('startupMs')}) and raw \`node:http\`'s ${msOf(raw)} (**${x(ttfr / raw)}**, target ${TARGET_VS_RAW_NODE_HTTP}× — ${stateOf('startupMs', RAW_NODE_HTTP)}); peak RSS **${mib1(rss)}** against ${mib1(rssLab00)} (**${x(rss / rssLab00)}**, ${stateOf('peakRss')}); \`GET /todos\` **${k(rps(TODOS))}** requests/s against ${k(rps(TODOS, 'baseline'))} (**${x(rps(TODOS) / rps(TODOS, 'baseline'))}**, ${stateOf('rps')}), \`POST /ingest/v1\` ${k(rps(INGEST))} against ${k(rps(INGEST, 'baseline'))} (${x(rps(INGEST) / rps(INGEST, 'baseline'))})`,
    text`(raw \`node:http\`: ${msOf(raw)} against 39)`,
    text`its run of record, lab 01's committed checkpoint, has ${k(results('reference:01-slim-builder/results/checkpoint.json').load(TODOS, 'rps', 'baseline'))}`,
    text`(Node 20: ${String(startup.data.date).slice(0, 10)}, ${startup.get('config.runs')} starts each after one discarded; Node 26: ${String(startup26.data.date).slice(0, 10)}, ${startup26.get('config.runs')} starts each`,
    ...SHARED_ROWS.map(([label, key]) => way(label, key)),
    ...NODE26_TABLE.map(([label, key]) => way26(label, key)),
    text`response ${x(sMedian('tsx-lab00') / sMedian('server-sea-codecache'))} sooner than lab 00 through tsx on Node 20, at ${x(sRss('server-sea-codecache') / sRss('tsx-lab00'))} its peak RSS (Node 26: ${x(sMedian('tsx-lab00', startup26) / sMedian('server-sea-codecache', startup26))}, at ${x(sRss('server-sea-codecache', startup26) / sRss('tsx-lab00', startup26))})`,
    text`(the code-cache binary's median against the plain one's: ${msOf(sMedian('server-sea-codecache'))} and ${msOf(sMedian('server-sea'))} on Node 20, ${msOf(sMedian('server-sea-codecache', startup26))} and ${msOf(sMedian('server-sea', startup26))} on Node 26)`,
    text`The ${TARGET_VS_RAW_NODE_HTTP}× target (the code-cache binary: ${num(startup.get('results.server-sea-codecache.vsRaw'))}× raw \`node:http\` on Node 20, ${num(startup26.get('results.server-sea-codecache.vsRaw'))}× on Node 26)`,
    text`reaches ${num(startup.get('results.bun-compile.vsRaw'))}× raw \`node:http\` (Node 20's run; ${num(startup26.get('results.bun-compile.vsRaw'))}× in Node 26's)`,
    text`Type stripping starts lab 04's app in ${msOf(sMedian('node-strip-types', startup26))} against ${msOf(sMedian('tsx-lab04', startup26))} through tsx and ${msOf(sMedian('node-bundle', startup26))} for the bundle`,
    text`lab 04's app peaks at ${mib1(sRss('node-strip-types', startup26))} of RSS by type stripping against ${mib1(sRss('tsx-lab04', startup26))} through tsx`,
    text`the compile cache takes \`node dist/server.cjs\` from ${msOf(sMedian('node-bundle', startup26))} to ${msOf(sMedian('node-bundle-compile-cache', startup26))}`,
    text`Bun runs the same bundle in ${msOf(sMedian('bun-bundle', startup26))} against Node 26's ${msOf(sMedian('node-bundle', startup26))}`,
    row('`GET /todos` requests/s', k(c(TODOS, 'lab00', 'rps')), k(c(TODOS, 'binary', 'rps')), `**${r2(c(TODOS, 'binary', 'rps'), c(TODOS, 'lab00', 'rps'))}**`),
    row('`GET /todos` p50 / p99', latency(TODOS, 'lab00'), latency(TODOS, 'binary'), latencyRatio(TODOS)),
    row(
      '`GET /todos` heap per request',
      kib1(c(TODOS, 'lab00', 'heapBytesPerRequest')),
      kib1(c(TODOS, 'binary', 'heapBytesPerRequest')),
      r2(c(TODOS, 'binary', 'heapBytesPerRequest'), c(TODOS, 'lab00', 'heapBytesPerRequest')),
    ),
    row(
      '`POST /ingest/v1` 1 KB requests/s',
      k(c(INGEST, 'lab00', 'rps')),
      k(c(INGEST, 'binary', 'rps')),
      `**${r2(c(INGEST, 'binary', 'rps'), c(INGEST, 'lab00', 'rps'))}**`,
    ),
    row('`POST /ingest/v1` p50 / p99', latency(INGEST, 'lab00'), latency(INGEST, 'binary'), latencyRatio(INGEST)),
    row(
      '`POST /ingest/v1` heap per request',
      kib1(c(INGEST, 'lab00', 'heapBytesPerRequest')),
      kib1(c(INGEST, 'binary', 'heapBytesPerRequest')),
      r2(c(INGEST, 'binary', 'heapBytesPerRequest'), c(INGEST, 'lab00', 'heapBytesPerRequest')),
    ),
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
      `${mib1(capstone.get('artifact.lab00.bytes'))} (sources, ${capstone.get('artifact.lab00.packageCount')} package folders, node)`,
      `${mib1(capstone.get('artifact.binary.bytes'))} (one file)`,
      r2(capstone.get('artifact.binary.bytes'), capstone.get('artifact.lab00.bytes')),
    ),
    text`At seed 000's ${count(cost('assumptions.targetRps'))} requests/s with ${Math.round((1 - cost('assumptions.headroom')) * 100)} % headroom and ${count(cost('assumptions.pricePerMonthUsd'))} USD per instance-month, sizing on \`POST /ingest/v1\`: **${count(cost('before.instances'))} instances (${count(cost('before.monthlyUsd'))} USD a month) before, ${count(cost('after.instances'))} (${count(cost('after.monthlyUsd'))} USD) after: −${Math.round(-cost('changeRatio') * 100)} %**`,
    // The wrap-up at the README's end: the whole course in the capstone's one run.
    text`In the reference's committed capstone run the binary served **${r2(c(TODOS, 'binary', 'rps'), c(TODOS, 'lab00', 'rps'))}** lab 00's \`GET /todos\` requests/s and **${r2(c(INGEST, 'binary', 'rps'), c(INGEST, 'lab00', 'rps'))}** its \`POST /ingest/v1\` ones, at ${r2(c(TODOS, 'binary', 'heapBytesPerRequest'), c(TODOS, 'lab00', 'heapBytesPerRequest'))} and ${r2(c(INGEST, 'binary', 'heapBytesPerRequest'), c(INGEST, 'lab00', 'heapBytesPerRequest'))} of its heap per request, gave its first 200 in ${r2(cs('binary', 'firstOkMs'), cs('lab00', 'firstOkMs'))} of lab 00's time, and shipped as one ${mib1(capstone.get('artifact.binary.bytes'))} file instead of ${mib1(capstone.get('artifact.lab00.bytes'))} of sources, packages and node`,
    text`the binary is ${mib1(capstone.get('artifact.binary.bytes'))}`,
    text`against lab 00's ${mib1(capstone.get('artifact.lab00.bytes'))} of sources`,
    text`built on Node 26 it is ${mib1(startup26.get('results.server-sea-codecache.fileBytes'))}`,
    text`the snapshot binary is ${mib1(startup26.get('results.server-sea-snapshot.fileBytes') - startup26.get('results.server-sea.fileBytes'))} larger than the plain one on Node 26`,
  ],
} satisfies LabFigures;
