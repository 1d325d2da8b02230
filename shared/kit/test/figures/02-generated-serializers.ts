/**
 * Lab 02's README: the reference's committed checkpoint (Node 20) against lab 01's reference, with
 * fast-json-stringify, JSON.stringify of class instances and TypeBox's Value.Check as peers; beside it, ratio
 * by ratio, the committed Node 26 checkpoint when there is one. A figure whose run (or peer) is not committed
 * yet is declared as the README's provisional text; and the README states every target of the manifest.
 */
import { findLab } from '@hotpath/workshop/manifest';
import { bytes, faster, k, kRange, ms, ns, num, percent, results, resultsIfCommitted, row, text, x, type LabFigures, type Results } from './figures.ts';

const SOURCE = 'reference:02-generated-serializers/results/checkpoint.json';
const NODE26 = 'reference:02-generated-serializers/results/checkpoint.node26.json';
const run = results(SOURCE);
const run26 = resultsIfCommitted(NODE26);
const FJS = 'peer:fast-json-stringify';
const CLASSES = 'JSON.stringify(class instances)';
const TYPEBOX = 'TypeBox Value.Check';
const { nsPerOp: t, bytesPerOp: b } = run;
const cell = (task: string, key = 'subject') => `${ns(t(task, key))}, ${bytes(b(task, key))}`;
const heap = (task: string) => `${x(b(task) / b(task, 'baseline'))} the heap`;

const ONE = 'one Todo → JSON text';
const HUNDRED = '100 Todos → JSON text';
const ONE_BYTES = 'one Todo → UTF-8 bytes via text';
const HUNDRED_BYTES = '100 Todos → UTF-8 bytes via text';
const ONE_PLACE = 'one Todo → UTF-8 bytes in place';
const HUNDRED_PLACE = '100 Todos → UTF-8 bytes in place';
const VALIDATE = 'validate a POST /todos body';

const ref = (scenario: string, metric = 'rps') => run.load(scenario, metric);
const { base } = run;
const loadRow = (label: string, scenario: string) => row(label, `${k(ref(scenario))} req/s`, `${k(base(scenario))} req/s`, x(ref(scenario) / base(scenario)));
const ROUTES = ['GET /health', 'GET /todos', 'GET /todos/42', 'POST /todos'];
const heaps = ROUTES.map((route) => ref(route, 'heapBytesPerRequest'));
const heapRatios = [...new Set(ROUTES.map((route) => x(ref(route, 'heapBytesPerRequest') / base(route, 'heapBytesPerRequest'))))];
/** "4.61× faster" or "1.43× slower": time per call `mine` against `theirs`. */
const pace = (mine: number, theirs: number) => (mine <= theirs ? faster(mine, theirs) : `${x(mine / theirs)} slower`);
const time = (r: Results, task: string, key = 'subject') => r.micro(task, 'nsPerOp', key);
const hasPeer = (r: Results, name: string) => ((r.data.peers as string[] | undefined) ?? []).includes(name);

/**
 * The side-by-side rows: each cell computed from a run, or — while that run, or the peer the row needs, is not
 * committed — the provisional figure the README gives (medians of CPU-time runs on a busy machine).
 */
const SIDE: Array<{ label: string; cell: (r: Results) => string; peer?: string; provisional: [node20: string, node26: string] }> = [
  {
    label: 'one Todo → JSON text: reference vs `JSON.stringify`',
    cell: (r) => pace(time(r, ONE), time(r, ONE, 'baseline')),
    provisional: ['', '1.44× faster'],
  },
  {
    label: '100 Todos → JSON text: reference vs `JSON.stringify`',
    cell: (r) => pace(time(r, HUNDRED), time(r, HUNDRED, 'baseline')),
    provisional: ['', '1.42× slower'],
  },
  { label: 'one Todo → JSON text: reference vs fast-json-stringify', cell: (r) => pace(time(r, ONE), time(r, ONE, FJS)), provisional: ['', '1.04× slower'] },
  {
    label: '100 Todos → JSON text: reference vs fast-json-stringify',
    cell: (r) => pace(time(r, HUNDRED), time(r, HUNDRED, FJS)),
    provisional: ['', '1.05× faster'],
  },
  {
    label: '100 Todos → JSON text: `JSON.stringify` of class instances vs of plain objects',
    cell: (r) => pace(time(r, HUNDRED, `peer:${CLASSES}`), time(r, HUNDRED, 'baseline')),
    peer: CLASSES,
    provisional: ['1.01× slower', '1.86× slower'],
  },
  {
    label: '100 Todos → UTF-8 bytes in place: reference vs lab 01',
    cell: (r) =>
      `${pace(time(r, HUNDRED_PLACE), time(r, HUNDRED_PLACE, 'baseline'))}, ${x(r.micro(HUNDRED_PLACE, 'bytesPerOp') / r.micro(HUNDRED_PLACE, 'bytesPerOp', 'baseline'))} the heap`,
    provisional: ['', '1.46× slower, 0.019× the heap'],
  },
  {
    label: 'validate a `POST /todos` body: reference vs lab 01',
    cell: (r) => pace(time(r, VALIDATE), time(r, VALIDATE, 'baseline')),
    provisional: ['', '1.99× faster'],
  },
  {
    label: 'validate a `POST /todos` body: reference vs TypeBox `Value.Check`',
    cell: (r) => pace(time(r, VALIDATE), time(r, VALIDATE, `peer:${TYPEBOX}`)),
    peer: TYPEBOX,
    provisional: ['65.6× faster', '59.6× faster'],
  },
];
const sideCell = (r: Results | undefined, side: (typeof SIDE)[number], at: 0 | 1) =>
  r && (!side.peer || hasPeer(r, side.peer)) ? side.cell(r) : `${side.provisional[at]} (provisional)`;

