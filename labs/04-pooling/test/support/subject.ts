/**
 * Loading the subject's modules (the `src/` that `#lab/` points at), lazily inside each test: on unfinished
 * code each test then fails with the TODO's message instead of the whole file being skipped. Plus small
 * helpers the lab's tests share: a POST to an in-process app, and the pool's stats as a one-line story.
 */
import type { HotPathApp } from '@hotpath/api';
import type { BodyMemory } from '#lab/body.ts';
import type { PoolStats } from '#lab/pool.ts';

// Each loader imports a module of the subject: the module loader evaluates it once and hands every later
// import() the same module (or the same error, for unfinished code).

export const loadPool = () => import('#lab/pool.ts');
export const loadBody = () => import('#lab/body.ts');
export const loadSink = () => import('#lab/ring-sink.ts');
export const loadIngest = () => import('#lab/ingest.ts');
export const loadApp = () => import('#lab/app.ts');

export const encoder = new TextEncoder();
export const INGEST_URL = 'http://localhost/ingest/v1';

export interface Reply {
  status: number;
  text: string;
  headers: Headers;
}

/** POST `body` to the app's /ingest/v1, in process, and read the whole answer. */
export async function postIngest(app: HotPathApp, body: Uint8Array | string | ReadableStream<Uint8Array>, contentType = 'application/json'): Promise<Reply> {
  const init: RequestInit & { duplex?: 'half' } = {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: (typeof body === 'string' ? encoder.encode(body) : body) as BodyInit,
  };
  if (body instanceof ReadableStream) init.duplex = 'half';
  const response = await app.fetch(new Request(INGEST_URL, init));
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** The pool's stats in one line, for assertion messages. */
export const showStats = (s: PoolStats): string =>
  `rented ${s.rented}, returned ${s.returned}, outstanding ${s.outstanding}, misses ${s.misses}, oversized ${s.oversized}, retained ${s.retained}, high-water ${s.highWater}`;

/** A body memory's two pools and its budget in one line, for assertion messages. */
export const showMemory = (m: BodyMemory): string => {
  const b = m.budget.stats();
  return `small slabs: ${showStats(m.small.stats())}; slabs: ${showStats(m.slabs.stats())}; budget: ${b.outstanding} of ${b.limit} bytes taken, ${b.refused} refused`;
};

/** Buffers rented from both pools of `m` so far, and buffers outstanding now. */
export const rentedFrom = (m: BodyMemory): number => m.small.stats().rented + m.slabs.stats().rented;
export const outstandingIn = (m: BodyMemory): number => m.small.stats().outstanding + m.slabs.stats().outstanding;

/** Polls `done` every 10 ms until it is true or `ms` have passed; answers whether it became true. */
export async function waitFor(done: () => boolean, ms = 3_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return done();
}

/** A body stream that sends `chunks`, then stays open — a slow client — until `fail()` cuts it. */
export function heldStream(chunks: Uint8Array[]): { stream: ReadableStream<Uint8Array>; fail: () => void } {
  let cut: (() => void) | undefined;
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]!);
      else return new Promise<void>((resolve) => (cut = () => (controller.error(new Error('client went away')), resolve())));
    },
  });
  return { stream, fail: () => cut?.() };
}

/** A body stream that sends `chunks` and then fails, as a client that goes away mid-body does. */
export function failingStream(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]!);
      else controller.error(new Error('client went away'));
    },
  });
}

/** A body stream that sends `chunks`, then ends. */
export function chunkStream(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]!);
      else controller.close();
    },
  });
}
