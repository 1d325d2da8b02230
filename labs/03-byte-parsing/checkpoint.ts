/**
 * Lab 03's checkpoint, against lab 02's reference (the manifest's baseline for this lab). Micro: getting
 * itemCount and timestamp out of an ingest body's bytes, in one run — lab 02's way (TextDecoder, then
 * JSON.parse: every byte becomes a string, then objects), the reference's reader and yours (the whole
 * document validated, nothing allocated) — on the 1 KB and 64 KB fixtures, with the two fields last (as
 * the fixtures have them: the worst case for the reader) and first; plus JSON.parse alone on text decoded
 * beforehand, as a peer: what parsing costs once the bytes are already a string. Throughput is reported
 * in MB/s. Load: POST /ingest/v1 with each body, against lab 02's server.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ingestFixture } from '@hotpath/api/fixtures';
import { defineCheckpoint, type CheckpointSubject, type MicroTask } from '@hotpath/harness';

const encoder = new TextEncoder();
const json = { 'content-type': 'application/json' };

interface Body {
  name: string;
  bytes: Uint8Array;
  text: string;
}

/** A fixture's body as committed (the fields are its last two members), and the same body with them first. */
function bodies(size: '1k' | '64k'): Body[] {
  const fixture = ingestFixture(size);
  const label = size === '1k' ? '1 KB' : '64 KB';
  const tail = `,"itemCount":${fixture.itemCount},"timestamp":${fixture.timestamp}}`;
  if (!fixture.text.endsWith(tail)) throw new Error(`${fixture.file} no longer ends with itemCount and timestamp`);
  const first = `{"itemCount":${fixture.itemCount},"timestamp":${fixture.timestamp},${fixture.text.slice(1, -tail.length)}}`;
  return [
    { name: `${label} body, fields last`, bytes: fixture.bytes, text: fixture.text },
    { name: `${label} body, fields first`, bytes: encoder.encode(first), text: first },
  ];
}

const BODIES = [...bodies('1k'), ...bodies('64k')];
const task = (body: Body, fn: () => unknown): MicroTask => ({ name: `read ${body.name}`, fn, inputBytes: body.bytes.byteLength });

/** Lab 02's way, as its server does it: a fatal TextDecoder made once, then JSON.parse, then the fields. */
function lab02Tasks(): MicroTask[] {
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  return BODIES.map((body) =>
    task(body, () => {
      const event = JSON.parse(utf8.decode(body.bytes));
      return event.itemCount + event.timestamp;
    }),
  );
}

/** A lab 03 package's reader: one reader and one fields record, reset for every body, as its handler does. */
async function readerTasks(subject: CheckpointSubject): Promise<MicroTask[]> {
  const { JsonReader } = await import(pathToFileURL(join(subject.dir, 'src', 'json-reader.ts')).href);
  const { readIngest } = await import(pathToFileURL(join(subject.dir, 'src', 'ingest.ts')).href);
  const reader = new JsonReader();
  const fields = { itemCount: undefined, timestamp: undefined };
  const tasks = BODIES.map((body) =>
    task(body, () => {
      readIngest(reader, body.bytes, fields);
      return fields.itemCount;
    }),
  );
  // Unfinished code (a TODO that throws) is left out: its rows show "–" instead of failing the run.
  try {
    tasks[0]!.fn(0);
    return tasks;
  } catch {
    return [];
  }
}

/** JSON.parse on text decoded before the clock starts: the parse alone, no bytes involved. */
function parseTextTasks(): MicroTask[] {
  return BODIES.map((body) => task(body, () => JSON.parse(body.text).itemCount));
}

export default defineCheckpoint(async (subject) => {
  const lab02 = subject.key === 'baseline' || !existsSync(join(subject.dir, 'src', 'json-reader.ts'));
  return {
    micro: lab02 ? lab02Tasks() : await readerTasks(subject),
    peers: [{ name: 'JSON.parse(text)', micro: parseTextTasks() }],
    scenarios: (['1k', '64k'] as const).map((size) => ({
      name: `POST /ingest/v1 ${size === '1k' ? '1KB' : '64KB'}`,
      method: 'POST' as const,
      path: '/ingest/v1',
      body: ingestFixture(size).bytes,
      headers: json,
    })),
  };
});
