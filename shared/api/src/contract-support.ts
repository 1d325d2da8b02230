/**
 * Request and assertion helpers of the contract suite: send a request in-process, and check an answer's
 * status, JSON content type and exact error shape, with messages written as instructions to the learner.
 */
import { expect } from 'vitest';
import { ERROR_STATUS, errorBody } from './index.ts';
import type { AppOptions, CreateApp, ErrorCode, HotPathApp, IngestEvent } from './index.ts';

export const ORIGIN = 'http://lab.local';
export const enc = new TextEncoder();

export interface ContractCheck {
  /** `group > name`, unique. */
  readonly id: string;
  readonly group: string;
  readonly name: string;
  /** Runs the check against fresh apps from `createApp`; throws (an assertion error) when the app is wrong. */
  run(createApp: CreateApp): Promise<void>;
}

export interface ContractOptions {
  /** Title of the top-level describe (default 'API contract'). */
  title?: string;
  /** Keep only the checks this returns true for. */
  filter?: (check: ContractCheck) => boolean;
  /** Per-test timeout in ms (default: vitest's). */
  timeoutMs?: number;
}

/** What came back: status, headers and the body as text. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/** contentType: default for POST application/json; null sends no Content-Type header. */
export interface SendInit {
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
  contentType?: string | null;
  headers?: Record<string, string>;
}

/** A fresh, silent app. */
export function freshApp(createApp: CreateApp, options: AppOptions = {}): HotPathApp {
  return createApp({ logWrite: () => {}, ...options });
}

/** Sends one request in-process. Byte bodies carry a Content-Length header, as they would over HTTP. */
export async function send(app: HotPathApp, method: string, path: string, init: SendInit = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  const contentType = init.contentType === undefined && method === 'POST' ? 'application/json' : init.contentType;
  if (contentType != null) headers.set('content-type', contentType);
  const body = typeof init.body === 'string' ? enc.encode(init.body) : init.body;
  if (body instanceof Uint8Array && !headers.has('content-length')) headers.set('content-length', String(body.byteLength));
  let res: Response;
  try {
    res = await app.fetch(new Request(`${ORIGIN}${path}`, { method, headers, body, duplex: 'half' } as RequestInit));
  } catch (error) {
    throw new Error(`Answer every request, never throw: app.fetch threw on ${method} ${path}: ${String(error)}`, { cause: error });
  }
  return { status: res.status, headers: res.headers, text: await res.text() };
}

export const snippet = (a: Answer) => `got ${a.status} ${a.text.length > 300 ? `${a.text.slice(0, 300)}…` : a.text}`;

/** Asserts the status (showing what came back) and a JSON Content-Type; returns the parsed body. */
export function expectJson(a: Answer, status: number, instruction: string): unknown {
  expect(a.status, `${instruction} (${snippet(a)})`).toBe(status);
  expect(a.headers.get('content-type') ?? '(none)', `Send Content-Type: application/json with every ${status} answer`).toMatch(/^application\/json\s*(;|$)/i);
  try {
    return JSON.parse(a.text);
  } catch {
    return expect.fail(`${instruction}: the body must be JSON (${snippet(a)})`);
  }
}

/** Asserts an error answer: the code's status, JSON, and a body of exactly {error:{code,message}}. */
export function expectError(a: Answer, code: ErrorCode, when: string): { code: string; message: string } {
  const body = expectJson(a, ERROR_STATUS[code], `Answer ${ERROR_STATUS[code]} ${code} when ${when}`);
  expect((body as { error?: { code?: unknown } } | null)?.error?.code, `Use the error code ${code} when ${when} (${snippet(a)})`).toBe(code);
  expect(body, `Write errors as {"error":{"code":"${code}","message":"…"}} and nothing else, when ${when}`).toStrictEqual(
    errorBody(code, expect.any(String) as unknown as string),
  );
  const error = (body as ReturnType<typeof errorBody>).error;
  expect(error.message.trim().length, `Give the ${code} error a message that says what went wrong`).toBeGreaterThan(0);
  return error;
}

export const acceptedBody = (e: IngestEvent) => JSON.stringify({ accepted: true, itemCount: e.itemCount, timestamp: e.timestamp });
export const eventBody = (e: IngestEvent, extra = '') => `{${extra}"itemCount":${e.itemCount},"timestamp":${e.timestamp}}`;

export async function expectAccepted(app: HotPathApp, body: string | Uint8Array, e: IngestEvent, when: string): Promise<void> {
  const a = await send(app, 'POST', '/ingest/v1', { body });
  expectJson(a, 202, `Answer 202 to POST /ingest/v1 when ${when}`);
  expect(a.text, `Answer exactly {"accepted":true,"itemCount":N,"timestamp":T} when ${when}`).toBe(acceptedBody(e));
}
