/**
 * The verdict vocabulary (src/verdict.ts): every target and every measured figure said in the target's own
 * direction — faster/slower, less/more, fewer/more, N× a baseline's requests/s, a tolerance, an absolute
 * figure, a figure of 0 — and the three states of a run's verdict: met; inconclusive when the reference
 * missed the same target in the run or the machine was busy; missed otherwise.
 */
import { describe, expect, it } from 'vitest';
import { defineTarget, labs, type TargetSpec } from '@hotpath/workshop/manifest';
import {
  countVerdicts,
  figureShort,
  figureWords,
  judgeRun,
  targetLabel,
  targetShort,
  targetWords,
  verdictCounts,
  verdictExitCode,
  verdictLine,
  type JudgedRunLike,
  type VerdictState,
} from '../src/verdict.ts';

const oneTodo = defineTarget({ scenario: 'one Todo → JSON text', metric: 'nsPerOp', atMost: 1 / 3, than: 'JSON.stringify', on: 'serializing one Todo' });

/** Lab 04's one absolute target, as the manifest states it (the README quotes its label). */
const lab04Absolute = labs.find((lab) => lab.slug === '04-pooling')!.targets.find((t) => t.absolute)!;

/** Each case: the target, a figure, and how the target, its bar and the figure must read. */
const cases: Array<{ name: string; spec: TargetSpec; label: string; short: string; ratio: number; figure: string; brief: string }> = [
  {
    name: 'faster',
    spec: oneTodo,
    label: '≥ 3× faster than JSON.stringify serializing one Todo',
    short: '≥ 3×',
    ratio: 0.35,
    figure: '2.86× faster than JSON.stringify serializing one Todo',
    brief: '2.86× faster',
  },
  {
    name: 'slower (a speed target missed the other way)',
    spec: oneTodo,
    label: '≥ 3× faster than JSON.stringify serializing one Todo',
    short: '≥ 3×',
    ratio: 1.43,
    figure: '1.43× slower than JSON.stringify serializing one Todo',
    brief: '1.43× slower',
  },
  {
    name: 'less',
    spec: { scenario: 'GET /todos', metric: 'heapBytesPerRequest', atMost: 1 / 4, than: 'lab 00', on: 'on GET /todos' },
    label: '≥ 4× less heap per request than lab 00 on GET /todos',
    short: '≥ 4×',
    ratio: 0.0328,
    figure: '30.5× less heap per request than lab 00 on GET /todos',
    brief: '30.5× less heap per request',
  },
  {
    name: 'more (an amount missed the other way)',
    spec: { scenario: 'GET /todos', metric: 'heapBytesPerRequest', atMost: 1 / 4, than: 'lab 00', on: 'on GET /todos' },
    label: '≥ 4× less heap per request than lab 00 on GET /todos',
    short: '≥ 4×',
    ratio: 1.25,
    figure: '1.25× more heap per request than lab 00 on GET /todos',
    brief: '1.25× more heap per request',
  },
  {
    name: 'fewer',
    spec: { scenario: 'POST /ingest/v1 64KB', metric: 'gcPer10k', atMost: 1 / 1.1, than: 'lab 03', on: 'on POST /ingest/v1 with the 64 KB body' },
    label: '≥ 1.1× fewer GCs per 10k requests than lab 03 on POST /ingest/v1 with the 64 KB body',
    short: '≥ 1.1×',
    ratio: 0.663,
    figure: '1.51× fewer GCs per 10k requests than lab 03 on POST /ingest/v1 with the 64 KB body',
    brief: '1.51× fewer GCs per 10k requests',
  },
  {
    name: "N× the baseline's requests/s",
    spec: { scenario: 'GET /todos', metric: 'rps', atLeast: 5, than: 'lab 00', on: 'on GET /todos' },
    label: "≥ 5× lab 00's requests/s on GET /todos",
    short: '≥ 5×',
    ratio: 27.56,
    figure: "27.6× lab 00's requests/s on GET /todos",
    brief: '27.6×',
  },
  {
    name: 'a tolerance on time',
    spec: { scenario: 'one Todo → JSON text', metric: 'nsPerOp', atMost: 1.25, than: 'JSON.stringify', on: 'serializing one Todo' },
    label: 'at most 1.25× slower than JSON.stringify serializing one Todo',
    short: 'at most 1.25× slower',
    ratio: 1.02,
    figure: '1.02× slower than JSON.stringify serializing one Todo',
    brief: '1.02× slower',
  },
  {
    name: 'a tolerance on p99',
    spec: { scenario: 'POST /ingest/v1 1KB', metric: 'p99', atMost: 1.1, than: 'lab 03', on: 'on POST /ingest/v1 with the 1 KB body' },
    label: "p99 ≤ 1.1× lab 03's on POST /ingest/v1 with the 1 KB body",
    short: '≤ 1.1×',
    ratio: 1.0567,
    figure: "p99 1.06× lab 03's on POST /ingest/v1 with the 1 KB body",
    brief: 'p99 1.06×',
  },
  {
    name: 'absolute',
    spec: lab04Absolute,
    label: "≤ 1,100 B of ArrayBuffer per POST /ingest/v1 (1 KB body): the socket's own 1 KB chunk, nothing beyond it",
    short: '≤ 1,100 B',
    ratio: 1034,
    figure: '1,034 B of ArrayBuffer per POST /ingest/v1 (1 KB body)',
    brief: '1,034 B',
  },
  {
    name: 'zero (no ∞×)',
    spec: {
      scenario: 'read 64 KB body, fields last',
      metric: 'bytesPerOp',
      atMost: 1 / 1000,
      than: "lab 02's TextDecoder + JSON.parse",
      on: 'reading the 64 KB body',
    },
    label: "≥ 1,000× less heap than lab 02's TextDecoder + JSON.parse reading the 64 KB body",
    short: '≥ 1,000×',
    ratio: 0,
    figure: 'no heap allocation reading the 64 KB body (0 B)',
    brief: 'no heap allocation',
  },
  {
    name: 'no slower than a peer',
    spec: {
      scenario: 'one Todo → JSON text',
      metric: 'nsPerOp',
      vs: 'fast-json-stringify',
      atMost: 1,
      than: 'fast-json-stringify',
      on: 'serializing one Todo',
    },
    label: 'no slower than fast-json-stringify serializing one Todo',
    short: 'no slower',
    ratio: 0.698,
    figure: '1.43× faster than fast-json-stringify serializing one Todo',
    brief: '1.43× faster',
  },
  {
    name: 'what comes before whom',
    spec: { scenario: 'startup', metric: 'startupMs', atMost: 1 / 5, what: 'to the first response', than: 'lab 00 under tsx', on: '(the code-cache binary)' },
    label: '≥ 5× faster to the first response than lab 00 under tsx (the code-cache binary)',
    short: '≥ 5×',
    ratio: 0.1792,
    figure: '5.58× faster to the first response than lab 00 under tsx (the code-cache binary)',
    brief: '5.58× faster',
  },
  {
    name: 'less peak RSS',
    spec: { scenario: 'startup', metric: 'peakRss', atMost: 1 / 1.8, what: 'at the first response', than: 'lab 00 under tsx' },
    label: '≥ 1.8× less peak RSS at the first response than lab 00 under tsx',
    short: '≥ 1.8×',
    ratio: 0.4843,
    figure: '2.06× less peak RSS at the first response than lab 00 under tsx',
    brief: '2.06× less peak RSS',
  },
];

