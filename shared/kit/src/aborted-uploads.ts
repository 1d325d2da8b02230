/**
 * "An aborted upload is not an error", written once for the labs whose POST routes read bodies with lab 01's
 * pipeline (`@hotpath/kit/aborted-uploads`): lab 01's test/aborted-uploads.test.ts runs it as a core test, and
 * labs 02 and 03 run it from their contract tests, as their given code already passes it.
 *
 * - Over a real socket (serveApp on 127.0.0.1, port 0): clients send the headers and part of a body, wait
 *   until the server has the request, then drop the connection (half of them with a reset, half with a
 *   plain close). No line may be error-level, each abort must be counted by the debug event
 *   'request aborted', and a normal request is still answered.
 * - Without a socket: a body stream that fails as Node's does when the client goes away (code ECONNRESET) is
 *   answered 400 invalid_json; a body stream that fails any other way is a bug, and must still be logged
 *   at error level.
 *
 * An error-level line is a logged JSON line whose level is "error" or "fatal", or anything the app passes
 * to console.error (lab 00's exception filter prints a whole stack trace there).
 */
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { INTERNAL_ERROR_BODY, MESSAGES, type CreateApp } from '@hotpath/api';
import { serveApp, type RunningServer } from '@hotpath/api/serve';
import { afterEach, describe, expect, it, vi, type MockInstance } from 'vitest';

/** How many aborted uploads the socket test sends, and how many at once (bounded: about a second). */
export const ABORTED_UPLOADS = 200;
export const CONCURRENCY = 50;
/** What each aborted upload declares, and the part of it it sends before going away. */
const DECLARED_BYTES = 4096;
const SENT_PART = '{"itemCount":3,"timestamp":1717171717171,"pad":"';
/** Bounds: how long a client waits for the server to see its request, and for the server to log them all. */
const CLIENT_WAIT_MS = 3_000;
const SETTLE_MS = 5_000;
const POLL_MS = 20;
/** The debug event that counts aborted uploads, and the levels that count as errors. */
export const ABORT_EVENT = 'request aborted';
const ERROR_LEVELS = new Set(['error', 'fatal']);

export interface LogCapture {
  /** Pass to createApp: every level, written to `lines`. */
  readonly options: { logLevel: 'debug'; logWrite: (line: string) => void };
  readonly lines: string[];
  /** Error-level lines so far: JSON lines at error/fatal, and console.error calls. */
  errorLines(): string[];
  /** The app logger's JSON lines at error/fatal only (not console.error). */
  loggedErrors(): string[];
  /** How many JSON lines carry this `msg`. */
  count(msg: string): number;
}

function parsed(line: string): { level?: unknown; msg?: unknown } | undefined {
  try {
    return JSON.parse(line) as { level?: unknown; msg?: unknown };
  } catch {
    return undefined;
  }
}

let consoleError: MockInstance<typeof console.error> | undefined;
afterEach(() => {
  consoleError?.mockRestore();
  consoleError = undefined;
});

/** Captures an app's log lines and console.error (restored after the test). */
export function captureLogs(): LogCapture {
  const lines: string[] = [];
  const consoleLines: string[] = [];
  consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleLines.push(`console.error: ${args.map(String).join(' ').split('\n')[0]}`);
  });
  return {
    options: { logLevel: 'debug', logWrite: (line) => void lines.push(line) },
    lines,
    errorLines: () => [...lines.filter((line) => ERROR_LEVELS.has(String(parsed(line)?.level))), ...consoleLines],
    loggedErrors: () => lines.filter((line) => ERROR_LEVELS.has(String(parsed(line)?.level))),
    count: (msg) => lines.filter((line) => parsed(line)?.msg === msg).length,
  };
}

/**
 * Sends `count` uploads, `concurrency` at a time, each dropped mid-body once the server has its request.
 * Answers how many of them the server saw (a client whose request never arrived gives up after CLIENT_WAIT_MS).
 */
export async function abortUploads(running: RunningServer, count: number, concurrency: number): Promise<number> {
  const server = running.server as Server;
  const port = Number(new URL(running.url).port);
  const waiting = new Map<number, () => void>();
  const onRequest = (incoming: { socket: { remotePort?: number } }) => waiting.get(incoming.socket.remotePort ?? -1)?.();
  server.on('request', onRequest);
  const head = `POST /ingest/v1 HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${DECLARED_BYTES}\r\n\r\n${SENT_PART}`;

  const one = (reset: boolean) =>
    new Promise<boolean>((resolve) => {
      let seen = false;
      const socket = connect(port, '127.0.0.1');
      const giveUp = setTimeout(() => socket.destroy(), CLIENT_WAIT_MS);
      socket.once('connect', () => {
        const local = socket.localPort!;
        waiting.set(local, () => {
          waiting.delete(local);
          seen = true;
          setImmediate(() => (reset ? socket.resetAndDestroy() : socket.destroy()));
        });
        socket.write(head);
      });
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearTimeout(giveUp);
        resolve(seen);
      });
    });

  let started = 0;
  let seen = 0;
  const worker = async () => {
    while (started < count) if (await one(started++ % 2 === 0)) seen++;
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    server.off('request', onRequest);
  }
  return seen;
}

