/**
 * Lab 01's README: the reference's committed checkpoint against lab 00 — also lab 00's run of record, so
 * the lab 00 column here is lab 00's baseline everywhere.
 */
import { bytes, gc, k, LAB00_RUN, ms, msOf, ns, results, row, text, x, type LabFigures } from './figures.ts';

const run = results(LAB00_RUN);
const ref = (scenario: string, metric: string) => run.load(scenario, metric);
const { base, ratio } = run;
const TODOS = 'GET /todos';
const INGEST = 'POST /ingest/v1 1KB';
const micro = (task: string, metric: 'nsPerOp' | 'bytesPerOp', key = 'subject') => run.micro(task, metric, key);
const DEBUG = 'debug line while debug is off';
const VALIDATE = 'validate a parsed 1 KB ingest body';
const BODY = 'GET /todos body (100 todos)';
/** autocannon's share of its core in the reference's GET /todos rounds, as the run's warning states it. */
const generator = /GET \/todos \(subject\): autocannon used (\d+ %)/.exec(((run.data.warnings as string[]) ?? []).join('\n'))?.[1] ?? '(no warning)';

/** A route's three rows: requests/s, p99 and heap per request, reference against lab 00 (`size` only on the first). */
const routeRows = (route: string, size: string, scenario: string) => [
  row(`${route}${size} requests/s`, k(ref(scenario, 'rps')), k(base(scenario, 'rps')), `**${x(ratio(scenario, 'rps'))}**`),
  row(`${route} p99`, ms(ref(scenario, 'p99')), ms(base(scenario, 'p99')), x(ratio(scenario, 'p99'))),
  row(
    `${route} heap per request`,
    bytes(ref(scenario, 'heapBytesPerRequest')),
    bytes(base(scenario, 'heapBytesPerRequest')),
    `**${x(ratio(scenario, 'heapBytesPerRequest'))}**`,
  ),
];

export default {
  sources: [LAB00_RUN],
  quotes: [
    ...routeRows('`GET /todos`', '', TODOS),
    ...routeRows('`POST /ingest/v1`', ' (1 KB)', INGEST),
    row(
      'GCs per 10k requests (todos / ingest)',
      `${gc(ref(TODOS, 'gcPer10k'))} / ${gc(ref(INGEST, 'gcPer10k'))}`,
      `${gc(base(TODOS, 'gcPer10k'))} / ${gc(base(INGEST, 'gcPer10k'))}`,
      `${x(ratio(TODOS, 'gcPer10k'))} / ${x(ratio(INGEST, 'gcPer10k'))}`,
    ),
    row(
      'time to first 200 / peak RSS',
      `${msOf(run.startup('startupMs'))} / ${bytes(run.startup('peakRss'))}`,
      `${msOf(run.startup('startupMs', 'baseline'))} / ${bytes(run.startup('peakRss', 'baseline'))}`,
      `${x(run.startup('startupMs') / run.startup('startupMs', 'baseline'))} / ${x(run.startup('peakRss') / run.startup('peakRss', 'baseline'))}`,
    ),
    text`a disabled debug line went from ${ns(micro(DEBUG, 'nsPerOp', 'baseline'))} and ${bytes(micro(DEBUG, 'bytesPerOp', 'baseline'))} to ${ns(micro(DEBUG, 'nsPerOp'))} and ${bytes(micro(DEBUG, 'bytesPerOp'))}`,
    text`validating a parsed 1 KB body from ${ns(micro(VALIDATE, 'nsPerOp', 'baseline'))} and ${bytes(micro(VALIDATE, 'bytesPerOp', 'baseline'))} (class-transformer + class-validator) to ${ns(micro(VALIDATE, 'nsPerOp'))} and ${bytes(micro(VALIDATE, 'bytesPerOp'))}`,
    text`the \`GET /todos\` body from ${ns(micro(BODY, 'nsPerOp', 'baseline'))} and ${bytes(micro(BODY, 'bytesPerOp', 'baseline'))} (\`instanceToPlain\` + \`JSON.stringify\`) to ${ns(micro(BODY, 'nsPerOp'))} and ${bytes(micro(BODY, 'bytesPerOp'))} (the cached string)`,
    text`minus \`GET /health\` is ${bytes(ref(TODOS, 'heapBytesPerRequest') - ref('GET /health', 'heapBytesPerRequest'))}`,
    text`Its ${k(ref(TODOS, 'rps'))} requests/s are a lower bound: autocannon used ${generator} of its core`,
    text`The ratio is honest only as "at least ${x(ratio(TODOS, 'rps'))}"`,
    text`${k(ref(INGEST, 'rps'))} requests/s and ${bytes(ref(INGEST, 'heapBytesPerRequest'))} per request`,
    text`dominates the ${msOf(run.startup('startupMs'))}; lab 00's extra ${msOf(run.startup('startupMs', 'baseline') - run.startup('startupMs'))}`,
  ],
} satisfies LabFigures;
