/**
 * The kit's server policy: how every lab's node:http server treats slow, malformed and hostile clients.
 * `applyServerPolicy(server)` is called by the kit's serveApp (so `pnpm start`, lab 04's tests and lab 05's
 * bundle and single executables) and by the contract's socket checks, before the server listens.
 *
 * - Deliberate timeouts instead of Node's defaults (headers 60 s, whole request 300 s, checked every 30 s,
 *   so a stalled request was answered after 61–86 s or 301–326 s).
 * - A minimum request-body data rate after a grace period, as Kestrel's MinRequestBodyDataRate (240 B/s
 *   after 5 s): one shared timer sweeps the requests still receiving a body at the end of the event-loop turn
 *   that parsed their headers (the rest are never held); time counts only while the app waits for bytes
 *   (nothing buffered unread), so a busy app never cuts a fast client.
 * - Protocol errors (`clientError`) answered with the API's JSON error body — 400 bad_request, 408
 *   request_timeout, 431 header_too_large — when the socket can still be written and no response has
 *   started; a reset or broken pipe from the client is not an error: counted, never logged.
 *
 * Bundle-safe (lab 05 bundles it through serve.ts): no `import.meta`, nothing done at module load but
 * building a few constant byte strings.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { ERROR_STATUS, errorBody, type ErrorCode } from './errors.ts';
import { MESSAGES } from './messages.ts';
import { requestHeader } from './node-request.ts';

/** Whole header block within 10 s (Node: 60 s). Real clients send it in one packet; only slowloris needs more. */
export const HEADERS_TIMEOUT_MS = 10_000;
/** Whole request, body included, within 30 s (Node: 300 s): a 1 MiB body needs only 35 KB/s to make it. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** An idle keep-alive connection is closed after 5 s (Node's value, kept on purpose and written down). */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** A body gets 5 s before its data rate is judged: time for TCP slow start (Kestrel's grace period). */
export const BODY_GRACE_MS = 5_000;
/** After the grace period a body must average at least 240 bytes/s (Kestrel's MinRequestBodyDataRate). */
export const MIN_BODY_BYTES_PER_SEC = 240;
/** Longest pause between two sweeps of the timeouts and the body rates (Node's own check: 30 s). */
export const MAX_SWEEP_MS = 1_000;
/** Shortest pause between two sweeps, however short the timeouts a test sets. */
export const MIN_SWEEP_MS = 20;
/** Headers a request may have: 0 = no count limit, so `rawHeaders` holds the whole block (bounded by maxHeaderSize). */
export const MAX_HEADERS_COUNT = 0;

/** Environment variables serveApp reads (tests shorten the values with them); each a positive integer. */
export const POLICY_ENV = {
  headersTimeoutMs: 'HOTPATH_HEADERS_TIMEOUT_MS',
  requestTimeoutMs: 'HOTPATH_REQUEST_TIMEOUT_MS',
  bodyGraceMs: 'HOTPATH_BODY_GRACE_MS',
  minBodyBytesPerSec: 'HOTPATH_MIN_BODY_BYTES_PER_SEC',
} as const;

export interface ServerPolicyOptions {
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
  bodyGraceMs?: number;
  minBodyBytesPerSec?: number;
}

/** What happened at the protocol level, counted (never logged): for tests, metrics and the curious. */
export interface ServerPolicyCounts {
  /** 400 bad_request answered (or the socket closed, when no answer could be written). */
  badRequests: number;
  /** 408 for headers or a whole request that did not arrive within the timeouts. */
  requestTimeouts: number;
  /** 408 for a body below the minimum data rate after the grace period. */
  slowBodies: number;
  /** 431 header_too_large. */
  headersTooLarge: number;
  /** Clients that reset the connection or broke the pipe: not errors. */
  resets: number;
}

export interface ServerPolicy {
  readonly settings: Readonly<Required<ServerPolicyOptions>>;
  readonly counts: Readonly<ServerPolicyCounts>;
  /** Requests whose body is still being watched for its data rate. */
  readonly watchedBodies: number;
}

/** The policy's values from `env` (unset = the default); throws on a value that is not a positive integer. */
export function serverPolicyFromEnv(env: Record<string, string | undefined> = process.env): ServerPolicyOptions {
  const options: ServerPolicyOptions = {};
  for (const key of Object.keys(POLICY_ENV) as (keyof typeof POLICY_ENV)[]) {
    const raw = env[POLICY_ENV[key]];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`${POLICY_ENV[key]} must be a positive integer, got ${JSON.stringify(raw)}`);
    options[key] = value;
  }
  return options;
}

/** The defaults with `options` over them; the headers timeout never exceeds the request timeout (Node requires it). */
export function policySettings(options: ServerPolicyOptions = {}): Required<ServerPolicyOptions> {
  const requestTimeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  return {
    headersTimeoutMs: Math.min(options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS, requestTimeoutMs),
    requestTimeoutMs,
    keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? KEEP_ALIVE_TIMEOUT_MS,
    bodyGraceMs: options.bodyGraceMs ?? BODY_GRACE_MS,
    minBodyBytesPerSec: options.minBodyBytesPerSec ?? MIN_BODY_BYTES_PER_SEC,
  };
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };
const MESSAGE_OF = { bad_request: MESSAGES.badRequest, request_timeout: MESSAGES.requestTimeout, header_too_large: MESSAGES.headerTooLarge } as const;
type ProtocolCode = keyof typeof MESSAGE_OF;