/** Waits (at most SETTLE_MS) until `done()` holds. */
async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + SETTLE_MS;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
}

const show = (lines: string[]) => (lines.length === 0 ? '' : `${lines.length} of them, the first: ${lines[0]!.trim().slice(0, 200)}`);

/** A POST /ingest/v1 whose body sends a few bytes, then fails with `error`. */
function failingUpload(error: Error): Request {
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(new TextEncoder().encode(SENT_PART)),
    pull: (controller) => controller.error(error),
  });
  return new Request('http://127.0.0.1/ingest/v1', { method: 'POST', body, duplex: 'half', headers: { 'content-type': 'application/json' } } as RequestInit);
}

/** The suite, for the app `load()` resolves to. */
export function abortedUploadSuite(load: () => Promise<CreateApp>): void {
  const advice =
    'read POST bodies with the given readJson(c) or readBodyBytes(c), which answer an upload the client cut off ' +
    `400 invalid_json and log the debug event '${ABORT_EVENT}'; anyone can fill an error log at one connection per line`;

  describe('an aborted upload is not an error', () => {
    it(`drops ${ABORTED_UPLOADS} uploads mid-body over a real socket: no error-level line, each counted at debug level, and a normal request still answered`, async () => {
      const logs = captureLogs();
      const running = await serveApp((await load())(logs.options), { port: 0 });
      try {
        const seen = await abortUploads(running, ABORTED_UPLOADS, CONCURRENCY);
        expect(seen, `The test's clients must reach the server (${seen} of ${ABORTED_UPLOADS} requests arrived)`).toBe(ABORTED_UPLOADS);
        await until(() => logs.count(ABORT_EVENT) + logs.errorLines().length >= seen);
        expect(
          logs.errorLines().length,
          `Log an aborted upload at debug level, not as an error: ${advice}. Error-level lines: ${show(logs.errorLines())}`,
        ).toBe(0);
        expect(logs.count(ABORT_EVENT), `Count every aborted upload: one debug line '${ABORT_EVENT}' each (${advice})`).toBe(seen);
        const reply = await fetch(`${running.url}/ingest/v1`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"itemCount":3,"timestamp":1717171717171}',
        });
        expect(reply.status, `After ${seen} aborted uploads the server must still answer a normal POST /ingest/v1`).toBe(202);
      } finally {
        await running.close();
      }
    }, 60_000);

    it('answers a body that failed as a dropped connection does (ECONNRESET) with 400 invalid_json, logged at debug level', async () => {
      const logs = captureLogs();
      const app = (await load())(logs.options);
      const reply = await app.fetch(failingUpload(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
      const text = await reply.text();
      expect(logs.errorLines().length, `Log an aborted upload at debug level, not as an error: ${advice}. Error-level lines: ${show(logs.errorLines())}`).toBe(
        0,
      );
      expect([reply.status, text], `Answer an upload the client cut off with 400 invalid_json and MESSAGES.bodyAborted (${advice})`).toEqual([
        400,
        JSON.stringify({ error: { code: 'invalid_json', message: MESSAGES.bodyAborted } }),
      ]);
      expect(logs.count(ABORT_EVENT), `Count the aborted upload: one debug line '${ABORT_EVENT}'`).toBe(1);
    });

    it('still logs a real bug at error level: a body that fails for any other reason is a 500 and one error line', async () => {
      const logs = captureLogs();
      const app = (await load())(logs.options);
      const reply = await app.fetch(failingUpload(new TypeError('a bug in the body reader, not a client going away')));
      expect(reply.status, 'An error that is not a dropped connection is a bug: answer 500 (onError)').toBe(500);
      expect(
        [reply.headers.get('content-type')?.split(';')[0], await reply.text()],
        "Answer a bug with the API's JSON 500 (internalError(): INTERNAL_ERROR_BODY, application/json), not Hono's plain-text default: register router.onError",
      ).toEqual(['application/json', INTERNAL_ERROR_BODY]);
      expect(
        logs.loggedErrors().length,
        `Do not hide real bugs: onError must log what it caught once, with the app's logger at error level (a JSON line, not console.error). Error-level lines: ${show(logs.errorLines())}`,
      ).toBe(1);
      expect(logs.errorLines().length, 'Log a bug once: the logger line only, no console.error as well').toBe(1);
      expect(logs.count(ABORT_EVENT), `Only a dropped connection is '${ABORT_EVENT}': a bug must not be counted as one`).toBe(0);
    });
  });
}
