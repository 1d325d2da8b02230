/**
 * What `pnpm lab bench` prints and records once the figures are in, and what `pnpm lab list` then says — fed a
 * fixture result instead of a real run (BenchOptions.measure), judged by lab 02's real Node 20 targets: one
 * line per target in its own words with the reference's verdict from the same run beside it, inconclusive
 * (not missed) when the reference missed it too or the machine was busy, with why and what to do, the exit
 * status 0/1/2, the history entry, and the list's verdict line.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { benchLab, type Measure } from '../src/cli/bench.ts';
import { loadContext, type KitContext } from '../src/cli/context.ts';
import { listLabs } from '../src/cli/learn.ts';
import { findLab, type LabEntry } from '@hotpath/workshop/manifest';
import { copyFixtureKit } from './fixture-kit.ts';

/** Per micro task: the learner's and the reference's time ratio to lab 01, and each peer's. */
type Figures = Record<string, { subject: number | null; reference: number; peers?: Record<string, number> }>;
const TASKS = { 'validate a POST /todos body': 6.7, 'one Todo → JSON text': 240, '100 Todos → JSON text': 20_600 };

/** A harness result as `runCheckpoint` returns it, on Node 20, with these ratios (figures = ratio × lab 01's). */
function fixtureResult(figures: Figures, busyReasons: string[] = []) {
  const ratios = Object.entries(figures).flatMap(([name, f]) => {
    const base = TASKS[name as keyof typeof TASKS];
    const entry = (subjectKey: string, ratio: number | null) => ({
      section: 'micro',
      name,
      metric: 'nsPerOp',
      unit: 'ns',
      subjectKey,
      subject: ratio === null ? null : ratio * base,
      ratio,
    });
    return [
      entry('subject', f.subject),
      entry('reference', f.reference),
      ...Object.entries(f.peers ?? {}).map(([peer, ratio]) => entry(`peer:${peer}`, ratio)),
    ];
  });
  return {
    createdAt: '2026-12-07T00:40:00.000Z',
    mode: 'quick',
    ok: true,
    runtime: { kind: 'node', version: '20.20.2', major: 20, v8: '11.3' },
    fingerprint: { node: 'v20.20.2', cpuModel: 'fixture CPU', cores: 2, busy: busyReasons.length > 0, busyReasons, gitCommit: null },
    ratios,
  };
}
const PEERS = {
  'validate a POST /todos body': { 'TypeBox Value.Check': 10.3 },
  'one Todo → JSON text': { 'fast-json-stringify': 0.32 },
  '100 Todos → JSON text': { 'fast-json-stringify': 0.54 },
};
/** The reference's committed Node 20 figures (it meets every target), the learner's as given. */
const run = (learner: Record<keyof typeof TASKS, number>, reference: Partial<Record<keyof typeof TASKS, number>> = {}): Figures =>
  Object.fromEntries(
    Object.entries(learner).map(([name, subject]) => {
      const ref = { 'validate a POST /todos body': 0.279, 'one Todo → JSON text': 0.224, '100 Todos → JSON text': 0.409, ...reference }[name]!;
      return [name, { subject, reference: ref, peers: PEERS[name as keyof typeof PEERS] }];
    }),
  );

let root = '';
let out: string[] = [];
let ctx: KitContext;
let lab: LabEntry;

