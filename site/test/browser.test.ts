/**
 * The built site in a real browser (Debian's Chromium through playwright-core; `.ci/run` installs it):
 * every page loads with no console error and no request to any host but the local server; each lab page
 * shows its instructions and its chart (titled with the stage it was measured against, micro-benchmarks in a
 * captioned table); home → lab 05 navigation works; charts carry accessible titles.
 * Screenshots of home, one lab page and the concept map go to test-artifacts/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labs } from '../../shared/kit/src/manifest.ts';
import { serveStatic } from './static-server.ts';

const site = fileURLToPath(new URL('..', import.meta.url));
const build = join(site, 'build');
const artifacts = join(site, 'test-artifacts');
const CHROMIUM = process.env.HOTPATH_CHROMIUM ?? '/usr/bin/chromium';
/** Every page of the build, from its sitemap (lab pages, source pages, the rest). */
function sitePages(): string[] {
  const sitemap = readFileSync(join(build, 'sitemap.xml'), 'utf8');
  return [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname).sort();
}
const PAGES = existsSync(join(build, 'sitemap.xml')) ? sitePages() : ['/'];

let server: Server;
let base = '';
let browser: BrowserContext;
let profile = '';

beforeAll(async () => {
  if (!existsSync(join(build, 'index.html'))) throw new Error('No site build: run pnpm --dir site build first (turbo does it before this test)');
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (never playwright install)`);
  ({ server, url: base } = await serveStatic(build));
  profile = mkdtempSync(join(tmpdir(), 'hotpath-chromium-'));
  // A fresh profile folder per run (Playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(artifacts, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  // Without a server (beforeAll failed before serving) there is nothing to wait for.
  if (server) await new Promise((done) => server.close(done));
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Opens `path`, recording console errors and every request that leaves the local server. */
async function visit(path: string): Promise<{ page: Page; errors: string[]; foreign: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:')) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  const response = await page.goto(base + path, { waitUntil: 'networkidle' });
  expect(response?.status(), `${path} answers 200`).toBe(200);
  return { page, errors, foreign };
}

describe('the built site in Chromium', () => {
  it.each(PAGES)('%s loads with no console error and no request beyond localhost', async (path) => {
    const { page, errors, foreign } = await visit(path);
    expect(errors, `console errors on ${path}`).toEqual([]);
    expect(foreign, `requests to other hosts from ${path}`).toEqual([]);
    await page.close();
  });

  it('visits every page of the sitemap, the lab pages and the main pages among them', () => {
    for (const path of ['/', '/concepts', '/progress', '/troubleshooting', '/instructors', ...labs.map((lab) => `/labs/${lab.slug}`)]) expect(PAGES).toContain(path);
  });

  it.each(labs.map((lab) => [lab.slug, lab.title, lab.status] as const))('the %s page shows its instructions and its chart', async (slug, title, status) => {
    const { page } = await visit(`/labs/${slug}`);
    const heading = (await page.locator('article h1').first().textContent()) ?? '';
    expect(heading, 'the page starts with the README heading').toContain(title.split(':')[0]!.trim());
    const chart = page.locator('svg[role="img"]').first();
    await expect.poll(() => chart.count()).toBe(1);
    const label = await chart.getAttribute('aria-labelledby');
    const titleText = await page.locator(`[id="${label!.split(' ')[0]}"]`).textContent();
    expect(titleText, 'the chart has an accessible title').toMatch(/lab \d\d/i);
    if (status === 'ready') {
      expect(await chart.locator('rect').count(), 'a ready lab charts real figures (bars)').toBeGreaterThan(0);
      expect(titleText, "the title names the stage the run was measured against").toMatch(/against lab \d\d$/);
    }
    if (slug === '01-slim-builder') {
      // Lab 01's checkpoint has micro-benchmarks: a table with a caption under the chart.
      expect(await page.locator('table.hp-micro caption').first().textContent()).toMatch(/Micro-benchmarks, per call .*Ratios are to lab 00/);
    }
    await page.close();
  });

  it('navigates from home to lab 05 and saves screenshots', async () => {
    const { page } = await visit('/');
    await page.screenshot({ path: join(artifacts, 'home.png'), fullPage: true });
    const last = labs.at(-1)!;
    await page.locator(`main a[href="/labs/${last.slug}"]`).first().click();
    await page.waitForURL(`${base}/labs/${last.slug}`);
    expect(await page.locator('article h1').first().textContent()).toContain(last.title.split(':')[0]!.trim());
    await page.goto(`${base}/labs/01-slim-builder`, { waitUntil: 'networkidle' });
    await page.screenshot({ path: join(artifacts, 'lab-01.png'), fullPage: true });
    await page.goto(`${base}/concepts`, { waitUntil: 'networkidle' });
    await page.screenshot({ path: join(artifacts, 'concepts.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${base}/labs/01-slim-builder`, { waitUntil: 'networkidle' });
    expect(await page.locator('html').getAttribute('data-theme'), 'the site follows a dark system theme').toBe('dark');
    await page.locator('.hp-chart').first().screenshot({ path: join(artifacts, 'lab-01-chart-dark.png') });
    await page.close();
    for (const file of ['home.png', 'lab-01.png', 'concepts.png', 'lab-01-chart-dark.png']) expect(existsSync(join(artifacts, file)), file).toBe(true);
  });
});
