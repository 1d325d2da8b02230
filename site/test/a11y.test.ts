/**
 * Accessibility of the built site: axe-core (its `source` injected into the page; nothing fetched) runs every
 * WCAG 2 A/AA rule, plus empty-table-header, on the home page, every lab page, progress, the instructor guide,
 * the concept map, troubleshooting and a source page, each in light and in dark mode (the site follows the
 * system's prefers-color-scheme), once the page has hydrated and its charts have drawn (the DOM has stopped
 * changing) and with every <details> opened; it finds no violation of impact serious or critical. The
 * serious/critical element counts per page and theme go to test-artifacts/a11y.json, the violations in full
 * to a11y-violations.json (issue 20's before/after figures).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labs } from '@hotpath/workshop/manifest';
import { artifacts, build, openSite, type SiteBrowser } from './browser-support.ts';

declare global {
  interface Window {
    axe: typeof axe;
  }
}

/** A source page (a repo file rendered by plugins/source-files): the first the sitemap lists under /source/labs/. */
const SOURCE_PAGE = existsSync(join(build, 'sitemap.xml'))
  ? (readFileSync(join(build, 'sitemap.xml'), 'utf8').match(/<loc>[^<]*?(\/source\/labs\/[^<]+)<\/loc>/)?.[1] ?? '/source')
  : '/source';
const PAGES = ['/', ...labs.map((lab) => `/labs/${lab.slug}`), '/progress', '/instructors', '/concepts', '/troubleshooting', SOURCE_PAGE];
const THEMES = ['light', 'dark'] as const;
/** Every WCAG 2.x level A and AA rule axe has. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const BLOCKING = new Set(['serious', 'critical']);
/** Also run and also blocking whatever their impact: a header cell with no text (issue 20 found one on labs 01 and 05). */
const ALSO = ['empty-table-header'];

interface Found {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  nodes: { target: string; why: string }[];
}

let opened: SiteBrowser;
const counts: Record<string, Record<string, number | Record<string, number>>> = {};
const details: Record<string, Found[]> = {};

beforeAll(async () => {
  opened = await openSite();
});

afterAll(async () => {
  await opened?.close();
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, 'a11y.json'), `${JSON.stringify(counts, null, 2)}\n`);
  writeFileSync(join(artifacts, 'a11y-violations.json'), `${JSON.stringify(details, null, 2)}\n`);
});

/** Resolves once the DOM has not changed for `quiet` ms (hydration done, charts drawn), or after `cap` ms. */
async function settled(page: Page, quiet = 400, cap = 10_000): Promise<void> {
  await page.evaluate(
    ([quiet, cap]) =>
      new Promise<void>((done) => {
        const finish = () => {
          observer.disconnect();
          clearTimeout(timer);
          clearTimeout(limit);
          done();
        };
        let timer = setTimeout(finish, quiet);
        const limit = setTimeout(finish, cap);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(finish, quiet);
        });
        observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
      }),
    [quiet, cap] as const,
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Opens every closed <details> (hints, tables) as a reader would, by clicking its summary, so axe sees its content. */
async function openDetails(page: Page): Promise<void> {
  for (let pass = 0; pass < 3; pass++) {
    const clicked = await page.evaluate(() => {
      const closed = [...document.querySelectorAll<HTMLElement>('details:not([open]) > summary')];
      for (const summary of closed) summary.click();
      return closed.length;
    });
    if (clicked === 0) return;
    await settled(page);
  }
}

/** Runs axe's WCAG 2 A/AA rules on the page; the violations, each with its nodes' selectors and axe's reason. */
async function audit(page: Page): Promise<Found[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(
    async ([tags, also]) => {
      const rules = [...window.axe.getRules(tags).map((rule) => rule.ruleId), ...also];
      const result = await window.axe.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? 'unknown',
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), why: [...n.any, ...n.all, ...n.none][0]?.message ?? '' })),
      }));
    },
    [TAGS, ALSO] as const,
  );
}

/** The failure message: what to fix, where, and axe's reason for the first few elements. */
function instruction(path: string, theme: string, found: Found[]): string {
  const lines = found.map((v) => {
    const nodes = v.nodes
      .slice(0, 4)
      .map((n) => `\n      ${n.target} — ${n.why}`)
      .join('');
    const more = v.nodes.length > 4 ? `\n      … and ${v.nodes.length - 4} more` : '';
    return `\n  ${v.id} (${v.impact}, ${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'}): ${v.help} (${v.helpUrl})${nodes}${more}`;
  });
  return `Fix these serious/critical accessibility violations on ${path} in ${theme} mode (colours: site/src/css/custom.css and the prism themes in docusaurus.config.ts):${lines.join('')}\n`;
}

describe('axe-core on the built site (WCAG 2 A/AA)', () => {
  it.each(PAGES.flatMap((path) => THEMES.map((theme) => [path, theme] as const)))('%s in %s mode has no serious or critical violation', async (path, theme) => {
    const { page } = await opened.visit(path);
    let blocking: Found[];
    try {
      await page.emulateMedia({ colorScheme: theme });
      await page.reload({ waitUntil: 'networkidle' });
      await expect.poll(() => page.locator('html').getAttribute('data-theme'), { message: `the site follows a ${theme} system theme` }).toBe(theme);
      await page.locator('main').first().waitFor();
      await settled(page);
      await openDetails(page);
      const found = await audit(page);
      details[`${path} ${theme}`] = found;
      blocking = found.filter((v) => BLOCKING.has(v.impact) || ALSO.includes(v.id));
    } finally {
      await page.close();
    }
    (counts[path] ??= {})[theme] = blocking.reduce((sum, v) => sum + v.nodes.length, 0);
    counts[path]![`${theme}Rules`] = Object.fromEntries(blocking.map((v) => [v.id, v.nodes.length]));
    expect(
      blocking.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`),
      instruction(path, theme, blocking),
    ).toEqual([]);
  });
});
