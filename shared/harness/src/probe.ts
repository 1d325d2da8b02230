/**
 * The in-server probe: preloaded into a lab's server process (`node --import <probe-preload.mjs> …`, see
 * src/probe-preload.mjs), it measures the server from inside without adding a route to the app.
 *
 * It counts requests with diagnostics_channel (http.server.request.start and http.server.response.finish)
 * and answers the harness over the IPC channel:
 *   { hotpath: 'window:start', id }  → runs gc(), records used heap, counters and arrayBuffers, starts a
 *                                      v8.GCProfiler and the ArrayBuffer sampler (src/ab-sampler.ts);
 *                                      replies { hotpath: 'window:started', id }
 *   { hotpath: 'window:stop', id }   → replies { hotpath: 'window', id, window: ProbeWindow }
 *   { hotpath: 'stats', id }         → replies { hotpath: 'stats', id, stats: ProbeStats } at any time (RSS,
 *                                      used heap, arrayBuffers, request counters, the app's stats)
 * Heap allocated in a window = used heap at the end - at the start + bytes freed by each GC in between.
 * ArrayBuffer bytes allocated per request come from sampling arrayBuffers between collections (ab-sampler).
 * App stats are the counters an app registered with `@hotpath/api/app-stats` (@hotpath/api/app-stats).
 * When the harness goes away (IPC disconnect) the server exits, so a crashed harness leaves no server behind.
 */
import diagnostics from 'node:diagnostics_channel';
import { ArrayBufferSampler, type ArrayBufferSampling } from './ab-sampler.ts';
import { readAppStats } from '@hotpath/api/app-stats';
import { ensureGc, procStatusBytes, startGcWindow, usedHeap, type GcSummary } from './gc.ts';

export interface ProbeWindow {
  /** Responses finished in the window. */
  requests: number;
  /** Requests started in the window. */
  requestsStarted: number;
  /** Heap bytes allocated in the window (GC-accounted). */
  heapBytes: number;
  heapBytesPerRequest: number;
  gcCount: number;
  scavenges: number;
  markCompacts: number;
  gcPauseMs: number;
  /** Net growth of process.memoryUsage().arrayBuffers over the window (not GC-accounted). */
  arrayBuffersDelta: number;
  rssBytes: number;
  /** VmHWM of the server process, when /proc is available. */
  peakRssBytes: number | null;
  durationMs: number;
  /**
   * ArrayBuffer bytes allocated per finished request (gross), from the clean sampling intervals; null when
   * too few were clean or sampling was off. Absent in results written before it existed.
   */
  arrayBufferBytesPerRequest?: number | null;
  /** What that figure is based on (src/ab-sampler.ts). */
  arrayBufferSampling?: ArrayBufferSampling;
  /** The app's registered stats, read when the window stopped (`{}` when it registered none). */
  appStats?: Record<string, Record<string, number>>;
}

/** The answer to `{ hotpath: 'stats' }`: the server now. */
export interface ProbeStats {
  pid: number;
  /** Milliseconds since the process started (process.uptime()). */
  uptimeMs: number;
  /** process.memoryUsage().rss */
  rssBytes: number;
  /** V8's used heap size. */
  heapUsedBytes: number;
  /** process.memoryUsage().arrayBuffers */
  arrayBuffersBytes: number;
  /** Requests started and responses finished since the process started. */
  requestsStarted: number;
  requestsFinished: number;
  /** The app's registered stats (`{}` when none). */
  appStats: Record<string, Record<string, number>>;
}

export type ProbeRequest = { hotpath: 'window:start'; id: number } | { hotpath: 'window:stop'; id: number } | { hotpath: 'stats'; id: number };
export type ProbeReply =
  | { hotpath: 'probe:ready'; pid: number }
  | { hotpath: 'window:started'; id: number }
  | { hotpath: 'window'; id: number; window: ProbeWindow }
  | { hotpath: 'stats'; id: number; stats: ProbeStats }
  | { hotpath: 'probe:error'; id: number; message: string };

const counters = { started: 0, finished: 0 };

