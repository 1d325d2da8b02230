/**
 * Step 3, over a real socket — the only place a Node request is read from @hono/node-server's
 * IncomingMessage and a client can really go away, or send slowly. The app is served in this process (so
 * the test can read `bodyMemory`'s stats) on a free loopback port. Thousands of requests mixing valid,
 * malformed, oversized (by Content-Length and streamed) and aborted ones must leave `outstanding` and the
 * budget at 0; every body goes through the pools; on one keep-alive connection, a short body after a long one
 * gets its own answer. Slow clients: 500 connections that declare 1 MiB and send 16 bytes hold at most 500
 * small slabs while a normal client gets its 202; a spent budget is 503 server_busy. And the headers are read
 * from the whole header block, as every lab reads them.
 */
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { BODY_LIMIT_BYTES } from '@hotpath/api';
import { ingestFixture } from '@hotpath/api/fixtures';
import { serveApp, type RunningServer } from '@hotpath/api/serve';
import { sendBody } from '@hotpath/harness/send-body';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encoder, loadApp, loadBody, loadIngest, outstandingIn, rentedFrom, showMemory, waitFor } from './support/subject.ts';

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
    sendBody(req, body, options.chunked);
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

/** A slow client on `to`: declares 1 MiB, sends 16 bytes of it, and holds the socket open until destroyed. */
function slowClient(to: number): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect(to, '127.0.0.1', () => {
      socket.write(
        `POST /ingest/v1 HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${BODY_LIMIT_BYTES}\r\n\r\n{"itemCount":1,"`,
      );
      resolve(socket);
    });
    socket.on('error', () => resolve(socket));
  });
}

/** Sends `head` (a request's start line and headers, then `body`) on a new socket; resolves with the status of the answer. */
function rawStatus(head: string, body = ''): Promise<number> {
  return new Promise((resolve) => {
    let seen = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(head + body));
    socket.setEncoding('latin1');
    socket.on('data', (data: string) => {
      seen += data;
      const status = /^HTTP\/1\.1 (\d{3})/.exec(seen);
      if (status) {
        socket.destroy();
        resolve(Number(status[1]));
      }
    });
    socket.on('error', () => resolve(0));
    socket.on('close', () => resolve(0));
  });
}

async function waitForOutstandingZero(): Promise<string> {
  const { bodyMemory } = await loadIngest();
  await waitFor(() => outstandingIn(bodyMemory) === 0 && bodyMemory.budget.stats().outstanding === 0);
  return showMemory(bodyMemory);
}

