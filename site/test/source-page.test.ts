/**
 * Source pages in the built site (plugins/source-files.ts, src/components/SourcePage.tsx, SourceListing.tsx),
 * in Chromium: every line has an anchor; `#L28-L34` marks exactly lines 28–34 and scrolls line 28 into view
 * below the navbar; a lab page's excerpt link ("Quoted from …, lines 29–38") opens its file at those lines;
 * clicking a line number sets the hash, shift-click extends it to a range. The largest committed results
 * JSON renders collapsed — its page stays under PAGE_BOUND — with a download link that answers 200 with the
 * whole file, byte for byte.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, sourceRoute } from '../plugins/repo-links.ts';
import { openSite, type SiteBrowser } from './browser-support.ts';

/** A file lab 01 quotes (lines 29–38), long enough for lines 28–34. */
const FILE = 'labs/01-slim-builder/src/logger.ts';
/** A collapsed results page's HTML stays under this (04-pooling's 213 KB results were a 2.9 MB page). */
const PAGE_BOUND = 300 * 1024;

let opened: SiteBrowser;
beforeAll(async () => {
  opened = await openSite();
});
afterAll(async () => {
  await opened?.close();
});

/** The line numbers marked on the page. */
const marked = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.hp-line-marked')].map((line) => Number(line.getAttribute('data-line'))));

/** Whether line `n` is in the viewport, below the sticky navbar. */
const inView = (page: Page, n: number) =>
  page.evaluate((n) => {
    const line = document.getElementById(`L${n}`)!.getBoundingClientRect();
    const navbar = document.querySelector('.navbar')!.getBoundingClientRect();
    return line.top >= navbar.bottom - 1 && line.bottom <= window.innerHeight;
  }, n);

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('source pages', () => {
  it('give every line an anchor, and #L28-L34 marks exactly those lines with line 28 in view below the navbar', async () => {
    const lines = readFileSync(join(repoRoot, FILE), 'utf8').replace(/\n$/, '').split('\n').length;
    expect(lines, `${FILE} has lines 28–34`).toBeGreaterThanOrEqual(34);
    const { page } = await opened.visit(`${sourceRoute(FILE)}#L28-L34`);
    const ids = await page.evaluate(() => [...document.querySelectorAll('.hp-line')].map((line) => line.id));
    expect(ids, 'every line of the file has an anchor L1 … Ln').toEqual(range(1, lines).map((n) => `L${n}`));
    await expect.poll(() => marked(page), { message: 'Mark the lines #Lx-Ly names (SourceListing.tsx)' }).toEqual(range(28, 34));
    await expect.poll(() => inView(page, 28), { message: 'Scroll line 28 into view, below the navbar' }).toBe(true);
    await page.close();
  });

  it('open from a lab page excerpt link at the lines it quotes', async () => {
    const { page } = await opened.visit('/labs/01-slim-builder');
    const link = page.locator(`a[href="${sourceRoute(FILE)}#L29-L38"]`);
    expect(await link.count(), "lab 01's excerpt links to its lines (plugins/repo-links.ts)").toBe(1);
    await link.click();
    await page.waitForURL(`**${sourceRoute(FILE)}#L29-L38`);
    await expect.poll(() => marked(page)).toEqual(range(29, 38));
    await expect.poll(() => inView(page, 29)).toBe(true);
    await page.close();
  });

  it('set the hash from a click on a line number, a range with shift-click', async () => {
    const { page } = await opened.visit(sourceRoute(FILE));
    expect(await marked(page), 'no hash, nothing marked').toEqual([]);
    await page.locator('#L10 .hp-line-number').click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#L10');
    expect(await marked(page)).toEqual([10]);
    await page.locator('#L14 .hp-line-number').click({ modifiers: ['Shift'] });
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#L10-L14');
    expect(await marked(page)).toEqual(range(10, 14));
    await page.close();
  });
});

describe('large results files', () => {
  const results = readdirSync(join(repoRoot, 'solutions'))
    .flatMap((lab) => {
      const dir = join(repoRoot, 'solutions', lab, 'results');
      try {
        return readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .map((f) => `solutions/${lab}/results/${f}`);
      } catch {
        return [];
      }
    })
    .sort((a, b) => statSync(join(repoRoot, b)).size - statSync(join(repoRoot, a)).size);
  const largest = results[0]!;

  it(`render collapsed, the page under ${PAGE_BOUND / 1024} KB, with a download of the whole file`, async () => {
    const html = await (await fetch(opened.base + sourceRoute(largest))).text();
    console.log(`${largest}: ${statSync(join(repoRoot, largest)).size} bytes; its page ${html.length} bytes`);
    expect(html.length, `${largest}'s page is ${html.length} bytes: show a large results file collapsed (its head and a download)`).toBeLessThan(PAGE_BOUND);
    const { page } = await opened.visit(sourceRoute(largest));
    const download = page.getByRole('link', { name: 'Download the whole file' });
    const href = await download.getAttribute('href');
    expect(href, 'the download link').toBeTruthy();
    const response = await fetch(new URL(href!, opened.base));
    expect(response.status, `${href} answers`).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(repoRoot, largest))), 'the download is the whole file').toBe(true);
    await page.close();
  });
});
