/**
 * Lab 04's checkpoint, against lab 03's reference (the manifest's baseline for this lab). Load: POST
 * /ingest/v1 with the 1 KB and the 64 KB body — requests/s, p50/p99, heap bytes per request (and the app's
 * share: minus GET /health on the same server), ArrayBuffer bytes per request, GCs per 10k requests, RSS
 * after the round. Micro: getting a body's bytes into memory the lab 03 way (a new buffer per body) and the
 * pooled way (rent, copy, release), so the cost of the copy itself is on the table too. Peer 'no-pool': the
 * reference with its pool bypassed (solutions/04-pooling/no-pool: every body gets buffers of its own, sized
 * by what arrived), measured under load and at startup in the same rounds, so the table shows what the pool
 * itself buys. And a floor: POST /nope with the 1 KB body, a constant 404 that never reads the body — what
 * the stack (Node's parser, @hono/node-server, Hono) costs for any POST of that size, app code aside; its 404s
 * are declared expected (`expectStatus: 404`), so the table says "expected 404" instead of flagging them.
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ingestFixture } from '@hotpath/api/fixtures';
import { repoRoot } from '@hotpath/workshop/paths';
import { defineCheckpoint, type CheckpointSubject, type MicroTask } from '@hotpath/harness';

const json = { 'content-type': 'application/json' };
const LIMIT = 1024 * 1024;
const SIZES = ['1k', '64k'] as const;
const label = (size: (typeof SIZES)[number]) => (size === '1k' ? '1 KB' : '64 KB');
/** The reference's app with its pool bypassed: a load peer (a package folder the harness serves). */
const NO_POOL_DIR = join(repoRoot, 'solutions/04-pooling/no-pool');

/** A constant 404 for a POST with the 1 KB body, never read: the stack's own cost of such a request. */
const FLOOR_SCENARIO = 'POST 1KB, constant 404 (floor)';

/** A body arriving in 16 KiB chunks, as a socket hands it over. */
function chunksOf(bytes: Uint8Array): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.byteLength; at += 16 * 1024) chunks.push(bytes.subarray(at, at + 16 * 1024));
  return chunks;
}

/** Lab 03's way: a new buffer per body (what arrayBuffer() does), the chunks copied into it. */
function allocatingTasks(): MicroTask[] {
  return SIZES.map((size) => {
    const chunks = chunksOf(ingestFixture(size).bytes);
    return {
      name: `buffer a ${label(size)} body`,
      inputBytes: ingestFixture(size).bytes.byteLength,
      fn: () => {
        let length = 0;
        for (const chunk of chunks) length += chunk.byteLength;
        const body = new Uint8Array(length);
        let at = 0;
        for (const chunk of chunks) {
          body.set(chunk, at);
          at += chunk.byteLength;
        }
        return body.length;
      },
    };
  });
}

/** A lab 04 package's way: a PooledBody over the package's body memory, the chunks appended, released. */
async function pooledTasks(subject: CheckpointSubject): Promise<MicroTask[]> {
  const { createBodyMemory, PooledBody } = await import(pathToFileURL(join(subject.dir, 'src', 'body.ts')).href);
  const memory = createBodyMemory();
  const tasks: MicroTask[] = SIZES.map((size) => {
    const bytes = ingestFixture(size).bytes;
    const chunks = chunksOf(bytes);
    return {
      name: `buffer a ${label(size)} body`,
      inputBytes: bytes.byteLength,
      fn: () => {
        const body = new PooledBody(memory);
        for (const chunk of chunks) body.append(chunk, LIMIT);
        const length = body.length;
        body.release();
        return length;
      },
    };
  });
  // Unfinished code (a TODO that throws) is left out: its rows show "–" instead of failing the run.
  try {
    tasks[0]!.fn(0);
    return tasks;
  } catch {
    return [];
  }
}

export default defineCheckpoint(async (subject) => {
  const lab03 = subject.key === 'baseline' || !existsSync(join(subject.dir, 'src', 'pool.ts'));
  return {
    micro: lab03 ? allocatingTasks() : await pooledTasks(subject),
    scenarios: [
      ...SIZES.map((size) => ({
        name: `POST /ingest/v1 ${size === '1k' ? '1KB' : '64KB'}`,
        method: 'POST' as const,
        path: '/ingest/v1',
        body: ingestFixture(size).bytes,
        headers: json,
      })),
      // Its 404s are the point (expectStatus): not flagged; any other non-2xx answer still is (a warning).
      {
        name: FLOOR_SCENARIO,
        method: 'POST' as const,
        path: '/nope',
        body: ingestFixture('1k').bytes,
        headers: json,
        expect: 'any' as const,
        expectStatus: 404,
      },
    ],
    // Only the benchmarked package's definition counts; the no-pool folder is not its own peer.
    peers: subject.dir === NO_POOL_DIR ? [] : [{ name: 'no-pool', dir: NO_POOL_DIR }],
  };
});
