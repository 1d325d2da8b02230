/**
 * Builds the content of every file in `shared/api/fixtures/`, in memory and deterministically. The CLI
 * (generate-fixtures.ts) writes it to disk; the drift test compares it with what is committed.
 */
import type { CorpusCaseSource, CorpusFile } from '../src/fixtures.ts';
import { seedTodos } from '../src/todos.ts';
import { ingestCases } from './corpus-ingest.ts';
import { syntaxCases } from './corpus-syntax.ts';
import { todoCases } from './corpus-todos.ts';
import { buildIngestBody } from './ingest-payloads.ts';

export const CORPUS_DESCRIPTION =
  'Malformed and edge-case requests for POST /ingest/v1 and POST /todos, each with the answer the contract expects. ' +
  'Written by `pnpm --filter @hotpath/api fixtures` (scripts/); do not edit by hand. ' +
  'contentType: absent = application/json, null = no Content-Type header. ' +
  'The bytes sent are bodyBase64 when present, else the body built from generate when present, else body (UTF-8). ' +
  'With bodyBase64 or generate, body is only a readable rendering (\\xHH = a byte that is not valid UTF-8). ' +
  'expect: status and error code; field = the validation message must name it; itemCount/timestamp = the 202 answer ' +
  'and the sink event; todo = the 201 todo (id 101 on a fresh app).';

export function corpusCases(): CorpusCaseSource[] {
  const cases = [...ingestCases, ...syntaxCases, ...todoCases];
  const seen = new Set<string>();
  for (const c of cases) {
    const key = `${c.route} ${c.name}`;
    if (seen.has(key)) throw new Error(`Duplicate corpus case name: ${key}`);
    seen.add(key);
  }
  return cases;
}

/** corpus.json: one case per line, so diffs stay readable. */
export function renderCorpus(cases: CorpusCaseSource[]): string {
  const file: CorpusFile = { description: CORPUS_DESCRIPTION, cases };
  const lines = cases.map((c) => `    ${JSON.stringify(c)}`);
  const head = `{\n  "description": ${JSON.stringify(file.description)},\n  "cases": [\n`;
  return `${head}${lines.join(',\n')}\n  ]\n}\n`;
}

/** File name → exact content. */
export function buildFixtures(): Map<string, string> {
  return new Map([
    ['todos.json', JSON.stringify(seedTodos())],
    ['ingest-1k.json', buildIngestBody(1024, 0x1c0ffee)],
    ['ingest-64k.json', buildIngestBody(64 * 1024, 0x64c0de)],
    ['corpus.json', renderCorpus(corpusCases())],
  ]);
}
