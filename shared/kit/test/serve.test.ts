/**
 * `pnpm start` for real: for each ready lab, spawns the launcher in its solution folder on a free loopback
 * port and runs checkOverHttp (src/http-check.ts) against it — the routes, the whole corpus, 413 with and
 * without Content-Length — then checks the server is still up and stops it by PID.
 *
 * Then serveApp's server policy over a real socket, with short values from the HOTPATH_* environment: each
 * protocol error answers the API's JSON error body, a trickled body is cut after the grace period while
 * other clients are served, a fast body the app reads late is not, and a client reset is counted, not logged.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createBoundedSink, type HotPathApp } from '@hotpath/api';
import { exchange, expectRawError, type RawExchange } from '@hotpath/api/contract';
import { HEADERS_TIMEOUT_MS, MAX_HEADERS_COUNT, MIN_BODY_BYTES_PER_SEC, POLICY_ENV, REQUEST_TIMEOUT_MS, BODY_GRACE_MS } from '@hotpath/api/server-policy';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkOverHttp } from '../src/http-check.ts';
import { serveApp, type RunningServer } from '@hotpath/api/serve';
import { labs } from '@hotpath/workshop/manifest';
import { solutionDir } from '@hotpath/workshop/paths';

const launcher = join(createRequire(import.meta.url).resolve('@hotpath/api/package.json'), '..', 'bin', 'hotpath-serve.js');
const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;

describe.each(labs.filter((lab) => lab.status === 'ready').map((lab) => [lab.slug]))('pnpm start in solutions/%s', (slug) => {
  let server: ChildProcess;
  let url = '';

  beforeAll(async () => {
    server = spawn(process.execPath, [launcher], {
      cwd: solutionDir(slug),
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk));
    const deadline = Date.now() + 30_000;
    while (!LISTENING.test(output)) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`The server did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    url = LISTENING.exec(output)![1]!;
  });

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
  });

  it('passes every check over the real port and keeps serving', async () => {
    expect(await checkOverHttp(url)).toEqual([]);
    expect(server.exitCode, 'The server must survive everything above').toBeNull();
  });
});

/** A small app: GET /health, and any POST reads its whole body (after `readDelayMs`) and answers 202 with its size. */
function bodyApp(readDelayMs = 0): HotPathApp {
  return {
    sink: createBoundedSink(),
    async fetch(request: Request) {
      if (request.method !== 'POST') return Response.json({ status: 'ok' });
      if (readDelayMs > 0) await new Promise((r) => setTimeout(r, readDelayMs));
      const bytes = (await request.arrayBuffer()).byteLength;
      return Response.json({ bytes }, { status: 202 });
    },
  };
}

/** Short policy values, set the way the hostile suite and a learner would: in the environment. */
const SHORT = { headersTimeoutMs: 400, requestTimeoutMs: 5_000, bodyGraceMs: 300, minBodyBytesPerSec: 240 } as const;
const shown = (x: RawExchange) => `${x.responses.map((r) => `${r.status} ${r.body}`).join(' | ') || 'no answer'} after ${x.ms} ms${x.closed ? ', closed' : ''}`;

