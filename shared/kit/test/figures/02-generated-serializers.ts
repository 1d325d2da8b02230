/** Lab 02's README: the reference's committed checkpoint against lab 01's reference, fast-json-stringify as a peer. */
import { bytes, faster, k, kRange, ms, ns, num, percent, results, row, text, x, type LabFigures } from './figures.ts';

const SOURCE = 'reference:02-generated-serializers/results/checkpoint.json';
const run = results(SOURCE);
const FJS = 'peer:fast-json-stringify';
const t = (task: string, key = 'subject') => run.micro(task, 'nsPerOp', key);
const b = (task: string, key = 'subject') => run.micro(task, 'bytesPerOp', key);
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
const base = (scenario: string, metric = 'rps') => run.load(scenario, metric, 'baseline');
const loadRow = (label: string, scenario: string) => row(label, `${k(ref(scenario))} req/s`, `${k(base(scenario))} req/s`, x(ref(scenario) / base(scenario)));
const ROUTES = ['GET /health', 'GET /todos', 'GET /todos/42', 'POST /todos'];
const heaps = ROUTES.map((route) => ref(route, 'heapBytesPerRequest'));
const heapRatios = [...new Set(ROUTES.map((route) => x(ref(route, 'heapBytesPerRequest') / base(route, 'heapBytesPerRequest'))))];
/** What serializing one Todo saves per request, and what one GET /todos/42 costs lab 01's server (1 s / its rate). */
const saved = t(ONE, 'baseline') - t(ONE);
const request = 1e9 / base('GET /todos/42');

export default {
  sources: [SOURCE],
  quotes: [
    row(ONE, cell(ONE), cell(ONE, 'baseline'), cell(ONE, FJS), `**${faster(t(ONE), t(ONE, 'baseline'))}**`, faster(t(ONE), t(ONE, FJS))),
    row(HUNDRED, cell(HUNDRED), cell(HUNDRED, 'baseline'), cell(HUNDRED, FJS), `**${faster(t(HUNDRED), t(HUNDRED, 'baseline'))}**, ${heap(HUNDRED)}`, faster(t(HUNDRED), t(HUNDRED, FJS))),
    row(ONE_BYTES, cell(ONE_BYTES), cell(ONE_BYTES, 'baseline'), cell(ONE_BYTES, FJS), faster(t(ONE_BYTES), t(ONE_BYTES, 'baseline')), faster(t(ONE_BYTES), t(ONE_BYTES, FJS))),
    row(HUNDRED_BYTES, cell(HUNDRED_BYTES), cell(HUNDRED_BYTES, 'baseline'), cell(HUNDRED_BYTES, FJS), `${faster(t(HUNDRED_BYTES), t(HUNDRED_BYTES, 'baseline'))}, ${heap(HUNDRED_BYTES)}`, faster(t(HUNDRED_BYTES), t(HUNDRED_BYTES, FJS))),
    row(ONE_PLACE, cell(ONE_PLACE), cell(ONE_PLACE, 'baseline'), '—', faster(t(ONE_PLACE), t(ONE_PLACE, 'baseline')), '—'),
    row(HUNDRED_PLACE, cell(HUNDRED_PLACE), cell(HUNDRED_PLACE, 'baseline'), '—', `${faster(t(HUNDRED_PLACE), t(HUNDRED_PLACE, 'baseline'))}, **${heap(HUNDRED_PLACE)}**`, '—'),
    row('validate a `POST /todos` body', cell(VALIDATE), cell(VALIDATE, 'baseline'), '—', faster(t(VALIDATE), t(VALIDATE, 'baseline')), '—'),
    text`${bytes(run.get(['micro', `tasks[name=${HUNDRED_BYTES}]`, 'results', 'subject', 'arrayBuffersPerOp']))} of \`ArrayBuffer\` per call for 100 Todos`,
    text`${bytes(b(HUNDRED))} of heap against \`JSON.stringify\`'s ${bytes(b(HUNDRED, 'baseline'))}`,
    text`(${x(t(HUNDRED_BYTES, 'baseline') / t(HUNDRED_BYTES))} for 100 Todos)`,
    text`${bytes(b(HUNDRED_PLACE))} of heap for 100 Todos instead of ${bytes(b(HUNDRED_PLACE, 'baseline'))} (lab 01) or ${bytes(b(HUNDRED_BYTES))} (text, then bytes), and still ${faster(t(HUNDRED_PLACE), t(HUNDRED_PLACE, 'baseline'))} than lab 01`,
    loadRow('`GET /health` (identical code in both: the run\'s noise)', 'GET /health'),
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
    text`the identical \`GET /health\` route measured ${x(ref('GET /health') / base('GET /health'))}`,
    text`(steady in every round: ${kRange(run.rounds('POST /todos').map((r) => r.rps!))} against ${kRange(run.rounds('POST /todos', 'baseline').map((r) => r.rps!))})`,
  ],
} satisfies LabFigures;