interface OpenWindow {
  heap: number;
  started: number;
  finished: number;
  arrayBuffers: number;
  t0: number;
  gc: { stop(): GcSummary };
  buffers: ArrayBufferSampler;
}

let open: OpenWindow | undefined;

export function startWindow(): void {
  const gc = ensureGc();
  open?.gc.stop();
  open?.buffers.stop();
  const buffers = new ArrayBufferSampler(() => counters.finished);
  buffers.observe();
  const gcStart = performance.now();
  gc();
  buffers.addGc(gcStart, performance.now());
  buffers.start();
  open = {
    arrayBuffers: process.memoryUsage().arrayBuffers,
    started: counters.started,
    finished: counters.finished,
    t0: performance.now(),
    buffers,
    gc: startGcWindow(),
    heap: usedHeap(),
  };
}

export function stopWindow(): ProbeWindow {
  if (!open) throw new Error('window:stop without window:start');
  const heapEnd = usedHeap();
  const w = open;
  open = undefined;
  const gcs = w.gc.stop();
  const buffers = w.buffers.stop();
  const memory = process.memoryUsage();
  const requests = counters.finished - w.finished;
  const heapBytes = heapEnd - w.heap + gcs.freedBytes;
  return {
    requests,
    requestsStarted: counters.started - w.started,
    heapBytes,
    heapBytesPerRequest: requests > 0 ? heapBytes / requests : 0,
    gcCount: gcs.count,
    scavenges: gcs.scavenges,
    markCompacts: gcs.markCompacts,
    gcPauseMs: gcs.pauseMs,
    arrayBuffersDelta: memory.arrayBuffers - w.arrayBuffers,
    rssBytes: memory.rss,
    peakRssBytes: procStatusBytes('self', 'VmHWM') ?? null,
    durationMs: performance.now() - w.t0,
    arrayBufferBytesPerRequest: buffers.bytesPerRequest,
    arrayBufferSampling: buffers.sampling,
    appStats: readAppStats(),
  };
}

/** The server now, for `{ hotpath: 'stats' }` (a soak test polls it). */
export function probeStats(): ProbeStats {
  const memory = process.memoryUsage();
  return {
    pid: process.pid,
    uptimeMs: process.uptime() * 1000,
    rssBytes: memory.rss,
    heapUsedBytes: usedHeap(),
    arrayBuffersBytes: memory.arrayBuffers,
    requestsStarted: counters.started,
    requestsFinished: counters.finished,
    appStats: readAppStats(),
  };
}

let installed = false;

/** Subscribes the counters and, when the process has an IPC channel, answers the harness. Idempotent. */
export function installProbe(): void {
  if (installed) return;
  installed = true;
  // Each subscribed channel makes node:http allocate one small message object per request: the probe's
  // own cost, identical for every app, and cancelled by subtracting the /health route.
  diagnostics.subscribe('http.server.request.start', () => {
    counters.started++;
  });
  diagnostics.subscribe('http.server.response.finish', () => {
    counters.finished++;
  });
  if (typeof process.send !== 'function') return;
  const send = (reply: ProbeReply) => process.send?.(reply);
  process.on('message', (message: ProbeRequest) => {
    if (!message || typeof message !== 'object' || typeof message.hotpath !== 'string') return;
    try {
      if (message.hotpath === 'window:start') {
        startWindow();
        send({ hotpath: 'window:started', id: message.id });
      } else if (message.hotpath === 'window:stop') {
        send({ hotpath: 'window', id: message.id, window: stopWindow() });
      } else if (message.hotpath === 'stats') {
        send({ hotpath: 'stats', id: message.id, stats: probeStats() });
      }
    } catch (error) {
      send({ hotpath: 'probe:error', id: message.id, message: String((error as Error)?.message ?? error) });
    }
  });
  // The channel must not keep a server alive on its own, and a server whose harness died must not linger.
  process.channel?.unref();
  process.on('disconnect', () => process.exit(0));
  send({ hotpath: 'probe:ready', pid: process.pid });
}

/** Counters since the process started (for tests and debugging). */
export function probeCounters(): { started: number; finished: number } {
  return { ...counters };
}
