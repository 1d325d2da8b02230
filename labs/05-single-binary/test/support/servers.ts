/**
 * Running what the build made the way it would run on a server: copied alone into an empty folder outside
 * the repo (no node_modules anywhere above it), started with PORT=0, its port read from the "listening on"
 * line, stopped by PID. Plus a recorder that sends a fixed list of requests and keeps every answer's
 * status, content type and body, to compare two servers byte for byte.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { BODY_LIMIT_BYTES } from '@hotpath/api';
import { corpus } from '@hotpath/api/fixtures';
import { sendHttp } from '@hotpath/kit/http-check';

const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;
/** How long a server may take to print its "listening on" line. */
const START_TIMEOUT_MS = 20_000;
/** SIGKILL after SIGTERM when a server has not exited after this long. */
const STOP_GRACE_MS = 3_000;

export interface Running {
  url: string;
  pid: number;
  /** Everything the server printed so far. */
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

/** The environment a server gets: this one without Node options a test runner may have set, plus `extra`. */
export function serverEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', LOG_LEVEL: 'silent', ...extra };
  delete env.NODE_OPTIONS;
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** Starts `command args…` in `cwd` and resolves once it prints its URL; rejects with its output otherwise. */
export async function startServer(command: string, args: string[], cwd: string, env = serverEnv()): Promise<Running> {
  const child: ChildProcess = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!LISTENING.test(output)) {
    const what = `${[command, ...args].join(' ')} (in an empty folder)`;
    if (spawnError) throw new Error(`${what} did not start: ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}) before listening:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${what} printed no "listening on http://127.0.0.1:<port>" line in ${START_TIMEOUT_MS} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    url: LISTENING.exec(output)![1]!,
    pid: child.pid!,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(child.pid!, 'SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
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
