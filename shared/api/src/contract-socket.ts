/**
 * The contract over a real socket (group `socket`): the lab's app served on 127.0.0.1 (port 0) with
 * @hono/node-server and the kit's server policy (applyServerPolicy, with short timeouts), and raw requests
 * written with node:net — the cases in-process `Request`s cannot express: a header block of 1,000+ lines,
 * two Content-Types, a Content-Length far down the block with no body sent, and protocol errors (a
 * malformed request, a 100 KB header, stalled headers, a body trickled below the minimum data rate).
 *
 * Every exchange is bounded (SOCKET_BOUND_MS) and every server and socket is closed in `finally`.
 */
import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { expect } from 'vitest';
import { BODY_LIMIT_BYTES, ERROR_STATUS, type CreateApp, type ErrorCode } from './index.ts';
import { applyServerPolicy, type ServerPolicy, type ServerPolicyOptions } from './server-policy.ts';
import { freshApp, type ContractCheck } from './contract-support.ts';

/** Longest wait for one raw exchange; answers come in well under a second, so this is only a bound. */
export const SOCKET_BOUND_MS = 4_000;
/** Short policy values for the checks, so a stalled or trickled request is answered in well under a second. */
export const CONTRACT_POLICY: ServerPolicyOptions = { headersTimeoutMs: 400, requestTimeoutMs: 3_000, bodyGraceMs: 300, minBodyBytesPerSec: 240 };
/** Filler header lines: with Host, 999 of them put a header at line 1,001 (Node's incoming.headers keeps 1,000). */
const FILLERS_BEFORE_CONTENT_TYPE = 999;
const TWO_MIB = 2 * 1024 * 1024;
const VALID_EVENT = '{"itemCount":3,"timestamp":1717171717171}';

export interface SocketServer {
  port: number;
  policy: ServerPolicy;
  close(): Promise<void>;
}

/** Serves `createApp`'s app (silent) on 127.0.0.1, any free port, with the server policy. */
export async function serveOverSocket(createApp: CreateApp, options: ServerPolicyOptions = CONTRACT_POLICY): Promise<SocketServer> {
  const app = freshApp(createApp);
  const server = createAdaptorServer({ fetch: (request: Request, env: unknown) => app.fetch(request, env) }) as Server;
  const policy = applyServerPolicy(server, options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    port,
    policy,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** One parsed HTTP/1.1 response. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}
/** What one raw exchange gave: the responses, whether the server closed the connection, and after how long. */
export interface RawExchange {
  responses: RawResponse[];
  raw: string;
  closed: boolean;
  ms: number;
}

/** Splits what came back into responses (each body by its Content-Length). */
export function parseResponses(raw: string): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = raw;
  while (rest.startsWith('HTTP/1.1 ')) {
    const end = rest.indexOf('\r\n\r\n');
    if (end === -1) break;
    const [statusLine, ...lines] = rest.slice(0, end).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    responses.push({ status: Number(statusLine!.split(' ')[1]), headers, body: rest.slice(end + 4, end + 4 + length) });
    rest = rest.slice(end + 4 + length);
  }
  return responses;
}

/**
 * Connects to 127.0.0.1:`port`, lets `write` send what it wants, and collects the answer until the server
 * closes, `until` says enough (given what came so far), or `boundMs` passes; then destroys the socket.
 */
export function exchange(
  port: number,
  write: (socket: Socket) => void,
  until: (raw: string) => boolean = () => false,
  boundMs = SOCKET_BOUND_MS,
): Promise<RawExchange> {
  return new Promise((resolve) => {
    const started = performance.now();
    let raw = '';
    let settled = false;
    const socket = connect(port, '127.0.0.1', () => write(socket));
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(bound);
      socket.destroy();
      resolve({ responses: parseResponses(raw), raw, closed, ms: Math.round(performance.now() - started) });
    };
    const bound = setTimeout(() => finish(false), boundMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      raw += chunk;
      if (until(raw)) finish(false);
    });
    socket.on('error', () => {}); // a reset after the answer is how a server refuses; what came is judged
    socket.on('close', () => finish(true));
  });
}

