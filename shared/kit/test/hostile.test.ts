/**
 * The hostile-client suite (issue 18, deliver 6): every ready lab's reference solution, started as a learner
 * starts it (`pnpm start`, PORT=0; HOTPATH_HEADERS_TIMEOUT_MS and HOTPATH_BODY_GRACE_MS shortened,
 * MALLOC_PERTURB_ for honest RSS) on 127.0.0.1, one server at a time, stopped by its process group. Per
 * server: slow bodies (RSS growth while 1,000 connections declare 1 MiB and send 16 bytes; then they must be
 * cut by the body data rate), slowloris, an aborted-upload storm's error-level log lines, the three header
 * cases, and the protocol errors' JSON bodies; then the header cases must have given the same status on every
 * server. Counts and bounds: test/hostile/bounds.ts. The figures are printed per server (`hostile …` lines).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labs } from '@hotpath/workshop/manifest';
import { abortStorm } from './hostile/aborts.ts';
import {
  ANSWER_TIMEOUT_MS,
  BODY_GRACE_MS,
  CASE_TIMEOUT_MS,
  HEADERS_TIMEOUT_MS,
  MIB,
  SLOW_BODY_DECLARED_BYTES,
  SLOW_BODY_SENT_BYTES,
  SLOWLORIS_CONNECTIONS,
  TIMEOUT_SLACK_MS,
} from './hostile/bounds.ts';
import { headerCases, protocolCases, runCase } from './hostile/requests.ts';
import { startSolution, type SolutionServer } from './hostile/server-process.ts';
import { canMeasureRss, HONEST_RSS_ENV, slowBodies } from './hostile/slow-bodies.ts';
import { slowloris } from './hostile/slowloris.ts';

const ready = labs.filter((lab) => lab.status === 'ready');
/** Status of each header case on each lab, filled in per server, compared at the end. */
const headerStatuses = new Map<string, Map<string, string>>();
/**
 * Lab 00 serves the naive baseline on purpose, and an open request costs it about twice what it costs the
 * slim labs (1,000 slow bodies: +47–59 MiB against +20–27 MiB for labs 01–05 on Node 20.20 and 26.12): its
 * bound is twice as loose, still far below the ~1 GiB that renting the declared size costs.
 */
const SLOW_BODY_LIMIT_FACTOR: Readonly<Record<number, number>> = { 0: 2 };
/**
 * Labs that log aborted uploads as errors on purpose: lab 00's README lists "every aborted upload logged as a
 * crash" among the baseline's naive behaviours (7 lines each), and lab 01's removes it. Their count is
 * printed, not asserted.
 */
const NAIVE_ABORT_LOGGING: ReadonlySet<number> = new Set([0]);

const mib = (bytes: number) => `${(bytes / MIB).toFixed(1)} MiB`;
const report = (lab: string, line: string) => console.log(`hostile ${lab}: ${line}`);

