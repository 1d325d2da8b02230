/**
 * Lab 04's README: the reference's committed checkpoint against lab 03's reference, the no-pool variant as a
 * peer; and the target figures side by side with the committed Node 26 checkpoint when there is one (until
 * then, the README's provisional text).
 */
import { bytes, count, faster, gc, k, ms, ns, results, resultsIfCommitted, row, text, x, type LabFigures, type Results } from './figures.ts';

const SOURCE = 'reference:04-pooling/results/checkpoint.json';
const NODE26 = 'reference:04-pooling/results/checkpoint.node26.json';
const run = results(SOURCE);
const run26 = resultsIfCommitted(NODE26);
const NO_POOL = 'peer:no-pool';
const KEYS = ['subject', NO_POOL, 'baseline'];
const KB1 = 'POST /ingest/v1 1KB';
const KB64 = 'POST /ingest/v1 64KB';
const FLOOR = 'POST 1KB, constant 404 (floor)';
const fig = (scenario: string, metric: string, key: string) => run.load(scenario, metric, key);
const ratio = (scenario: string, metric: string) => fig(scenario, metric, 'subject') / fig(scenario, metric, 'baseline');
const each = (scenario: string, metric: string, format: (n: number) => string) => KEYS.map((key) => format(fig(scenario, metric, key)));
const rpsP99 = (scenario: string) => KEYS.map((key) => `${k(fig(scenario, 'rps', key))}, ${ms(fig(scenario, 'p99', key))}`);
const rss = (key: string) => run.get(['load', `scenarios[name=${KB64}]`, 'results', key, 'rssBytes']);
/** The 1 KB body's pool: a 1 KB body fits the small-slab pool (smallPool), a 64 KB one a slab (bodyPool). */
const pool = (field: string, scenario = KB1, name = 'smallPool') =>
  run.get(['load', `scenarios[name=${scenario}]`, 'results', 'subject', 'appStats', name, field]);
const MICRO = 'buffer a 64 KB body';
const healthRounds = KEYS.flatMap((key) => run.rounds('GET /health', key).map((r) => r.rps!));
const [pooled, no, lab03] = each(KB1, 'arrayBufferBytesPerRequest', bytes);
const [pooled64, no64, lab0364] = each(KB64, 'arrayBufferBytesPerRequest', bytes);
const [gcPooled, ...gcRest] = each(KB64, 'gcPer10k', gc);

/** The targets' figures, per runtime: each cell from a committed run, or the provisional text while there is none. */
const TARGET_ROWS: Array<{ label: string; cell: (r: Results) => string; provisional: string }> = [
  {
    label: '64 KB body: ArrayBuffer bytes/request, pooled ÷ lab 03',
    cell: (r) => x(r.load(KB64, 'arrayBufferBytesPerRequest') / r.load(KB64, 'arrayBufferBytesPerRequest', 'baseline')),
    provisional: '0.33×',
  },
  {
    label: "1 KB body: the app's own ArrayBuffer bytes/request, pooled",
    cell: (r) => bytes(r.load(KB1, 'appArrayBufferBytesPerRequest')),
    provisional: '1.00 KiB',
  },
  {
    label: '64 KB body: GCs per 10k requests, pooled ÷ lab 03',
    cell: (r) => x(r.load(KB64, 'gcPer10k') / r.load(KB64, 'gcPer10k', 'baseline')),
    provisional: '0.50×',
  },
  {
    label: '1 KB body: p99, pooled ÷ lab 03',
    cell: (r) => x(r.load(KB1, 'p99') / r.load(KB1, 'p99', 'baseline')),
    provisional: 'not measured on a quiet machine yet',
  },
];