/** True once `raw` holds at least one whole response. */
const oneResponse = (raw: string) => parseResponses(raw).length > 0;

const fillers = (count: number) => Array.from({ length: count }, (_, i) => `X-Filler-${i}: ${i}\r\n`).join('');

const shown = (x: RawExchange) =>
  x.responses.length > 0
    ? x.responses.map((r) => `${r.status} ${r.body.slice(0, 160)}`).join(' | ')
    : `no answer within ${x.ms} ms${x.closed ? ', connection closed' : ''}`;

/** Asserts that `response` is the API's error `code`: its status, JSON, exactly {"error":{"code","message"}}. */
export function expectRawError(response: RawResponse | undefined, code: ErrorCode, instruction: string, x: RawExchange): void {
  expect(response?.status, `${instruction} (got ${shown(x)})`).toBe(ERROR_STATUS[code]);
  expect(response!.headers['content-type'] ?? '(none)', `${instruction}: send Content-Type: application/json`).toMatch(/^application\/json\s*(;|$)/i);
  let body: unknown;
  try {
    body = JSON.parse(response!.body);
  } catch {
    expect.fail(`${instruction}: the body must be JSON (got ${shown(x)})`);
  }
  expect(body, `${instruction}: write {"error":{"code":"${code}","message":"…"}} and nothing else`).toStrictEqual({
    error: { code, message: expect.any(String) },
  });
}

