/**
 * Builds the realistic ingest bodies (`ingest-1k.json`, `ingest-64k.json`) from a seeded PRNG, so the files
 * are byte-for-byte reproducible. Each body is a sensor event with unknown fields, nested objects, escapes
 * and a little non-ASCII text, `itemCount` equal to `items.length`, and `itemCount`/`timestamp` as the last
 * two keys — the worst case for a parser that looks for them, and the common case for a benchmark.
 */

import { mulberry32 } from '../src/prng.ts';

const TAGS = ['fragile', 'promo', 'bulk', 'cold-chain', 'gift', 'café', 'return', 'express', '日本', 'eco', 'oversize', '🚚'];
const WAREHOUSES = ['eu-west-2', 'us-east-1', 'ap-south-1', 'sa-east-1'];
const UNITS = ['each', 'kg', 'box', 'pallet'];
const NOTE_WORDS = ['sensor', 'reading', 'batch', 'flush', 'retry', 'window', 'ok', 'warm', 'edge', 'gateway'];

/** The timestamp every fixture body carries. */
export const FIXTURE_TIMESTAMP = 1717171717171;

interface Item {
  sku: string;
  qty: number;
  price: number;
  tags: string[];
  unit: string;
  meta?: { warehouse: string; bin: number; hazmat: boolean; lot: string | null };
}

function makeItem(rand: () => number): Item {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!; // index < length by construction
  const letters = String.fromCharCode(65 + Math.floor(rand() * 26), 65 + Math.floor(rand() * 26));
  const tags: string[] = [];
  const tagCount = Math.floor(rand() * 4);
  for (let i = 0; i < tagCount; i++) tags.push(pick(TAGS));
  const item: Item = {
    sku: `${letters}-${1000 + Math.floor(rand() * 9000)}`,
    qty: 1 + Math.floor(rand() * 48),
    price: Math.round(rand() * 50_000) / 100,
    tags,
    unit: pick(UNITS),
  };
  if (rand() < 0.5) {
    item.meta = {
      warehouse: pick(WAREHOUSES),
      bin: Math.floor(rand() * 500),
      hazmat: rand() < 0.1,
      lot: rand() < 0.3 ? null : `L${Math.floor(rand() * 1e6).toString(36)}`,
    };
  }
  return item;
}

function render(head: Record<string, unknown>, items: Item[], note: string): string {
  const event = { ...head, note, items, itemCount: items.length, timestamp: FIXTURE_TIMESTAMP };
  return JSON.stringify(event);
}

/**
 * An ingest body of exactly `targetBytes` UTF-8 bytes: items are added while they fit, then the free-text
 * `note` field takes up the rest.
 */
export function buildIngestBody(targetBytes: number, seed: number): string {
  const rand = mulberry32(seed);
  const head = {
    source: `sensor-${1 + Math.floor(rand() * 99)}`,
    schema: 'hotpath.ingest/v1',
    traceId: Array.from({ length: 16 }, () => Math.floor(rand() * 16).toString(16)).join(''),
    device: { model: 'HP-Edge "mk2"', firmware: '2.4.1', location: { lat: 51.5072, lon: -0.1276 }, tz: 'Europe/London' },
    flags: { retry: false, sampled: true, shadow: null },
    labels: ['line-1\tbay-4', 'zone/ß', 'path\\to\\bin'],
  };
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  const items: Item[] = [];
  let next = makeItem(rand);
  while (bytes(render(head, [...items, next], '')) <= targetBytes) {
    items.push(next);
    next = makeItem(rand);
  }
  const room = targetBytes - bytes(render(head, items, ''));
  let note = '';
  while (note.length < room) note += (note ? ' ' : '') + NOTE_WORDS[Math.floor(rand() * NOTE_WORDS.length)];
  const body = render(head, items, note.slice(0, room));
  if (bytes(body) !== targetBytes) throw new Error(`ingest body is ${bytes(body)} bytes, wanted ${targetBytes}`);
  return body;
}
