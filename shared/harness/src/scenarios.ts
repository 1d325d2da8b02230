/**
 * Load scenarios: what one load round sends. The defaults are GET /health (the constant route whose
 * per-request bytes are subtracted to get the app's own share), GET /todos and POST /ingest/v1 with the
 * 1 KiB fixture body from @hotpath/api/fixtures. A definition's scenarios are checked by checkScenarios
 * (src/define.ts).
 */
import { ingestFixture } from '@hotpath/api/fixtures';

export interface Scenario {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: Uint8Array | string;
  headers?: Record<string, string>;
  /**
   * What happens to unexpected answers (non-2xx other than `expectStatus`, errors, timeouts): '2xx' (default)
   * fails the run; 'any' counts and flags them only (a warning).
   */
  expect?: '2xx' | 'any';
  /**
   * A non-2xx status this scenario answers on purpose (300–599), e.g. 404 for a floor that hits no route:
   * those answers are expected — counted, neither flagged nor warned about, "expected 404" in the table.
   */
  expectStatus?: number;
}

/** Name of the constant-response scenario used as the per-request floor. */
export const HEALTH_SCENARIO = 'GET /health';

export interface IngestBody {
  bytes: Uint8Array;
  /** Where it came from (recorded in the result): always the committed fixture, shared/api/fixtures/ingest-1k.json. */
  source: 'fixtures-module';
}

/** The 1 KiB ingest body every lab is benchmarked with: the kit's committed fixture. */
export async function ingestBody(): Promise<IngestBody> {
  return { bytes: ingestFixture('1k').bytes, source: 'fixtures-module' };
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
