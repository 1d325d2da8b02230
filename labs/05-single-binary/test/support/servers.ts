/**
 * Running what the build made the way it would run on a server: copied alone into an empty folder outside
 * the repo (no node_modules anywhere above it), started by the harness's spawner (PORT=0, its port read from
 * the "listening on" line, ready at the first 200 on GET /health, stopped by PID). Plus a recorder that sends
 * a fixed list of requests and keeps every answer's status, content type and body, to compare two servers
 * byte for byte.
 */
import { chmodSync, copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { BODY_LIMIT_BYTES } from '@hotpath/api';
import { corpus } from '@hotpath/api/fixtures';
import { startServer as startMeasured } from '@hotpath/harness';
import { sendHttp } from '@hotpath/kit/http-check';

/** How long a server may take to answer GET /health. */
const START_TIMEOUT_MS = 20_000;

export interface Running {
  url: string;
  pid: number;
  /** What the server printed lately. */
  output(): string;
  stop(): Promise<void>;
}

/** A fresh empty folder outside the repo holding only a copy of `file` (its mode kept); remove it when done. */
export function aloneInEmptyDir(file: string): { path: string; dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'hotpath-lab05-alone-'));
  const path = join(dir, basename(file));
  copyFileSync(file, path);
  chmodSync(path, statSync(file).mode);
  return { path, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The environment a process gets: this one without Node options a test runner may have set, plus `extra`. */
export function serverEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', LOG_LEVEL: 'silent', ...extra };
  delete env.NODE_OPTIONS;
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** Starts `command args…` in `cwd` with `env` added (NODE_OPTIONS removed); resolves once GET /health answers 200. */
export async function startServer(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Running> {
  const what = `${[command, ...args].join(' ')} (in an empty folder)`;
  const server = await startMeasured({
    dir: cwd,
    serve: { command, args, cwd, label: what, env: { LOG_LEVEL: 'silent', ...env } },
    cpu: null,
    timeoutMs: START_TIMEOUT_MS,
  });
  return {
    url: `http://127.0.0.1:${server.port}`,
    pid: server.pid,
    output: () => server.output(),
    stop: async () => {
      await server.stop();
    },
  };
}

const enc = new TextEncoder();

/**
 * The requests the locale test sends, in order: the read routes, todos whose titles case-map differently in
 * Turkish (İ ı I i), numbers in the forms a locale would format differently, and the malformed-input corpus
 * (bar the bodies over the limit: a server may close on those before the client has read its 413).
 */
export function recordedRequests(): Array<{ method: string; path: string; body?: Uint8Array; contentType?: string | null }> {
  const json = 'application/json';
  const todo = (title: string) => ({ method: 'POST', path: '/todos', body: enc.encode(JSON.stringify({ title, isComplete: false })), contentType: json });
  return [
    { method: 'GET', path: '/health' },
    todo('İstanbul ıi Iİ title'),
    todo('Straße 1234567.891'),
    { method: 'GET', path: '/todos' },
    { method: 'GET', path: '/todos/7' },
    { method: 'GET', path: '/todos/0' },
    { method: 'GET', path: '/nope' },
    { method: 'POST', path: '/ingest/v1', body: enc.encode('{"itemCount":1234567,"timestamp":1700000000123.5}'), contentType: json },
    ...corpus()
      .filter((c) => c.body.byteLength <= BODY_LIMIT_BYTES)
      .map((c) => ({ method: 'POST', path: c.route, body: c.body, contentType: c.contentType })),
  ];
}

/** Sends recordedRequests() to `url`; one line per answer: `METHOD path → status content-type body`. */
export async function record(url: string): Promise<string[]> {
  const base = new URL(url);
  const lines: string[] = [];
  for (const r of recordedRequests()) {
    const reply = await sendHttp(base, r.method, r.path, { body: r.body, contentType: r.contentType });
    lines.push(`${r.method} ${r.path} → ${reply.status} ${reply.contentType} ${reply.body}`);
  }
  return lines;
}
