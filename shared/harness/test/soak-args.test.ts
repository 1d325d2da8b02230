/**
 * The soak's command line (src/soak.ts, lab 04's `pnpm soak`): its four numeric options and --help, and the
 * bad option that exits 64 before any server starts, with a message naming it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SOAK_USAGE_EXIT } from '../src/soak-verdict.ts';
import { MAX_RSS_GROWTH, parseSoakArgs, soakMain } from '../src/soak.ts';

afterEach(() => vi.restoreAllMocks());

describe('hotpath-soak command line', () => {
  it('reads the four numbers, with the documented defaults', () => {
    expect(parseSoakArgs([], '/p')).toEqual({ options: { dir: '/p', seconds: 60, warmupSec: 10, connections: 20, maxRssGrowth: MAX_RSS_GROWTH } });
    expect(parseSoakArgs(['--seconds', '5', '--warmup', '1', '--connections', '7.6', '--max-rss-growth', '0.3'], '/p')).toEqual({
      options: { dir: '/p', seconds: 5, warmupSec: 1, connections: 8, maxRssGrowth: 0.3 },
    });
    expect(parseSoakArgs(['--help'])).toEqual({ help: true });
  });

  it('names an unknown option, a stray word and a bad value', () => {
    expect(parseSoakArgs(['--second', '5'])).toEqual({ error: 'unknown option --second (try --help)' });
    expect(parseSoakArgs(['now'])).toEqual({ error: 'unknown option now (try --help)' });
    expect(parseSoakArgs(['--seconds', '0'])).toEqual({ error: '--seconds needs a positive number' });
    expect(parseSoakArgs(['--warmup', 'x'])).toEqual({ error: '--warmup needs a positive number' });
    expect(parseSoakArgs(['--connections'])).toEqual({ error: '--connections needs a value' });
  });

  it(`exits ${SOAK_USAGE_EXIT} on a bad option, printing the message, before measuring anything`, async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    expect(await soakMain(['--bogus'])).toBe(SOAK_USAGE_EXIT);
    expect(errors).toEqual(['unknown option --bogus (try --help)']);
  });
});
