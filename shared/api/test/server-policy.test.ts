/**
 * The server policy's pure parts: the values from the environment (and refusing nonsense), the settings
 * (headers timeout never past the request timeout), and the exact bytes of a protocol-error answer. Its
 * behaviour over real sockets is tested by the contract's socket group and shared/kit/test/serve.test.ts.
 */
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, MESSAGES } from '../src/index.ts';
import {
  HEADERS_TIMEOUT_MS,
  MAX_SWEEP_MS,
  REQUEST_TIMEOUT_MS,
  applyServerPolicy,
  policySettings,
  protocolErrorResponse,
  serverPolicyFromEnv,
} from '../src/server-policy.ts';

describe('server policy values', () => {
  it('reads the four HOTPATH_* variables, and only those', () => {
    const env = {
      HOTPATH_HEADERS_TIMEOUT_MS: '400',
      HOTPATH_REQUEST_TIMEOUT_MS: '5000',
      HOTPATH_BODY_GRACE_MS: '300',
      HOTPATH_MIN_BODY_BYTES_PER_SEC: '1000',
      OTHER: '1',
    };
    expect(serverPolicyFromEnv(env)).toEqual({ headersTimeoutMs: 400, requestTimeoutMs: 5000, bodyGraceMs: 300, minBodyBytesPerSec: 1000 });
    expect(serverPolicyFromEnv({}), 'Unset variables leave the defaults').toEqual({});
  });

  it.each(['0', '-5', '1.5', 'soon', '1e400'])('refuses %s, naming the variable', (raw) => {
    expect(() => serverPolicyFromEnv({ HOTPATH_REQUEST_TIMEOUT_MS: raw })).toThrow(
      `HOTPATH_REQUEST_TIMEOUT_MS must be a positive integer, got ${JSON.stringify(raw)}`,
    );
  });

  it('keeps the headers timeout within the request timeout, as Node requires', () => {
    expect(policySettings()).toMatchObject({ headersTimeoutMs: HEADERS_TIMEOUT_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS });
    expect(policySettings({ requestTimeoutMs: 2_000 }).headersTimeoutMs).toBe(2_000);
  });

  it('sets the values on the server, with a sweep no slower than MAX_SWEEP_MS', () => {
    const server = createServer();
    applyServerPolicy(server);
    expect(server).toMatchObject({
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      maxHeadersCount: 0,
      connectionsCheckingInterval: MAX_SWEEP_MS,
    });
    expect(server.listenerCount('clientError'), 'Answer protocol errors with a clientError handler').toBe(1);
  });
});

describe('protocol error answers', () => {
  it.each([
    ['bad_request', 'Bad Request', MESSAGES.badRequest],
    ['request_timeout', 'Request Timeout', MESSAGES.requestTimeout],
    ['header_too_large', 'Request Header Fields Too Large', MESSAGES.headerTooLarge],
  ] as const)('%s is the API error body, JSON, closing the connection', (code, reason, message) => {
    const text = protocolErrorResponse(code).toString('latin1');
    const [head, body] = text.split('\r\n\r\n');
    expect(head).toBe(
      `HTTP/1.1 ${ERROR_STATUS[code]} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body!)}\r\nconnection: close`,
    );
    expect(JSON.parse(body!)).toStrictEqual({ error: { code, message } });
  });
});
