/**
 * The requests of the hostile-client suite, as exact bytes: the header cases of issue 18 (finding 3), the
 * protocol errors (finding 4), and a normal client (fetch) that must stay answered under attack. Also reads
 * the API's JSON error body out of a raw response, for messages that say what came back.
 */
import { ingest1k } from '@hotpath/api/fixtures';
import { ANSWER_TIMEOUT_MS, FILLER_HEADERS, HUGE_HEADER_BYTES, NORMAL_CLIENT_TIMEOUT_MS, OVERSIZED_DECLARED_BYTES } from './bounds.ts';
import { exchange, parseResponses, type HeldSocket, type RawResponse } from './raw-socket.ts';

const HOST_LINE = 'Host: 127.0.0.1\r\n';
const JSON_TYPE = 'Content-Type: application/json\r\n';

/** `count` short header lines (`x-filler-1: 1` …): about 15 bytes each, well inside Node's 16 KiB block. */
export function fillerHeaders(count: number): string {
  let out = '';
  for (let i = 1; i <= count; i++) out += `x-filler-${i}: 1\r\n`;
  return out;
}

/** A POST /ingest/v1 head with `lines` (each ending in CRLF) after the request line and Host. */
export function ingestHead(lines: string): string {
  return `POST /ingest/v1 HTTP/1.1\r\n${HOST_LINE}${lines}\r\n`;
}

export interface HeaderCase {
  name: string;
  /** What issue 18 requires, the same on every lab. */
  status: number;
  code: string;
  /** What the case sends. */
  chunks: (string | Uint8Array)[];
  /** The instruction when a lab answers otherwise. */
  fix: string;
}

/** Issue 18's three header cases (finding 3, deliver 3). */
export function headerCases(): HeaderCase[] {
  return [
    {
      name: `(a) ${FILLER_HEADERS} filler headers, then Content-Type: application/json and a valid body`,
      status: 202,
      code: '',
      chunks: [ingestHead(`${fillerHeaders(FILLER_HEADERS)}${JSON_TYPE}Content-Length: ${ingest1k.byteLength}\r\n`), ingest1k],
      fix: 'a Content-Type anywhere in the header block counts: read headers with requestHeader(), not incoming.headers (which keeps the first 1,000 lines)',
    },
    {
      name: '(b) Content-Type: application/json, then Content-Type: text/plain',
      status: 415,
      code: 'unsupported_media_type',
      chunks: [ingestHead(`${JSON_TYPE}Content-Type: text/plain\r\nContent-Length: ${ingest1k.byteLength}\r\n`), ingest1k],
      fix: 'two conflicting Content-Types are not JSON: join every occurrence (requestHeader()) before the media-type check',
    },
    {
      name: `(c) Content-Length: ${OVERSIZED_DECLARED_BYTES} as header #${FILLER_HEADERS + 3}, no body byte sent`,
      status: 413,
      code: 'payload_too_large',
      chunks: [ingestHead(`${JSON_TYPE}${fillerHeaders(FILLER_HEADERS)}Content-Length: ${OVERSIZED_DECLARED_BYTES}\r\n`)],
      fix: 'refuse an oversized Content-Length before reading the body, wherever it sits in the header block',
    },
  ];
}

export interface ProtocolCase {
  name: string;
  status: number;
  code: string;
  chunks: (string | Uint8Array)[];
  /**
   * Which response on the connection is judged (0-based), or LAST_RESPONSE: the last one before the server
   * closes (a garbage request pipelined behind a valid one is answered last, if the first is answered at all).
   */
  index: number;
  /** How long to wait for it. */
  timeoutMs: number;
  fix: string;
}

/** A ProtocolCase's `index` for the last response before the server closes the connection. */
export const LAST_RESPONSE = -1;

/** Bytes that no HTTP/1.1 parser reads as a request line: `@` is not a method token. */
const GARBAGE = '@@@@ garbage @@@@\r\n\r\n';
/** A valid-looking 10-byte JSON body, so the declared part of the body is well formed. */
const TEN_BYTES = '{"n":1234}';

