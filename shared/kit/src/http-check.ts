/**
 * The contract over a real socket: checks a running server (any lab's `pnpm start`) through node:http —
 * the routes byte for byte, every corpus case, 413 for a 2 MiB body with Content-Length and for a chunked
 * one without, and that the server is still up afterwards. The in-process contract suite checks the same
 * logic through app.fetch; this checks what only a socket shows: @hono/node-server, Content-Length,
 * chunked bodies, 413 while the client is still sending. Sink and per-app checks need app.fetch and stay
 * in the in-process suite.
 */
import { request } from 'node:http';
import { SEEDED_TODO_COUNT, seedTodos } from '@hotpath/api';
import { corpus, todosJson } from '@hotpath/api/fixtures';

export interface HttpReply {
  status: number;
  contentType: string;
  body: string;
}

export interface HttpSendOptions {
  body?: Uint8Array;
  contentType?: string | null;
  /** Send the body with Transfer-Encoding: chunked (no Content-Length), in 64 KiB writes. */
  chunked?: boolean;
}

/**
 * One request on a fresh connection (fetch would add a Content-Type of its own to string bodies). The
 * server may answer 413 and close while a big body is still being written: a write error after — or just
 * before — the answer is expected, so it only fails the request if no answer follows.
 */
export function sendHttp(base: URL, method: string, path: string, options: HttpSendOptions = {}): Promise<HttpReply> {
  const { body, contentType, chunked = false } = options;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (contentType) headers['content-type'] = contentType;
    if (body && !chunked) headers['content-length'] = body.byteLength;
    let answered = false;
    const req = request({ host: base.hostname, port: base.port, method, path, headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, contentType: String(res.headers['content-type']), body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', (error) => {
      const what = `${method} ${path}${body ? ` with ${body.byteLength} bytes${chunked ? ', chunked' : ''}` : ''}`;
      if (!answered) setTimeout(() => answered || reject(new Error(`${what}: no answer (${error.message})`, { cause: error })), 2_000);
    });
    if (body && chunked) {
      for (let at = 0; at < body.byteLength && !req.destroyed; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
      req.end();
    } else req.end(body);
  });
}

const enc = new TextEncoder();

/**
 * A server may answer 413 and close while a big upload (the corpus's, or the 2 MiB ones) is still being written. Node's http client then
 * gets EPIPE/ECONNRESET on the write and destroys the socket, and once in a while that loses an answer the
 * server did send (a known race of closing with unread data: the kernel resets the connection). So a big
 * upload that got no answer is tried again, up to LOST_ANSWER_ATTEMPTS times with a short pause (on a loaded
 * 2-core machine three attempts in a row lost the race once); a server that never answers still fails.
 */
const LOST_ANSWER_ATTEMPTS = 6;
const LOST_ANSWER_PAUSE_MS = 100;
async function withLostAnswerRetry(send: () => Promise<HttpReply>): Promise<HttpReply> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= LOST_ANSWER_ATTEMPTS) throw error;
      await new Promise((resume) => setTimeout(resume, LOST_ANSWER_PAUSE_MS * attempt));
    }
  }
}
const isJson = (reply: HttpReply) => /^application\/json/i.test(reply.contentType);
const errorCode = (reply: HttpReply): string | undefined => {
  try {
    return (JSON.parse(reply.body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
};

/** Runs every check against the server at `url` (e.g. http://127.0.0.1:3101); returns what failed, [] when all passed. */
export async function checkOverHttp(url: string | URL, onProgress?: (line: string) => void): Promise<string[]> {
  const base = new URL(url);
  const failures: string[] = [];
  const fail = (what: string, reply: HttpReply) => failures.push(`${what}: got ${reply.status} ${reply.contentType} ${reply.body.slice(0, 200)}`);
  const expectReply = (what: string, reply: HttpReply, ok: boolean) => (ok ? undefined : fail(what, reply));

  onProgress?.('routes');
  const health = await sendHttp(base, 'GET', '/health');
  expectReply('GET /health answers 200 {"status":"ok"} as JSON', health, health.status === 200 && isJson(health) && health.body === '{"status":"ok"}');
  const list = await sendHttp(base, 'GET', '/todos');
  // Todos created earlier on this server follow the seeded ones, so only the seeded prefix is compared.
  expectReply(
    'GET /todos starts with the seeded todos, byte for byte',
    list,
    list.status === 200 && isJson(list) && list.body.startsWith(todosJson.slice(0, -1)),
  );
  const seventh = await sendHttp(base, 'GET', '/todos/7');
  expectReply('GET /todos/7 answers JSON.stringify(todo 7)', seventh, seventh.status === 200 && seventh.body === JSON.stringify(seedTodos()[6]));
  for (const path of ['/todos/0', `/todos/${SEEDED_TODO_COUNT * 1000}`, '/nope']) {
    const missing = await sendHttp(base, 'GET', path);
    expectReply(`GET ${path} answers 404 not_found as JSON`, missing, missing.status === 404 && isJson(missing) && errorCode(missing) === 'not_found');
  }

  onProgress?.('corpus');
  for (const c of corpus()) {
    // The corpus's over-the-limit bodies race the server's early 413 exactly like the 2 MiB uploads below.
    const reply = await withLostAnswerRetry(() => sendHttp(base, 'POST', c.route, { body: c.body, contentType: c.contentType }));
    const e = c.expect;
    let ok = reply.status === e.status && isJson(reply);
    if (ok && e.code) ok = errorCode(reply) === e.code;
    if (ok && e.status === 202) ok = reply.body === JSON.stringify({ accepted: true, itemCount: e.itemCount, timestamp: e.timestamp });
    expectReply(`POST ${c.route} "${c.name}" answers ${e.status}${e.code ? ` ${e.code}` : ''}`, reply, ok);
  }

  onProgress?.('limits');
  const big = enc.encode(`{"itemCount":1,"timestamp":1,"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`);
  for (const chunked of [false, true]) {
    const reply = await withLostAnswerRetry(() => sendHttp(base, 'POST', '/ingest/v1', { body: big, contentType: 'application/json', chunked }));
    const how = chunked ? 'chunked, without Content-Length' : 'with Content-Length';
    expectReply(
      `POST /ingest/v1 with a 2 MiB body ${how} answers 413 payload_too_large`,
      reply,
      reply.status === 413 && errorCode(reply) === 'payload_too_large',
    );
  }
  const after = await sendHttp(base, 'GET', '/health');
  expectReply('the server still answers GET /health after all of the above', after, after.status === 200);
  return failures;
}