describe.each(ready.map((lab) => [lab.slug, lab.number] as const))('hostile clients against the reference of %s', (slug, number) => {
  const lab = `Lab ${String(number).padStart(2, '0')}`;
  let server: SolutionServer;

  beforeAll(async () => {
    server = await startSolution(slug, {
      ...HONEST_RSS_ENV,
      HOTPATH_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      HOTPATH_BODY_GRACE_MS: String(BODY_GRACE_MS),
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.skipIf(!canMeasureRss)(
    'slow bodies: memory follows the bytes received, a normal client is answered, then they are cut',
    async () => {
      const result = await slowBodies(server);
      const limit = result.limitBytes * (SLOW_BODY_LIMIT_FACTOR[number] ?? 1);
      const growth = result.peakBytes - result.beforeBytes;
      const what = `${result.connections.toLocaleString('en')} slow bodies declaring ${mib(SLOW_BODY_DECLARED_BYTES)} (${SLOW_BODY_SENT_BYTES} bytes sent)`;
      const rss = `RSS ${mib(result.beforeBytes)} → ${mib(result.peakBytes)} (+${mib(growth)}, limit ${mib(limit)})`;
      const held = `${result.answered} answered and ${result.closed} closed by the server while held`;
      const { cut } = result;
      const ended = `${cut.json408} × 408 JSON, ${cut.closed} closed, ${cut.other} other, ${cut.open} still open`;
      report(lab, `slow bodies: ${rss} under ${what}; ${held}${result.scaledNote ? `; ${result.scaledNote}` : ''}`);
      report(lab, `slow bodies after HOTPATH_BODY_GRACE_MS=${BODY_GRACE_MS} (+${TIMEOUT_SLACK_MS} ms): ${ended}`);
      expect(server.alive(), `${lab} died under ${what}: bad input never crashes a server`).toBe(true);
      expect.soft(growth, `${lab} grew ${mib(growth)} under ${what}: rent what arrived, not what was declared (limit ${mib(limit)})`).toBeLessThan(limit);
      expect
        .soft(result.normal, `${lab} must answer a normal client while ${what} are held: GET /health 200, POST /ingest/v1 202`)
        .toEqual({ health: '200', ingest: '202' });
      const grace = `${TIMEOUT_SLACK_MS} ms after HOTPATH_BODY_GRACE_MS=${BODY_GRACE_MS}`;
      const rate = 'cut a body that arrives slower than the minimum data rate once the grace period is over';
      expect.soft(cut.open, `${lab} still held ${cut.open} of ${what} ${grace}: ${rate}`).toBe(0);
      const body = '{"error":{"code":"request_timeout",…}}';
      expect.soft(cut.other, `${lab} answered a slow body with ${cut.firstOther}: answer 408 with ${body} (content-type application/json), or close`).toBe(0);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    'slowloris: a normal client stays answered, and slow header blocks get 408 JSON or are closed',
    async () => {
      const result = await slowloris(server);
      const answered = `${result.probes - result.failedProbes.length}/${result.probes} normal probes answered`;
      const outcomes = `${result.json408} × 408 JSON, ${result.closed} closed, ${result.other} other, ${result.open} still open`;
      report(lab, `slowloris: ${outcomes} of ${SLOWLORIS_CONNECTIONS}; ${answered}`);
      const slow = `${SLOWLORIS_CONNECTIONS} slowloris connections`;
      expect.soft(result.failedProbes, `${lab} must keep answering normal clients while ${slow} drip their headers`).toEqual([]);
      const after = `${TIMEOUT_SLACK_MS} ms after HOTPATH_HEADERS_TIMEOUT_MS=${HEADERS_TIMEOUT_MS}`;
      const fix = "set the server's headersTimeout (and a connectionsCheckingInterval that enforces it) from that variable";
      expect.soft(result.open, `${lab} still held ${result.open} of ${slow} ${after}: ${fix}`).toBe(0);
      const body = '{"error":{"code":"request_timeout",…}} (content-type application/json)';
      expect.soft(result.other, `${lab} answered a slow header block with ${result.firstOther}: answer 408 with ${body}, or close`).toBe(0);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    'aborted uploads: no error-level log line, and the server still answers',
    async () => {
      const result = await abortStorm(server);
      const example = result.firstErrorLines.length ? `, e.g. ${JSON.stringify(result.firstErrorLines[0])}` : '';
      report(lab, `aborted uploads: ${result.errorLines} error-level log lines for ${result.uploads} aborted uploads${example}`);
      expect.soft(result.after, `${lab} must still answer after ${result.uploads} aborted uploads`).toEqual({ health: '200', ingest: '202' });
      if (NAIVE_ABORT_LOGGING.has(number)) return; // a listed naive behaviour: printed above, not asserted
      const wrote = `${lab} wrote ${result.errorLines} error-level log lines for ${result.uploads} aborted uploads`;
      const fix = 'a client that drops the socket is not an error: count it, or log it at debug level without a stack';
      expect(result.errorLines, `${wrote} (first: ${result.firstErrorLines.join(' | ')}): ${fix}`).toBe(0);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    'header cases: one header policy, the status issue 18 requires',
    async () => {
      const problems: string[] = [];
      for (const testCase of headerCases()) {
        const outcome = await runCase(server.port, testCase.chunks, 0, ANSWER_TIMEOUT_MS);
        if (!headerStatuses.has(testCase.name)) headerStatuses.set(testCase.name, new Map());
        headerStatuses.get(testCase.name)!.set(lab, outcome.seen);
        report(lab, `header case ${testCase.name}: ${outcome.seen}`);
        if (outcome.status !== testCase.status || (testCase.code && outcome.code !== testCase.code)) {
          problems.push(`${testCase.name}: ${outcome.seen}, expected ${testCase.status}${testCase.code ? ` ${testCase.code}` : ''}: ${testCase.fix}`);
        }
      }
      expect(problems, `${lab} reads the header block differently from issue 18's one header policy`).toEqual([]);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    "protocol errors: answered with the API's JSON error body",
    async () => {
      const problems: string[] = [];
      for (const testCase of protocolCases(HEADERS_TIMEOUT_MS, TIMEOUT_SLACK_MS)) {
        const outcome = await runCase(server.port, testCase.chunks, testCase.index, testCase.timeoutMs);
        report(lab, `protocol error, ${testCase.name}: ${outcome.seen}`);
        if (outcome.status !== testCase.status || outcome.code !== testCase.code) {
          problems.push(`${testCase.name}: ${outcome.seen}, expected ${testCase.status} {"error":{"code":"${testCase.code}",…}}: ${testCase.fix}`);
        }
      }
      expect(problems, `${lab} answers protocol errors with Node's bare responses`).toEqual([]);
      expect(server.alive(), `${lab} died on a protocol error: bad input never crashes a server`).toBe(true);
    },
    CASE_TIMEOUT_MS,
  );
});

describe('one header policy for every lab', () => {
  it.each(headerCases().map((testCase) => [testCase.name, testCase.status] as const))('%s: the same status (%i) on every ready lab', (name, status) => {
    const seen = Object.fromEntries(headerStatuses.get(name) ?? []);
    expect(Object.keys(seen), 'every ready lab was tried').toHaveLength(ready.length);
    const statuses = new Set(Object.values(seen).map((answer) => answer.slice(0, 3)));
    expect([...statuses], `Labs answer "${name}" differently (${JSON.stringify(seen)}): one header policy for every lab, ${status}`).toEqual([String(status)]);
  });
});