/** Runs `body` against a fresh app served over a socket, and always closes the server. */
async function withServer(createApp: CreateApp, body: (server: SocketServer) => Promise<void>): Promise<void> {
  const server = await serveOverSocket(createApp);
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

const POLICY_HINT = "the kit's server policy (applyServerPolicy in @hotpath/api/server-policy) answers it; do not replace the server's clientError handling";
const HEADER_HINT = 'Read headers from the whole header block (requestHeader() from @hotpath/api/node-request, or c.req.header()), not incoming.headers';

/** Serves the app and writes `request` on one connection: what came back, once a whole response has. */
async function oneExchange(createApp: CreateApp, request: string): Promise<RawExchange> {
  let answer: RawExchange | undefined;
  await withServer(createApp, async ({ port }) => {
    answer = await exchange(port, (s) => s.write(request), oneResponse);
  });
  return answer!;
}

type Run = ContractCheck['run'];
const socketCheck = (name: string, run: Run): ContractCheck => ({ id: `socket > ${name}`, group: 'socket', name, run });

/** The socket group of the contract. */
export function socketChecks(): ContractCheck[] {
  return [
    socketCheck('a Content-Type after 999 other headers counts: 202', async (createApp) => {
      const x = await oneExchange(
        createApp,
        `POST /ingest/v1 HTTP/1.1\r\nHost: lab\r\n${fillers(FILLERS_BEFORE_CONTENT_TYPE)}Content-Type: application/json\r\nContent-Length: ${VALID_EVENT.length}\r\n\r\n${VALID_EVENT}`,
      );
      expect(
        x.responses[0]?.status,
        `${HEADER_HINT}: Content-Type: application/json came as header #1,001 of a valid POST /ingest/v1 and counts wherever it is (got ${shown(x)})`,
      ).toBe(202);
    }),

    socketCheck('two conflicting Content-Types: 415', async (createApp) => {
      const x = await oneExchange(
        createApp,
        `POST /ingest/v1 HTTP/1.1\r\nHost: lab\r\nContent-Type: application/json\r\nContent-Type: text/plain\r\nContent-Length: ${VALID_EVENT.length}\r\n\r\n${VALID_EVENT}`,
      );
      expectRawError(
        x.responses[0],
        'unsupported_media_type',
        `${HEADER_HINT}: Content-Type: application/json then Content-Type: text/plain is "application/json, text/plain", not JSON`,
        x,
      );
    }),

    socketCheck('Content-Length: 2097152 as header #1,002, no body sent yet: 413 at once', async (createApp) => {
      const x = await oneExchange(
        createApp,
        `POST /ingest/v1 HTTP/1.1\r\nHost: lab\r\nContent-Type: application/json\r\n${fillers(FILLERS_BEFORE_CONTENT_TYPE)}Content-Length: ${TWO_MIB}\r\n\r\n`,
      );
      expectRawError(
        x.responses[0],
        'payload_too_large',
        `Refuse a declared Content-Length over BODY_LIMIT_BYTES (${BODY_LIMIT_BYTES}) before reading the body, wherever the header is in the block (read it with requestHeader() or c.req.header()): here it is header #1,002 and no body was sent`,
        x,
      );
    }),

    socketCheck('Content-Length: 10 then 30 bytes: 400 bad_request as JSON', (createApp) =>
      withServer(createApp, async ({ port }) => {
        const x = await exchange(port, (s) =>
          s.write(`POST /ingest/v1 HTTP/1.1\r\nHost: lab\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n${'{"itemCount":1,"timestamp":1} '}`),
        );
        expectRawError(x.responses.at(-1), 'bad_request', `Answer a malformed request with 400 bad_request JSON and close: ${POLICY_HINT}`, x);
        expect(x.closed, 'Close the connection after a protocol error').toBe(true);
      }),
    ),

    socketCheck('a 100 KB header: 431 header_too_large as JSON', async (createApp) => {
      const x = await oneExchange(createApp, `GET /health HTTP/1.1\r\nHost: lab\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`);
      expectRawError(x.responses[0], 'header_too_large', `Answer a header block over 16 KiB with 431 header_too_large JSON: ${POLICY_HINT}`, x);
    }),

    socketCheck('stalled headers: 408 request_timeout as JSON after headersTimeout', (createApp) =>
      withServer(createApp, async ({ port }) => {
        const x = await exchange(port, (s) => s.write('GET /health HTTP/1.1\r\nHost: lab\r\n'));
        expectRawError(
          x.responses[0],
          'request_timeout',
          `Answer headers that stop coming with 408 request_timeout JSON after headersTimeout (${CONTRACT_POLICY.headersTimeoutMs} ms here): ${POLICY_HINT}`,
          x,
        );
        expect(x.closed, 'Close the connection after a request timeout').toBe(true);
      }),
    ),

    socketCheck('a body trickled below the minimum rate: 408 or close, while others are served', (createApp) =>
      withServer(createApp, async ({ port }) => {
        let trickle: ReturnType<typeof setInterval> | undefined;
        const slow = exchange(port, (s) => {
          s.write('POST /ingest/v1 HTTP/1.1\r\nHost: lab\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
          trickle = setInterval(() => s.writable && s.write(' '), 50); // 20 bytes/s, below 240
        });
        try {
          const health = await exchange(port, (s) => s.write('GET /health HTTP/1.1\r\nHost: lab\r\nConnection: close\r\n\r\n'), oneResponse);
          expect(health.responses[0]?.status, `Keep answering other clients while one body trickles in (got ${shown(health)})`).toBe(200);
          const x = await slow;
          if (x.responses.length > 0)
            expectRawError(
              x.responses[0],
              'request_timeout',
              `Answer a body slower than the minimum data rate with 408 request_timeout JSON: ${POLICY_HINT}`,
              x,
            );
          expect(
            x.closed,
            `Close a connection whose body comes slower than ${CONTRACT_POLICY.minBodyBytesPerSec} B/s after ${CONTRACT_POLICY.bodyGraceMs} ms (${shown(x)})`,
          ).toBe(true);
        } finally {
          clearInterval(trickle);
        }
      }),
    ),
  ];
}
