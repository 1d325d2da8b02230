/**
 * Step 3 — the handler reads the body into the pool, never with the request's own body methods. Any of
 * `arrayBuffer()`, `text()`, `json()`, `blob()`, `bytes()` or `formData()` (on `c.req` or `c.req.raw`) makes a
 * new buffer holding the whole body: the per-request allocation this lab removes. A handler that took that
 * shortcut and copied the result into a slab would pass every other test, so this file counts those calls
 * while POST /ingest/v1 is answered — in process, and over a real socket, where @hono/node-server's own
 * request object has faster versions of them — and requires none. The last test plants the shortcut
 * (a handler reading `await c.req.arrayBuffer()`) and shows the count catching it.
 */
import { isJsonContentType, type HotPathApp } from '@hotpath/api';
import { withNodeRequests } from '@hotpath/api/node-request';
import { ingestFixture } from '@hotpath/api/fixtures';
import { serveApp } from '@hotpath/api/serve';
import { answerIngest, appFactory, lab03Routes, unsupportedMediaType, type AppEnv, type TypedRoute } from '#given';
import type { Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { chunkStream, encoder, loadApp } from './support/subject.ts';
import { bodyReadSpy, type BodyReadSpy } from './support/body-reads.ts';

interface Send {
  what: string;
  body: Uint8Array;
  contentType?: string;
  /** Sent without Content-Length (chunked over a socket, a stream in process). */
  streamed?: boolean;
  status: number;
}

const SENDS: Send[] = [
  { what: 'a 1 KB body with Content-Length', body: ingestFixture('1k').bytes, status: 202 },
  { what: 'a 64 KB body with Content-Length', body: ingestFixture('64k').bytes, status: 202 },
  { what: 'a 1 KB body streamed without Content-Length', body: ingestFixture('1k').bytes, streamed: true, status: 202 },
  { what: 'invalid JSON', body: encoder.encode('{"itemCount":3,'), status: 400 },
  { what: 'a failed validation', body: encoder.encode('{"itemCount":-3,"timestamp":1}'), status: 400 },
  { what: 'a text/plain body', body: encoder.encode('{}'), contentType: 'text/plain', status: 415 },
];

/** Every send, in process through `app.fetch`; the statuses in order. */
async function sendInProcess(app: HotPathApp, spy: BodyReadSpy): Promise<number[]> {
  const statuses: number[] = [];
  for (const send of SENDS) {
    const headers: Record<string, string> = { 'content-type': send.contentType ?? 'application/json' };
    if (!send.streamed) headers['content-length'] = String(send.body.byteLength);
    const init: RequestInit & { duplex?: 'half' } = { method: 'POST', headers, body: send.streamed ? chunkStream([send.body]) : (send.body as BodyInit) };
    if (send.streamed) init.duplex = 'half';
    const request = new Request('http://localhost/ingest/v1', init);
    spy.watch(request);
    const response = await app.fetch(request);
    statuses.push(response.status);
    await response.arrayBuffer();
  }
  return statuses;
}

/** Every send, over a loopback socket to `app` served in this process; the statuses in order. */
async function sendOverSocket(app: HotPathApp, spy: BodyReadSpy): Promise<number[]> {
  // Each request object @hono/node-server makes is watched before the app sees it.
  const watched: HotPathApp = {
    sink: app.sink,
    fetch: (request: Request, ...rest: unknown[]) => {
      spy.watch(request);
      return app.fetch(request, ...rest);
    },
  };
  const server = await serveApp(watched, { port: 0 });
  try {
    const statuses: number[] = [];
    for (const send of SENDS) {
      // fetch() sends a Uint8Array with Content-Length and a stream chunked, without one.
      const headers: Record<string, string> = { 'content-type': send.contentType ?? 'application/json' };
      const init: RequestInit & { duplex?: 'half' } = { method: 'POST', headers, body: send.streamed ? chunkStream([send.body]) : (send.body as BodyInit) };
      if (send.streamed) init.duplex = 'half';
      const response = await fetch(`${server.url}/ingest/v1`, init);
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    return statuses;
  } finally {
    await server.close();
  }
}

const expected = SENDS.map((send) => send.status);

/** Lab 03's routes with POST /ingest/v1 answered by `handler` (after the 415): a planted app for the last tests. */
function plantedApp(read: (c: Context<AppEnv>) => Promise<Response>): HotPathApp {
  const handler = (c: Context<AppEnv>) => (isJsonContentType(c.req.header('content-type')) ? read(c) : unsupportedMediaType());
  const table: readonly TypedRoute[] = lab03Routes.map((route) => (route.path === '/ingest/v1' ? { ...route, handler } : route));
  return withNodeRequests(appFactory(table)({ logLevel: 'silent' }));
}

describe('POST /ingest/v1 never reads the body with arrayBuffer(), text(), json(), blob() or formData()', () => {
  /** Each way a request reaches the app, and what to do when it read the body with one of the request's methods. */
  const transports = [
    [
      'in process (a Request made by the test, as app.fetch() gets it)',
      sendInProcess,
      "Read the body into a rented PooledBody with readWebBody(c.req.raw.body, …), not with the request's body methods (lab03Ingest, the starting code, calls arrayBuffer()): each makes a new buffer per request",
    ],
    [
      "over a real socket (the Node request behind @hono/node-server's Request)",
      sendOverSocket,
      'Over a socket, read the body from nodeRequest() with readNodeBody(): c.req.arrayBuffer() and its kin (and readBodyWithin, which calls it) copy the whole body into a new buffer per request',
    ],
  ] as const;

  it.each(transports)(
    '%s',
    async (_how, send, fix) => {
      const { createApp } = await loadApp();
      const spy = bodyReadSpy();
      try {
        const statuses = await send(createApp({ logLevel: 'silent' }), spy);
        expect(statuses, `Answer ${SENDS.map((s) => `${s.what} ${s.status}`).join(', ')}`).toEqual(expected);
      } finally {
        spy.restore();
      }
      expect(spy.report(), fix).toBe('none');
    },
    30_000,
  );

  it('the check catches a handler that reads the body with c.req.arrayBuffer() (planted shortcut)', async () => {
    const shortcut = plantedApp(async (c) => answerIngest(c, new Uint8Array(await c.req.arrayBuffer())));
    for (const [where, send] of [
      ['in process', sendInProcess],
      ['over a socket', sendOverSocket],
    ] as const) {
      const spy = bodyReadSpy();
      try {
        expect(await send(shortcut, spy), `The planted app answers like lab 03 ${where}`).toEqual(expected);
      } finally {
        spy.restore();
      }
      expect(spy.count('arrayBuffer'), `The spy must see the planted arrayBuffer() ${where}: ${spy.report()}`).toBeGreaterThan(0);
    }
  }, 30_000);

  it('the check catches text(), json(), blob(), bytes(), formData() and a clone, on c.req and on c.req.raw (planted shortcuts)', async () => {
    // Hono's c.req.json() reads the body through raw.text(): the spy names the method that buffered it.
    const plants: [string, (c: Context<AppEnv>) => Promise<unknown>, string][] = [
      ['c.req.text()', (c) => c.req.text(), 'text'],
      ['c.req.json()', (c) => c.req.json(), 'text'],
      ['c.req.raw.json()', (c) => c.req.raw.json(), 'json'],
      ['c.req.blob()', (c) => c.req.blob(), 'blob'],
      ['c.req.raw.bytes()', (c) => c.req.raw.bytes(), 'bytes'],
      ['c.req.formData()', (c) => c.req.formData(), 'formData'],
      ['c.req.raw.clone().arrayBuffer()', (c) => c.req.raw.clone().arrayBuffer(), 'arrayBuffer'],
    ];
    for (const [call, read, method] of plants) {
      const app = plantedApp(async (c) => {
        await read(c).catch(() => undefined); // formData() rejects a JSON body: the call is what counts
        return answerIngest(c, encoder.encode('{"itemCount":1,"timestamp":1}'));
      });
      const spy = bodyReadSpy();
      try {
        await sendInProcess(app, spy);
      } finally {
        spy.restore();
      }
      expect(spy.count(method), `The spy must see the planted ${call} as ${method}(): ${spy.report()}`).toBeGreaterThan(0);
    }
  });
});
