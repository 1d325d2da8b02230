/**
 * Figures of record quoted outside the lab READMEs: the site's instructor guide and concept map
 * (site/src/pages/*.md) and the shared packages' READMEs, each phrase declared from the committed results file
 * it quotes, as the labs' files do — test/readme-figures.test.ts checks every page listed here, so a
 * re-committed run names the sentence to rewrite. Keyed by the page's repo-relative path.
 */
import type { CheckpointResult } from '@hotpath/harness';
import { capstoneView, startupView } from '@hotpath/harness/run-views';
import { bytes, faster, LAB00_RUN, msOf, results, text, x, type LabFigures, type Results } from './figures.ts';

const lab01 = results(LAB00_RUN);
const lab02 = results('reference:02-generated-serializers/results/checkpoint.json');
const lab02on26 = results('reference:02-generated-serializers/results/checkpoint.node26.json');
const lab03 = results('reference:03-byte-parsing/results/checkpoint.json');
const lab04 = results('reference:04-pooling/results/checkpoint.json');
/** Lab 05's start-up table and capstone, as its committed checkpoint carries them from the runs that measured them. */
const lab05 = results('reference:05-single-binary/results/checkpoint.json');

const TODOS = 'GET /todos';
const INGEST = 'POST /ingest/v1 1KB';
const KB64 = 'POST /ingest/v1 64KB';
/** reference ÷ baseline of a load figure in `run`. */
const ratio = (run: Results, scenario: string, metric: string) => run.load(scenario, metric) / run.load(scenario, metric, 'baseline');
/** "4.61× faster" or "1.43× slower": the reference's time per call against the baseline's. */
const pace = (run: Results, task: string) => {
  const mine = run.micro(task, 'nsPerOp');
  const theirs = run.micro(task, 'nsPerOp', 'baseline');
  return mine <= theirs ? faster(mine, theirs) : `${x(mine / theirs)} slower`;
};
/** autocannon's share of its core in lab 01's reference GET /todos rounds, as the run's warning states it. */
const generator = /GET \/todos \(subject\): autocannon used (\d+ %)/.exec(((lab01.data.warnings as string[]) ?? []).join('\n'))?.[1] ?? '(no warning)';
/** Lab 05's start-up table and capstone as its page shows them (carried from an earlier run, or the file's own sections). */
const lab05Startup = startupView(lab05.data as unknown as CheckpointResult, lab05.source)!;
const lab05Capstone = capstoneView(lab05.data as unknown as CheckpointResult, lab05.source)!;
const s = (key: string) => {
  const row = lab05Startup.rows.find((r) => r.key === key);
  if (!row) throw new Error(`${lab05.source} has no start-up row ${key}`);
  return row.firstOkMs.median;
};
const cap = (who: 'lab00' | 'binary') => lab05Capstone.scenarios.find((c) => c.name === TODOS)![who].rps;

const instructors: LabFigures = {
  sources: [],
  quotes: [
    text`it reached **${x(ratio(lab01, TODOS, 'rps'))}** lab 00's \`GET /todos\` requests/s and **${x(ratio(lab01, INGEST, 'rps'))}** on \`POST /ingest/v1\`, at **${x(ratio(lab01, TODOS, 'heapBytesPerRequest'))}** and **${x(ratio(lab01, INGEST, 'heapBytesPerRequest'))}** of its heap bytes per request`,
    text`(autocannon used ${generator} of its core), so read it as "at least ${x(ratio(lab01, TODOS, 'rps'))}"`,
    text`Start-up improves far less (${x(lab01.startup('startupMs') / lab01.startup('startupMs', 'baseline'))}, on Node 20)`,
    text`(${pace(lab02, 'one Todo → JSON text')} than \`JSON.stringify\` for one Todo in the committed Node 20 reference run)`,
    text`(\`POST /todos\` ${x(ratio(lab02, 'POST /todos', 'rps'))})`,
    text`(the committed Node 26 run: ${pace(lab02on26, 'one Todo → JSON text')} for one Todo, ${pace(lab02on26, '100 Todos → JSON text')} for 100)`,
    text`reading the 64 KB body is ${pace(lab03, 'read 64 KB body, fields last')} than lab 02's \`TextDecoder\` + \`JSON.parse\` with ${bytes(lab03.micro('read 64 KB body, fields last', 'bytesPerOp'))} of heap instead of ${bytes(lab03.micro('read 64 KB body, fields last', 'bytesPerOp', 'baseline'))}`,
    text`\`POST /ingest/v1\` serves ${x(ratio(lab03, INGEST, 'rps'))} lab 02's requests/s with the 1 KB body and ${x(ratio(lab03, KB64, 'rps'))} with the 64 KB one`,
    text`the pool takes ArrayBuffer bytes per request to ${x(ratio(lab04, INGEST, 'arrayBufferBytesPerRequest'))} lab 03's on the 1 KB body and ${x(ratio(lab04, KB64, 'arrayBufferBytesPerRequest'))} on the 64 KB one (what remains is the socket's own chunks), with ${x(ratio(lab04, KB64, 'gcPer10k'))} lab 03's GCs on the 64 KB body`,
    text`the code-cache binary answers ${x(s('baseline') / s('subject'))} sooner than lab 00 under tsx (${msOf(s('subject'))} against ${msOf(s('baseline'))})`,
    text`the code cache saves ${msOf(s('peer:SEA plain') - s('subject'))}`,
    text`${x(cap('binary') / cap('lab00'))} lab 00's requests/s on \`GET /todos\``,
  ],
};

const concepts: LabFigures = {
  sources: [],
  quotes: [
    text`The reference reached ${x(ratio(lab01, TODOS, 'rps'))} lab 00's \`GET /todos\` requests/s (its committed Node 20 run)`,
    text`(its committed Node 26 run: ${pace(lab02on26, 'one Todo → JSON text')} than \`JSON.stringify\` for one Todo, ${pace(lab02on26, '100 Todos → JSON text')} for 100)`,
  ],
};

const baseline: LabFigures = {
  sources: [],
  quotes: [text`${bytes(lab01.micro('GET /todos body (100 todos)', 'bytesPerOp', 'baseline'))} of heap per response for the 100-todo list`],
};

export default {
  'site/src/pages/instructors.md': instructors,
  'site/src/pages/concepts.md': concepts,
  'shared/baseline/README.md': baseline,
} satisfies Record<string, LabFigures>;
