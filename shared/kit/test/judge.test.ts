/**
 * The ratio engine under `pnpm lab bench`'s verdicts (verdict.ts `judge`; the words and states: verdict.test.ts): manifest targets judged against a run's ratios — to the lab's baseline,
 * or, with `vs`, to a micro peer's figure in the same run, or, with `absolute`, the package's own figure —
 * only the targets for the runtime the run measured, and the baseline each lab compares with.
 */
import { startupOnlyRun } from '@hotpath/harness/run-views';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAbsolute, judge, type RunLike } from '../src/cli/bench.ts';
import { runtimeName, runtimeOf, targetsFor, targetText } from '@hotpath/workshop/target-runtime';
import { baselineOf, findLab, labs, type CheckpointTarget } from '@hotpath/workshop/manifest';
import { figureWords, targetWords } from '../src/verdict.ts';
import { repoRoot, stageName } from '@hotpath/workshop/paths';

/** Ratios as the harness writes them: the package's, then the peer's, each against the baseline. */
const ratios = [
  { section: 'load', name: 'GET /todos', metric: 'rps', subjectKey: 'subject', subject: 60_000, ratio: 6 },
  { section: 'micro', name: 'GET /todos body', metric: 'nsPerOp', subjectKey: 'subject', subject: 900, ratio: 0.3 },
  { section: 'micro', name: 'GET /todos body', metric: 'bytesPerOp', subjectKey: 'subject', subject: 9000, ratio: 0.5 },
  { section: 'micro', name: 'GET /todos body', metric: 'nsPerOp', subjectKey: 'reference', subject: 600, ratio: 0.2 },
  { section: 'micro', name: 'GET /todos body', metric: 'nsPerOp', subjectKey: 'peer:fast-json-stringify', subject: 1200, ratio: 0.4 },
  { section: 'micro', name: 'GET /todos body', metric: 'bytesPerOp', subjectKey: 'peer:fast-json-stringify', subject: 0, ratio: 0 },
];

const target = (t: Partial<CheckpointTarget>): CheckpointTarget => ({ scenario: 'GET /todos body', metric: 'nsPerOp', label: 'a target', ...t });

describe('judge', () => {
  it('judges a target by the ratio to the baseline', () => {
    const [rps, micro] = judge([target({ scenario: 'GET /todos', metric: 'rps', atLeast: 5 }), target({ atMost: 0.25 })], ratios);
    expect(rps).toMatchObject({ ratio: 6, met: true });
    expect(micro).toMatchObject({ ratio: 0.3, met: false });
  });

  it('judges a target with vs by this figure / the peer figure of the same run', () => {
    const [faster, slower] = judge([target({ vs: 'fast-json-stringify', atMost: 1 }), target({ vs: 'fast-json-stringify', atMost: 0.5 })], ratios);
    expect(faster?.ratio).toBeCloseTo(900 / 1200);
    expect(faster?.met).toBe(true);
    expect(slower?.met).toBe(false);
    // The same through the two ratios to the baseline: 0.3 / 0.4.
    expect(faster?.ratio).toBeCloseTo(0.3 / 0.4);
  });

  it('judges the reference against the same peer when asked for its key', () => {
    const [verdict] = judge([target({ vs: 'fast-json-stringify', atMost: 0.5 })], ratios, 'reference');
    expect(verdict).toMatchObject({ met: true });
    expect(verdict!.ratio).toBeCloseTo(0.5);
  });

  it('gives no ratio (missed) when the peer was not measured, or its figure is 0', () => {
    const [unknown, zero, noTask] = judge(
      [
        target({ vs: 'nobody', atMost: 2 }),
        target({ metric: 'bytesPerOp', vs: 'fast-json-stringify', atMost: 2 }),
        target({ scenario: 'other task', vs: 'fast-json-stringify', atMost: 2 }),
      ],
      ratios,
    );
    for (const verdict of [unknown, zero, noTask]) expect(verdict).toMatchObject({ ratio: null, met: false });
  });
});

