/**
 * The soak's verdict (src/soak.ts, lab 04's `pnpm soak`): a leak check fails on growth only — RSS that
 * settles lower is no leak — and only on a machine that was quiet when the run began (on a busy one the
 * growth is reported, not failed); a buffer left outstanding, a 500 or many connection errors fail always.
 * The busy test is the harness's own busyVerdict, the one the checkpoint's fingerprint uses.
 */
import { describe, expect, it } from 'vitest';
import { busyVerdict } from '../src/fingerprint.ts';
import { MAX_RSS_GROWTH, soakVerdict, type SoakFigures } from '../src/soak.ts';

const MiB = 2 ** 20;
const quiet: SoakFigures = { outstanding: [], rssEarlyPeak: 150 * MiB, rssLatePeak: 150 * MiB, maxRssGrowth: MAX_RSS_GROWTH, busyReasons: [], status500: 0, errors: 0, requests: 400_000 };
const busy = busyVerdict(2.5, 2, null);

describe('soakVerdict', () => {
  it('passes a working set that settles lower or stays within the bound (the reference: -3 % to -7 %)', () => {
    expect(soakVerdict({ ...quiet, rssLatePeak: 138 * MiB })).toEqual({ failures: [], notes: [] });
    expect(soakVerdict({ ...quiet, rssLatePeak: 150 * MiB * (1 + MAX_RSS_GROWTH) - 1 }).failures).toEqual([]);
  });

  it('fails growth past the bound on a quiet machine, naming both peaks', () => {
    const { failures } = soakVerdict({ ...quiet, rssLatePeak: 200 * MiB });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^RSS grew \+33\.3 % from early in the load \(peak 150\.0 MiB\) to late in it \(peak 200\.0 MiB\)/);
  });

  it('reports the same growth on a busy machine without failing, and says why', () => {
    expect(busy.length, 'a load average above half the cores is busy').toBeGreaterThan(0);
    const { failures, notes } = soakVerdict({ ...quiet, rssLatePeak: 200 * MiB, busyReasons: busy });
    expect(failures).toEqual([]);
    expect(notes.join('\n')).toMatch(/RSS grew \+33\.3 %.*not counted: the machine was busy/);
    expect(notes.join('\n')).toContain('1-minute load average 2.50');
  });

  it('fails a buffer left outstanding, a 500 or many connection errors, busy or not', () => {
    const broken = { ...quiet, outstanding: ['bodyPool.outstanding = 2'], status500: 3, errors: 1000, busyReasons: busy };
    expect(soakVerdict(broken).failures).toEqual([
      'after the load stopped, bodyPool.outstanding = 2: something was rented and never returned',
      '3 answers were 500',
      '1000 connection errors under load',
    ]);
  });
});
