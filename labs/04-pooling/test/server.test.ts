/**
 * Step 3, over a real socket — the only place a Node request is read from @hono/node-server's
 * IncomingMessage and a client can really go away mid-body. The app is served in this process (so the
 * test can read `bodyPool`'s stats) on a free loopback port. Thousands of requests mixing valid, malformed,
 * oversized (by Content-Length and streamed) and aborted ones must leave `outstanding` at 0; every body goes
 * through the pool; and on one keep-alive connection, a short body after a long one gets its own answer.
 */
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { BODY_LIMIT_BYTES } from '@hotpath/api';
import { ingestFixture } from '@hotpath/api/fixtures';
import { serveApp, type RunningServer } from '@hotpath/kit/serve';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encoder, loadApp, loadIngest, showStats } from './support/subject.ts';

let server: RunningServer;
let port = 0;
const agent = new Agent({ keepAlive: true, maxSockets: 16 });

beforeAll(async () => {
  const { createApp } = await loadApp();
  server = await serveApp(createApp({ logLevel: 'silent' }), { port: 0 });
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  agent.destroy();
  await server?.close();
});

/** One POST /ingest/v1; resolves with the status and body (0 when the connection failed before an answer). */
function post(body: Uint8Array, options: { chunked?: boolean; keepAlive?: boolean } = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (!options.chunked) headers['content-length'] = body.byteLength;
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/ingest/v1', headers, agent: options.keepAlive === false ? false : agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', () => resolve({ status: 0, text: '' }));
    if (options.chunked) {
      for (let at = 0; at < body.byteLength && !req.destroyed; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
      req.end();
    } else req.end(body);
  });
}

/** A client that declares `declared` bytes, sends `sent` of them, then disconnects. */
function abortMidBody(declared: number, sent: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`POST /ingest/v1 HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${declared}\r\n\r\n`);
      socket.write(new Uint8Array(sent).fill(0x20), () => setTimeout(() => socket.destroy(), 2));
    });
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
}

async function waitForOutstandingZero(): Promise<number> {
  const { bodyPool } = await loadIngest();
  const deadline = Date.now() + 3_000;
  while (bodyPool.stats().outstanding !== 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return bodyPool.stats().outstanding;
}

describe('the pool under a real server', () => {
  it('reads bodies from the Node request into the pool', async () => {
    const { bodyPool } = await loadIngest();
    const before = bodyPool.stats().rented;
    const reply = await post(ingestFixture('1k').bytes);
    expect(reply.status).toBe(202);
    expect(bodyPool.stats().rented - before, 'Over a real socket too, POST /ingest/v1 must rent its buffer from bodyPool (read the body from nodeRequest())').toBe(1);
  });

  it('returns every buffer after thousands of mixed requests, aborted ones included', async () => {
    const { bodyPool } = await loadIngest();
    const valid = ingestFixture('1k').bytes;
    const big = ingestFixture('64k').bytes;
    const malformed = encoder.encode('{"itemCount":1,"timestamp":');
    const huge = new Uint8Array(BODY_LIMIT_BYTES + 64 * 1024).fill(0x20);
    const before = bodyPool.stats();
    const kinds = [0, 0, 0, 1, 2, 2, 3, 4, 5];
    const counts = [0, 0, 0, 0, 0, 0];
    let i = 0;
    const worker = async () => {
      while (i < 2400) {
        const kind = kinds[i++ % kinds.length]!;
        counts[kind]!++;
        if (kind === 0) await post(valid);
        else if (kind === 1) await post(big);
        else if (kind === 2) await post(malformed);
        else if (kind === 3) await post(huge, { chunked: true, keepAlive: false });
        else if (kind === 4) await post(huge, { keepAlive: false });
        else await abortMidBody(5000, 100 + (i % 900));
      }
    };
    await Promise.all(Array.from({ length: 12 }, worker));
    const outstanding = await waitForOutstandingZero();
    const after = bodyPool.stats();
    expect(outstanding, `After ${counts.join('/')} valid/64 KB/malformed/oversized-chunked/oversized/aborted requests, every rented buffer must be back (${showStats(after)}): give it back in a finally, and settle the read when the client goes away ('error' or 'close' before 'end')`).toBe(0);
    const bodiesRead = counts[0]! + counts[1]! + counts[2]! + counts[3]! + counts[5]!;
    expect(after.rented - before.rented, 'Every request that reads a body must rent (only the oversized Content-Length ones are refused before)').toBeGreaterThanOrEqual(bodiesRead);
    expect(after.highWater, `At most one buffer per request in flight (${showStats(after)})`).toBeLessThanOrEqual(64);
  }, 120_000);

  it('answers a short body after a long one on the same connection as if it came alone', async () => {
    const long = encoder.encode(`{"itemCount":5,"timestamp":1717171717171,"pad":"${'p'.repeat(3000)}"}`);
    const short = encoder.encode('{"itemCount":5,"timestamp":1717171717171');
    const single = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const send = (body: Uint8Array) =>
        new Promise<{ status: number; text: string }>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/ingest/v1', agent: single, headers: { 'content-type': 'application/json', 'content-length': body.byteLength } }, (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          });
          req.on('error', reject);
          req.end(body);
        });
      expect((await send(long)).status).toBe(202);
      const reply = await send(short);
      expect(reply.status, `A body cut before its closing brace is invalid JSON, whatever the slab held before: got ${reply.status} ${reply.text}`).toBe(400);
      expect(reply.text, 'Name the end of this body, not a byte of the earlier one').toContain(`byte ${short.byteLength}`);
    } finally {
      single.destroy();
    }
  });
});
