/**
 * The soak's verdict (src/soak-verdict.ts, lab 04's `pnpm soak`): PASS, FAIL (the code's: a buffer left
 * outstanding, a 500 or many connection errors always; RSS growth past the bound on a quiet machine) or
 * INCONCLUSIVE (that growth while the machine was busy — at the start, during the load or at the end, by the
 * checkpoint's own rule in src/busy.ts), with exit statuses 0, 1 and 2. Pure functions of made-up figures.
 */
import { describe, expect, it } from 'vitest';
import { busyAfter, busyVerdict, judgeBusy, NOISE_CPUS } from '../src/busy.ts';
import { MAX_RSS_GROWTH } from '../src/soak.ts';
import { formatSoak, SOAK_EXIT, SOAK_USAGE_EXIT, soakBusy, soakVerdict, type SoakFigures, type SoakReport } from '../src/soak-verdict.ts';

const MiB = 2 ** 20;
const quietMachine = judgeBusy({ start: [], during: [], end: [] });
const busyAtStart = judgeBusy({ start: busyVerdict(2.5, 2, null), during: [], end: [] });
const quiet: SoakFigures = {
  outstanding: [],
  rssEarlyPeak: 150 * MiB,
  rssLatePeak: 150 * MiB,
  maxRssGrowth: MAX_RSS_GROWTH,
  busy: quietMachine,
  status500: 0,
  errors: 0,
  requests: 400_000,
};

/** One CPU sample per second of a `seconds`-long load, `cpus(at)` other CPUs each. */
const perSecond = (seconds: number, cpus: (at: number) => number) => Array.from({ length: seconds }, (_, i) => ({ at: i + 1, otherCpus: cpus(i + 1) }));
const during = (samples: ReturnType<typeof perSecond>, seconds = 60) => soakBusy({ start: [], samples, seconds, noiseCpus: NOISE_CPUS, end: [] });

describe('soakVerdict', () => {
  it('passes a working set that settles lower or stays within the bound (the reference: -3 % to -7 %)', () => {
    expect(soakVerdict({ ...quiet, rssLatePeak: 138 * MiB })).toEqual({ verdict: 'pass', failures: [], notes: [] });
    expect(soakVerdict({ ...quiet, rssLatePeak: 150 * MiB * (1 + MAX_RSS_GROWTH) - 1 }).verdict).toBe('pass');
  });

  it('fails growth past the bound on a quiet machine, naming both peaks', () => {
    const { verdict, failures } = soakVerdict({ ...quiet, rssLatePeak: 200 * MiB });
    expect(verdict).toBe('fail');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^RSS grew \+33\.3 % from early in the load \(peak 150\.0 MiB\) to late in it \(peak 200\.0 MiB\)/);
  });

  it('is inconclusive on the same growth while the machine was busy, and says why', () => {
    const { verdict, failures, notes } = soakVerdict({ ...quiet, rssLatePeak: 200 * MiB, busy: busyAtStart });
    expect(verdict).toBe('inconclusive');
    expect(failures).toEqual([]);
    expect(notes.join('\n')).toMatch(/RSS grew \+33\.3 %.*not counted as a failure: the machine was busy/);
    expect(notes.join('\n')).toContain('at the start: 1-minute load average 2.50');
  });

  it('passes a busy run whose RSS stayed within the bound, with a note that the machine was busy', () => {
    const { verdict, notes } = soakVerdict({ ...quiet, busy: busyAtStart });
    expect(verdict).toBe('pass');
    expect(notes).toEqual([`the machine was busy: ${busyAtStart.reasons[0]}`]);
  });

  it('fails a buffer left outstanding, a 500 or many connection errors, busy or not, RSS grown or not', () => {
    const broken = { ...quiet, outstanding: ['bodyPool.outstanding = 2'], status500: 3, errors: 1000, busy: busyAtStart, rssLatePeak: 200 * MiB };
    const { verdict, failures } = soakVerdict(broken);
    expect(verdict, 'a leak of the code is a failure even when RSS is inconclusive').toBe('fail');
    expect(failures).toEqual([
      'after the load stopped, bodyPool.outstanding = 2: something was rented and never returned',
      '3 answers were 500',
      '1000 connection errors under load',
    ]);
  });

  it('exits 0 on PASS, 1 on FAIL, 2 on INCONCLUSIVE, and something else on a bad option', () => {
    expect(SOAK_EXIT).toEqual({ pass: 0, fail: 1, inconclusive: 2 });
    expect(Object.values(SOAK_EXIT)).not.toContain(SOAK_USAGE_EXIT);
  });
});

describe("soakBusy: the checkpoint's busy test over the soak", () => {
  it('is quiet when only the soak itself loads the cores', () => {
    expect(during(perSecond(60, () => 0))).toMatchObject({ busy: false, reasons: [] });
    // A few seconds of another process in a third are not half of it.
    expect(during(perSecond(60, (at) => (at > 50 && at <= 55 ? 1 : 0))).busy).toBe(false);
  });

  it('is busy when half or more of a third of the load was noisy, naming the third', () => {
    const late = during(perSecond(60, (at) => (at > 45 ? 1.2 : 0)));
    expect(late.at).toEqual({ start: false, during: true, end: false });
    expect(late.reasons).toEqual([
      'during the run: other processes kept using the CPUs in 15 of 60 seconds of the load (1.20 other CPUs), half or more of them in the last third: 15 of 20',
    ]);
    // Two spinners for the whole run.
    expect(during(perSecond(60, () => 1)).reasons[0]).toMatch(
      /60 of 60 seconds of the load .*the first third: 20 of 20, the middle third: 20 of 20, the last third: 20 of 20$/,
    );
  });

  it('is busy at the start or at the end by the same samples the checkpoint takes', () => {
    expect(soakBusy({ start: busyVerdict(0.1, 2, 0.9), samples: [], seconds: 60, noiseCpus: NOISE_CPUS, end: [] }).at.start).toBe(true);
    expect(soakBusy({ start: [], samples: [], seconds: 60, noiseCpus: NOISE_CPUS, end: busyAfter(1.5) }).reasons).toEqual([
      'at the end: other processes were using 1.50 CPUs after the run',
    ]);
  });
});

describe('formatSoak', () => {
  const report = (over: Partial<SoakReport>): SoakReport => ({
    verdict: 'pass',
    failures: [],
    notes: [],
    seconds: 60,
    requests: 438_282,
    statusCodes: { '202': 400_000, '400': 38_282 },
    misbehaving: { oversized: 4032, aborted: 18_502 },
    rssAfterWarmup: 140 * MiB,
    rssAtEnd: 142 * MiB,
    rssMax: 150 * MiB,
    rssEarlyPeak: 145 * MiB,
    rssLatePeak: 143 * MiB,
    rssGrowth: 143 / 145 - 1,
    appStats: { bodyPool: { outstanding: 0 } },
    ...over,
  });

  it('ends with PASS, FAIL (your code) and its reasons, or INCONCLUSIVE and what to do', () => {
    expect(formatSoak(report({})).split('\n').at(-1)).toBe('PASS');
    expect(formatSoak(report({ verdict: 'fail', failures: ['3 answers were 500'] }))).toMatch(/\nFAIL \(your code\)\n- 3 answers were 500$/);
    const inconclusive = formatSoak(report({ verdict: 'inconclusive', notes: ['the machine was busy: at the start: …'] })).split('\n');
    expect(inconclusive.at(-2)).toBe('note: the machine was busy: at the start: …');
    expect(inconclusive.at(-1)).toMatch(/^INCONCLUSIVE: RSS grew while the machine was busy.*Close other programs.*run the soak again\.$/);
  });
});
