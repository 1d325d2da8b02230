/**
 * A contestant that cannot carry the in-server probe (`serve.probe: false`, as lab 05's Bun peer) and takes
 * part in one scenario only (`scenarios`): real processes, a one-line node:http server on 127.0.0.1, one
 * short round each. It is measured by the load generator and /proc (requests/s, latency, RSS), its heap, GC
 * and ArrayBuffer figures are null, and it is absent from the scenarios it does not take part in.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPeers } from '../src/define.ts';
import { runLoad } from '../src/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'hotpath-probeless-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hello = join(dir, 'hello.cjs');
writeFileSync(
  hello,
  "const s = require('node:http').createServer((q, r) => r.end('{}')); s.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + s.address().port));",
);

describe('a peer without the probe, in one scenario', () => {
  it('checks that scenarios names the scenarios', () => {
    expect(() => checkPeers([{ name: 'bun', serve: { command: 'bun' }, scenarios: [] }])).toThrow(
      'peer bun: scenarios must list the names of the load scenarios it takes part in',
    );
  });

  it('gets requests/s, latency and RSS, null heap and GC figures, and only its scenario', { timeout: 60_000 }, async () => {
    const serve = { command: process.execPath, args: [hello], cwd: dir };
    const load = await runLoad(
      [
        { key: 'subject', dir, serve },
        { key: 'peer:other runtime', dir, serve: { ...serve, probe: false }, scenarios: ['GET /other'] },
      ],
      [
        { name: 'GET /health', method: 'GET', path: '/health' },
        { name: 'GET /other', method: 'GET', path: '/other' },
      ],
      { rounds: 1, durationSec: 1, warmupSec: 0, connections: 4 },
    );
    expect(load.failures).toEqual([]);
    const [health, other] = load.scenarios;
    expect(Object.keys(health!.results)).toEqual(['subject']);
    expect(Object.keys(other!.results)).toEqual(['subject', 'peer:other runtime']);
    const peer = other!.results['peer:other runtime']!;
    expect(peer.rps).toBeGreaterThan(0);
    expect(peer.p99Us).toBeGreaterThan(0);
    expect(peer.rssBytes).toBeGreaterThan(1e6);
    expect(peer.peakRssBytes).toBeGreaterThanOrEqual(peer.rssBytes!);
    expect([peer.heapBytesPerRequest, peer.appHeapBytesPerRequest, peer.gcPer10kRequests, peer.arrayBuffersPerRequest]).toEqual([null, null, null, null]);
    expect(peer.rounds[0]!.probe).toBeNull();
    // The subject carried the probe: its heap figures are measured.
    expect(other!.results.subject!.heapBytesPerRequest).toEqual(expect.any(Number));
    expect(other!.results.subject!.rounds[0]!.probe!.requests).toBeGreaterThan(0);
  });
});
