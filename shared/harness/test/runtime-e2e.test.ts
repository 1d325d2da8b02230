/**
 * `--runtime` end to end, kept short: the tiny app (test/fixtures/tiny-runtime) measured on this Node and on
 * another major (test/runtime-binary.ts) in one run — micro only (the other runtime's tasks in a worker
 * process), then load and startup (the other runtime's servers in the same rounds). The fixture definition
 * names a task after the Node that evaluated it and the app reports its Node major as app stats, so each
 * figure can be traced to the runtime it claims. Skipped, with the reason, when no other Node is installed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveRuntime } from '@hotpath/workshop/runtimes';
import { runCheckpoint } from '../src/checkpoint.ts';
import { otherNode } from './runtime-binary.ts';
import { checkSchema } from './schema-check.ts';

const app = fileURLToPath(new URL('./fixtures/tiny-runtime', import.meta.url));
const checkpointFile = fileURLToPath(new URL('./fixtures/runtime-checkpoint.ts', import.meta.url));
const schema = JSON.parse(readFileSync(new URL('../checkpoint.schema.json', import.meta.url), 'utf8'));
const out = mkdtempSync(join(tmpdir(), 'hotpath-runtimes-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const own = Number(process.versions.node.split('.')[0]);
const other = await otherNode();
const missing = 'missing' in other ? other.missing : undefined;
if (missing) console.warn(`runtime-e2e.test.ts skipped: ${missing}`);
const id = 'missing' in other ? '' : `node${other.major}`;
const otherPath = 'missing' in other ? '' : other.path;
const otherMajor = 'missing' in other ? 0 : other.major;

type RunOptions = Parameters<typeof runCheckpoint>[0];

/** A quick run of the fixture app (subject and baseline alike), with `options` saying what and on which runtimes. */
function run(options: Partial<RunOptions>) {
  return runCheckpoint({ dir: app, baselineDir: app, checkpointFile, quick: true, progress: false, ...options });
}

/** One short load round and one startup run: enough to show which runtime served what. */
const shortLoad: Partial<RunOptions> = { only: ['load', 'startup'], rounds: 1, durationSec: 0.5, connections: 10, startupRuns: 1 };

describe.skipIf(missing !== undefined)(`a run on Node ${own} and on another Node (${missing ?? otherPath})`, () => {
  it("runs the definition's micro tasks on the other runtime too, in a worker of that runtime, keyed <key>@<id>", async () => {
    const json = join(out, 'micro.json');
    const { result, table } = await run({ only: ['micro'], runtimes: [otherPath], json });
    expect(result.failures).toEqual([]);
    expect(result.runtime).toMatchObject({ id: `node${own}`, kind: 'node', major: own, version: process.version.slice(1) });
    expect(result.runtimes).toEqual([expect.objectContaining({ id, kind: 'node', major: otherMajor, path: otherPath })]);
    // Each runtime evaluated the definition itself: its own "only on Node N" task, and the shared one on both.
    expect(result.micro!.tasks.map((t) => [t.name, Object.keys(t.results)])).toEqual([
      ['sink offer + drain', ['subject', `subject@${id}`]],
      [`only on Node ${own}`, ['subject']],
      [`only on Node ${otherMajor}`, [`subject@${id}`]],
    ]);
    const there = result.micro!.tasks[0]!.results[`subject@${id}`]!;
    expect(there.runtime).toBe(id);
    expect(there.nsPerOp).toBeGreaterThan(0);
    expect(there.rounds).toBe(3);
    // The worker has gc() and the young generation: bytes per op are measured there, not skipped.
    expect(there.bytes?.gcFreeRounds).toBeGreaterThan(0);
    expect(result.micro!.tasks[2]!.results[`subject@${id}`]!.bytesPerOp).toBeGreaterThan(10);
    const cross = result.runtimeRatios!.find((r) => r.across === `node${own}` && r.name === 'sink offer + drain' && r.metric === 'nsPerOp')!;
    expect(cross.ratio).toBe(there.nsPerOp / result.micro!.tasks[0]!.results.subject!.nsPerOp);
    expect(checkSchema(JSON.parse(readFileSync(json, 'utf8')), schema)).toEqual([]);
    expect(table).toContain(`On ${result.runtimes![0]!.label} (V8 `);
  });

  it("starts the other runtime's servers with its binary, in the same load rounds and startup runs", async () => {
    const { result } = await run({ ...shortLoad, runtimes: [otherPath], warmupSec: 0.25, json: join(out, 'load.json') });
    expect(result.failures).toEqual([]);
    const health = result.load!.scenarios[0]!;
    expect(Object.keys(health.results)).toEqual(['subject', `subject@${id}`]);
    // The app says which Node served it.
    expect(health.results.subject!.appStats?.runtime).toEqual({ major: own });
    expect(health.results[`subject@${id}`]!.appStats?.runtime).toEqual({ major: otherMajor });
    expect(health.results[`subject@${id}`]!.rps).toBeGreaterThan(0);
    expect(Object.keys(result.startup!.results)).toEqual(['subject', `subject@${id}`]);
    expect(result.startup!.results[`subject@${id}`]!.runtime).toBe(id);
    const within = result.runtimeRatios!.filter((r) => r.runtime === id && r.across === undefined && r.metric === 'rps');
    expect(within.map((r) => r.ratio)).toEqual([1]);
  });
});

const bun = (() => {
  try {
    return resolveRuntime('bun').path;
  } catch {
    return undefined;
  }
})();
if (!bun) console.warn('runtime-e2e.test.ts: the Bun test skipped: Bun is not installed (pnpm lab runtime add bun)');

describe.skipIf(bun === undefined)('a run on this Node and on Bun', () => {
  it('measures the Bun servers at startup and says that load leaves them out', async () => {
    const { result } = await run({ ...shortLoad, runtimes: ['bun'], warmupSec: 0, json: join(out, 'bun.json') });
    expect(result.failures).toEqual([]);
    expect(result.runtimes).toEqual([expect.objectContaining({ id: 'bun', kind: 'bun', v8: null, path: bun })]);
    expect(Object.keys(result.startup!.results)).toEqual(['subject', 'subject@bun']);
    expect(result.startup!.results['subject@bun']!.firstOkMs.median).toBeGreaterThan(0);
    expect(Object.keys(result.load!.scenarios[0]!.results)).toEqual(['subject']);
    expect(result.warnings).toContain(
      "Bun 1.4.5 is measured at startup only: the in-server probe and bytes per op need Node's V8 hooks".replace('1.4.5', result.runtimes![0]!.version),
    );
  });
});