beforeEach(async () => {
  root = copyFixtureKit('hotpath-verdict-bench-');
  // The learner's app answers like the reference, so the bench ranks it.
  cpSync(join(root, 'solutions/00-demo/src'), join(root, 'labs/00-demo/src'), { recursive: true });
  out = [];
  const base = await loadContext(root, { out: (text) => void out.push(text), err: () => {}, color: false });
  lab = { ...base.labs[0]!, targets: findLab('02-generated-serializers')!.targets };
  ctx = { ...base, labs: [lab, ...base.labs.slice(1)] };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function bench(figures: Figures, busyReasons?: string[]): Promise<{ status: number; text: string }> {
  const measure: Measure = { runCheckpoint: async () => ({ result: fixtureResult(figures, busyReasons) }), formatTable: () => '(the figures table)' };
  const status = await benchLab(ctx, lab, { quick: true, profile: false, measure });
  return { status, text: out.join('\n') };
}
const lineOf = (text: string, words: string) => text.split('\n').find((line) => line.includes(words));

describe('pnpm lab bench: verdicts in each target’s words, the reference’s beside them', () => {
  it('the starting code (lab 01’s JSON.stringify): missed, as fast as the baseline, the reference met each', async () => {
    const { status, text } = await bench(run({ 'validate a POST /todos body': 1, 'one Todo → JSON text': 1.02, '100 Todos → JSON text': 0.999 }));
    expect(status, 'exit 1: a target was missed').toBe(1);
    expect(text).toContain("Targets for Node 20.20.2, the runtime this run measured (2 of lab 00's targets are for other runtimes):");
    expect(lineOf(text, 'serializing one Todo (target ≥ 3×)')).toMatch(
      /^✗ missed\s+1\.02× slower than JSON\.stringify serializing one Todo \(target ≥ 3×\)\s+·\s+reference: 4\.46× faster — met$/,
    );
    expect(lineOf(text, 'JSON.stringify serializing 100 Todos')).toMatch(
      /^✗ missed\s+as fast as JSON\.stringify serializing 100 Todos \(target ≥ 1\.8×\)\s+·\s+reference: 2\.44× faster — met$/,
    );
    expect(lineOf(text, 'fast-json-stringify serializing one Todo')).toMatch(
      /^✗ missed\s+3\.19× slower than fast-json-stringify serializing one Todo \(target no slower\)\s+·\s+reference: 1\.43× faster — met$/,
    );
    expect(lineOf(text, 'TypeBox')).toMatch(
      /^✓ met\s+10\.3× faster than TypeBox's Value\.Check \(the schema walked at run time\) validating a POST \/todos body \(target ≥ 10×\)/,
    );
    expect(text).toContain('1 met, 5 missed of 6 targets.');
    expect(text).toContain('✗ Missed (5): the reference met them in this same run');
    expect(text).not.toContain('Inconclusive');
    expect(text, 'no bare time ratio against a speed target').not.toMatch(/: \d\.\d+×$/m);
  });

  it('the starting code before any generated code: not measured is missed, even on a busy machine', async () => {
    const figures = run({ 'validate a POST /todos body': 1, 'one Todo → JSON text': 1, '100 Todos → JSON text': 1 });
    for (const task of Object.values(figures)) Object.assign(task, { subject: null });
    const { status, text } = await bench(figures, ['1-minute load average 2.32 is above half the 2 cores']);
    expect(status).toBe(1);
    expect(lineOf(text, 'than JSON.stringify serializing one Todo')).toMatch(
      /^✗ missed\s+not measured: ≥ 3× faster than JSON\.stringify serializing one Todo — for Node 20 and earlier\s+·\s+reference: 4\.46× faster — met$/,
    );
    expect(text).toContain('0 met, 6 missed of 6 targets.');
    expect(text).toContain('✗ Not measured (6): the checkpoint found no figure of your code for them');
    expect(text).not.toContain('Inconclusive');
  });

  it('a solved lab whose reference also missed a target in this run: inconclusive, with why and what to do', async () => {
    const { status, text } = await bench(
      run({ 'validate a POST /todos body': 0.28, 'one Todo → JSON text': 0.35, '100 Todos → JSON text': 0.41 }, { 'one Todo → JSON text': 0.4 }),
    );
    expect(status, 'exit 2: nothing missed, something inconclusive').toBe(2);
    expect(lineOf(text, 'than JSON.stringify serializing one Todo')).toMatch(
      /^\? inconclusive\s+2\.86× faster than JSON\.stringify serializing one Todo \(target ≥ 3×\)\s+·\s+reference: 2\.50× faster — missed$/,
    );
    expect(lineOf(text, "lab 01's hand-written check")).toMatch(
      /^✓ met\s+3\.57× faster than lab 01's hand-written check validating a POST \/todos body \(target ≥ 1\.25×\)\s+·\s+reference: 3\.58× faster — met$/,
    );
    expect(text).toContain('4 met, 2 inconclusive of 6 targets.');
    expect(text).toContain(
      '? Inconclusive (2): this run cannot say whether your code meets those targets: the reference solution missed them too in this same run',
    );
    expect(text).toContain(
      'run pnpm lab bench 00 --quick again; --rounds 5 gives each figure more rounds, and a full run (pnpm lab bench 00, without --quick) measures longer',
    );
  });

  it('a busy machine makes a miss inconclusive and says the fingerprint’s reasons', async () => {
    const busy = ['1-minute load average 2.10 is above half the 2 cores'];
    const { status, text } = await bench(run({ 'validate a POST /todos body': 0.28, 'one Todo → JSON text': 0.35, '100 Todos → JSON text': 0.41 }), busy);
    expect(status).toBe(2);
    expect(lineOf(text, 'than JSON.stringify serializing one Todo')).toMatch(/^\? inconclusive\s+2\.86× faster .* reference: 4\.46× faster — met$/);
    expect(text).toContain('the machine was busy during the run (1-minute load average 2.10 is above half the 2 cores)');
    expect(text).toContain('close other programs');
  });

  it('records each verdict in the history, and list names the counts and the first missed target in its words', async () => {
    await bench(run({ 'validate a POST /todos body': 0.28, 'one Todo → JSON text': 0.35, '100 Todos → JSON text': 1.2 }, { 'one Todo → JSON text': 0.4 }));
    const entry = JSON.parse(readFileSync(join(root, '.hotpath/history.jsonl'), 'utf8').trim().split('\n').at(-1)!);
    expect(entry.verdict).toEqual({ met: 2, missed: 2, inconclusive: 2, total: 6 });
    expect(entry.targets[2]).toEqual({
      label: '≥ 3× faster than JSON.stringify serializing one Todo — for Node 20 and earlier',
      words: '2.86× faster than JSON.stringify serializing one Todo',
      targetShort: '≥ 3×',
      ratio: 0.35,
      met: false,
      state: 'inconclusive',
      reference: { ratio: 0.4, met: false },
    });
    out.length = 0;
    listLabs(ctx, { fresh: false, run: false, json: false });
    expect(out.join('\n')).toContain(
      '✗ 2 met · 2 missed · 2 inconclusive of 6 targets: 1.20× slower than JSON.stringify serializing 100 Todos (target ≥ 1.8×) (2026-12-07, quick)',
    );
    out.length = 0;
    listLabs(ctx, { fresh: false, run: false, json: true });
    const [row] = JSON.parse(out.join('\n')) as Array<{ verdict: { met: number; missed: number; inconclusive: number; total: number; line: string } }>;
    expect(row!.verdict).toEqual({
      met: 2,
      missed: 2,
      inconclusive: 2,
      total: 6,
      line: '✗ 2 met · 2 missed · 2 inconclusive of 6 targets: 1.20× slower than JSON.stringify serializing 100 Todos (target ≥ 1.8×)',
    });
  });

  it('reads an older history line (no states) as met or missed', async () => {
    const old = {
      lab: '00-demo',
      at: '2026-11-01T00:00:00.000Z',
      mode: 'quick',
      result: 'x.json',
      verdict: { met: 2, total: 4, missed: ["≥ 3× JSON.stringify's speed serializing one Todo"] },
      targets: [{ label: "≥ 3× JSON.stringify's speed serializing one Todo", ratio: 0.35, met: false }],
      ratios: {},
      fingerprint: { node: 'v20.20.2', cpuModel: 'x', cores: 2, busy: false, gitCommit: null },
    };
    mkdirSync(join(root, '.hotpath'), { recursive: true });
    writeFileSync(join(root, '.hotpath/history.jsonl'), `${JSON.stringify(old)}\n`);
    listLabs(ctx, { fresh: false, run: false, json: false });
    expect(out.join('\n')).toContain("✗ 2 met · 2 missed of 4 targets: ≥ 3× JSON.stringify's speed serializing one Todo (2026-11-01, quick)");
  });
});
