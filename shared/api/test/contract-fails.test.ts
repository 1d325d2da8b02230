/**
 * The contract suite can fail: each deliberately broken variant of the reference app must fail the check
 * that targets its bug (and the correct app must fail none). The last test runs contractSuite itself in a
 * child vitest against a broken app and reads the JSON report, so the describe/it wiring is proven too.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runContract } from '../src/contract.ts';
import { FLAWS, createReferenceApp, makeReferenceApp, type Flaw } from './reference-app.ts';

/** For each flaw, a check that must catch it (a substring of the check id). */
const CAUGHT_BY: Record<Flaw, string> = {
  'coerces-strings': 'corpus > POST /ingest/v1: itemCount is "3"',
  'accepts-fractions': 'corpus > POST /ingest/v1: itemCount is 1.5',
  'no-depth-limit': 'corpus > POST /ingest/v1: nesting depth 65: object + 64 arrays',
  'lenient-utf8': 'corpus > POST /ingest/v1: UTF-8-encoded surrogate ED A0 80',
  'strips-bom': 'corpus > POST /ingest/v1: UTF-8 BOM before the document',
  'content-type-prefix': 'corpus > POST /ingest/v1: content type "application/jsonx"',
  'trusts-content-length': 'limits > 413 for a 2 MiB chunked body without Content-Length',
  'buffers-then-limits': 'limits > 413 before reading a 64 MiB stream to the end',
  'drops-when-full': 'sink > a full sink answers 503',
  'text-errors': 'errors > unknown routes answer 404 not_found as JSON',
  'text-not-found': 'errors > unknown routes answer 404 not_found as JSON',
  'trims-title': 'corpus > POST /todos: title with leading and trailing spaces is kept',
  'shared-state': 'todos > each app has its own todos',
  'pretty-todos': 'todos > GET /todos answers the 100 seeded todos',
  'stale-todo-list': 'todos > GET /todos lists created todos after the seeded ones',
  'parse-int-id': 'todos > GET /todos/:id answers 404 not_found',
  'no-location': 'todos > POST /todos answers 201 with Location',
  'node-headers': 'socket > two conflicting Content-Types: 415',
  'late-413': 'socket > Content-Length: 2097152 as header #1,002',
};

describe('the contract suite catches broken apps', () => {
  it('passes the correct reference app (no failures)', async () => {
    expect(await runContract(createReferenceApp)).toEqual([]);
  });

  it.each(FLAWS)('fails an app that %s', async (flaw) => {
    const failures = await runContract(makeReferenceApp({ flaws: [flaw] }));
    expect(failures.length, `no check caught ${flaw}`).toBeGreaterThan(0);
    expect(failures.map((f) => f.id).join('\n')).toContain(CAUGHT_BY[flaw]);
  });

  it('words failures as instructions to the learner', async () => {
    const failures = await runContract(makeReferenceApp({ flaws: ['coerces-strings', 'drops-when-full'] }));
    const byId = (s: string) => failures.find((f) => f.id.includes(s))?.message ?? '';
    expect(byId('itemCount is "3"')).toMatch(/^Answer 400 validation_failed when POST \/ingest\/v1 gets "itemCount is "3"" \(got 202 /);
    expect(byId('a full sink')).toMatch(/^Answer 503 sink_full when the sink is full/);
  });

  it('reports each failing check as a failing vitest test', () => {
    const root = fileURLToPath(new URL('./broken-suite/', import.meta.url));
    const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
    let out: string;
    try {
      out = execFileSync(process.execPath, [vitest, 'run', '--root', root, '--reporter=json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      out = (error as { stdout: string }).stdout; // vitest exits 1 when tests fail, which is the point
    }
    const report = JSON.parse(out.slice(out.indexOf('{'))) as { testResults: { assertionResults: { fullName: string; status: string }[] }[] };
    const results = report.testResults.flatMap((r) => r.assertionResults);
    const failed = results.filter((r) => r.status === 'failed').map((r) => r.fullName);
    expect(results.length).toBeGreaterThan(300);
    expect(failed).toContain('API contract errors unknown routes answer 404 not_found as JSON');
    expect(failed).toContain('API contract corpus POST /ingest/v1: itemCount is "3"');
    expect(failed).not.toContain('API contract health GET /health answers 200 {"status":"ok"}');
  }, 60_000);
});
