/**
 * Lab 00, step 1: your bytes-per-operation probe (src/measure/bytes-per-op.ts) is checked against sizes
 * chosen at random here and against the kit's own harness, so only a real measurement passes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBytesPerOp } from '@hotpath/harness';
import { moduleGraph } from '@hotpath/kit/module-graph';
import { labSourcePath, repoRoot } from '@hotpath/workshop/paths';
import { describe, expect, it } from 'vitest';
import { bytesPerOp } from '#lab/measure/bytes-per-op.ts';

/**
 * Sizes are random so no fixed answer passes, but seeded so a failure can be replayed: the seed is in every
 * message, and HOTPATH_SEED=<seed> reruns with the same sizes.
 */
const seed = Number(process.env.HOTPATH_SEED ?? Math.floor(Math.random() * 2 ** 31));
let state = seed >>> 0;
const randomInt = (min: number, max: number) => {
  state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0; // a small xorshift-multiply step
  return min + (state % (max - min + 1));
};
const reference = (op: (i: number) => unknown, iterations: number) => measureBytesPerOp(op, { iterations }).bytesPerOp;
const tolerance = (expected: number) => Math.max(2, expected * 0.02);

/**
 * How `entry` reaches the harness, or undefined: an import chain to @hotpath/harness in its bundle (esbuild,
 * static and literal dynamic imports, relative paths into shared/harness), or a line of its own files (not
 * node_modules, not shared/) that names the harness in a string or path, as a specifier built at run time would.
 */
async function harnessReach(entry: string): Promise<string | undefined> {
  const graph = await moduleGraph(entry);
  const chain = graph.chainTo('@hotpath/harness');
  if (chain) return `it imports it: ${chain.join(' → ')}`;
  for (const file of graph.files.filter((f) => !f.includes('node_modules/') && !f.startsWith('shared/'))) {
    const lines = readFileSync(join(repoRoot, file), 'utf8').split('\n');
    const at = lines.findIndex((line) => /@hotpath\/harness|shared\/harness|measureBytesPerOp|['"`/]harness\b/.test(line));
    if (at >= 0) return `${file}:${at + 1} names it: ${lines[at]!.trim()}`;
  }
  return undefined;
}

describe('lab 00 · step 1: the bytes-per-operation probe', () => {
  it('measures about 0 B for an operation that allocates nothing', () => {
    const measured = bytesPerOp(() => 0);
    expect(
      Math.abs(measured),
      'Subtract what reading the heap statistics costs, and warm up before the first window (at least five whole windows, for at least 100 ms)',
    ).toBeLessThan(2);
  });

  it('measures a two-field object literal at 40 B', () => {
    const measured = bytesPerOp((i) => ({ a: i, b: i }));
    expect(measured, 'Keep what op returns (assign it to `keep`) and divide the heap growth by the iterations').toBeGreaterThan(38.5);
    expect(measured, 'Start every window from a collected heap: call gc() before reading used_heap_size').toBeLessThan(41.5);
  });

  it('measures arrays whose size this test picks at random', () => {
    for (const length of [randomInt(8, 64), randomInt(65, 500), randomInt(501, 2000)]) {
      const expected = reference(() => new Array(length), 10_000);
      const measured = bytesPerOp(() => new Array(length), 10_000);
      expect(
        Math.abs(measured - expected),
        `Measure, do not guess: new Array(${length}) allocates about ${expected.toFixed(0)} B (HOTPATH_SEED=${seed})`,
      ).toBeLessThan(tolerance(expected));
    }
  });

  it('stays right when the garbage collector runs inside the window', () => {
    // ~100 KB per call over 2,000 calls: the young generation fills many times, so GCs are certain.
    const length = randomInt(10_000, 15_000);
    const expected = reference(() => new Array(length), 2_000);
    const measured = bytesPerOp(() => new Array(length), 2_000);
    expect(
      Math.abs(measured - expected),
      `Add back what each GC freed inside the window (each GCProfiler statistics entry: beforeGC.heapStatistics.usedHeapSize minus afterGC.heapStatistics.usedHeapSize; HOTPATH_SEED=${seed})`,
    ).toBeLessThan(tolerance(expected));
  });

  it("is your own measurement: src/measure never reaches the harness's measurer", async () => {
    for (const file of ['measure/bytes-per-op.ts', 'measure/debug-line.ts']) {
      const reach = await harnessReach(labSourcePath(file));
      expect(
        reach,
        `src/${file} must measure by itself, not through @hotpath/harness (${reach}). The tests compare your probe ` +
          'with the harness, so calling it measures nothing: remove it and write the seven steps of bytes-per-op.ts',
      ).toBeUndefined();
    }
  });

  it('the check catches a probe that imports the harness, or loads it by a built name (planted shortcuts)', async () => {
    const planted = (name: string) => fileURLToPath(new URL(`./support/${name}`, import.meta.url));
    expect(await harnessReach(planted('planted-probe.ts'))).toMatch(/^it imports it: .*planted-probe\.ts → shared\/harness\//);
    expect(await harnessReach(planted('planted-probe-hidden.ts'))).toMatch(/planted-probe-hidden\.ts:\d+ names it: .*\['@hotpath', 'harness'\]/);
    expect(await harnessReach(labSourcePath('measure/findings.ts'))).toBeUndefined();
  });
});
