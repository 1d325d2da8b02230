/**
 * One unit convention for memory (issue 19): heap bytes, ArrayBuffer bytes, RSS and file sizes are binary and
 * labelled so — KiB and MiB, 1024-based — in the site's formatters (the charts' formatValue, lab 05's tables'
 * result-format.ts) and on the built pages where a decimal "MB" once sat beside a MiB figure (lab 05's page:
 * its chart's peak RSS against its start-up and capstone tables) and the home page's headline numbers.
 * Throughput stays decimal MB/s (a rate of input); body sizes in scenario and task names ("64KB", "1 KB body")
 * are keys. The finder is the kit's (shared/kit/test/figures/figures.ts, decimalMemory), so the READMEs'
 * figures and the site follow one rule. Needs `pnpm --dir site build` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { decimalMemory } from '@hotpath/kit/test-figures';
import { fileSize, mib } from '../src/components/result-format.ts';
import { pageText } from './page-text.ts';

vi.mock('@docusaurus/useGlobalData', () => ({ usePluginData: () => ({ labs: [] }) }));
const { formatValue } = await import('../src/components/CheckpointChart.tsx');

const build = fileURLToPath(new URL('../build', import.meta.url));
const SIZES = [0, 336, 1023, 1024, 9_500, 174_863, 51_478_528, 99_224_704, 2 ** 30];

describe("the site's memory formatters write KiB and MiB", () => {
  it("formatValue (the charts, the home page's headline numbers) for bytes; MB/s stays a decimal rate", () => {
    const written = SIZES.map((n) => formatValue(n, 'B'));
    expect(decimalMemory(written.join(', ')), `formatValue writes memory as KiB/MiB, not ${written.join(', ')}`).toEqual([]);
    expect([formatValue(15_360, 'B'), formatValue(51_609_600, 'B'), formatValue(412, 'MB/s')]).toEqual(['15.0 KiB', '49.2 MiB', '412 MB/s']);
  });

  it("lab 05's tables (result-format.ts): peak RSS, RSS after a round, file sizes", () => {
    const written = SIZES.flatMap((n) => [`${mib(n)} MiB`, fileSize(n)]);
    expect(decimalMemory(written.join(', ')), `result-format.ts writes memory and sizes as KiB/MiB, not ${written.join(', ')}`).toEqual([]);
    expect([mib(51_478_528), fileSize(174_863), fileSize(99_224_704)]).toEqual(['49.1', '170.8 KiB', '94.6 MiB']);
  });
});

describe('the built pages write memory in KiB and MiB', () => {
  it.each([
    ['labs/05-single-binary.html', "lab 05's page (its chart, start-up and capstone tables, README)"],
    ['index.html', "the home page's headline numbers"],
  ])('%s', (page, what) => {
    const path = join(build, page);
    expect(existsSync(path), `build the site first (pnpm --dir site build): no ${page}`).toBe(true);
    const found = decimalMemory(pageText(readFileSync(path, 'utf8')));
    expect(
      found,
      `${what} shows memory in decimal or unlabelled units (${found.join(', ')}): write KiB/MiB (1024-based) — in the README, format the figure with bytes()/mib1() in shared/kit/test/figures/`,
    ).toEqual([]);
  });
});
