/**
 * The built site on a phone, a laptop and a projector (Chromium via browser-support.ts; viewport and device
 * scale set through the DevTools protocol): on every lab page the checkpoint charts' rendered text (each svg
 * text's font-size × the SVG's scale to the screen) stays ≥ 11 CSS px at 390×844 and the page never scrolls
 * sideways; presenting mode (the navbar button) hides the docs sidebar and the TOC, enlarges the type with the
 * charts' text near body size at 1280×720 ×1.5 (a 1920×1080 projector at 150 %), is remembered and switches
 * off again; at 1440 px no code block hides content past its right edge; at 390 px a wide table scrolls in
 * its own box with a shadow cue at the hidden edge, and its last column can be scrolled into view. The
 * smallest chart text per viewport is printed for the record.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labs } from '@hotpath/workshop/manifest';
import { openSite, type SiteBrowser } from './browser-support.ts';

const LAB_PAGES = labs.map((lab) => `/labs/${lab.slug}`);
/** Pages with code blocks besides the labs. */
const OTHER_PAGES = ['/instructors', '/troubleshooting', '/concepts'];
/** The projector: 1920×1080 at 150 % is a 1280×720 CSS viewport at device scale 1.5. */
const PROJECTOR = { width: 1280, height: 720, deviceScaleFactor: 1.5 };
/** Chart text in presenting mode: at least this share of the body text's size. */
const PRESENTING_SHARE = 0.85;

let opened: SiteBrowser;
const smallest: Record<string, number> = {};

beforeAll(async () => {
  opened = await openSite();
});
afterAll(async () => {
  console.log(
    `smallest chart text (CSS px): ${Object.entries(smallest)
      .map(([view, px]) => `${view} ${px.toFixed(1)}`)
      .join(' · ')}`,
  );
  await opened?.close();
});

/**
 * A page at `width`×`height` and device scale `scale`, presenting mode on or off as it opens (a reload in the
 * same tab keeps what the page itself stored), after the charts have laid out for their width.
 */
async function open(path: string, width: number, height: number, scale = 1, presenting = false): Promise<Page> {
  const page = await opened.browser.newPage();
  await page.addInitScript((on) => {
    if (sessionStorage.getItem('hp-test-opened')) return;
    sessionStorage.setItem('hp-test-opened', '1');
    if (on) localStorage.setItem('hotpath-presenting', 'on');
    else localStorage.removeItem('hotpath-presenting');
  }, presenting);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: scale, mobile: false });
  await page.setViewportSize({ width, height });
  const response = await page.goto(opened.base + path, { waitUntil: 'networkidle' });
  expect(response?.status(), `${path} answers 200`).toBe(200);
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll('.hp-chart svg[role="img"]')].every((svg) => svg.getAttribute('data-layout') !== 'server')), {
      message: `${path}: every chart lays itself out for its width once the page runs (data-layout set by CheckpointChart)`,
      timeout: 15_000,
    })
    .toBe(true);
  return page;
}

/** Each visible chart text's rendered size in CSS px: its font-size × the SVG's scale on screen. */
const chartText = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<SVGTextElement>('.hp-chart svg text')]
      .filter((text) => text.getBoundingClientRect().width > 0)
      .map((text) => {
        const m = text.getScreenCTM()!;
        return { px: parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b), text: text.textContent ?? '' };
      }),
  );

const bodyFont = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('article p') ?? document.body).fontSize));

function record(view: string, sizes: Array<{ px: number }>) {
  for (const { px } of sizes) smallest[view] = Math.min(smallest[view] ?? Infinity, px);
}

describe('charts on a phone', () => {
  it.each(LAB_PAGES)('%s: chart text is at least 11 CSS px at 390×844 and nothing scrolls sideways', async (path) => {
    const page = await open(path, 390, 844);
    const sizes = await chartText(page);
    expect(sizes.length, `${path} shows a checkpoint chart`).toBeGreaterThan(0);
    record('390×844', sizes);
    const small = sizes.filter((s) => s.px < 11);
    expect(small, `Lay the chart out for its column on a phone (labels above the bars) so its text is ≥ 11 CSS px: ${path}`).toEqual([]);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(sideways, `${path} must not scroll sideways at 390 px: something is wider than the screen`).toBeLessThanOrEqual(0);
    await page.close();
  });

  it.each([
    ['768×1024', 768, 1024],
    ['1440×900', 1440, 900],
  ] as const)('chart text stays at least 11 CSS px at %s', async (view, width, height) => {
    for (const path of LAB_PAGES) {
      const page = await open(path, width, height);
      const sizes = await chartText(page);
      record(view, sizes);
      expect(Math.min(...sizes.map((s) => s.px)), `${path} at ${view}: chart text ≥ 11 CSS px`).toBeGreaterThanOrEqual(11);
      await page.close();
    }
  });
});

