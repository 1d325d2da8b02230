/**
 * Lab 05's views for its page (plugins/lab-results.ts), read from a temporary kit root: the committed
 * checkpoint results are read into what the tables show (every start-up row, the SEA rows marked for the
 * target; both sides of the capstone, its cost inputs) — the views checkpoint.json carries from earlier runs,
 * and a run's own sections when it carries none; a lab without them gets nothing; a file that is not JSON, or
 * whose tables would show a figure that is not a number, throws an error naming the file, which fails the build.
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

const committed = (name: string) => JSON.parse(readFileSync(join(repo, RESULTS, name), 'utf8'));
function write(name: string, content: unknown) {
  mkdirSync(join(root, RESULTS), { recursive: true });
  writeFileSync(join(root, RESULTS, name), typeof content === 'string' ? content : JSON.stringify(content));
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hotpath-site-results-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("lab 05's start-up table and capstone", () => {
  it('reads the views checkpoint.json carries into what the page shows', () => {
    mkdirSync(join(root, RESULTS), { recursive: true });
    cpSync(join(repo, RESULTS, 'checkpoint.json'), join(root, RESULTS, 'checkpoint.json'));
    const data = loadLabResults(root);
    expect(Object.keys(data)).toEqual(['05-single-binary']);
    const {
      startup: [startup, ...otherStartup],
      capstone: [capstone, ...otherCapstone],
    } = data['05-single-binary']!;
    expect([otherStartup, otherCapstone], 'one runtime committed: one variant of each').toEqual([[], []]);
    expect([startup!.runtime.id, capstone!.runtime.id], 'the run of record is Node 20').toEqual(['node20', 'node20']);

    const { carried } = committed('checkpoint.json');
    expect(startup!.file).toBe(`${RESULTS}/checkpoint.json`);
    expect(startup!.from, 'the run that measured it').toBe(`${RESULTS}/startup.json`);
    expect(startup!.runs).toBe(carried.startup.runs);
    expect(startup!.targetVsRaw).toBe(TARGET_VS_RAW_NODE_HTTP);
    expect(startup!.rows.map((r) => r.key)).toEqual(carried.startup.rows.map((r: { key: string }) => r.key));
    expect(startup!.rows.filter((r) => r.sea).map((r) => r.key)).toEqual(['peer:SEA plain', 'subject', 'peer:SEA snapshot']);
    const codeCache = startup!.rows.find((r) => r.key === 'subject')!;
    const raw = startup!.rows.find((r) => r.key === 'peer:raw node:http')!;
    expect(codeCache.label).toBe('SEA code cache');
    expect(codeCache.vsRaw).toBe(Math.round((codeCache.firstOkMs.median / raw.firstOkMs.median) * 100) / 100);
    expect(startup!.rows.find((r) => r.key === 'baseline')!.fileBytes).toBeNull();

    expect(capstone!.from).toBe(`${RESULTS}/capstone.json`);
    expect(capstone!.labels).toEqual({ lab00: 'lab 00 (pnpm start, tsx)', binary: 'final binary (SEA code cache)' });
    expect(capstone!.scenarios.map((s) => s.name)).toEqual(['GET /todos', 'POST /ingest/v1 1KB']);
    const post = carried.capstone.scenarios[1];
    expect([capstone!.cost!.beforeRps, capstone!.cost!.afterRps]).toEqual([post.lab00.rps, post.binary.rps]);
    expect([capstone!.cost!.before.instances, capstone!.cost!.after.instances], "capstone.json's own estimate").toEqual([98, 9]);
    expect(capstone!.checkpoint, "a carried capstone brings the file's own GET /todos").toBeDefined();
  });

  it("derives both views from a run's own sections when it carries none", () => {
    const own = committed('checkpoint.json');
    delete own.carried;
    write('checkpoint.json', own);
    const { startup, capstone } = loadLabResults(root)['05-single-binary']!;
    expect(startup[0]!.from).toBe(`${RESULTS}/checkpoint.json`);
    expect(startup[0]!.rows.map((r) => r.key)).toEqual(Object.keys(own.startup.results));
    expect(startup[0]!.rows.find((r) => r.key === 'peer:SEA plain')!.firstOkMs).toEqual(own.startup.results['peer:SEA plain'].firstOkMs);
    const todos = own.load.scenarios.find((s: { name: string }) => s.name === 'GET /todos');
    expect(
      capstone[0]!.scenarios.map((s) => s.name),
      'every scenario but GET /health',
    ).toEqual(['GET /todos', 'POST /ingest/v1 1KB']);
    expect(capstone[0]!.scenarios[0]!.binary.rps).toBe(todos.results.subject.rps);
    expect(capstone[0]!.checkpoint, 'one run: nothing to compare with').toBeUndefined();
  });

  it('reads a start-up-only run (Node 26) as a start-up table and no capstone', () => {
    write('checkpoint.node26.json', committed('checkpoint.node26.json'));
    const { startup, capstone } = loadLabResults(root)['05-single-binary']!;
    expect(startup.map((s) => s.runtime.id)).toEqual(['node26']);
    expect(capstone).toEqual([]);
    expect(startup[0]!.rows.find((r) => r.key === 'peer:bun --compile')!.runtime).toBe('Bun 1.4.5');
  });

  it('gives a lab without a start-up table nothing', () => {
    expect(loadLabResults(root)).toEqual({});
    const own = committed('checkpoint.json');
    delete own.carried;
    write('checkpoint.json', { ...own, startup: null });
    expect(loadLabResults(root)).toEqual({});
  });

  it.each([
    ['not JSON', () => '{"schemaVersion": 1,', /not readable JSON/],
    [
      'a start-up figure as text',
      (j: any) => ((j.carried.startup.rows[0].firstOkMs.median = '129 ms'), j),
      /start-up row peer:raw node:http should be a number, got "129 ms"/,
    ],
    [
      'a missing capstone figure',
      (j: any) => (delete j.carried.capstone.scenarios[0].binary.rps, j),
      /GET \/todos binary rps should be a number, got undefined/,
    ],
  ] as const)('fails on a malformed file (%s), naming it', (_what, spoil, message) => {
    write('checkpoint.json', spoil(committed('checkpoint.json')));
    expect(() => loadLabResults(root)).toThrow(`Malformed ${RESULTS}/checkpoint.json`);
    expect(() => loadLabResults(root)).toThrow(message);
  });
});