describe('the pool under a real server', () => {
  it('reads bodies from the Node request into the pools', async () => {
    const { bodyMemory } = await loadIngest();
    const before = rentedFrom(bodyMemory);
    const reply = await post(ingestFixture('1k').bytes);
    expect(reply.status).toBe(202);
    expect(
      rentedFrom(bodyMemory) - before,
      `Over a real socket too, POST /ingest/v1 must rent its memory from bodyMemory (read the body from nodeRequest()) (${showMemory(bodyMemory)})`,
    ).toBeGreaterThanOrEqual(1);
  });

  it('returns every buffer after thousands of mixed requests, aborted ones included', async () => {
    const { bodyMemory } = await loadIngest();
    const valid = ingestFixture('1k').bytes;
    const big = ingestFixture('64k').bytes;
    const malformed = encoder.encode('{"itemCount":1,"timestamp":');
    const huge = new Uint8Array(BODY_LIMIT_BYTES + 64 * 1024).fill(0x20);
    const before = rentedFrom(bodyMemory);
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
    const after = await waitForOutstandingZero();
    expect(
      [outstandingIn(bodyMemory), bodyMemory.budget.stats().outstanding],
      `After ${counts.join('/')} valid/64 KB/malformed/oversized-chunked/oversized/aborted requests, every rented buffer and every budget byte must be back (${after}): give them back in a finally, and settle the read when the client goes away ('error' or 'close' before 'end')`,
    ).toEqual([0, 0]);
    const bodiesRead = counts[0]! + counts[1]! + counts[2]! + counts[3]! + counts[5]!;
    expect(
      rentedFrom(bodyMemory) - before,
      'Every request that reads a body must rent (only the oversized Content-Length ones are refused before)',
    ).toBeGreaterThanOrEqual(bodiesRead);
    expect(
      Math.max(bodyMemory.small.stats().highWater, bodyMemory.slabs.stats().highWater),
      `At most one buffer per request in flight (${after})`,
    ).toBeLessThanOrEqual(64);
  }, 120_000);

  it('answers a short body after a long one on the same connection as if it came alone', async () => {
    const long = encoder.encode(`{"itemCount":5,"timestamp":1717171717171,"pad":"${'p'.repeat(3000)}"}`);
    const short = encoder.encode('{"itemCount":5,"timestamp":1717171717171');
    const single = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const send = (body: Uint8Array) =>
        new Promise<{ status: number; text: string }>((resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port,
              method: 'POST',
              path: '/ingest/v1',
              agent: single,
              headers: { 'content-type': 'application/json', 'content-length': body.byteLength },
            },
            (res) => {
              let text = '';
              res.setEncoding('utf8');
              res.on('data', (c: string) => (text += c));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
            },
          );
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

  it('holds 500 slow bodies — 1 MiB declared, 16 bytes sent — in 500 small slabs, and still answers a normal client', async () => {
    const { bodyMemory } = await loadIngest();
    const SLOW = 500;
    const before = rentedFrom(bodyMemory);
    const sockets = await Promise.all(Array.from({ length: SLOW }, () => slowClient(port)));
    try {
      const arrived = await waitFor(() => rentedFrom(bodyMemory) - before >= SLOW, 10_000);
      expect(
        arrived,
        `Read each body from nodeRequest() as its bytes arrive: after 10 s, ${rentedFrom(bodyMemory) - before} of ${SLOW} bodies that sent 16 bytes had rented memory for them (${showMemory(bodyMemory)})`,
      ).toBe(true);
      const bound = SLOW * bodyMemory.small.slabSize;
      expect(
        bodyMemory.budget.stats().outstanding,
        `Rent what arrived, not what was declared: ${SLOW} bodies of 16 bytes may hold ${SLOW} small slabs (${bound} bytes) in all, not ${SLOW} slabs or 1 MiB buffers (${showMemory(bodyMemory)})`,
      ).toBeLessThanOrEqual(bound);
      expect(bodyMemory.slabs.stats().outstanding, `16 bytes never need a 64 KiB slab (${showMemory(bodyMemory)})`).toBe(0);
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status, 'GET /health still answers while slow clients hold their bodies').toBe(200);
      const reply = await post(ingestFixture('1k').bytes);
      expect(reply.status, `A normal POST /ingest/v1 still gets 202 while ${SLOW} slow bodies are held: ${reply.text.slice(0, 160)}`).toBe(202);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
    const after = await waitForOutstandingZero();
    expect(
      [outstandingIn(bodyMemory), bodyMemory.budget.stats().outstanding],
      `When the slow clients go away, their small slabs and budget come back ('close' without 'end' is Aborted) (${after})`,
    ).toEqual([0, 0]);
  }, 60_000);

  it('answers 503 server_busy while slow bodies hold the budget, and 202 once they have gone', async () => {
    const { appWithMemory } = await loadApp();
    const { createBodyMemory } = await loadBody();
    const memory = createBodyMemory({ budgetBytes: 64 * 1024 });
    const tight = await serveApp(appWithMemory(memory)({ logLevel: 'silent' }), { port: 0 });
    const tightPort = Number(new URL(tight.url).port);
    const send = () =>
      fetch(`${tight.url}/ingest/v1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: ingestFixture('64k').bytes as BodyInit });
    try {
      const slow = await slowClient(tightPort);
      expect(
        await waitFor(() => memory.budget.stats().outstanding > 0),
        `A slow body's 16 bytes must take their small slab from the budget (${showMemory(memory)})`,
      ).toBe(true);
      const busy = await send();
      const text = await busy.text();
      expect(
        busy.status,
        `With a 64 KiB budget and a slow body holding a small slab, a 64 KB body's slab does not fit: answer 503 server_busy, got ${busy.status} ${text.slice(0, 160)}`,
      ).toBe(503);
      expect([JSON.parse(text).error.code, busy.headers.get('retry-after')], 'The 503 is server_busy, with Retry-After').toEqual(['server_busy', '1']);
      expect(
        memory.budget.stats().outstanding,
        `The refused request gave its memory back; only the slow body's small slab is held (${showMemory(memory)})`,
      ).toBe(memory.small.slabSize);
      slow.destroy();
      expect(
        await waitFor(() => memory.budget.stats().outstanding === 0),
        `The slow client went away: its small slab and budget come back (${showMemory(memory)})`,
      ).toBe(true);
      expect((await send()).status, 'With the budget free again, the same 64 KB body is accepted').toBe(202);
    } finally {
      await tight.close();
    }
    expect([outstandingIn(memory), memory.budget.stats().outstanding], showMemory(memory)).toEqual([0, 0]);
  });

  it('reads Content-Type and Content-Length from the whole header block (requestHeader), as every lab does', async () => {
    const { bodyMemory } = await loadIngest();
    const body = '{"itemCount":3,"timestamp":1717171717171}';
    const start = `POST /ingest/v1 HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n`;
    const fillers = (n: number) => Array.from({ length: n }, (_, i) => `x-f${i}: 1\r\n`).join('');
    const twoTypes = await rawStatus(`${start}content-type: application/json\r\ncontent-type: text/plain\r\ncontent-length: ${body.length}\r\n\r\n`, body);
    expect(
      twoTypes,
      'Two conflicting Content-Types are not JSON: 415. incoming.headers keeps only the first; read headers with requestHeader(incoming, name)',
    ).toBe(415);
    const late = await rawStatus(`${start}${fillers(999)}content-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`, body);
    expect(
      late,
      'A Content-Type after 999 other headers still counts: 202. incoming.headers keeps only 1,000 lines; requestHeader(incoming, name) reads them all',
    ).toBe(202);
    const before = rentedFrom(bodyMemory);
    const huge = await rawStatus(`${start}content-type: application/json\r\n${fillers(1001)}content-length: ${2 * BODY_LIMIT_BYTES}\r\n\r\n`, ' '.repeat(1000));
    expect(huge, "A Content-Length over 1 MiB as header #1,004 is still declared: 413 before reading (requestHeader(incoming, 'content-length'))").toBe(413);
    expect(rentedFrom(bodyMemory) - before, `The early 413 rents nothing (${showMemory(bodyMemory)})`).toBe(0);
  });
});
