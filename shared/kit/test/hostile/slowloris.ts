/**
 * Issue 18, slowloris: many connections send their header block one byte at a time. A normal client must
 * stay answered meanwhile, and once the (shortened) headers timeout has passed every slow connection must
 * have been answered 408 with the API's JSON error body, or closed without an answer. A bare 408 (Node's
 * default, no body) or a connection still open at the deadline counts against the lab.
 */
import { HEADERS_TIMEOUT_MS, PROBE_EVERY_MS, SLOWLORIS_CONNECTIONS, SLOWLORIS_DRIP_MS, TIMEOUT_SLACK_MS } from './bounds.ts';
import { openHolding } from './raw-socket.ts';
import { normalClient, settled, timeoutOutcomes, type TimeoutOutcomes } from './requests.ts';
import type { SolutionServer } from './server-process.ts';

export interface SlowlorisResult extends TimeoutOutcomes {
  /** Normal requests made meanwhile, and the ones not answered 200/202. */
  probes: number;
  failedProbes: string[];
}

const HEAD = 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nx-slow: ';

export async function slowloris(server: SolutionServer): Promise<SlowlorisResult> {
  const holding = await openHolding(server.port, SLOWLORIS_CONNECTIONS, HEAD, SLOWLORIS_CONNECTIONS);
  const drip = setInterval(() => {
    for (const state of holding.held) if (!settled(state) && state.socket.writable) state.socket.write('a');
  }, SLOWLORIS_DRIP_MS);
  const deadline = Date.now() + HEADERS_TIMEOUT_MS + TIMEOUT_SLACK_MS;
  let probes = 0;
  const failedProbes: string[] = [];
  try {
    while (!holding.held.every(settled) && Date.now() < deadline) {
      const { health, ingest } = await normalClient(server.url);
      probes++;
      if (health !== '200') failedProbes.push(`GET /health: ${health}`);
      if (ingest !== '202') failedProbes.push(`POST /ingest/v1: ${ingest}`);
      await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
    }
    return { ...timeoutOutcomes(holding.held), probes, failedProbes };
  } finally {
    clearInterval(drip);
    await holding.release();
  }
}
