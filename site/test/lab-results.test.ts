/**
 * Lab 05's extra results for its page (plugins/lab-results.ts), read from a temporary kit root: the
 * committed startup.json and capstone.json are read into what the tables show (every subject, the SEA rows
 * marked for the target; both sides of the capstone, its cost inputs); a lab without the files gets nothing;
 * a malformed file — not JSON, another kind, a missing or mistyped figure — throws an error naming the file,
 * which fails the site build.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLabResults } from '../plugins/lab-results.ts';
import { TARGET_VS_RAW_NODE_HTTP } from '@hotpath/workshop/manifest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const RESULTS = 'solutions/05-single-binary/results';
let root = '';

const committed = (name: string) => JSON.parse(readFileSync(join(repo, RESULTS, name), 'utf8')) as Record<string, unknown>;
function write(name: string, content: unknown) {
  mkdirSync(join(root, RESULTS), { recursive: true });
  writeFileSync(join(root, RESULTS, name), typeof content === 'string' ? content : JSON.stringify(content));
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hotpath-site-results-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("lab 05's start-up and capstone results", () => {
  it('reads the committed files into what the page shows', () => {
    mkdirSync(join(root, RESULTS), { recursive: true });
    for (const name of ['startup.json', 'capstone.json']) cpSync(join(repo, RESULTS, name), join(root, RESULTS, name));
    const data = loadLabResults(root);
    expect(Object.keys(data)).toEqual(['05-single-binary']);
    const {
      startup: [startup, ...otherStartup],
      capstone: [capstone, ...otherCapstone],
    } = data['05-single-binary']!;
    expect([otherStartup, otherCapstone], 'one runtime committed: one variant of each').toEqual([[], []]);
    expect([startup!.runtime.id, capstone!.runtime.id], 'the run of record is Node 20').toEqual(['node20', 'node20']);

    const raw = committed('startup.json') as { results: Record<string, { label: string; vsRaw: number }>; config: { runs: number } };
    expect(startup!.file).toBe(`${RESULTS}/startup.json`);
    expect(startup!.runs).toBe(raw.config.runs);
    expect(startup!.targetVsRaw).toBe(TARGET_VS_RAW_NODE_HTTP);
    expect(startup!.rows.map((r) => r.label)).toEqual(Object.values(raw.results).map((r) => r.label));
    expect(startup!.rows.filter((r) => r.sea).map((r) => r.key)).toEqual(['server-sea', 'server-sea-codecache', 'server-sea-snapshot']);
    const codeCache = startup!.rows.find((r) => r.key === 'server-sea-codecache')!;
    expect(codeCache.label).toBe('SEA code cache');
    expect(codeCache.vsRaw).toBe(raw.results['server-sea-codecache']!.vsRaw);
    expect(startup!.rows.find((r) => r.key === 'tsx-lab00')!.fileBytes).toBeNull();
    // Only what the table shows travels to the page: no per-start samples.
    expect(JSON.stringify(startup)).not.toContain('samples');

    const cap = committed('capstone.json') as {
      probeInBinary: { works: boolean };
      heapMeasuredOn: { binary: string };
      cost: { before: { instances: number; rpsPerInstance: number }; after: { instances: number } };
    };
    expect(capstone!.labels).toEqual({ lab00: 'lab 00 (pnpm start, tsx)', binary: 'final binary (SEA code cache)' });
    expect(capstone!.scenarios.map((s) => s.name)).toEqual(['GET /todos', 'POST /ingest/v1 1KB']);
    expect(capstone!.heapStandIn).toBe(cap.probeInBinary.works ? null : cap.heapMeasuredOn.binary);
    expect(capstone!.cost.beforeRps).toBe(cap.cost.before.rpsPerInstance);
    expect(capstone!.cost.before.instances).toBe(cap.cost.before.instances);
    expect(capstone!.cost.after.instances).toBe(cap.cost.after.instances);
    expect(JSON.stringify(capstone)).not.toContain('rounds":[');
  });

  it("reads the ways a start-up run left out, and each row's runtime, when the file records them", () => {
    const startup = committed('startup.json') as { results: Record<string, Record<string, unknown>> } & Record<string, unknown>;
    const [first] = Object.keys(startup.results);
    startup.results[first!]!.runtime = 'Bun 1.4.5';
    write('startup.json', { ...startup, unavailable: [{ label: 'node src/server.ts', reason: 'Node 20.20.2 does not strip types' }] });
    const [read] = loadLabResults(root)['05-single-binary']!.startup;
    expect(read!.unavailable).toEqual([{ label: 'node src/server.ts', reason: 'Node 20.20.2 does not strip types' }]);
    expect(read!.rows[0]!.runtime).toBe('Bun 1.4.5');
    write('startup.json', { ...startup, unavailable: [{ label: 'x' }] });
    expect(() => loadLabResults(root)).toThrow(`Malformed ${RESULTS}/startup.json: unavailable.0.reason should be a string, got nothing`);
  });

  it('gives a lab without the files nothing, and reads either file alone', () => {
    expect(loadLabResults(root)).toEqual({});
    write('startup.json', committed('startup.json'));
    const data = loadLabResults(root)['05-single-binary']!;
    expect(data.startup).toHaveLength(1);
    expect(data.capstone).toEqual([]);
  });

  it('takes the heap figures of the stand-in bundle when the binary did not take the probe', () => {
    const cap = committed('capstone.json') as {
      probeInBinary: { works: boolean };
      heapMeasuredOn: { binary: string };
      load: Record<string, Record<string, Record<string, number>>>;
    };
    cap.probeInBinary.works = false;
    cap.heapMeasuredOn.binary = 'node --import …/probe-preload.mjs dist/server.cjs';
    for (const scenario of Object.values(cap.load)) scenario['bundle-with-probe'] = { ...scenario.binary!, heapBytesPerRequest: 777, gcPer10kRequests: 7 };
    write('capstone.json', cap);
    const capstone = loadLabResults(root)['05-single-binary']!.capstone[0]!;
    expect(capstone.heapStandIn).toBe('node --import …/probe-preload.mjs dist/server.cjs');
    expect(capstone.scenarios[0]!.binary.heapBytesPerRequest).toBe(777);
    expect(capstone.scenarios[0]!.binary.rps).toBe(cap.load['GET /todos']!.binary!.rps);
  });

  const malformed: Array<[string, string, (json: Record<string, any>) => unknown, RegExp]> = [
    ['startup.json', 'not JSON', () => '{"kind": "hotpath-lab05-startup",', /not readable JSON/],
    ['startup.json', 'another kind', (j) => ({ ...j, kind: 'hotpath-checkpoint' }), /kind should be "hotpath-lab05-startup"/],
    [
      'startup.json',
      'a figure as text',
      (j) => ((j.results['server-sea'].firstOkMs.median = '129 ms'), j),
      /results\.server-sea\.firstOkMs\.median should be a number, got "129 ms"/,
    ],
    ['startup.json', 'no subjects', (j) => ({ ...j, results: {} }), /results should be non-empty/],
    [
      'capstone.json',
      'a missing scenario side',
      (j) => (delete j.load['GET /todos'].binary, j),
      /load\.GET \/todos\.binary\.rps should be a number, got nothing/,
    ],
    ['capstone.json', 'a zero price', (j) => ((j.cost.assumptions.pricePerMonthUsd = 0), j), /cost\.assumptions\.pricePerMonthUsd should be a number above 0/],
    ['capstone.json', 'another schema', (j) => ({ ...j, schemaVersion: 2 }), /schemaVersion should be 1/],
  ];
  it.each(malformed)('fails on a malformed %s (%s), naming the file', (name, _what, spoil, message) => {
    write(name, spoil(committed(name)));
    const error = (() => {
      try {
        loadLabResults(root);
      } catch (e) {
        return e as Error;
      }
      throw new Error('no error');
    })();
    expect(error.message).toContain(`Malformed ${RESULTS}/${name}`);
    expect(error.message).toMatch(message);
  });
});
