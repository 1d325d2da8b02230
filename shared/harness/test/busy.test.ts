/**
 * Busy over the whole run (src/busy.ts, recorded by src/fingerprint.ts): pure functions of CPU samples. The
 * run's own processes — the server, the load generator pinned on the other core, the harness — are never
 * "other"; a run is busy at the start, OR when half or more of one contestant's load rounds of a scenario (or
 * of the micro tasks) stayed noisy, OR in a sample after the run. No clock is read here: the samples are made.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { busyAfter, busyDuring, busyVerdict, busyWarning, judgeBusy, NOISE_CPUS, noiseSamples, otherCpusOf, type NoiseSample } from '../src/busy.ts';
import { finishFingerprint } from '../src/fingerprint.ts';
import { sampleResult } from './samples.ts';
import { checkSchema } from './schema-check.ts';

const schema = JSON.parse(readFileSync(new URL('../checkpoint.schema.json', import.meta.url), 'utf8'));

/** `n` windows of one group, the first `noisy` of them noisy at `cpus` other CPUs, the rest quiet. */
function windows(kind: string, group: string, n: number, noisy: number, cpus = 1): NoiseSample[] {
  return Array.from({ length: n }, (_, i) => ({ kind, group, otherCpus: i < noisy ? cpus : 0, noisy: i < noisy }));
}

describe('other CPUs in a window', () => {
  it("does not count the run's own server and its load generator pinned on the other core", () => {
    // A quiet 2-core machine under load: 1.98 CPUs busy for 2 s, all of them the run's own.
    const other = otherCpusOf(3.96, 2, [1.0, 0.93, 0.05]);
    expect(other, 'server 1.0 + autocannon 0.93 + harness 0.05 of 1.98 busy CPUs leave nothing to other processes').toBe(0);
    expect(other! > NOISE_CPUS).toBe(false);
  });

  it('counts two spinners sharing both cores with the server and the load generator', () => {
    // Both cores fully busy, but the server and autocannon got half a core each.
    const other = otherCpusOf(4, 2, [0.5, 0.5, 0.02]);
    expect(other).toBeCloseTo(0.98, 5);
    expect(other! > NOISE_CPUS, 'a round where other processes took ~1 CPU is noisy').toBe(true);
  });

  it('gives no figure without the machine, a wall time or one of its own processes', () => {
    expect(otherCpusOf(null, 2, [1])).toBeNull();
    expect(otherCpusOf(2, 0, [1])).toBeNull();
    expect(otherCpusOf(2, 2, [1, null])).toBeNull();
  });
});

describe('busy during the run', () => {
  it('is quiet when every window is, and when a retried noisy round is outvoted by quiet ones', () => {
    expect(busyDuring(windows('load rounds', 'GET /todos on subject', 5, 0))).toEqual([]);
    // Lab 02's committed run: 1 of 5 and 2 of 5 GET /health rounds stayed noisy; the medians are quiet rounds'.
    const lab02 = [...windows('load rounds', 'GET /health on subject', 5, 1, 0.37), ...windows('load rounds', 'GET /health on baseline', 5, 2, 0.46)];
    expect(busyDuring(lab02), "fewer than half of a contestant's rounds noisy is not busy").toEqual([]);
  });

  it("is busy when half or more of one contestant's rounds of a scenario stayed noisy, and says where", () => {
    const reasons = busyDuring([...windows('load rounds', 'GET /todos on subject', 5, 0), ...windows('load rounds', 'GET /todos on baseline', 5, 3, 0.9)]);
    expect(reasons).toEqual([
      'other processes kept using the CPUs in 3 of 10 load rounds (0.90 other CPUs), half or more of them in GET /todos on baseline: 3 of 5',
    ]);
  });

  it('names at most three places when two spinners made every round noisy', () => {
    const groups = ['GET /health', 'GET /todos', 'POST /ingest/v1 1KB'].flatMap((s) => ['subject', 'baseline'].map((k) => `${s} on ${k}`));
    const reasons = busyDuring(groups.flatMap((g, i) => windows('load rounds', g, 3, 3, 0.95 + i / 100)));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toBe(
      'other processes kept using the CPUs in 18 of 18 load rounds (0.95–1.00 other CPUs), half or more of them in GET /health on subject: 3 of 3, GET /health on baseline: 3 of 3, GET /todos on subject: 3 of 3 and 3 more',
    );
  });

  it('judges the micro tasks as one group: half or more of them noisy', () => {
    expect(busyDuring(windows('micro tasks', 'micro', 3, 1, 1.5))).toEqual([]);
    expect(busyDuring(windows('micro tasks', 'micro', 3, 2, 1.5))).toEqual(['other processes kept using the CPUs in 2 of 3 micro tasks (1.50 other CPUs)']);
  });

  it("reads a result's load rounds and micro tasks, and results written before micro tasks had a figure", () => {
    const result = sampleResult();
    expect(noiseSamples(result)).toHaveLength(4);
    expect(busyDuring(noiseSamples(result))).toEqual([]);
    for (const r of result.load!.scenarios[1]!.results.baseline!.rounds) Object.assign(r, { otherCpus: 1.1, noisy: true, retried: true });
    expect(busyDuring(noiseSamples(result))[0]).toMatch(
      /^other processes kept using the CPUs in 1 of 4 load rounds \(1\.10 other CPUs\), half or more of them in POST \/ingest\/v1 1KB on baseline: 1 of 1$/,
    );
    result.micro!.tasks[0]!.otherCpus = 1.6;
    expect(noiseSamples(result).filter((s) => s.kind === 'micro tasks')).toEqual([{ kind: 'micro tasks', group: 'micro', otherCpus: 1.6, noisy: true }]);
  });
});

