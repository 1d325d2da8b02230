/**
 * `pnpm start` for real: spawns the launcher for solutions/00-baseline on a free loopback port and sends the
 * whole malformed corpus, a 2 MiB body and the routes over HTTP. Every answer must be the corpus's expected
 * status with a JSON body — never a 5xx — and the server must still be up at the end. (The contract suite
 * checks the same logic in-process; this checks the socket path: @hono/node-server, Content-Length, 413
 * while the client is still sending.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus } from '@hotpath/api/fixtures';
import { solutionDir } from '../src/paths.ts';

let server: ChildProcess;
let port = 0;

interface Reply {
  status: number;
  contentType: string;
  body: string;
}

/**
 * A raw node:http request on a fresh connection (fetch would add a Content-Type of its own to string
 * bodies). The server may answer 413 and close while a big body is still being written: a write error
 * after — or just before — the answer is expected, so it only fails the request if no answer follows.
 */
function send(method: string, path: string, body?: Uint8Array, contentType?: string | null): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (contentType) headers['content-type'] = contentType;
    if (body) headers['content-length'] = body.byteLength;
    let answered = false;
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode!, contentType: String(res.headers['content-type']), body: Buffer.concat(chunks).toString() }),
      );
      res.on('error', reject);
    });
    req.on('error', (error) => {
      if (!answered) setTimeout(() => answered || reject(error), 2_000);
    });
    req.end(body);
  });
}

beforeAll(async () => {
  const launcher = fileURLToPath(new URL('../bin/hotpath-serve.js', import.meta.url));
  server = spawn(process.execPath, [launcher], {
    cwd: solutionDir('00-baseline'),
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  const deadline = Date.now() + 30_000;
  while (!/listening on http:\/\/127\.0\.0\.1:(\d+)/.test(output)) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`The server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  port = Number(/listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)![1]);
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
});

describe('the launcher serves the baseline over a real port', () => {
  it('answers the routes', async () => {
    expect((await send('GET', '/health')).body).toBe('{"status":"ok"}');
    expect((await send('GET', '/todos')).status).toBe(200);
    expect((await send('GET', '/todos/7')).status).toBe(200);
    expect((await send('GET', '/todos/0')).status).toBe(404);
  });

  it('answers every corpus case with its expected status and a JSON body, never a 5xx', async () => {
    for (const c of corpus()) {
      const reply = await send('POST', c.route, c.body, c.contentType);
      expect(reply.status, `${c.name}: ${reply.body.slice(0, 200)}`).toBe(c.expect.status);
      expect(reply.contentType, `${c.name}: answer with JSON`).toMatch(/^application\/json/);
      if (c.expect.code) expect(JSON.parse(reply.body).error.code, c.name).toBe(c.expect.code);
    }
  });

  it('refuses a 2 MiB body with 413 and keeps serving', async () => {
    const big = new Uint8Array(2 * 1024 * 1024).fill(0x20);
    const reply = await send('POST', '/ingest/v1', big, 'application/json');
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error.code).toBe('payload_too_large');
    expect((await send('GET', '/health')).status, 'The server must survive everything above').toBe(200);
    expect(server.exitCode).toBeNull();
  });
});
