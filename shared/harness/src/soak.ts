/**
 * The soak run (`hotpath-soak`, lab 04's `pnpm soak`): one server of the package in the current folder,
 * pinned and with the probe preloaded, under mixed load on loopback for a bounded time — autocannon cycling
 * valid 1 KB and 64 KB ingest bodies, malformed ones and a wrong media type, plus clients that misbehave
 * every few milliseconds: 2 MiB uploads with and without Content-Length (413), and uploads cut off
 * mid-body. It reads the server's RSS and the app's registered stats (a pool's `outstanding`, say) through
 * the probe, and passes when, after the load stopped, every app stat named `outstanding` is back at 0 and
 * RSS at the end of the load is within `rssTolerance` of its value after the warm-up.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import autocannon from 'autocannon';
import { ingestFixture } from '@hotpath/api/fixtures';
import { ipc, type IpcCall } from './ipc.ts';
import type { ProbeStats } from './probe.ts';
import { choosePinning, startServer } from './server.ts';

export interface SoakOptions {
  dir: string;
  seconds: number;
  warmupSec: number;
  connections: number;
  /** Largest accepted relative change of RSS from the end of the warm-up to the end of the load (0.05 = 5 %). */
  rssTolerance: number;
  onStep?: (line: string) => void;
}

export interface SoakResult {
  ok: boolean;
  failures: string[];
  seconds: number;
  requests: number;
  statusCodes: Record<string, number>;
  misbehaving: { oversized: number; aborted: number };
  rssAfterWarmup: number;
  rssAtEnd: number;
  rssMax: number;
  rssChange: number;
  appStats: Record<string, Record<string, number>>;
}

const enc = new TextEncoder();
const JSON_TYPE = { 'content-type': 'application/json' };
const HUGE = new Uint8Array(2 * 1024 * 1024).fill(0x20);

/** The autocannon request list: cycled by every connection. */
function mixedRequests(): autocannon.Request[] {
  const body = (bytes: Uint8Array) => Buffer.from(bytes);
  return [
    { method: 'POST', path: '/ingest/v1', headers: JSON_TYPE, body: body(ingestFixture('1k').bytes) },
    { method: 'POST', path: '/ingest/v1', headers: JSON_TYPE, body: body(ingestFixture('1k').bytes) },
    { method: 'POST', path: '/ingest/v1', headers: JSON_TYPE, body: body(ingestFixture('64k').bytes) },
    { method: 'POST', path: '/ingest/v1', headers: JSON_TYPE, body: body(enc.encode('{"itemCount":1,"timestamp":')) },
    { method: 'POST', path: '/ingest/v1', headers: JSON_TYPE, body: body(enc.encode('{"itemCount":-1,"timestamp":1}')) },
    { method: 'POST', path: '/ingest/v1', headers: { 'content-type': 'text/plain' }, body: body(enc.encode('{}')) },
    { method: 'GET', path: '/health' },
  ];
}

/** A 2 MiB upload, with or without Content-Length, on its own connection; resolves when it is over. */
function oversized(port: number, chunked: boolean): Promise<void> {
  return new Promise((done) => {
    const headers: Record<string, string | number> = { ...JSON_TYPE };
    if (!chunked) headers['content-length'] = HUGE.byteLength;
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/ingest/v1', headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => done());
      res.on('error', () => done());
    });
    req.on('error', () => done());
    req.on('close', () => done());
    if (chunked) {
      for (let at = 0; at < HUGE.byteLength && !req.destroyed; at += 64 * 1024) req.write(HUGE.subarray(at, at + 64 * 1024));
      req.end();
    } else req.end(HUGE);
  });
}

/** A client that declares 5,000 bytes, sends `sent` of them, and disconnects. */
function abortMidBody(port: number, sent: number): Promise<void> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`POST /ingest/v1 HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 5000\r\n\r\n`);
      socket.write(HUGE.subarray(0, sent), () => setTimeout(() => socket.destroy(), 2));
    });
    socket.on('close', () => done());
    socket.on('error', () => done());
  });
}

const stats = async (call: IpcCall): Promise<ProbeStats> => ((await call({ hotpath: 'stats' })) as { stats: ProbeStats }).stats;