describe('words in the target’s own direction', () => {
  it.each(cases)('$name', ({ spec, label, short, ratio, figure, brief }) => {
    expect(targetLabel(spec)).toBe(label);
    expect(defineTarget(spec).label, 'the manifest derives its label from the same words').toBe(label);
    expect(targetShort(spec)).toBe(short);
    expect(figureWords(spec, ratio)).toBe(figure);
    expect(figureShort(spec, ratio)).toBe(brief);
    expect(figureWords(spec, ratio)).not.toMatch(/∞|Infinity|NaN/);
  });

  it('says a figure the other side of a tolerance, one that rounds to 1×, a huge one and one not measured', () => {
    const tolerance = cases.find((c) => c.name === 'a tolerance on time')!.spec;
    expect(figureWords(tolerance, 0.9)).toBe('1.11× faster than JSON.stringify serializing one Todo');
    expect(figureWords(cases.find((c) => c.name === 'no slower than a peer')!.spec, 0.999)).toBe('as fast as fast-json-stringify serializing one Todo');
    expect(figureWords(cases.find((c) => c.name === 'zero (no ∞×)')!.spec, 6.208e-5)).toBe(
      "16,108× less heap than lab 02's TextDecoder + JSON.parse reading the 64 KB body",
    );
    expect(figureWords(oneTodo, null)).toBe('not measured');
    expect(figureWords(oneTodo, Number.POSITIVE_INFINITY)).toBe('not measured');
  });

  it('names the runtimes a target is for, after its words', () => {
    expect(targetWords({ ...oneTodo, node: { max: 20 } })).toBe('≥ 3× faster than JSON.stringify serializing one Todo — for Node 20 and earlier');
    expect(targetWords(oneTodo)).toBe('≥ 3× faster than JSON.stringify serializing one Todo');
  });
});

