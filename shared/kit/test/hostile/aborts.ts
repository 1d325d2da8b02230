/**
 * Issue 18, finding 2: an aborted upload is not an error. Sends many uploads that write their head and part
 * of a declared body, then drop the socket — every other one with a FIN (destroy), the rest with a TCP reset
 * (resetAndDestroy), as real clients do both — a bounded number at a time, and counts the error-level lines
 * (log-lines.ts) the server wrote on stdout and stderr meanwhile. Then a normal client must be answered.
 */
import { connect } from 'node:net';
import { ingest1k } from '@hotpath/api/fixtures';
import { ABORT_AFTER_MS, ABORT_CONCURRENCY, ABORT_DECLARED_BYTES, ABORT_SENT_BYTES, ABORTED_UPLOADS, LOG_SETTLE_MS } from './bounds.ts';
import { LOOPBACK } from './raw-socket.ts';
import { ingestHead, normalClient } from './requests.ts';
import type { SolutionServer } from './server-process.ts';

export interface AbortResult {
  uploads: number;
  errorLines: number;
  firstErrorLines: string[];
  after: { health: string; ingest: string };
}

/** Error lines quoted in a failure message. */
const SAMPLE_LINES = 3;

const HEAD = Buffer.concat([
  Buffer.from(ingestHead(`Content-Type: application/json\r\nContent-Length: ${ABORT_DECLARED_BYTES}\r\n`)),
  Buffer.from(ingest1k.subarray(0, ABORT_SENT_BYTES)),
]);

function abortOne(port: number, reset: boolean): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect({ host: LOOPBACK, port });
    socket.on('error', () => undefined);
    socket.once('close', () => resolve());
    socket.once('connect', () =>
      socket.write(HEAD, () => {
        setTimeout(() => (reset ? socket.resetAndDestroy() : socket.destroy()), ABORT_AFTER_MS);
      }),
    );
  });
}

export async function abortStorm(server: SolutionServer): Promise<AbortResult> {
  const errorLinesBefore = server.errorLines;
  let next = 0;
  const worker = async () => {
    while (next < ABORTED_UPLOADS) {
      const index = next++;
      await abortOne(server.port, index % 2 === 1);
    }
  };
  await Promise.all(Array.from({ length: ABORT_CONCURRENCY }, worker));
  await new Promise((r) => setTimeout(r, LOG_SETTLE_MS));
  const after = await normalClient(server.url);
  return {
    uploads: ABORTED_UPLOADS,
    errorLines: server.errorLines - errorLinesBefore,
    firstErrorLines: server.errorLineSample(errorLinesBefore, SAMPLE_LINES),
    after,
  };
}
