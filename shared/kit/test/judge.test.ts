/**
 * The verdict of `pnpm lab bench`: manifest targets judged against a run's ratios — to the lab's baseline,
 * or, with `vs`, to a micro peer's figure in the same run — and the baseline each lab compares with.
 */
import { describe, expect, it } from 'vitest';
import { judge } from '../src/cli/bench.ts';
import { baselineOf, findLab, labs, type CheckpointTarget } from '../src/manifest.ts';
import { stageName } from '../src/paths.ts';

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
    expect(faster.ratio).toBeCloseTo(900 / 1200);
    expect(faster.met).toBe(true);
    expect(slower.met).toBe(false);
    // The same through the two ratios to the baseline: 0.3 / 0.4.
    expect(faster.ratio).toBeCloseTo(0.3 / 0.4);
  });

  it('judges the reference against the same peer when asked for its key', () => {
    const [verdict] = judge([target({ vs: 'fast-json-stringify', atMost: 0.5 })], ratios, 'reference');
    expect(verdict).toMatchObject({ met: true });
    expect(verdict!.ratio).toBeCloseTo(0.5);
  });

  it('gives no ratio (missed) when the peer was not measured, or its figure is 0', () => {
    const [unknown, zero, noTask] = judge(
      [target({ vs: 'nobody', atMost: 2 }), target({ metric: 'bytesPerOp', vs: 'fast-json-stringify', atMost: 2 }), target({ scenario: 'other task', vs: 'fast-json-stringify', atMost: 2 })],
      ratios,
    );
    for (const verdict of [unknown, zero, noTask]) expect(verdict).toMatchObject({ ratio: null, met: false });
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