/** Every app stat named `outstanding` that is not 0, as "group.outstanding = n". */
function leftOutstanding(appStats: Record<string, Record<string, number>>): string[] {
  return Object.entries(appStats)
    .filter(([, group]) => group.outstanding !== undefined && group.outstanding !== 0)
    .map(([name, group]) => `${name}.outstanding = ${group.outstanding}`);
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const step = options.onStep ?? (() => {});
  const pinning = choosePinning(true);
  const server = await startServer({ dir: options.dir, cpu: pinning.serverCpu, probe: true });
  const call = ipc(server.child);
  const failures: string[] = [];
  const statusCodes: Record<string, number> = {};
  const misbehaving = { oversized: 0, aborted: 0 };
  let requests = 0;
  let rssMax = 0;
  try {
    const load = (seconds: number) =>
      new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          { url: `http://127.0.0.1:${server.port}`, connections: options.connections, duration: seconds, requests: mixedRequests() },
          (error, result) => (error ? reject(error) : resolve(result)),
        );
        instance.on('response', (_client, statusCode) => {
          statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
        });
      });
    // Misbehaving clients, a few at a time, for as long as `running` is true.
    let running = true;
    const misbehave = async (kind: number) => {
      for (let i = 0; running; i++) {
        if (kind === 0) await oversized(server.port, i % 2 === 1);
        else await abortMidBody(server.port, 100 + ((i * 37) % 4000));
        if (kind === 0) misbehaving.oversized++;
        else misbehaving.aborted++;
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const misbehaving$ = [misbehave(0), misbehave(1), misbehave(1)];
    step(`soak: ${options.warmupSec} s warm-up`);
    await load(options.warmupSec);
    const afterWarmup = (await stats(call)).rssBytes;
    step(`soak: ${options.seconds} s of mixed load (RSS after warm-up ${(afterWarmup / 2 ** 20).toFixed(1)} MiB)`);
    const sampler = setInterval(() => {
      stats(call).then((s) => (rssMax = Math.max(rssMax, s.rssBytes)), () => {});
    }, 1_000);
    const result = await load(options.seconds);
    clearInterval(sampler);
    const atEnd = (await stats(call)).rssBytes;
    running = false;
    await Promise.all(misbehaving$);
    requests = result.requests.total;
    // In-flight requests finish; a client that went away is noticed by its 'close'.
    let final = await stats(call);
    for (let waited = 0; leftOutstanding(final.appStats).length > 0 && waited < 3_000; waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
      final = await stats(call);
    }
    const change = (atEnd - afterWarmup) / afterWarmup;
    for (const left of leftOutstanding(final.appStats)) failures.push(`after the load stopped, ${left}: something was rented and never returned`);
    if (Math.abs(change) > options.rssTolerance) {
      failures.push(`RSS moved ${(change * 100).toFixed(1)} % from the end of the warm-up to the end of the load (allowed ±${(options.rssTolerance * 100).toFixed(0)} %)`);
    }
    if ((statusCodes['500'] ?? 0) > 0) failures.push(`${statusCodes['500']} answers were 500`);
    if (result.errors > 0 && result.errors > result.requests.total / 1000) failures.push(`${result.errors} connection errors under load`);
    return {
      ok: failures.length === 0,
      failures,
      seconds: options.seconds,
      requests,
      statusCodes,
      misbehaving,
      rssAfterWarmup: afterWarmup,
      rssAtEnd: atEnd,
      rssMax: Math.max(rssMax, atEnd),
      rssChange: change,
      appStats: final.appStats,
    };
  } finally {
    await server.stop();
  }
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** The soak's report, a few lines for a terminal. */
export function formatSoak(r: SoakResult): string {
  const lines = [
    `Hot Path soak: ${r.seconds} s, ${r.requests} requests by autocannon (${Object.entries(r.statusCodes).map(([code, n]) => `${code}: ${n}`).join(', ')}), ` +
      `${r.misbehaving.oversized} oversized uploads and ${r.misbehaving.aborted} aborted ones beside them`,
    `RSS: ${mib(r.rssAfterWarmup)} after the warm-up, ${mib(r.rssAtEnd)} at the end (${r.rssChange >= 0 ? '+' : ''}${(r.rssChange * 100).toFixed(1)} %), at most ${mib(r.rssMax)}`,
  ];
  for (const [name, group] of Object.entries(r.appStats)) {
    lines.push(`${name}: ${Object.entries(group).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  lines.push(r.ok ? 'PASS' : `FAIL\n${r.failures.map((f) => `- ${f}`).join('\n')}`);
  return lines.join('\n');
}

/** `hotpath-soak [--seconds N] [--warmup N] [--connections N] [--rss-tolerance 0.05]`; exit 0 when it passed. */
export async function soakMain(argv: string[]): Promise<number> {
  const options: SoakOptions = { dir: process.cwd(), seconds: 60, warmupSec: 10, connections: 20, rssTolerance: 0.05 };
  for (let i = 0; i < argv.length; i++) {
    const value = Number(argv[i + 1]);
    const flag = argv[i];
    if (flag === '--seconds' || flag === '--warmup' || flag === '--connections' || flag === '--rss-tolerance') {
      if (!Number.isFinite(value) || value <= 0) {
        console.error(`${flag} needs a positive number`);
        return 2;
      }
      if (flag === '--seconds') options.seconds = value;
      else if (flag === '--warmup') options.warmupSec = value;
      else if (flag === '--connections') options.connections = Math.round(value);
      else options.rssTolerance = value;
      i++;
    } else if (flag === '--help') {
      console.log('hotpath-soak [--seconds 60] [--warmup 10] [--connections 20] [--rss-tolerance 0.05]: mixed load on the package in this folder');
      return 0;
    } else {
      console.error(`unknown option ${flag} (try --help)`);
      return 2;
    }
  }
  const result = await runSoak({ ...options, onStep: (line) => console.error(line) });
  console.log(formatSoak(result));
  return result.ok ? 0 : 1;
}