export default {
  sources: run26 ? [SOURCE, NODE26] : [SOURCE],
  quotes: [
    ...TARGET_ROWS.map((t) => row(t.label, t.cell(run), run26 ? t.cell(run26) : `${t.provisional} (provisional)`)),
    row('`POST /ingest/v1` 1 KB: ArrayBuffer bytes/request', `**${pooled}**`, no!, lab03!, `**${x(ratio(KB1, 'arrayBufferBytesPerRequest'))}**`),
    row('heap bytes/request', ...each(KB1, 'heapBytesPerRequest', bytes), x(ratio(KB1, 'heapBytesPerRequest'))),
    row('requests/s, p99', ...rpsP99(KB1), `${x(ratio(KB1, 'rps'))}, p99 ${x(ratio(KB1, 'p99'))}`),
    row('GCs per 10k requests', ...each(KB1, 'gcPer10k', gc), x(ratio(KB1, 'gcPer10k'))),
    row('`POST /ingest/v1` 64 KB: ArrayBuffer bytes/request', `**${pooled64}**`, no64!, lab0364!, `**${x(ratio(KB64, 'arrayBufferBytesPerRequest'))}**`),
    row('heap bytes/request', ...each(KB64, 'heapBytesPerRequest', bytes), x(ratio(KB64, 'heapBytesPerRequest'))),
    row('requests/s, p99', ...rpsP99(KB64), `${x(ratio(KB64, 'rps'))} (noise: see below), p99 ${x(ratio(KB64, 'p99'))}`),
    row('GCs per 10k requests', `**${gcPooled}**`, ...gcRest, `**${x(ratio(KB64, 'gcPer10k'))}**`),
    row('RSS after a 64 KB round', ...KEYS.map((key) => bytes(rss(key))), x(rss('subject') / rss('baseline'))),
    row(
      'micro: a 64 KB body into memory (16 KiB chunks)',
      `${ns(run.micro(MICRO, 'nsPerOp'))}, ${bytes(run.micro(MICRO, 'bytesPerOp'))} heap`,
      '–',
      `${ns(run.micro(MICRO, 'nsPerOp', 'baseline'))}, ${bytes(run.micro(MICRO, 'bytesPerOp', 'baseline'))}`,
      faster(run.micro(MICRO, 'nsPerOp'), run.micro(MICRO, 'nsPerOp', 'baseline')),
    ),
    (run.data.fingerprint as { busy?: boolean }).busy
      ? text`the fingerprint flags that machine as busy (a load average of ${run.get('fingerprint.loadAverageStart.0')} on ${run.get('fingerprint.cores')} cores at the start)`
      : text`its fingerprint found the ${run.get('fingerprint.cores')}-core machine quiet from start to end`,
    text`${count(pool('rented'))} rents of a small slab, ${count(pool('misses'))} miss, high-water ${count(pool('highWater'))}`,
    text`${count(pool('rented', KB64, 'bodyPool'))} rents of a 64 KiB slab, ${count(pool('misses', KB64, 'bodyPool'))} miss, high-water ${count(pool('highWater', KB64, 'bodyPool'))}`,
    text`(GET /health ranged ${k(Math.min(...healthRounds))}–${k(Math.max(...healthRounds))} req/s over the run's ${healthRounds.length} rounds), so the 64 KB body's ${x(ratio(KB64, 'rps'))}`,
    text`already costs **${bytes(fig(FLOOR, 'heapBytesPerRequest', 'subject'))}** per request against GET /health's ${bytes(fig('GET /health', 'heapBytesPerRequest', 'subject'))}`,
    text`The reference's \`POST /ingest/v1\` is ${bytes(fig(KB1, 'heapBytesPerRequest', 'subject') - fig(FLOOR, 'heapBytesPerRequest', 'subject'))} above that floor (lab 03: ${bytes(fig(KB1, 'heapBytesPerRequest', 'baseline') - fig(FLOOR, 'heapBytesPerRequest', 'baseline'))}), ${bytes(fig(KB1, 'appHeapBytesPerRequest', 'subject'))} above GET /health`,
  ],
} satisfies LabFigures;
