/**
 * Lab 03's README: the reference's committed checkpoint against lab 02's reference, JSON.parse on ready text as
 * a peer; and the margins side by side with the committed Node 26 checkpoint when there is one (until then, the
 * README's provisional text).
 */
import { bytes, faster, gc, k, ms, ns, percent, results, resultsIfCommitted, row, text, x, type LabFigures, type Results } from './figures.ts';

const SOURCE = 'reference:03-byte-parsing/results/checkpoint.json';
const NODE26 = 'reference:03-byte-parsing/results/checkpoint.node26.json';
const run26 = resultsIfCommitted(NODE26);
const LAB02 = 'reference:02-generated-serializers/results/checkpoint.json';
const run = results(SOURCE);
const PARSE = 'peer:JSON.parse(text)';
const { nsPerOp: t, bytesPerOp: b } = run;
const mbs = (task: string, key = 'subject') => `${run.micro(task, 'mbPerSec', key).toFixed(0)} MB/s`;
const cell = (task: string, key = 'subject', speed = false) => `${ns(t(task, key))}, ${bytes(b(task, key))}${speed ? `, ${mbs(task, key)}` : ''}`;

const KB1_LAST = 'read 1 KB body, fields last';
const KB1_FIRST = 'read 1 KB body, fields first';
const KB64_LAST = 'read 64 KB body, fields last';
const KB64_FIRST = 'read 64 KB body, fields first';

const ref = (scenario: string, metric = 'rps') => run.load(scenario, metric);
const { base, ratio } = run;
const KB1 = 'POST /ingest/v1 1KB';
const KB64 = 'POST /ingest/v1 64KB';
const lab02 = results(LAB02);
const lab02Gain = lab02.load('GET /todos/42', 'rps') / lab02.load('GET /todos/42', 'rps', 'baseline') - 1;

/** The margins per runtime: each cell from a committed run, or the provisional text while there is none. */
const MARGINS: Array<{ label: string; cell: (r: Results) => string; provisional: string }> = [
  {
    label: 'reader vs lab 02, 1 KB body, fields last',
    cell: (r) => faster(r.micro(KB1_LAST, 'nsPerOp'), r.micro(KB1_LAST, 'nsPerOp', 'baseline')),
    provisional: '2.49× faster',
  },
  {
    label: 'reader vs lab 02, 64 KB body, fields last',
    cell: (r) => faster(r.micro(KB64_LAST, 'nsPerOp'), r.micro(KB64_LAST, 'nsPerOp', 'baseline')),
    provisional: '2.64× faster',
  },
  {
    label: 'reader vs `JSON.parse` on ready text, 64 KB body',
    cell: (r) => faster(r.micro(KB64_LAST, 'nsPerOp'), r.micro(KB64_LAST, 'nsPerOp', PARSE)),
    provisional: '2.46× faster',
  },
  {
    label: '`POST /ingest/v1` with the 64 KB body, requests/s vs lab 02',
    cell: (r) => x(r.load(KB64, 'rps') / r.load(KB64, 'rps', 'baseline')),
    provisional: 'not measured on a quiet machine yet',
  },
];

export default {
  sources: run26 ? [SOURCE, LAB02, NODE26] : [SOURCE, LAB02],
  quotes: [
    ...MARGINS.map((m) => row(m.label, m.cell(run), run26 ? m.cell(run26) : `${m.provisional} (provisional)`)),
    row(
      '1 KB body, fields last',
      cell(KB1_LAST, 'subject', true),
      cell(KB1_LAST, 'baseline', true),
      cell(KB1_LAST, PARSE),
      `**${faster(t(KB1_LAST), t(KB1_LAST, 'baseline'))}**`,
    ),
    row('1 KB body, fields first', cell(KB1_FIRST), cell(KB1_FIRST, 'baseline'), cell(KB1_FIRST, PARSE), faster(t(KB1_FIRST), t(KB1_FIRST, 'baseline'))),
    row(
      '64 KB body, fields last',
      cell(KB64_LAST, 'subject', true),
      cell(KB64_LAST, 'baseline', true),
      cell(KB64_LAST, PARSE),
      `**${faster(t(KB64_LAST), t(KB64_LAST, 'baseline'))}**, ${((b(KB64_LAST) / b(KB64_LAST, 'baseline')) * 100).toFixed(3)} % of the heap`,
    ),
    row('64 KB body, fields first', cell(KB64_FIRST), cell(KB64_FIRST, 'baseline'), cell(KB64_FIRST, PARSE), faster(t(KB64_FIRST), t(KB64_FIRST, 'baseline'))),
    text`Decoding is only ${percent(1 - t(KB64_LAST, PARSE) / t(KB64_LAST, 'baseline'))} of lab 02's time on the 64 KB body`,
    text`The reader is ${faster(t(KB64_LAST), t(KB64_LAST, PARSE))} than \`JSON.parse\` on text that was decoded for free`,
    row("`GET /health` (identical code: the run's noise)", `${k(ref('GET /health'))} req/s`, `${k(base('GET /health'))} req/s`, x(ratio('GET /health'))),
    row(
      '`POST /ingest/v1`, 1 KB body',
      `${k(ref(KB1))} req/s, p99 ${ms(ref(KB1, 'p99'))}, ${bytes(ref(KB1, 'heapBytesPerRequest'))} heap/req`,
      `${k(base(KB1))} req/s, p99 ${ms(base(KB1, 'p99'))}, ${bytes(base(KB1, 'heapBytesPerRequest'))}`,
      `**${x(ratio(KB1))}**, p99 ${x(ratio(KB1, 'p99'))}`,
    ),
    row(
      '`POST /ingest/v1`, 64 KB body',
      `${k(ref(KB64))} req/s, p99 ${ms(ref(KB64, 'p99'))}, ${bytes(ref(KB64, 'heapBytesPerRequest'))} heap/req`,
      `${k(base(KB64))} req/s, p99 ${ms(base(KB64, 'p99'))}, ${bytes(base(KB64, 'heapBytesPerRequest'))}`,
      `**${x(ratio(KB64))}**, p99 ${x(ratio(KB64, 'p99'))}, heap ${x(ratio(KB64, 'heapBytesPerRequest'))}`,
    ),
    row('GCs per 10k requests (64 KB body)', gc(ref(KB64, 'gcPer10k')), gc(base(KB64, 'gcPer10k')), x(ratio(KB64, 'gcPer10k'))),
    text`unlike lab 02's ${Math.round(lab02Gain * 100)} %`,
    text`For the 1 KB body the reader saves ${ns(t(KB1_LAST, 'baseline') - t(KB1_LAST))} of a ${ns(1e9 / base(KB1))} request; for 64 KB it saves ${ns(t(KB64_LAST, 'baseline') - t(KB64_LAST))}`,
    text`The identical \`GET /health\` came out at ${x(ratio('GET /health'))}: differences of ±${Math.round(Math.abs(1 - ratio('GET /health')) * 100)} % are this machine's noise, so the 1 KB figure (steady in every round) says "about ${ratio(KB1).toFixed(1)}×"`,
  ],
} satisfies LabFigures;
