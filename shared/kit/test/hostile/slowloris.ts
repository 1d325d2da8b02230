/**
 * Issue 18, slowloris: many connections send their header block one byte at a time. A normal client must
 * stay answered meanwhile, and once the (shortened) headers timeout has passed every slow connection must
 * have been answered 408 with the API's JSON error body, or closed without an answer. A bare 408 (Node's
 * default, no body) or a connection still open at the deadline counts against the lab.
 */
import { connect, type Socket } from 'node:net';
import { HEADERS_TIMEOUT_MS, PROBE_EVERY_MS, SLOWLORIS_CONNECTIONS, SLOWLORIS_DRIP_MS, TIMEOUT_SLACK_MS } from './bounds.ts';
import { LOOPBACK, parseResponses } from './raw-socket.ts';
import { errorCodeOf, normalClient } from './requests.ts';
import type { SolutionServer } from './server-process.ts';

export interface SlowlorisResult {
  /** Slow connections answered 408 with `{"error":{"code":"request_timeout",…}}`. */
  json408: number;
  /** Closed by the server without a byte. */
  closed: number;
  /** Answered with anything else; the first such answer. */
  other: number;
  firstOther?: string;
  /** Still open at the deadline. */
  open: number;
  /** Normal requests made meanwhile, and the ones not answered 200/202. */
  probes: number;
  failedProbes: string[];
}

const HEAD = 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nx-slow: ';

export async function slowloris(server: SolutionServer): Promise<SlowlorisResult> {
  const result: SlowlorisResult = { json408: 0, closed: 0, other: 0, open: 0, probes: 0, failedProbes: [] };
  const live = new Set<Socket>();
  const settle = (socket: Socket, received: Buffer[]) => {
    if (!live.delete(socket)) return;
    const bytes = Buffer.concat(received);
    const response = parseResponses(bytes)[0];
    if (bytes.length === 0) result.closed++;
    else if (response?.status === 408 && errorCodeOf(response).code === 'request_timeout') result.json408++;
    else {
      result.other++;
      result.firstOther ??= JSON.stringify(bytes.toString('latin1').slice(0, 120));
    }
  };
  await Promise.all(
    Array.from(
      { length: SLOWLORIS_CONNECTIONS },
      () =>
        new Promise<void>((resolve) => {
          const socket = connect({ host: LOOPBACK, port: server.port });
          const received: Buffer[] = [];
          live.add(socket);
          socket.on('data', (chunk: Buffer) => {
            received.push(chunk);
            if (parseResponses(Buffer.concat(received)).length > 0) settle(socket, received), socket.destroy();
          });
          socket.on('error', () => undefined);
          socket.on('close', () => settle(socket, received));
          socket.once('connect', () => socket.write(HEAD, () => resolve()));
          socket.once('close', () => resolve());
        }),
    ),
  );

  const drip = setInterval(() => {
    for (const socket of live) if (socket.writable) socket.write('a');
  }, SLOWLORIS_DRIP_MS);
  const deadline = Date.now() + HEADERS_TIMEOUT_MS + TIMEOUT_SLACK_MS;
  try {
    while (live.size > 0 && Date.now() < deadline) {
      const { health, ingest } = await normalClient(server.url);
      result.probes++;
      if (health !== '200') result.failedProbes.push(`GET /health: ${health}`);
      if (ingest !== '202') result.failedProbes.push(`POST /ingest/v1: ${ingest}`);
      await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
    }
  } finally {
    clearInterval(drip);
    result.open = live.size;
    for (const socket of live) socket.destroy();
  }
  return result;
}
