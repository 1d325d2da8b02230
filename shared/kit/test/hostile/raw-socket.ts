/**
 * Raw-socket helpers of the hostile-client suite: what a hostile client does below fetch(). Send exact bytes
 * and read what comes back (`exchange`), parse the HTTP/1.1 responses in it (`parseResponses`), open many
 * sockets that send a request head and then hold (`openHolding`), and count the file descriptors this process
 * may still open (`fdHeadroom`), so the suite never runs a machine out of them. Loopback only: every connect
 * goes to 127.0.0.1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';

export const LOOPBACK = '127.0.0.1';
const CRLF_CRLF = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');
const HEX = 16;

export interface RawResponse {
  status: number;
  /** Header names in lower case; repeated ones joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Every complete HTTP/1.1 response at the start of `bytes` (Content-Length or chunked bodies; a response with
 * neither reads to the end). A trailing partial response is left out.
 */
export function parseResponses(bytes: Buffer): RawResponse[] {
  const out: RawResponse[] = [];
  let at = 0;
  while (at < bytes.length) {
    const headEnd = bytes.indexOf(CRLF_CRLF, at);
    if (headEnd === -1) break;
    const [statusLine = '', ...lines] = bytes.subarray(at, headEnd).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    let next = headEnd + CRLF_CRLF.length;
    let body: Buffer;
    if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      if (next + length > bytes.length) break;
      body = bytes.subarray(next, next + length);
      next += length;
    } else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
      const chunks: Buffer[] = [];
      for (;;) {
        const sizeEnd = bytes.indexOf(CRLF, next);
        if (sizeEnd === -1) return out;
        const size = parseInt(bytes.subarray(next, sizeEnd).toString('latin1'), HEX);
        next = sizeEnd + CRLF.length;
        if (size === 0) {
          next += CRLF.length;
          break;
        }
        if (next + size > bytes.length) return out;
        chunks.push(bytes.subarray(next, next + size));
        next += size + CRLF.length;
      }
      body = Buffer.concat(chunks);
    } else {
      body = bytes.subarray(next);
      next = bytes.length;
    }
    out.push({ status, headers, body });
    at = next;
  }
  return out;
}

export interface Exchange {
  /** Everything the server sent. */
  bytes: Buffer;
  responses: RawResponse[];
  /** The server closed (or reset) the connection before the wait ended. */
  closed: boolean;
}

export interface ExchangeOptions {
  /** Upper bound on the whole exchange; the socket is destroyed then (a bound, never a speed assertion). */
  timeoutMs: number;
  /** Resolve once this many complete responses arrived (default: wait for close or the timeout). */
  responses?: number;
  /** Milliseconds between the chunks written (default 0: all at once). */
  gapMs?: number;
}

/** Connects to 127.0.0.1:`port`, writes `chunks` in order, and collects what comes back. Write errors are ignored. */
export function exchange(port: number, chunks: readonly (string | Uint8Array)[], options: ExchangeOptions): Promise<Exchange> {
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    let finished = false;
    const socket = connect({ host: LOOPBACK, port });
    const finish = (closed: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.destroy();
      const bytes = Buffer.concat(received);
      resolve({ bytes, responses: parseResponses(bytes), closed });
    };
    const timer = setTimeout(() => finish(false), options.timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      if (options.responses !== undefined && parseResponses(Buffer.concat(received)).length >= options.responses) finish(false);
    });
    socket.on('error', () => undefined); // EPIPE/ECONNRESET: the server may close while we still write
    socket.on('close', () => finish(true));
    socket.once('connect', async () => {
      for (const chunk of chunks) {
        if (finished || socket.destroyed) return;
        socket.write(chunk);
        if (options.gapMs) await new Promise((r) => setTimeout(r, options.gapMs));
      }
    });
  });
}

/** The soft limit on open files of this process (`ulimit -n`) and how many are open now. */
export function fdUsage(): { softLimit: number; open: number } {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const soft = Number(/^Max open files\s+(\d+|unlimited)/m.exec(limits)?.[1] ?? Infinity);
  return { softLimit: Number.isFinite(soft) ? soft : Number.MAX_SAFE_INTEGER, open: readdirSync('/proc/self/fd').length };
}

/** How many more sockets this process can open, keeping `margin` descriptors spare. */
export function fdHeadroom(margin: number): number {
  const { softLimit, open } = fdUsage();
  return Math.max(0, softLimit - open - margin);
}

/** One held connection: what the server sent on it so far, and whether it has closed. */
export interface HeldSocket {
  readonly socket: Socket;
  readonly received: Buffer[];
  closed: boolean;
}

export interface Holding {
  readonly held: readonly HeldSocket[];
  /** Connections the server has answered (any byte) so far, and connections closed so far. */
  readonly answered: number;
  readonly closed: number;
  /** Destroys every socket and resolves when all are closed. */
  release(): Promise<void>;
}

/**
 * Opens `count` connections to 127.0.0.1:`port`, `concurrency` connects at a time, each writing `head` once
 * and then holding the socket open; resolves when all are connected and written. The caller must make sure
 * `count` fits in fdHeadroom() (the server holds one descriptor per socket too).
 */
export async function openHolding(port: number, count: number, head: Uint8Array | string, concurrency: number): Promise<Holding> {
  const held: HeldSocket[] = [];
  const openOne = () =>
    new Promise<void>((resolve) => {
      const state: HeldSocket = { socket: connect({ host: LOOPBACK, port }), received: [], closed: false };
      held.push(state);
      state.socket.on('data', (chunk: Buffer) => void state.received.push(chunk));
      state.socket.on('error', () => resolve());
      state.socket.on('close', () => {
        state.closed = true;
        resolve();
      });
      state.socket.once('connect', () => state.socket.write(head, () => resolve()));
    });
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      await openOne();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return {
    held,
    get answered() {
      return held.filter((state) => state.received.length > 0).length;
    },
    get closed() {
      return held.filter((state) => state.closed).length;
    },
    release: () =>
      Promise.all(held.map(({ socket }) => (socket.destroyed ? undefined : new Promise<void>((done) => socket.once('close', () => done()).destroy())))).then(
        () => undefined,
      ),
  };
}