describe('absolute targets', () => {
  /** Load ratios as the harness writes them for lab 04's figures (app heap and ArrayBuffers per request). */
  const load = [
    { section: 'load', name: 'POST /ingest/v1 1KB', metric: 'appHeapBytesPerRequest', unit: 'B', subjectKey: 'subject', subject: 431, ratio: 0.04 },
    { section: 'load', name: 'POST /ingest/v1 1KB', metric: 'appHeapBytesPerRequest', unit: 'B', subjectKey: 'reference', subject: 600, ratio: 0.06 },
    { section: 'load', name: 'POST /ingest/v1 1KB', metric: 'arrayBufferBytesPerRequest', unit: 'B', subjectKey: 'subject', subject: 12, ratio: 0.011 },
    { section: 'load', name: 'POST /ingest/v1 1KB', metric: 'p99', unit: 'µs', subjectKey: 'subject', subject: 2400, ratio: 0.8 },
    { section: 'load', name: 'GET /health', metric: 'appArrayBufferBytesPerRequest', unit: 'B', subjectKey: 'subject', subject: null, ratio: null },
  ];
  const ingest = (t: Partial<CheckpointTarget>) => target({ scenario: 'POST /ingest/v1 1KB', metric: 'appHeapBytesPerRequest', absolute: true, ...t });

  it("judges the package's own figure, not the ratio, with absolute: true", () => {
    const [under, over, atLeast] = judge([ingest({ atMost: 512 }), ingest({ atMost: 256 }), ingest({ atLeast: 400 })], load);
    expect(under).toEqual({ target: ingest({ atMost: 512 }), ratio: 431, met: true, unit: 'B' });
    expect(over).toMatchObject({ ratio: 431, met: false });
    expect(atLeast).toMatchObject({ ratio: 431, met: true });
    // The same figure as a ratio target: 0.04 of the baseline's.
    expect(judge([ingest({ absolute: undefined, atMost: 0.05 })], load)[0]).toEqual({
      target: ingest({ absolute: undefined, atMost: 0.05 }),
      ratio: 0.04,
      met: true,
    });
  });

  it("judges the reference's own figure when asked for its key", () => {
    expect(judge([ingest({ atMost: 512 })], load, 'reference')[0]).toMatchObject({ ratio: 600, met: false, unit: 'B' });
  });

  it('keeps ratio targets on the new load metrics (ArrayBuffer bytes, p99) as ratios', () => {
    const [buffers, p99] = judge(
      [
        target({ scenario: 'POST /ingest/v1 1KB', metric: 'arrayBufferBytesPerRequest', atMost: 0.1 }),
        target({ scenario: 'POST /ingest/v1 1KB', metric: 'p99', atMost: 0.75 }),
      ],
      load,
    );
    expect(buffers).toEqual({ target: expect.anything(), ratio: 0.011, met: true });
    expect(p99).toMatchObject({ ratio: 0.8, met: false });
  });

  it('misses an absolute target whose figure was not measured', () => {
    const [none, missing] = judge(
      [
        target({ scenario: 'GET /health', metric: 'appArrayBufferBytesPerRequest', absolute: true, atMost: 10 }),
        ingest({ scenario: 'GET /todos', atMost: 512 }),
      ],
      load,
    );
    expect(none).toEqual({ target: expect.anything(), ratio: null, met: false, unit: 'B' });
    expect(missing).toEqual({ target: expect.anything(), ratio: null, met: false });
  });

  it('prints an absolute figure with its unit', () => {
    expect(formatAbsolute(431, 'B')).toBe('431 B');
    expect(formatAbsolute(2412.6, 'µs')).toBe('2,413 µs');
    expect(formatAbsolute(3.14159, 'B')).toBe('3.14 B');
    expect(formatAbsolute(12.5)).toBe('12.5');
  });
});

