/**
 * Offline search (@easyops-cn/docusaurus-search-local, docusaurus.config.ts `themes`) in Chromium with every
 * off-origin request aborted: typing in the navbar's search box lists the right page and following the result
 * lands there — "Utf8JsonReader" finds lab 03, "postject" lab 05, and a word only one source page contains
 * finds that page (the /source/ routes plugins/source-files.ts adds are indexed too). Every request the page
 * and the search worker make, the index included, stays on the local server.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, sourceRoute } from '../plugins/repo-links.ts';
import { build, openSite, type SiteBrowser } from './browser-support.ts';
import { pageText } from './page-text.ts';

/** A word of one repository file that no other page of the site contains, so only its source page can match. */
const SOURCE_FILE = 'shared/baseline/src/framework/container.ts';
const SOURCE_WORD = 'hasOwnMetadata';

let opened: SiteBrowser;
/** Every URL any page or worker of the browser asked for, and every answer of 400 or more. */
const requested: string[] = [];
const failed: string[] = [];

beforeAll(async () => {
  opened = await openSite(build);
  opened.browser.on('request', (request) => void requested.push(request.url()));
  opened.browser.on('response', (response) => void (response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`)));
  // Workers' requests too: abort whatever leaves the origin, at the level of the whole browser context.
  await opened.browser.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith(opened.base) || url.startsWith('data:') || url.startsWith('blob:') ? route.fallback() : route.abort();
  });
});

afterAll(async () => {
  await opened?.close();
});

/** Types `query` into the navbar's search box and returns the suggestions' text once any are listed. */
async function suggestions(page: Page, query: string, why = 'is search-index.json built and served?'): Promise<string[]> {
  const input = page.getByRole('navigation').getByRole('combobox').or(page.locator('input.navbar__search-input')).first();
  await input.click();
  await input.pressSequentially(query, { delay: 20 });
  const options = page.locator('[role="option"]');
  await expect.poll(() => options.count(), { timeout: 20_000, message: `the navbar search lists results for "${query}" (${why})` }).toBeGreaterThan(0);
  return options.allInnerTexts();
}

/** Clicks the first suggestion whose text matches `which` and waits for the route it leads to. */
async function follow(page: Page, which: RegExp, path: string): Promise<void> {
  await page.locator('[role="option"]', { hasText: which }).first().click();
  await page.waitForURL((url) => url.pathname === path, { timeout: 20_000 });
}

describe('offline search from the navbar', () => {
  it('"Utf8JsonReader" lists lab 03 and following it lands on its page', async () => {
    const { page, errors, foreign } = await opened.visit('/labs/00-baseline');
    const found = await suggestions(page, 'Utf8JsonReader');
    expect(found.join('\n'), 'the results for "Utf8JsonReader" name lab 03 (Byte-level parsing)').toMatch(/Lab 03/);
    await follow(page, /Lab 03/, '/labs/03-byte-parsing');
    await expect.poll(() => page.locator('article h1').first().innerText()).toMatch(/^Lab 03/);
    expect(errors, 'console errors while searching').toEqual([]);
    expect(foreign, 'requests to other hosts while searching').toEqual([]);
    await page.close();
  });

  it('"postject" lists lab 05 and following it lands on its page', async () => {
    const { page, foreign } = await opened.visit('/concepts');
    const found = await suggestions(page, 'postject');
    expect(found.join('\n'), 'the results for "postject" name lab 05 (Single binary)').toMatch(/Lab 05/);
    await follow(page, /Lab 05/, '/labs/05-single-binary');
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('finds a source page by a word only that page contains', async () => {
    expect(readFileSync(join(repoRoot, SOURCE_FILE), 'utf8'), `${SOURCE_FILE} still contains ${SOURCE_WORD}: pick another word only it has`).toContain(
      SOURCE_WORD,
    );
    const route = sourceRoute(SOURCE_FILE);
    const pages: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (entry.name.endsWith('.html')) pages.push(join(dir, entry.name));
      }
    };
    walk(build);
    const holders = pages.filter((file) => pageText(readFileSync(file, 'utf8')).toLowerCase().includes(SOURCE_WORD.toLowerCase()));
    expect(
      holders.map((file) => file.slice(build.length)),
      `only ${route} says ${SOURCE_WORD}: pick a word no other page has`,
    ).toEqual([`${route}.html`]);

    const { page, foreign } = await opened.visit('/troubleshooting');
    const found = await suggestions(
      page,
      SOURCE_WORD,
      "index the /source/ pages: indexPages in the search theme's options, and a tokenizer that splits code at punctuation",
    );
    expect(
      found.join('\n'),
      `the results for "${SOURCE_WORD}" name ${SOURCE_FILE}: index the /source/ pages (indexPages in the search theme's options)`,
    ).toContain(SOURCE_FILE);
    await follow(page, new RegExp(SOURCE_FILE.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')), route);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('asked only the local server for anything, the index included, and got no error answer', () => {
    expect(
      requested.some((url) => new URL(url).pathname.startsWith('/search-index')),
      'the search index was fetched from the local server',
    ).toBe(true);
    expect(
      requested.filter((url) => !url.startsWith(opened.base) && !url.startsWith('data:') && !url.startsWith('blob:')),
      'requests beyond the local server',
    ).toEqual([]);
    expect(failed, 'answers of 400 or more (a missing favicon, index or script)').toEqual([]);
  });
});