describe('serveApp applies the server policy', () => {
  let running: RunningServer;
  let port = 0;
  const saved: Record<string, string | undefined> = {};
  const logged = vi.spyOn(console, 'error');

  beforeAll(async () => {
    for (const [key, name] of Object.entries(POLICY_ENV)) {
      saved[name] = process.env[name];
      process.env[name] = String(SHORT[key as keyof typeof SHORT]);
    }
    try {
      running = await serveApp(bodyApp(), { port: 0 });
    } finally {
      for (const [name, value] of Object.entries(saved))
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
    }
    port = Number(new URL(running.url).port);
  });
  afterAll(async () => {
    await running?.close();
    logged.mockRestore();
  });

  it('sets every value on purpose, from the HOTPATH_* environment', () => {
    expect(running.policy.settings, 'Read the HOTPATH_* variables in serveApp (serverPolicyFromEnv)').toMatchObject(SHORT);
    expect(running.server, 'Set headersTimeout and requestTimeout on the server itself').toMatchObject({
      headersTimeout: SHORT.headersTimeoutMs,
      requestTimeout: SHORT.requestTimeoutMs,
      maxHeadersCount: MAX_HEADERS_COUNT,
    });
    expect([HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, BODY_GRACE_MS, MIN_BODY_BYTES_PER_SEC], 'Keep the documented defaults').toEqual([
      10_000, 30_000, 5_000, 240,
    ]);
  });

  it('answers Content-Length: 10 then 30 bytes with 400 bad_request JSON and closes', async () => {
    const x = await exchange(port, (s) =>
      s.write(`POST /ingest/v1 HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n${'x'.repeat(30)}`),
    );
    expectRawError(x.responses.at(-1), 'bad_request', "Answer a malformed request with the API's JSON error (a clientError handler)", x);
    expect(x.closed, `Close after a protocol error (${shown(x)})`).toBe(true);
  });

  it('answers a 100 KB header with 431 header_too_large JSON', async () => {
    const x = await exchange(
      port,
      (s) => s.write(`GET /health HTTP/1.1\r\nHost: t\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`),
      (raw) => raw.includes('}}'),
    );
    expectRawError(x.responses[0], 'header_too_large', 'Answer HPE_HEADER_OVERFLOW with 431 header_too_large JSON', x);
  });

  it('answers stalled headers with 408 request_timeout JSON after HOTPATH_HEADERS_TIMEOUT_MS', async () => {
    const x = await exchange(port, (s) => s.write('GET /health HTTP/1.1\r\nHost: t\r\n'));
    expectRawError(
      x.responses[0],
      'request_timeout',
      'Answer ERR_HTTP_REQUEST_TIMEOUT with 408 request_timeout JSON (set headersTimeout and a short connectionsCheckingInterval)',
      x,
    );
    expect(x.ms, `Answer once headersTimeout (${SHORT.headersTimeoutMs} ms) has passed, not before (${shown(x)})`).toBeGreaterThanOrEqual(
      SHORT.headersTimeoutMs - 50,
    );
  });

  it('cuts a body trickled below the minimum rate after the grace period, and keeps serving others', async () => {
    const slowBefore = running.policy.counts.slowBodies;
    let trickle: ReturnType<typeof setInterval> | undefined;
    const slow = exchange(port, (s) => {
      s.write('POST /ingest/v1 HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n');
      trickle = setInterval(() => s.writable && s.write('a'), 50); // 20 B/s
    });
    try {
      await new Promise((r) => setTimeout(r, 100));
      expect(running.policy.watchedBodies, 'Watch a body that is still arriving after its headers').toBe(1);
      for (let i = 0; i < 3; i++) {
        const ok = await exchange(
          port,
          (s) => s.write('GET /health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n'),
          (raw) => raw.includes('}'),
        );
        expect(ok.responses[0]?.status, `Keep answering other clients while a body trickles in (${shown(ok)})`).toBe(200);
      }
      const x = await slow;
      if (x.responses.length > 0)
        expectRawError(x.responses[0], 'request_timeout', 'Answer a body below the minimum data rate with 408 request_timeout JSON', x);
      expect(x.closed, `Close a body slower than ${SHORT.minBodyBytesPerSec} B/s after ${SHORT.bodyGraceMs} ms (${shown(x)})`).toBe(true);
      expect(x.ms, `Give a body the grace period (${SHORT.bodyGraceMs} ms) before judging its rate (${shown(x)})`).toBeGreaterThanOrEqual(
        SHORT.bodyGraceMs - 50,
      );
      expect(running.policy.counts.slowBodies, 'Count each body cut for its rate').toBe(slowBefore + 1);
    } finally {
      clearInterval(trickle);
    }
  });

  it('never holds a request whose body arrived with its headers', async () => {
    const body = JSON.stringify({ itemCount: 1, timestamp: 1, pad: 'x'.repeat(1000) });
    for (let i = 0; i < 20; i++) {
      const answer = await fetch(`${running.url}/ingest/v1`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      expect(answer.status).toBe(202);
      await answer.arrayBuffer();
    }
    expect(running.policy.watchedBodies, 'Drop complete requests before the sweep: holding them for a second promotes them out of the young generation').toBe(
      0,
    );
  });

  it('does not cut a fast body the app only starts reading after the grace period', async () => {
    const late = await serveApp(bodyApp(3 * SHORT.bodyGraceMs), { port: 0, policy: SHORT });
    try {
      const body = 'a'.repeat(256 * 1024); // more than the socket and the request stream buffer, so the socket pauses
      const x = await exchange(Number(new URL(late.url).port), (s) =>
        s.write(`POST /ingest/v1 HTTP/1.1\r\nHost: t\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`),
      );
      expect(x.responses[0]?.status, `Count only the time the app waits for bytes: a slow app is not a slow client (${shown(x)})`).toBe(202);
      expect(x.responses[0]?.body).toBe(`{"bytes":${body.length}}`);
      expect(late.policy.counts.slowBodies).toBe(0);
    } finally {
      await late.close();
    }
  });

  it('counts a client that resets the connection, and logs nothing', async () => {
    const resetsBefore = running.policy.counts.resets;
    await exchange(port, (s) => {
      s.write('POST /ingest/v1 HTTP/1.1\r\nHost: t\r\nContent-Le');
      setTimeout(() => s.resetAndDestroy(), 50);
    });
    for (let i = 0; i < 20 && running.policy.counts.resets === resetsBefore; i++) await new Promise((r) => setTimeout(r, 25));
    expect(running.policy.counts.resets, 'Count ECONNRESET from a client in policy.counts.resets').toBe(resetsBefore + 1);
    expect(logged, 'Never log protocol errors or resets as errors').not.toHaveBeenCalled();
  });

  it('refuses a HOTPATH_* value that is not a positive integer, naming the variable', async () => {
    process.env.HOTPATH_BODY_GRACE_MS = 'soon';
    try {
      await expect(serveApp(bodyApp(), { port: 0 })).rejects.toThrow(/HOTPATH_BODY_GRACE_MS must be a positive integer, got "soon"/);
    } finally {
      delete process.env.HOTPATH_BODY_GRACE_MS;
    }
  });
});