/** The whole HTTP/1.1 answer for a protocol error, as bytes written straight to the socket. */
export function protocolErrorResponse(code: ProtocolCode): Buffer {
  const status = ERROR_STATUS[code as ErrorCode];
  const body = JSON.stringify(errorBody(code, MESSAGE_OF[code]));
  return Buffer.from(
    `HTTP/1.1 ${status} ${REASONS[status]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    'latin1',
  );
}

const RESPONSES: Record<ProtocolCode, Buffer> = {
  bad_request: protocolErrorResponse('bad_request'),
  request_timeout: protocolErrorResponse('request_timeout'),
  header_too_large: protocolErrorResponse('header_too_large'),
};

/** Socket errors that only mean the client went away. */
const CLIENT_GONE = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);

/** Answers `code` on `socket` when it can still be written and no response has started there, then closes it. */
function answerAndClose(socket: Duplex, code: ProtocolCode, response?: ServerResponse): void {
  const inFlight = response ?? (socket as { _httpMessage?: ServerResponse | null })._httpMessage;
  // Written whole in one write (about 200 bytes: the kernel takes it at once), then closed, as Node's own bare answers are.
  if (socket.writable && !inFlight?.headersSent) socket.write(RESPONSES[code]);
  socket.destroy();
}

/**
 * True when the request declares a body (Transfer-Encoding, or a Content-Length other than 0), wherever the
 * header stands in the block: read with requestHeader(), the kit's one header policy.
 */
function declaresBody(request: IncomingMessage): boolean {
  if (requestHeader(request, 'transfer-encoding') !== undefined) return true;
  const length = requestHeader(request, 'content-length');
  return length !== undefined && length.trim() !== '0';
}

interface Upload {
  request: IncomingMessage;
  response: ServerResponse;
  socket: Socket;
  bytesAtStart: number;
  lastSweep: number;
  waitedMs: number;
}

/**
 * Configures `server` (before it listens: Node reads the sweep interval when listening starts) and returns
 * the settings in force and live counts. Call it once per server.
 */
export function applyServerPolicy(server: Server, options: ServerPolicyOptions = {}): ServerPolicy {
  const settings = policySettings(options);
  const counts: ServerPolicyCounts = { badRequests: 0, requestTimeouts: 0, slowBodies: 0, headersTooLarge: 0, resets: 0 };
  const sweepMs = Math.max(MIN_SWEEP_MS, Math.min(MAX_SWEEP_MS, Math.floor(Math.min(settings.headersTimeoutMs, settings.bodyGraceMs) / 4)));

  server.headersTimeout = settings.headersTimeoutMs;
  server.requestTimeout = settings.requestTimeoutMs;
  server.keepAliveTimeout = settings.keepAliveTimeoutMs;
  server.maxHeadersCount = MAX_HEADERS_COUNT;
  // Node checks headersTimeout/requestTimeout every connectionsCheckingInterval (30 s by default), read at listen().
  (server as { connectionsCheckingInterval?: number }).connectionsCheckingInterval = sweepMs;

  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const code = error.code ?? '';
    if (CLIENT_GONE.has(code) || !socket.writable) {
      if (CLIENT_GONE.has(code)) counts.resets++;
      socket.destroy();
      return;
    }
    if (code === 'HPE_HEADER_OVERFLOW') {
      counts.headersTooLarge++;
      answerAndClose(socket, 'header_too_large');
    } else if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      counts.requestTimeouts++;
      answerAndClose(socket, 'request_timeout');
    } else {
      counts.badRequests++;
      answerAndClose(socket, 'bad_request');
    }
  });

  // The body rate. A request that declares a body waits in `arriving` until the end of this turn of the event
  // loop (one setImmediate per turn, not per request): most bodies arrive with their headers and are complete
  // by then, so they are never held. The rest join `uploads`, which one timer sweeps, dropping finished ones.
  const arrivingRequests: IncomingMessage[] = [];
  const arrivingResponses: ServerResponse[] = [];
  const arrivingBytes: number[] = [];
  let uploads: Upload[] = [];
  const admit = () => {
    const now = performance.now();
    for (let i = 0; i < arrivingRequests.length; i++) {
      const request = arrivingRequests[i]!;
      if (request.complete || request.socket.destroyed) continue;
      uploads.push({ request, response: arrivingResponses[i]!, socket: request.socket, bytesAtStart: arrivingBytes[i]!, lastSweep: now, waitedMs: 0 });
    }
    arrivingRequests.length = 0;
    arrivingResponses.length = 0;
    arrivingBytes.length = 0;
  };
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.complete || !declaresBody(request)) return;
    if (arrivingRequests.length === 0) setImmediate(admit);
    arrivingRequests.push(request);
    arrivingResponses.push(response);
    arrivingBytes.push(request.socket.bytesRead);
  });

  const sweep = () => {
    if (uploads.length === 0) return;
    const now = performance.now();
    const kept: Upload[] = [];
    for (const upload of uploads) {
      const { request, socket } = upload;
      if (request.complete || socket.destroyed) continue;
      // Time counts only while the app waits for bytes: unread bytes in the request mean the app is the slow one.
      if (request.readableLength === 0) upload.waitedMs += now - upload.lastSweep;
      upload.lastSweep = now;
      const received = socket.bytesRead - upload.bytesAtStart;
      if (upload.waitedMs >= settings.bodyGraceMs && (received * 1000) / upload.waitedMs < settings.minBodyBytesPerSec) {
        counts.slowBodies++;
        answerAndClose(socket, 'request_timeout', upload.response);
        continue;
      }
      kept.push(upload);
    }
    uploads = kept;
  };
  const timer = setInterval(sweep, sweepMs);
  timer.unref();
  server.once('close', () => {
    clearInterval(timer);
    uploads = [];
  });

  return {
    settings,
    counts,
    get watchedBodies() {
      return uploads.length;
    },
  };
}
