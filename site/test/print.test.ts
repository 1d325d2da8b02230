/**
 * Printing a lab page (src/print.ts + src/css/print.css) in Chromium: with print media emulated and the
 * browser's `beforeprint` dispatched, every <details> is open — the manifest's hints and the README's own
 * spoilers — and its text visible, the checkpoint chart's svg is visible and inside the sheet's width, and the
 * navbar, sidebar, table of contents and footer are gone; a page read in the dark scheme prints in the light
 * one. `afterprint` closes what printing opened and gives the reader their scheme back. page.pdf() (the
 * browser's own print path) then fires both events itself; the PDF goes to test-artifacts/print-lab05.pdf.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, build, openSite, type SiteBrowser } from './browser-support.ts';

const LAB = '/labs/05-single-binary';
/** An A4 sheet's width in CSS px (210 mm at 96 px per inch), as Chromium lays out a page it prints. */
const SHEET = { width: 794, height: 1123 };
let opened: SiteBrowser;

beforeAll(async () => {
  opened = await openSite(build);
});

afterAll(async () => {
  await opened?.close();
});

/** What the page looks like to the printer: how many details, open ones, visible bodies, and the chrome's visibility. */
const printState = (page: Page) =>
  page.evaluate(() => {
    const visible = (el: Element | null) => {
      if (!el) return false;
      const box = el.getBoundingClientRect();
      // checkVisibility also sees a closed <details>' content, skipped by content-visibility, as hidden.
      return box.width > 0 && box.height > 0 && el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true });
    };
    const details = [...document.querySelectorAll('details')];
    const hints = details.filter((d) => /^Hint \d/.test(d.querySelector('summary')?.textContent ?? ''));
    const body = (d: Element) => [...d.children].find((child) => child.tagName !== 'SUMMARY') ?? null;
    const svg = document.querySelector('figure.hp-chart svg');
    const box = svg?.getBoundingClientRect();
    return {
      details: details.length,
      open: details.filter((d) => d.open).length,
      hints: hints.length,
      hintTextVisible: hints.filter((d) => visible(body(d)) && (body(d)?.textContent ?? '').trim().length > 0).length,
      closedBodiesHidden: details.filter((d) => !d.open && visible(body(d))).length === 0,
      spoilersVisible: details.filter((d) => !hints.includes(d) && visible(body(d))).length,
      svgVisible: visible(svg ?? null),
      svgInside: box ? box.left >= 0 && box.right <= document.documentElement.clientWidth + 1 : false,
      navbar: visible(document.querySelector('.navbar')),
      sidebar: visible(document.querySelector('.theme-doc-sidebar-container')),
      toc: visible(document.querySelector('.theme-doc-toc-desktop')),
      footer: visible(document.querySelector('.footer')),
      theme: document.documentElement.getAttribute('data-theme'),
    };
  });

describe('printing a lab page', () => {
  it('opens every details (hints included), keeps the chart and drops the chrome, then puts everything back', async () => {
    const { page, errors } = await opened.visit(LAB);
    await page.setViewportSize({ width: 1280, height: 900 });
    // Read in the dark scheme, with every details closed, as a reader would leave it.
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    const before = await printState(page);
    expect(before.hints, `${LAB} shows the manifest's hints as <details>`).toBeGreaterThan(0);
    expect(before.details, `${LAB} has a README spoiler too`).toBeGreaterThan(before.hints);
    expect(before.open, 'every details starts closed').toBe(0);
    expect(before.closedBodiesHidden, 'and shows no content').toBe(true);
    expect(before.navbar, 'on screen, the navbar shows').toBe(true);

    await page.setViewportSize(SHEET);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const printing = await printState(page);
    expect(printing.open, 'beforeprint opens every <details> (src/print.ts)').toBe(printing.details);
    expect(printing.hintTextVisible, "every hint's text is visible on paper").toBe(printing.hints);
    expect(printing.spoilersVisible, "the README's own <details> (Docusaurus's collapsible) show their content on paper (print.css)").toBe(
      printing.details - printing.hints,
    );
    expect(printing.svgVisible, 'the checkpoint chart prints').toBe(true);
    expect(printing.svgInside, 'the chart fits the width of the sheet').toBe(true);
    expect(
      { navbar: printing.navbar, sidebar: printing.sidebar, toc: printing.toc, footer: printing.footer },
      'print.css hides the navbar, sidebar, TOC and footer',
    ).toEqual({
      navbar: false,
      sidebar: false,
      toc: false,
      footer: false,
    });
    expect(printing.theme, 'a dark page prints in the light scheme').toBe('light');

    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: null });
    await page.setViewportSize({ width: 1280, height: 900 });
    const after = await printState(page);
    expect(after.open, 'afterprint closes the details printing opened').toBe(0);
    expect(after.closedBodiesHidden, 'and their contents are folded again').toBe(true);
    expect(after.theme, "afterprint gives the reader's dark scheme back").toBe('dark');
    expect(after.navbar).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keeps the reader's own open details open after printing, and page.pdf() prints through the same events", async () => {
    const { page } = await opened.visit(LAB);
    await page
      .locator('details summary', { hasText: /^Hint 1/ })
      .first()
      .click();
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('details')].filter((d) => d.open).length)).toBe(1);
    await page.evaluate(() => {
      (window as unknown as { printEvents: string[] }).printEvents = [];
      for (const type of ['beforeprint', 'afterprint'])
        window.addEventListener(type, () => (window as unknown as { printEvents: string[] }).printEvents.push(type));
    });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString(), 'page.pdf() writes a PDF').toBe('%PDF-');
    writeFileSync(join(artifacts, 'print-lab05.pdf'), pdf);
    const events = await page.evaluate(() => (window as unknown as { printEvents: string[] }).printEvents);
    expect(events, 'printing fires beforeprint, then afterprint').toEqual(['beforeprint', 'afterprint']);
    const open = await page.evaluate(() => [...document.querySelectorAll('details')].filter((d) => d.open).map((d) => d.querySelector('summary')?.textContent));
    expect(open, 'only the hint the reader opened is still open after printing').toEqual([expect.stringMatching(/^Hint 1/)]);
    await page.close();
  });
});