describe('targets keyed by runtime', () => {
  /** The same micro figure judged two ways: Node 20's JSON.stringify is slow, Node 26's has a fast path. */
  const node20 = target({ atMost: 1 / 3, label: '≥ 3× JSON.stringify', node: { max: 24 } });
  const node26 = target({ atMost: 1, label: 'no slower than JSON.stringify', node: { min: 26 } });
  const everywhere = target({ vs: 'fast-json-stringify', atMost: 1, label: 'faster than fast-json-stringify' });
  const targets = [node20, node26, everywhere];
  /** A run measuring 0.5× the baseline's time (2× faster), on the runtime given. */
  const run = (runtime: object) => ({ ratios, ...runtime });

  it('judges a Node 26 result by the Node 26 targets and the targets for every runtime', () => {
    const verdicts = judge(targets, run({ runtime: { kind: 'node', version: '26.12.1', major: 26, v8: '14.6' } }));
    expect(verdicts.map((v) => v.target.label)).toEqual(['no slower than JSON.stringify', 'faster than fast-json-stringify']);
    expect(verdicts[0]).toMatchObject({ ratio: 0.3, met: true });
  });

  it("judges a Node 20 result by the Node 20 targets, reading an older result's fingerprint", () => {
    const verdicts = judge(targets, run({ fingerprint: { node: 'v20.20.2' } }));
    expect(verdicts.map((v) => v.target.label)).toEqual(['≥ 3× JSON.stringify', 'faster than fast-json-stringify']);
    expect(verdicts[0]).toMatchObject({ ratio: 0.3, met: true });
    // The Node 26 figure on Node 20 would be the wrong bar: 0.3 is under 1, but it is not what Node 20 is judged by.
    expect(judge([target({ atMost: 0.25, node: { max: 24 } })], run({ fingerprint: { node: 'v20.20.2' } }))[0]).toMatchObject({ met: false });
  });

  it('prefers the recorded runtime to the fingerprint, and judges Bun by the targets for every runtime only', () => {
    expect(runtimeOf({ runtime: { kind: 'node', version: 'v26.12.1', major: 26 }, fingerprint: { node: 'v20.20.2' } })).toEqual({
      kind: 'node',
      version: '26.12.1',
      major: 26,
    });
    expect(runtimeOf({ runtime: { kind: 'node', version: '24.22.3' } })?.major).toBe(24);
    expect(runtimeOf({})).toBeUndefined();
    const bun = judge(targets, run({ runtime: { kind: 'bun', version: '1.4.5', major: 1 }, fingerprint: { node: 'v24.3.0' } }));
    expect(bun.map((v) => v.target.label)).toEqual(['faster than fast-json-stringify']);
    // A contestant measured on another runtime of the run: its key, its peers' keys and its runtime's targets.
    const other = [
      { ...ratios[1]!, subjectKey: 'subject@node26', ratio: 0.9 },
      { ...ratios[4]!, subjectKey: 'peer:fast-json-stringify@node26', subject: 800 },
    ];
    const onNode26 = judge(targets, run({ ratios: other, fingerprint: { node: 'v20.20.2' } }), 'subject@node26', {
      kind: 'node',
      version: '26.12.1',
      major: 26,
    });
    expect(onNode26.map((v) => [v.target.label, v.met])).toEqual([
      ['no slower than JSON.stringify', true],
      ['faster than fast-json-stringify', false],
    ]);
    // Bare ratios say no runtime: only the targets for every runtime.
    expect(judge(targets, ratios).map((v) => v.target.label)).toEqual(['faster than fast-json-stringify']);
  });

  it('includes both ends of a range and names the runtimes in the verdict text', () => {
    const node = (major: number) => ({ kind: 'node' as const, version: `${major}.0.0`, major });
    const middle = target({ node: { min: 22, max: 24 } });
    expect([20, 22, 24, 26].map((major) => targetsFor([middle], node(major)).length)).toEqual([0, 1, 1, 0]);
    expect(targetText(node20)).toBe('≥ 3× JSON.stringify — for Node 24 and earlier');
    expect(targetText(node26)).toBe('no slower than JSON.stringify — for Node 26 and later');
    expect(targetText(middle)).toBe('a target — for Node 22–24');
    expect(targetText(target({ node: { min: 24, max: 24 } }))).toBe('a target — for Node 24');
    expect(targetText(everywhere)).toBe('faster than fast-json-stringify');
  });

  it('has well-formed ranges in the manifest: whole majors, at least one end, min ≤ max', () => {
    for (const t of labs.flatMap((lab) => lab.targets.filter((x) => x.node).map((x) => ({ ...x.node!, where: `${lab.slug}: ${x.label}` })))) {
      const ends = [t.min, t.max].filter((end) => end !== undefined);
      expect(
        ends.length > 0 && ends.every((end) => Number.isInteger(end)) && (t.min ?? 0) <= (t.max ?? Infinity),
        `${t.where}: node must be { min?: major, max?: major } with min ≤ max`,
      ).toBe(true);
    }
  });

  it.each([20, 22, 24, 26])("gives every lab's figure at most one target on Node %i", (major) => {
    for (const lab of labs) {
      const keys = targetsFor(lab.targets, { kind: 'node', version: `${major}.0.0`, major }).map(
        (t) => `${t.scenario} ${t.metric} ${t.vs ?? ''} ${t.atLeast === undefined ? '≤' : '≥'}`,
      );
      const twice = keys.filter((key, i) => keys.indexOf(key) !== i);
      expect(twice, `${lab.slug}: two targets for the same figure apply on Node ${major}: give their \`node\` ranges no common major`).toEqual([]);
    }
  });
});