describe('presenting mode on a projector (1280×720 at 150 %)', () => {
  it('hides the sidebar and the TOC, enlarges body and chart text, is remembered, and turns off', async () => {
    const path = LAB_PAGES[1]!;
    const page = await open(path, PROJECTOR.width, PROJECTOR.height, PROJECTOR.deviceScaleFactor);
    const toggle = page.getByRole('button', { name: 'Presenting' });
    const sidebar = page.locator('aside.theme-doc-sidebar-container');
    const toc = page.locator('.theme-doc-toc-desktop');
    expect(await toggle.getAttribute('aria-pressed'), 'presenting mode is off by default').toBe('false');
    expect(await sidebar.isVisible()).toBe(true);
    const before = await bodyFont(page);
    // By keyboard: the toggle is a real button.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-pressed'), { message: 'the toggle says it is pressed' }).toBe('true');
    await expect.poll(() => sidebar.isVisible(), { message: 'Presenting mode hides the docs sidebar' }).toBe(false);
    expect(await toc.isVisible(), 'Presenting mode hides the table of contents').toBe(false);
    const body = await bodyFont(page);
    expect(body, 'Presenting mode enlarges the type').toBeGreaterThan(before);
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => toggle.getAttribute('aria-pressed'), { message: 'presenting mode is remembered (localStorage)' }).toBe('true');
    await toggle.press('Space');
    await expect.poll(() => sidebar.isVisible(), { message: 'switched off, the sidebar is back' }).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('hotpath-presenting')), 'switched off, nothing is stored').toBeNull();
    await page.close();
  });

  it.each(LAB_PAGES)(`%s: chart text is at least ${PRESENTING_SHARE} of body text in presenting mode`, async (path) => {
    const page = await open(path, PROJECTOR.width, PROJECTOR.height, PROJECTOR.deviceScaleFactor, true);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.hasAttribute('data-hp-presenting')), {
        message: 'presenting mode, stored, is on when the page opens',
      })
      .toBe(true);
    const body = await bodyFont(page);
    expect(body, 'presenting mode enlarges the body text').toBeGreaterThan(16);
    const min = async () => Math.min(...(await chartText(page)).map((s) => s.px));
    // The charts lay out again once presenting mode is on (the hp-presenting event).
    await expect
      .poll(min, {
        message: `${path}: chart text against body ${body} px — scale charts with the type in presenting mode (≥ ${PRESENTING_SHARE} of it)`,
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(body * PRESENTING_SHARE);
    record('1280×720@1.5 presenting', await chartText(page));
    expect(await page.locator('aside.theme-doc-sidebar-container').isVisible()).toBe(false);
    await page.close();
  });
});

describe('code blocks and tables', () => {
  it('no code block hides content past its right edge at 1440 px', async () => {
    for (const path of [...LAB_PAGES, ...OTHER_PAGES]) {
      const page = await open(path, 1440, 900);
      const hidden = await page.evaluate(() =>
        [...document.querySelectorAll('pre')]
          .filter((pre) => pre.scrollWidth > pre.clientWidth + 1)
          .map((pre) => (pre.textContent ?? '').split('\n').find((l) => l.length > 60) ?? ''),
      );
      expect(hidden, `${path}: wrap long lines in code blocks (white-space: pre-wrap) so nothing hides past the edge`).toEqual([]);
      await page.close();
    }
  });

  it('wide tables at 390 px scroll in their own box with a shadow cue, the last column reachable', async () => {
    let wide = 0;
    for (const path of LAB_PAGES) {
      const page = await open(path, 390, 844);
      const tables = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLTableElement>('article table')]
          .filter((table) => table.getBoundingClientRect().width > 0 && table.scrollWidth > table.clientWidth + 1)
          .map((table) => {
            const style = getComputedStyle(table);
            table.scrollLeft = table.scrollWidth;
            const box = table.getBoundingClientRect();
            const last = table.querySelector('tr:first-child > :last-child')!.getBoundingClientRect();
            return {
              caption: table.querySelector('caption')?.textContent?.slice(0, 40) ?? table.querySelector('th')?.textContent ?? '',
              overflow: style.overflowX,
              shadows: (style.backgroundImage.match(/radial-gradient/g) ?? []).length,
              local: style.backgroundAttachment.includes('local'),
              inBox: box.right <= document.documentElement.clientWidth + 1,
              // Its end in the box, and as much of it as the box can hold.
              lastShown: last.right <= box.right + 1 && Math.min(last.right, box.right) - Math.max(last.left, box.left) >= Math.min(last.width, box.width) - 2,
            };
          }),
      );
      wide += tables.length;
      for (const t of tables) {
        expect(['auto', 'scroll'], `${path} "${t.caption}": a wide table scrolls inside its own box`).toContain(t.overflow);
        expect(t.shadows >= 2 && t.local, `${path} "${t.caption}": give a wide table a shadow at the edge that hides columns (src/css/screens.css)`).toBe(true);
        expect(t.inBox, `${path} "${t.caption}": the table's box fits the screen`).toBe(true);
        expect(t.lastShown, `${path} "${t.caption}": scrolled to its end, the last column is in view`).toBe(true);
      }
      await page.close();
    }
    expect(wide, 'some lab table is wider than a phone (else this test checks nothing)').toBeGreaterThan(0);
  });
});
