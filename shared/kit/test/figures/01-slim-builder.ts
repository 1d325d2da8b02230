/**
 * Lab 01's README: the reference's committed checkpoint against lab 00 — also lab 00's run of record, so
 * the lab 00 column here is lab 00's baseline everywhere.
 */
import { bytes, gc, k, LAB00_RUN, ms, msOf, ns, results, row, text, x, type LabFigures } from './figures.ts';

const run = results(LAB00_RUN);
const ref = (scenario: string, metric: string) => run.load(scenario, metric);
const base = (scenario: string, metric: string) => run.load(scenario, metric, 'baseline');
const ratio = (scenario: string, metric: string) => ref(scenario, metric) / base(scenario, metric);
const TODOS = 'GET /todos';
const INGEST = 'POST /ingest/v1 1KB';
const micro = (task: string, metric: 'nsPerOp' | 'bytesPerOp', key = 'subject') => run.micro(task, metric, key);
const DEBUG = 'debug line while debug is off';
const VALIDATE = 'validate a parsed 1 KB ingest body';
const BODY = 'GET /todos body (100 todos)';
/** autocannon's share of its core in the reference's GET /todos rounds, as the run's warning states it. */
const generator = /GET \/todos \(subject\): autocannon used (\d+ %)/.exec(((run.data.warnings as string[]) ?? []).join('\n'))?.[1] ?? '(no warning)';

export default {
  sources: [LAB00_RUN],
  quotes: [
    row('`GET /todos` requests/s', k(ref(TODOS, 'rps')), k(base(TODOS, 'rps')), `**${x(ratio(TODOS, 'rps'))}**`),
    row('`GET /todos` p99', ms(ref(TODOS, 'p99')), ms(base(TODOS, 'p99')), x(ratio(TODOS, 'p99'))),
    row(
      '`GET /todos` heap per request',
      bytes(ref(TODOS, 'heapBytesPerRequest')),
      bytes(base(TODOS, 'heapBytesPerRequest')),
      `**${x(ratio(TODOS, 'heapBytesPerRequest'))}**`,
    ),
    row('`POST /ingest/v1` (1 KB) requests/s', k(ref(INGEST, 'rps')), k(base(INGEST, 'rps')), `**${x(ratio(INGEST, 'rps'))}**`),
    row('`POST /ingest/v1` p99', ms(ref(INGEST, 'p99')), ms(base(INGEST, 'p99')), x(ratio(INGEST, 'p99'))),
    row(
      '`POST /ingest/v1` heap per request',
      bytes(ref(INGEST, 'heapBytesPerRequest')),
      bytes(base(INGEST, 'heapBytesPerRequest')),
      `**${x(ratio(INGEST, 'heapBytesPerRequest'))}**`,
    ),
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