/** What serializing one Todo saves per request, and what one GET /todos/42 costs lab 01's server (1 s / its rate). */
const saved = t(ONE, 'baseline') - t(ONE);
const request = 1e9 / base('GET /todos/42');

export default {
  sources: run26 ? [SOURCE, NODE26] : [SOURCE],
  quotes: [
    ...SIDE.map((side) => row(side.label, sideCell(run, side, 0), sideCell(run26, side, 1))),
    // The targets as the manifest states them, each in the README's Checkpoint section.
    ...findLab('02')!.targets.map((target) => text`${target.label}`),
    row(ONE, cell(ONE), cell(ONE, 'baseline'), cell(ONE, FJS), `**${faster(t(ONE), t(ONE, 'baseline'))}**`, faster(t(ONE), t(ONE, FJS))),
    row(
      HUNDRED,
      cell(HUNDRED),
      cell(HUNDRED, 'baseline'),
      cell(HUNDRED, FJS),
      `**${faster(t(HUNDRED), t(HUNDRED, 'baseline'))}**, ${heap(HUNDRED)}`,
      faster(t(HUNDRED), t(HUNDRED, FJS)),
    ),
    row(
      ONE_BYTES,
      cell(ONE_BYTES),
      cell(ONE_BYTES, 'baseline'),
      cell(ONE_BYTES, FJS),
      faster(t(ONE_BYTES), t(ONE_BYTES, 'baseline')),
      faster(t(ONE_BYTES), t(ONE_BYTES, FJS)),
    ),
    row(
      HUNDRED_BYTES,
      cell(HUNDRED_BYTES),
      cell(HUNDRED_BYTES, 'baseline'),
      cell(HUNDRED_BYTES, FJS),
      `${faster(t(HUNDRED_BYTES), t(HUNDRED_BYTES, 'baseline'))}, ${heap(HUNDRED_BYTES)}`,
      faster(t(HUNDRED_BYTES), t(HUNDRED_BYTES, FJS)),
    ),
    row(ONE_PLACE, cell(ONE_PLACE), cell(ONE_PLACE, 'baseline'), '—', faster(t(ONE_PLACE), t(ONE_PLACE, 'baseline')), '—'),
    row(
      HUNDRED_PLACE,
      cell(HUNDRED_PLACE),
      cell(HUNDRED_PLACE, 'baseline'),
      '—',
      `${faster(t(HUNDRED_PLACE), t(HUNDRED_PLACE, 'baseline'))}, **${heap(HUNDRED_PLACE)}**`,
      '—',
    ),
    row('validate a `POST /todos` body', cell(VALIDATE), cell(VALIDATE, 'baseline'), '—', faster(t(VALIDATE), t(VALIDATE, 'baseline')), '—'),
    text`${bytes(run.get(['micro', `tasks[name=${HUNDRED_BYTES}]`, 'results', 'subject', 'arrayBuffersPerOp']))} of \`ArrayBuffer\` per call for 100 Todos`,
    text`${bytes(b(HUNDRED))} of heap against \`JSON.stringify\`'s ${bytes(b(HUNDRED, 'baseline'))}`,
    text`(${x(t(HUNDRED_BYTES, 'baseline') / t(HUNDRED_BYTES))} for 100 Todos)`,
    text`${bytes(b(HUNDRED_PLACE))} of heap for 100 Todos instead of ${bytes(b(HUNDRED_PLACE, 'baseline'))} (lab 01) or ${bytes(b(HUNDRED_BYTES))} (text, then bytes), and still ${faster(t(HUNDRED_PLACE), t(HUNDRED_PLACE, 'baseline'))} than lab 01`,
    loadRow("`GET /health` (identical code in both: the run's noise)", 'GET /health'),
    loadRow('`GET /todos` (cached since lab 01: no serializer runs)', 'GET /todos'),
    loadRow('`GET /todos/42` (one Todo serialized per request)', 'GET /todos/42'),
    row(
      '`POST /todos` (validate, store, serialize)',
      `${k(ref('POST /todos'))} req/s, p99 ${ms(ref('POST /todos', 'p99'))}`,
      `${k(base('POST /todos'))} req/s, p99 ${ms(base('POST /todos', 'p99'))}`,
      `**${x(ref('POST /todos') / base('POST /todos'))}**, p99 ${x(ref('POST /todos', 'p99') / base('POST /todos', 'p99'))}`,
    ),
    row('heap per request (all four routes)', `${num(Math.min(...heaps) / 1024)}–${bytes(Math.max(...heaps))}`, 'the same', heapRatios.join('–')),
    text`Why a ${faster(t(ONE), t(ONE, 'baseline'))} serializer moves the server by about ${Math.round((ref('GET /todos/42') / base('GET /todos/42') - 1) * 100)} %`,
    text`Serializing one Todo went from ${ns(t(ONE, 'baseline'))} to ${ns(t(ONE))}: ${ns(saved)} saved per request. But a request costs the server ${ns(request)} at ${k(base('GET /todos/42'))} requests/s on one core`,
    text`So the serializer was ${percent(saved / request)} of the request`,
    text`its p99 improves by ${percent(1 - ref('POST /todos', 'p99') / base('POST /todos', 'p99'))}`,
    text`the identical \`GET /health\` route measured ${x(ref('GET /health') / base('GET /health'))}: in this run differences of up to ±${Math.round(Math.abs(1 - ref('GET /health') / base('GET /health')) * 100)} %`,
    text`(steady in every round: ${kRange(run.rounds('POST /todos').map((r) => r.rps!))} against ${kRange(run.rounds('POST /todos', 'baseline').map((r) => r.rps!))})`,
  ],
} satisfies LabFigures;
