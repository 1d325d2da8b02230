/**
 * Issue 18, finding 1: memory must follow the bytes received, not the bytes declared. Opens many
 * connections that each declare a 1 MiB JSON body to POST /ingest/v1, send 16 bytes of it and hold the
 * socket, and measures the server's RSS (its own /proc/PID/status) before and at the peak while they are
 * held, while a normal client is served. Then, once HOTPATH_BODY_GRACE_MS has passed, every one of them must
 * have been cut by the minimum body data rate (408 request_timeout, or closed). The count is scaled down (and
 * the bound with it) when this process's `ulimit -n` cannot hold them all.
 *
 * RSS only counts pages that were touched. In a fresh process glibc serves a 1 MiB zeroed allocation
 * (`new Uint8Array(1 MiB)`) as a new mmap whose pages cost nothing until written, so renting the declared
 * size looks free; in a server that has run a while, glibc's dynamic mmap threshold has risen and the same
 * allocation comes from the resident heap (issue 18: lab 04 154 → 439 MiB, then 1,084 MiB on a second round).
 * The servers therefore run with MALLOC_PERTURB_ (HONEST_RSS_ENV), which makes glibc write every byte it
 * hands out: RSS then shows what each request was given, whatever the allocator's history. Linux only (/proc).
 */
import { existsSync } from 'node:fs';
import { ingest1k } from '@hotpath/api/fixtures';
import {
  BODY_GRACE_MS,
  FD_MARGIN,
  RSS_SAMPLE_MS,
  SLOW_BODY_CONNECT_CONCURRENCY,
  SLOW_BODY_CONNECTIONS,
  SLOW_BODY_DECLARED_BYTES,
  SLOW_BODY_GROWTH_LIMIT_BYTES,
  SLOW_BODY_HOLD_MS,
  SLOW_BODY_SENT_BYTES,
  TIMEOUT_SLACK_MS,
  WARMUP_REQUESTS,
} from './bounds.ts';
import { fdHeadroom, fdUsage, openHolding } from './raw-socket.ts';
import { ingestHead, normalClient, settled, timeoutOutcomes, type TimeoutOutcomes } from './requests.ts';
import type { SolutionServer } from './server-process.ts';

/** Server environment for honest RSS figures (see above): glibc fills what it allocates (byte 0x55 ^ 0xff). */
export const HONEST_RSS_ENV = { MALLOC_PERTURB_: '85' } as const;

/** Whether this system shows a process's RSS in /proc (Linux); elsewhere the slow-body case is skipped. */
export const canMeasureRss: boolean = existsSync('/proc/self/status');

export interface SlowBodyResult {
  connections: number;
  /** The RSS growth allowed for `connections` (SLOW_BODY_GROWTH_LIMIT_BYTES, scaled). */
  limitBytes: number;
  beforeBytes: number;
  peakBytes: number;
  /** How many of the slow connections the server answered, and closed, while RSS was measured. */
  answered: number;
  closed: number;
  /** How they ended once HOTPATH_BODY_GRACE_MS (+ slack) had passed: all cut, 408 JSON or closed. */
  cut: TimeoutOutcomes;
  normal: { health: string; ingest: string };
  /** Set when the count was scaled down to fit the file-descriptor limit. */
  scaledNote?: string;
}

/** How many slow connections fit, and the note to print when that is fewer than SLOW_BODY_CONNECTIONS. */
export function slowBodyCount(): { connections: number; note?: string } {
  const fit = fdHeadroom(FD_MARGIN);
  if (fit >= SLOW_BODY_CONNECTIONS) return { connections: SLOW_BODY_CONNECTIONS };
  const { softLimit } = fdUsage();
  return {
    connections: fit,
    note: `ulimit -n is ${softLimit}: ${fit} slow connections instead of ${SLOW_BODY_CONNECTIONS}, bound scaled to match`,
  };
}

export async function slowBodies(server: SolutionServer): Promise<SlowBodyResult> {
  const { connections, note } = slowBodyCount();
  if (note) console.warn(`hostile suite: ${note}`);
  const limitBytes = Math.round((SLOW_BODY_GROWTH_LIMIT_BYTES * connections) / SLOW_BODY_CONNECTIONS);

  for (let i = 0; i < WARMUP_REQUESTS; i++) await normalClient(server.url);
  const beforeBytes = server.rssBytes();
  let peakBytes = beforeBytes;
  const sampler = setInterval(() => {
    if (server.alive()) peakBytes = Math.max(peakBytes, server.rssBytes());
  }, RSS_SAMPLE_MS);

  const head = Buffer.concat([
    Buffer.from(ingestHead(`Content-Type: application/json\r\nContent-Length: ${SLOW_BODY_DECLARED_BYTES}\r\n`)),
    Buffer.from(ingest1k.subarray(0, SLOW_BODY_SENT_BYTES)),
  ]);
  const holding = await openHolding(server.port, connections, head, SLOW_BODY_CONNECT_CONCURRENCY);
  try {
    const cutBy = Date.now() + BODY_GRACE_MS + TIMEOUT_SLACK_MS;
    const [normal] = await Promise.all([normalClient(server.url), new Promise((r) => setTimeout(r, SLOW_BODY_HOLD_MS))]);
    clearInterval(sampler);
    if (server.alive()) peakBytes = Math.max(peakBytes, server.rssBytes());
    const { answered, closed } = holding;
    while (!holding.held.every(settled) && Date.now() < cutBy) await new Promise((r) => setTimeout(r, RSS_SAMPLE_MS));
    const cut = timeoutOutcomes(holding.held);
    return { connections, limitBytes, beforeBytes, peakBytes, answered, closed, cut, normal, scaledNote: note };
  } finally {
    clearInterval(sampler);
    await holding.release();
  }
}
