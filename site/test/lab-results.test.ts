/**
 * Lab 05's views for its page (plugins/lab-results.ts), read from a temporary kit root: the committed
 * checkpoint results are read into what the tables show (every start-up row, the SEA rows marked for the
 * target; both sides of the capstone, its cost inputs) — checkpoint.json's views as @hotpath/harness/run-views
 * reads them (carried from an earlier run, or its own sections), so a re-run needs no edit here; a lab without them gets nothing; a file that is not JSON, or
 * whose tables would show a figure that is not a number, throws an error naming the file, which fails the build.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLabResults } from '../plugins/lab-results.ts';
import { TARGET_VS_RAW_NODE_HTTP } from '@hotpath/workshop/manifest';
import { compareCost } from '@hotpath/harness/cost';
import { capstoneView, startupView } from '@hotpath/harness/run-views';

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
  it("reads checkpoint.json's views (carried from an earlier run, or its own sections) into what the page shows", () => {
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

    const json = committed('checkpoint.json');
    const file = `${RESULTS}/checkpoint.json`;
    const view = startupView(json, file)!;
    expect(startup!.file).toBe(file);
    expect(startup!.from, 'the run that measured it').toBe(view.from);
    expect(startup!.runs).toBe(view.runs);
    expect(startup!.targetVsRaw).toBe(TARGET_VS_RAW_NODE_HTTP);
    expect(startup!.rows.map((r) => r.key)).toEqual(view.rows.map((r) => r.key));
    const seas = view.rows.filter((r) => r.key === 'subject' || r.key.startsWith('peer:SEA ')).map((r) => r.key);
    expect(seas, 'the three single executables').toHaveLength(3);
    expect(startup!.rows.filter((r) => r.sea).map((r) => r.key)).toEqual(seas);
    const codeCache = startup!.rows.find((r) => r.key === 'subject')!;
    const raw = startup!.rows.find((r) => r.key === 'peer:raw node:http')!;
    expect(codeCache.label).toBe('SEA code cache');
    expect(codeCache.vsRaw).toBe(Math.round((codeCache.firstOkMs.median / raw.firstOkMs.median) * 100) / 100);

    const cap = capstoneView(json, file)!;
    expect(capstone!.from).toBe(cap.from);
    expect(capstone!.labels).toEqual({ lab00: 'lab 00 (pnpm start, tsx)', binary: 'final binary (SEA code cache)' });
    expect(capstone!.scenarios.map((s) => s.name)).toEqual(['GET /todos', 'POST /ingest/v1 1KB']);
    const post = cap.scenarios[1]!;
    expect([capstone!.cost!.beforeRps, capstone!.cost!.afterRps]).toEqual([post.lab00.rps, post.binary.rps]);
    const estimate = compareCost(post.lab00.rps, post.binary.rps, capstone!.cost!.assumptions);
    expect([capstone!.cost!.before.instances, capstone!.cost!.after.instances]).toEqual([estimate.before.instances, estimate.after.instances]);
    expect(capstone!.checkpoint !== undefined, "only a carried capstone brings the file's own GET /todos").toBe(json.carried?.capstone !== undefined);
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

  it('reads a start-up-only run (as `pnpm startup` writes) as a start-up table and no capstone', () => {
    const own = committed('checkpoint.node26.json');
    delete own.carried;
    write('checkpoint.node26.json', { ...own, sections: ['startup'], micro: null, load: null });
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

  /** The committed file reduced to its own sections, so a spoiled figure is one the page shows. */
  const ownSections = (): any => {
    const own = committed('checkpoint.json');
    delete own.carried;
    return own;
  };
  it.each([
    ['not JSON', (): unknown => '{"schemaVersion": 1,', /not readable JSON/],
    [
      'a start-up figure as text',
      (): unknown => {
        const j = ownSections();
        j.startup.results['peer:raw node:http'].firstOkMs.median = '129 ms';
        return j;
      },
      /start-up row peer:raw node:http should be a number, got "129 ms"/,
    ],
    [
      'a missing capstone figure',
      (): unknown => {
        const j = ownSections();
        delete j.load.scenarios.find((s: { name: string }) => s.name === 'GET /todos').results.subject.rps;
        return j;
      },
      /GET \/todos binary rps should be a number, got undefined/,
    ],
  ] as const)('fails on a malformed file (%s), naming it', (_what, spoil, message) => {
    write('checkpoint.json', spoil());
    expect(() => loadLabResults(root)).toThrow(`Malformed ${RESULTS}/checkpoint.json`);
    expect(() => loadLabResults(root)).toThrow(message);
  });
});