/** Issue 18's protocol errors (finding 4, deliver 4), each to be answered with the API's JSON error body. */
export function protocolCases(headersTimeoutMs: number, slackMs: number): ProtocolCase[] {
  const thirty = TEN_BYTES + GARBAGE.padStart(20, ' ').slice(-20);
  return [
    {
      name: `Content-Length: 10, then ${thirty.length} bytes: the next, garbage request`,
      status: 400,
      code: 'bad_request',
      chunks: [ingestHead(`${JSON_TYPE}Content-Length: ${TEN_BYTES.length}\r\n`) + thirty],
      index: LAST_RESPONSE,
      timeoutMs: ANSWER_TIMEOUT_MS,
      fix: "answer a parse error from the server's clientError handler with the API's JSON error body, then close",
    },
    {
      name: `a ${HUGE_HEADER_BYTES / 1024} KB header`,
      status: 431,
      code: 'header_too_large',
      chunks: [`GET /health HTTP/1.1\r\n${HOST_LINE}x-huge: ${'a'.repeat(HUGE_HEADER_BYTES)}\r\n\r\n`],
      index: 0,
      timeoutMs: ANSWER_TIMEOUT_MS,
      fix: "answer HPE_HEADER_OVERFLOW from the server's clientError handler with the API's JSON error body",
    },
    {
      name: `stalled headers (HOTPATH_HEADERS_TIMEOUT_MS=${headersTimeoutMs})`,
      status: 408,
      code: 'request_timeout',
      chunks: [`GET /health HTTP/1.1\r\n${HOST_LINE}x-stalled: `],
      index: 0,
      timeoutMs: headersTimeoutMs + slackMs,
      fix: "set headersTimeout from HOTPATH_HEADERS_TIMEOUT_MS and answer ERR_HTTP_REQUEST_TIMEOUT with the API's JSON error body",
    },
  ];
}

/** The `code` of the API's JSON error body in `response`, or a description of what came instead. */
export function errorCodeOf(response: RawResponse | undefined): { code?: string; problem?: string } {
  if (!response) return { problem: 'no response' };
  const type = response.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type))
    return { problem: `content-type ${JSON.stringify(type)}, body ${JSON.stringify(response.body.toString('latin1').slice(0, 80))}` };
  try {
    const parsed = JSON.parse(response.body.toString('utf8')) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = parsed.error ?? {};
    if (typeof code !== 'string' || typeof message !== 'string')
      return { problem: `body ${response.body.toString('utf8').slice(0, 80)} is not {"error":{"code","message"}}` };
    return { code };
  } catch {
    return { problem: `body ${JSON.stringify(response.body.toString('latin1').slice(0, 80))} is not JSON` };
  }
}

/** How held connections ended: 408 with the API's request_timeout body, closed without a byte, else. */
export interface TimeoutOutcomes {
  json408: number;
  closed: number;
  /** Answered with anything else (the first such answer, quoted), or still open. */
  other: number;
  firstOther?: string;
  open: number;
}

/** Whether a held connection is done: closed, or sent a whole response. */
export function settled(state: HeldSocket): boolean {
  return state.closed || parseResponses(Buffer.concat(state.received)).length > 0;
}

export function timeoutOutcomes(held: readonly HeldSocket[]): TimeoutOutcomes {
  const out: TimeoutOutcomes = { json408: 0, closed: 0, other: 0, open: 0 };
  for (const state of held) {
    const bytes = Buffer.concat(state.received);
    const response = parseResponses(bytes)[0];
    if (!settled(state)) out.open++;
    else if (bytes.length === 0) out.closed++;
    else if (response?.status === 408 && errorCodeOf(response).code === 'request_timeout') out.json408++;
    else {
      out.other++;
      out.firstOther ??= JSON.stringify(bytes.toString('latin1').slice(0, 120));
    }
  }
  return out;
}

/** One exchange of a case: the judged response's status and error code, or what went wrong instead. */
export async function runCase(port: number, chunks: (string | Uint8Array)[], index: number, timeoutMs: number) {
  const last = index === LAST_RESPONSE;
  const reply = await exchange(port, chunks, { timeoutMs, responses: last ? undefined : index + 1 });
  const response = last ? (reply.closed ? reply.responses.at(-1) : undefined) : reply.responses[index];
  const { code, problem } = errorCodeOf(response);
  const seen = response
    ? `${response.status}${code ? ` ${code}` : ''}${problem && response.status >= 400 ? ` (${problem})` : ''}`
    : `no ${last ? 'last response before a close' : `response #${index + 1}`} within ${timeoutMs} ms (${reply.responses.length} response(s), ${reply.closed ? 'then closed' : 'connection still open'})`;
  const before =
    last && reply.responses.length > 1
      ? ` after ${reply.responses
          .slice(0, -1)
          .map((r) => r.status)
          .join(', ')}`
      : '';
  return { status: response?.status, code, problem, seen: seen + before };
}

/** A normal client: GET /health and a valid POST /ingest/v1 (ingest-1k), each bounded; their statuses. */
export async function normalClient(url: string): Promise<{ health: string; ingest: string }> {
  const attempt = async (path: string, init: RequestInit) => {
    try {
      const response = await fetch(url + path, { ...init, signal: AbortSignal.timeout(NORMAL_CLIENT_TIMEOUT_MS) });
      await response.arrayBuffer();
      return String(response.status);
    } catch (error) {
      return `no answer (${(error as Error).name})`;
    }
  };
  const [health, ingest] = await Promise.all([
    attempt('/health', {}),
    attempt('/ingest/v1', { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from(ingest1k) }),
  ]);
  return { health, ingest };
}