describe('busy over the whole run', () => {
  it('is busy at the start, during or at the end, each reason saying when', () => {
    const none = { start: [], during: [], end: [] };
    expect(judgeBusy(none)).toEqual({ busy: false, reasons: [], at: { start: false, during: false, end: false } });
    expect(judgeBusy({ ...none, start: busyVerdict(1.6, 2, null) })).toMatchObject({ busy: true, at: { start: true, during: false, end: false } });
    const during = judgeBusy({ ...none, during: ['other processes kept using the CPUs in 3 of 3 micro tasks'] });
    expect(during).toEqual({
      busy: true,
      reasons: ['during the run: other processes kept using the CPUs in 3 of 3 micro tasks'],
      at: { start: false, during: true, end: false },
    });
    const end = judgeBusy({ ...none, end: busyAfter(1.9) });
    expect(end.reasons).toEqual(['at the end: other processes were using 1.90 CPUs after the run']);
    expect(end.at.end).toBe(true);
  });

  it("calls a sample after the run busy above 0.35 other CPUs (0.23 is the run's own launch settling), never on the load average (the run itself raised it)", () => {
    expect(busyAfter(0.1)).toEqual([]);
    expect(busyAfter(0.23)).toEqual([]);
    expect(busyAfter(null)).toEqual([]);
    expect(busyAfter(0.5)).toHaveLength(1);
  });

  it('records the whole run in the fingerprint: busy, busyReasons and busyAt', () => {
    const quiet = sampleResult().fingerprint;
    const spun = finishFingerprint(quiet, { otherCpusAfter: 0.05, during: ['other processes kept using the CPUs in 6 of 6 load rounds'] });
    expect(spun).toMatchObject({ busy: true, busyAt: { start: false, during: true, end: false }, otherCpusAfter: 0.05 });
    expect(spun.busyReasons).toEqual(['during the run: other processes kept using the CPUs in 6 of 6 load rounds']);
    expect(finishFingerprint(quiet, { otherCpusAfter: 0, during: [] })).toMatchObject({
      busy: false,
      busyReasons: [],
      busyAt: { start: false, during: false, end: false },
    });
    const startBusy = { ...quiet, loadAverageStart: [1.58, 1, 1], otherCpusBefore: null, busy: true, busyReasons: ['x'] };
    expect(finishFingerprint(startBusy, { otherCpusAfter: 0, during: [] }).busyReasons[0]).toMatch(/^at the start: 1-minute load average 1\.58/);
    // Without the end's figures (older callers), the start's verdict stays as it was.
    expect(finishFingerprint(startBusy)).toMatchObject({ busy: true, busyReasons: ['x'] });
    expect(finishFingerprint(startBusy).busyAt).toBeUndefined();
  });

  it('is in the result schema, and results written before it still validate', () => {
    const result = sampleResult();
    expect(checkSchema(result, schema), 'a result without busyAt, otherCpusAfter or micro noise').toEqual([]);
    result.fingerprint = finishFingerprint(result.fingerprint, { otherCpusAfter: 1.2, during: [] });
    result.micro!.tasks[0] = { ...result.micro!.tasks[0]!, otherCpus: 0.1, noisy: false };
    expect(checkSchema(result, schema)).toEqual([]);
    const wrong = structuredClone(result) as unknown as { fingerprint: Record<string, unknown>; micro: { tasks: Array<Record<string, unknown>> } };
    wrong.fingerprint.busyAt = { start: 'no', during: false, end: false };
    wrong.fingerprint.otherCpusAfter = '1.2';
    wrong.micro.tasks[0]!.noisy = 1;
    expect(checkSchema(wrong, schema)).toEqual([
      '$.fingerprint.otherCpusAfter: expected number|null, got string',
      '$.fingerprint.busyAt.start: expected boolean, got string',
      '$.micro: matches 0 of oneOf, expected exactly 1',
    ]);
    expect(checkSchema(wrong.micro, schema.properties.micro.oneOf[1], schema)).toEqual(['$.tasks[0].noisy: expected boolean, got integer']);
  });

  it('warns in one line what was seen and what to do', () => {
    const line = busyWarning(['during the run: other processes kept using the CPUs in 6 of 6 load rounds']);
    expect(line).toMatch(/^The machine was busy \(during the run: other processes kept using the CPUs in 6 of 6 load rounds\): /);
    expect(line).toContain('close other programs');
    expect(line).toContain('run it again');
    expect(line).not.toContain('\n');
  });
});