/**
 * The reference meets its own targets on each runtime it has a committed run for (results/checkpoint.json,
 * and results/checkpoint.node26.json beside it): labs 02-05, whose targets issue 17 keyed by runtime. A target
 * against a peer the run did not measure (a run older than the peer) is left out until the run is redone.
 */
describe('the committed reference runs meet their own targets', () => {
  it.each(['02-generated-serializers', '03-byte-parsing', '04-pooling', '05-single-binary'])('%s', (slug) => {
    const lab = findLab(slug)!;
    for (const file of ['checkpoint.json', 'checkpoint.node26.json']) {
      const path = join(repoRoot, 'solutions', slug, 'results', file);
      if (!existsSync(path)) continue;
      const run = JSON.parse(readFileSync(path, 'utf8')) as RunLike & { peers?: string[]; sections?: string[] };
      const runtime = runtimeOf(run);
      // A start-up-only run (lab 05's Node 26 start-up table) is judged on its start-up targets alone.
      const startupOnly = startupOnlyRun(run);
      const measured = lab.targets.filter((t) => (t.vs === undefined || (run.peers ?? []).includes(t.vs)) && (!startupOnly || t.scenario === 'startup'));
      const missed = judge(measured, run)
        .filter((v) => !v.met)
        .map((v) => `${targetWords(v.target)}: ${figureWords(v.target, v.ratio, v.unit)}`);
      expect(
        missed,
        `solutions/${slug}/results/${file} (${runtime ? runtimeName(runtime) : 'unknown runtime'}) misses targets of its own lab: measure again on a quiet machine, or give the target a \`node\` range it is true for`,
      ).toEqual([]);
    }
  });
});

describe('baselines', () => {
  it("lab 02 compares with lab 01's solution, the others with lab 00's", () => {
    expect(baselineOf(findLab('02')!)).toBe('01-slim-builder');
    expect(baselineOf(findLab('01')!)).toBe('00-baseline');
    expect(baselineOf(findLab('00')!)).toBe('00-baseline');
    expect(baselineOf({}, [{ ...labs[0]!, slug: '00-demo' }])).toBe('00-demo');
  });

  it('names a stage by its folder', () => {
    expect(stageName('solutions/01-slim-builder')).toBe('lab 01');
    expect(stageName('01-slim-builder')).toBe('lab 01');
    expect(stageName('/repo/labs/02-generated-serializers/')).toBe('lab 02');
    expect(stageName('/tmp/elsewhere')).toBe('/tmp/elsewhere');
  });
});
