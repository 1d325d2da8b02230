/**
 * Lab 00's README quotes its own figures from its run of record: lab 00's side of lab 01's committed
 * checkpoint (LAB00_RUN), the same figures lab 01's README and the site's lab 00 chart show.
 */
import { bytes, k, lab00, LAB00_RUN, ms, row, text, type LabFigures } from './figures.ts';

const run = lab00();
const base = (scenario: string, metric: string) => run.load(scenario, metric, 'baseline');

export default {
  sources: [LAB00_RUN],
  quotes: [
    text`${k(base('POST /ingest/v1 1KB', 'rps'))} POST/s at ${bytes(base('POST /ingest/v1 1KB', 'heapBytesPerRequest'))} of heap per request`,
    row('`GET /todos`', k(base('GET /todos', 'rps')), ms(base('GET /todos', 'p99')), bytes(base('GET /todos', 'heapBytesPerRequest'))),
    row(
      '`POST /ingest/v1` (1 KB)',
      k(base('POST /ingest/v1 1KB', 'rps')),
      ms(base('POST /ingest/v1 1KB', 'p99')),
      bytes(base('POST /ingest/v1 1KB', 'heapBytesPerRequest')),
    ),
  ],
} satisfies LabFigures;