/** A run with the learner's and the reference's one-Todo figures, as the harness writes them (time ratios to the baseline). */
function run(
  learner: number | null,
  reference: number | null,
  fingerprint: JudgedRunLike['fingerprint'] = { node: 'v20.20.2', busy: false, busyReasons: [] },
): JudgedRunLike {
  const ratio = (subjectKey: string, value: number | null) => ({
    section: 'micro',
    name: 'one Todo → JSON text',
    metric: 'nsPerOp',
    subjectKey,
    subject: value === null ? null : value * 240,
    ratio: value,
  });
  return { ratios: [ratio('subject', learner), ...(reference === undefined ? [] : [ratio('reference', reference)])], fingerprint };
}
const BUSY = { node: 'v20.20.2', busy: true, busyReasons: ['1-minute load average 2.10 is above half the 2 cores'] };

describe('the three states of a verdict', () => {
  it('met: the learner met the target (whatever the reference did)', () => {
    const [v] = judgeRun([oneTodo], run(0.3, 0.5));
    expect(v).toMatchObject({
      state: 'met',
      targetShort: '≥ 3×',
      busy: false,
      learner: { met: true, words: '3.33× faster than JSON.stringify serializing one Todo' },
      reference: { met: false, short: '2.00× faster' },
    });
    expect(v!.why).toBeUndefined();
    expect(verdictLine(v!)).toBe('3.33× faster than JSON.stringify serializing one Todo (target ≥ 3×) — met');
  });

  it('missed: the learner missed it on a quiet machine while the reference met it in the same run', () => {
    const [v] = judgeRun([oneTodo], run(0.35, 0.293));
    expect(v).toMatchObject({ state: 'missed', reference: { met: true, short: '3.41× faster' } });
    expect(verdictLine(v!)).toBe('2.86× faster than JSON.stringify serializing one Todo (target ≥ 3×) — missed');
  });

  it('inconclusive: the reference missed the same target in the same run', () => {
    const [v] = judgeRun([oneTodo], run(0.35, 0.4));
    expect(v).toMatchObject({ state: 'inconclusive', busy: false });
    expect(v!.why).toBe('the reference missed it too in this run (2.50× faster)');
    expect(verdictLine(v!)).toBe('2.86× faster than JSON.stringify serializing one Todo (target ≥ 3×) — inconclusive');
  });

  it('inconclusive: the machine was busy, with the fingerprint’s reasons', () => {
    const [v] = judgeRun([oneTodo], run(0.35, 0.293, BUSY));
    expect(v).toMatchObject({ state: 'inconclusive', busy: true, reference: { met: true } });
    expect(v!.why).toBe('the machine was busy during the run (1-minute load average 2.10 is above half the 2 cores)');
  });

  it('judges a committed reference run as the subject: a miss is inconclusive only when the run was busy', () => {
    expect(judgeRun([oneTodo], run(0.35, null), { reference: null })[0]).toMatchObject({ state: 'missed' });
    expect(judgeRun([oneTodo], run(0.35, null, BUSY), { reference: null })[0]).toMatchObject({ state: 'inconclusive' });
    expect(judgeRun([oneTodo], run(0.35, null), { reference: null })[0]!.reference).toBeUndefined();
  });

  it('missed, even on a busy machine, when the learner’s figure was not measured at all (no load takes a figure away)', () => {
    expect(judgeRun([oneTodo], run(null, 0.293, BUSY))[0]).toMatchObject({ state: 'missed', busy: true });
    expect(judgeRun([oneTodo], run(null, null))[0], 'unless the reference has none either').toMatchObject({ state: 'inconclusive' });
  });

  it('says a target not measured by its words', () => {
    const [v] = judgeRun([oneTodo], run(null, 0.293));
    expect(verdictLine(v!)).toBe('not measured: ≥ 3× faster than JSON.stringify serializing one Todo — missed');
  });
});

