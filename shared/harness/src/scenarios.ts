/**
 * Load scenarios: what one load round sends. The defaults are GET /health (the constant route whose
 * per-request bytes are subtracted to get the app's own share), GET /todos and POST /ingest/v1 with the
 * 1 KiB fixture body (from @hotpath/api/fixtures when it is there, else built here with the same shape).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Scenario {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: Uint8Array | string;
  headers?: Record<string, string>;
  /** '2xx' (default): any other status fails the run. 'any': non-2xx answers are counted and flagged only. */
  expect?: '2xx' | 'any';
}

/** Name of the constant-response scenario used as the per-request floor. */
export const HEALTH_SCENARIO = 'GET /health';

export interface IngestBody {
  bytes: Uint8Array;
  /** Where it came from: the fixtures module, the fixture file, or built by the harness. */
  source: 'fixtures-module' | 'fixture-file' | 'generated';
}

let cached: IngestBody | undefined;

/** Builds a ~1 KiB ingest body with `itemCount` and `timestamp` as its last keys. */
export function buildIngestBody(targetBytes = 1024): Uint8Array {
  const items: Array<{ sku: string; qty: number; price: number; tags: string[] }> = [];
  const make = (n: number) =>
    JSON.stringify({ source: 'sensor-17', region: 'eu-west-1', batch: 'b-000042', items: items.slice(0, n), itemCount: n, timestamp: 1717171717171 });
  let text = make(0);
  for (let i = 0; ; i++) {
    items.push({ sku: `SKU-${String(10_000 + i)}`, qty: (i % 7) + 1, price: 100 + ((i * 37) % 900) / 10, tags: ['std', i % 2 ? 'eu' : 'us'] });
    const next = make(items.length);
    if (Buffer.byteLength(next) > targetBytes) break;
    text = next;
  }
  // Pad the region string so the body is exactly targetBytes long.
  const missing = targetBytes - Buffer.byteLength(text);
  if (missing > 0) text = text.replace('"region":"eu-west-1"', `"region":"eu-west-1${'-'.repeat(missing)}"`);
  return new TextEncoder().encode(text);
}

/** The 1 KiB ingest body every lab is benchmarked with. */
export async function ingestBody(): Promise<IngestBody> {
  if (cached) return cached;
  try {
    const fixtures = (await import('@hotpath/api/fixtures')) as { ingestFixture?: (size: '1k') => { bytes: Uint8Array } };
    if (typeof fixtures.ingestFixture === 'function') return (cached = { bytes: fixtures.ingestFixture('1k').bytes, source: 'fixtures-module' });
  } catch {
    /* fixtures not generated yet */
  }
  try {
    const file = fileURLToPath(new URL('../../api/fixtures/ingest-1k.json', import.meta.url));
    return (cached = { bytes: new Uint8Array(readFileSync(file)), source: 'fixture-file' });
  } catch {
    return (cached = { bytes: buildIngestBody(), source: 'generated' });
  }
}

/** GET /health, GET /todos and POST /ingest/v1 with the 1 KiB body. */
export async function defaultScenarios(): Promise<Scenario[]> {
  const body = await ingestBody();
  return [
    { name: HEALTH_SCENARIO, method: 'GET', path: '/health' },
    { name: 'GET /todos', method: 'GET', path: '/todos' },
    {
      name: 'POST /ingest/v1 1KB',
      method: 'POST',
      path: '/ingest/v1',
      body: body.bytes,
      headers: { 'content-type': 'application/json' },
    },
  ];
}

/** Body size of a scenario in bytes. */
export function bodyBytes(scenario: Scenario): number {
  if (scenario.body === undefined) return 0;
  return typeof scenario.body === 'string' ? Buffer.byteLength(scenario.body) : scenario.body.byteLength;
}