describe('counts and the exit status', () => {
  const of = (...states: VerdictState[]) => states.map((state) => ({ state }));

  it('names each count', () => {
    expect(verdictCounts(of('met', 'met', 'missed', 'inconclusive'))).toBe('2 met, 1 missed, 1 inconclusive of 4 targets');
    expect(verdictCounts(of('met', 'met', 'missed', 'inconclusive'), ' · ')).toBe('2 met · 1 missed · 1 inconclusive of 4 targets');
    expect(verdictCounts(of('met'))).toBe('1 met of 1 target');
    expect(verdictCounts(of('missed', 'missed'))).toBe('0 met, 2 missed of 2 targets');
    expect(verdictCounts({ met: 3, missed: 0, inconclusive: 1, total: 4 })).toBe('3 met, 1 inconclusive of 4 targets');
    expect(countVerdicts(of('met', 'inconclusive'))).toEqual({ met: 1, missed: 0, inconclusive: 1, total: 2 });
  });

  it('exits 0 all met, 1 any missed, 2 none missed but some inconclusive', () => {
    expect(verdictExitCode(of('met', 'met'))).toBe(0);
    expect(verdictExitCode(of('met', 'missed', 'inconclusive'))).toBe(1);
    expect(verdictExitCode(of('met', 'inconclusive'))).toBe(2);
  });
});

describe("the manifest's targets", () => {
  const all = labs.flatMap((lab) => lab.targets.map((target) => ({ lab: lab.slug, target })));

  it('are each worded: whom they compare with (unless absolute), and what', () => {
    for (const { lab, target } of all) {
      const where = `${lab}: ${target.label}`;
      expect(target.absolute || Boolean(target.than), `${where}: give it \`than\` (whom the figure is compared with, "lab 00")`).toBe(true);
      expect(Boolean(target.on || target.what), `${where}: give it \`on\` or \`what\` (what is measured, "on GET /todos")`).toBe(true);
      expect(target.label, `${where}: write it with defineTarget(), which derives the label`).toBe(targetLabel(target));
    }
  });

  it('have clean bounds in their own direction ("≥ 1.8× less", not "≥ 1.82× less")', () => {
    for (const { lab, target } of all) {
      const bound = target.atLeast ?? target.atMost!;
      const said = target.atMost !== undefined && target.atMost < 1 && !target.absolute ? 1 / bound : bound;
      expect(
        Math.abs(said - Number(said.toFixed(2))),
        `${lab}: ${target.label} — round its bound to a clean figure in its direction (atMost: 1 / 1.8)`,
      ).toBeLessThan(1e-9);
    }
  });
});
