/**
 * Navigable lab pages (issue 20), in Chromium on the built site: every step of a lab README is a heading with
 * an anchor, listed in the table of contents; every heading the site adds (plugins/lab-sections.ts: the hints
 * of each step, the checkpoint chart, lab 05's start-up table, capstone and cost estimate) is in the TOC too,
 * and no heading text appears twice on a page; each step's hints sit after that step's heading and before the
 * next step's, their markdown rendered as markdown (code, emphasis, paragraphs; no terminal line breaks, no
 * literal backticks or *stars*); the README's own "Hints" section links to them; the checkpoint chart follows
 * the "Checkpoint" heading; and a linked heading (`#hints`, a step's anchor, a hints heading) scrolls into view
 * below the sticky navbar, on load and from the TOC.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labs } from '@hotpath/workshop/manifest';
import { readmeSteps } from '@hotpath/kit/readme-steps';
import { repoRoot } from '../plugins/repo-links.ts';
import { openSite, type SiteBrowser } from './browser-support.ts';

let site: SiteBrowser;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

interface Heading {
  level: number;
  id: string;
  text: string;
}

/** The article's headings (h2–h6, their text without the hash link) and the desktop TOC's targets. */
async function outline(page: Page): Promise<{ headings: Heading[]; toc: string[] }> {
  return page.evaluate(() => ({
    headings: [...document.querySelectorAll('article :is(h2, h3, h4, h5, h6)')].map((h) => ({
      level: Number(h.tagName[1]),
      id: h.id,
      text: (h.textContent ?? '').replace(/\u200b/g, '').trim(),
    })),
    toc: [...document.querySelectorAll('.theme-doc-toc-desktop a.table-of-contents__link')].map((a) =>
      decodeURIComponent(a.getAttribute('href')!.replace(/^#/, '')),
    ),
  }));
}

/** Whether the first element matching `a` comes before the first matching `b` in the document. */
const before = (page: Page, a: string, b: string) =>
  page.evaluate(
    ([x, y]) => {
      const [first, second] = [document.querySelector(x!), document.querySelector(y!)];
      if (!first || !second) throw new Error(`no element for ${first ? y : x}`);
      return Boolean(first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING);
    },
    [a, b],
  );

const stepsOf = (slug: string) => readmeSteps(readFileSync(join(repoRoot, 'labs', slug, 'README.md'), 'utf8'));
const ready = labs.filter((lab) => lab.status === 'ready');

describe('lab pages are navigable', () => {
  it.each(ready.map((lab) => [lab.slug, lab] as const))(
    '%s: steps and added sections are headings in the TOC, none repeated, hints beside their steps',
    async (slug, lab) => {
      const { page, errors } = await site.visit(`/labs/${slug}`);
      const { headings, toc } = await outline(page);
      const steps = stepsOf(slug);
      expect(steps.length, `labs/${slug}/README.md has step headings`).toBeGreaterThan(0);
      for (const step of steps) {
        const shown = headings.find((h) => h.text.startsWith(`Step ${step.step} — `));
        expect(shown, `${slug}: give step ${step.step} a heading ("### Step ${step.step} — …") so it can be linked`).toBeDefined();
        expect(shown!.id, `${slug}: step ${step.step}'s heading needs an id`).not.toBe('');
        expect(toc, `${slug}: list step ${step.step} (#${shown!.id}) in the table of contents (themeConfig.tableOfContents.maxHeadingLevel)`).toContain(
          shown!.id,
        );
      }
      const added = [...new Set(lab.hints.flatMap((h) => (h.step === undefined ? [] : [`Hints for step ${h.step}`]))), 'Checkpoint chart'];
      for (const text of added)
        expect(
          headings.map((h) => h.text),
          `${slug}: plugins/lab-sections.ts should add the heading "${text}"`,
        ).toContain(text);
      for (const h of headings.filter((h) => h.level <= 4)) expect(toc, `${slug}: list "${h.text}" (#${h.id}) in the table of contents`).toContain(h.id);
      const texts = headings.map((h) => h.text.toLowerCase());
      expect(
        texts.filter((t, i) => texts.indexOf(t) !== i),
        `${slug}: each heading once — an added section must not repeat a README heading`,
      ).toEqual([]);

      // Each step's hints: after its heading, before the next step's; its hints heading too.
      const ids = new Map(steps.map((s) => [s.step, headings.find((h) => h.text.startsWith(`Step ${s.step} — `))!.id]));
      for (const step of steps) {
        const count = lab.hints.filter((h) => h.step === step.step).length;
        expect(await page.locator(`details.hp-hint[data-step="${step.step}"]`).count(), `${slug}: show step ${step.step}'s ${count} hints beside it`).toBe(
          count,
        );
        if (count === 0) continue;
        const mine = `[id="${ids.get(step.step)}"]`;
        expect(await before(page, mine, `#hints-for-step-${step.step}`), `${slug}: "Hints for step ${step.step}" after step ${step.step}'s heading`).toBe(true);
        const hints = page.locator(`details.hp-hint[data-step="${step.step}"]`);
        for (let i = 0; i < count; i++) {
          const after = await hints
            .nth(i)
            .evaluate((el, id) => Boolean(document.getElementById(id)!.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING), ids.get(step.step)!);
          expect(after, `${slug}: step ${step.step}'s hint ${i + 1} comes after its step's heading`).toBe(true);
          const next = ids.get(step.step + 1);
          if (next === undefined) continue;
          const ahead = await hints
            .nth(i)
            .evaluate((el, id) => Boolean(el.compareDocumentPosition(document.getElementById(id)!) & Node.DOCUMENT_POSITION_FOLLOWING), next);
          expect(ahead, `${slug}: step ${step.step}'s hint ${i + 1} comes before step ${step.step + 1}'s heading`).toBe(true);
        }
      }

      // The README's own Hints section links to each step's hints; hints of no step are folded there.
      const links = await page.locator('[id="hints"] ~ ul a[href^="#hints-for-step-"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const step of new Set(lab.hints.flatMap((h) => (h.step === undefined ? [] : [h.step]))))
        expect(links, `${slug}: link "Hints for step ${step}" from the Hints section`).toContain(`#hints-for-step-${step}`);
      expect(await page.locator('details.hp-hint[data-step="further"]').count(), `${slug}: fold the hints tied to no step under Hints`).toBe(
        lab.hints.filter((h) => h.step === undefined).length,
      );

      // The chart after the Checkpoint heading.
      expect(await before(page, '[id="checkpoint"]', 'svg[role="img"]'), `${slug}: the checkpoint chart comes after the "Checkpoint" heading`).toBe(true);
      expect(await before(page, '[id="checkpoint-chart"]', 'svg[role="img"]'), `${slug}: the chart sits under its "Checkpoint chart" heading`).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('renders hint markdown as markdown: code and emphasis, no terminal line breaks or literal markers', async () => {
    let emphasis = 0;
    for (const lab of ready) {
      const { page } = await site.visit(`/labs/${lab.slug}`);
      const hints = await page.locator('details.hp-hint').evaluateAll((all) =>
        all.map((d) => {
          d.setAttribute('open', '');
          const body = [...d.children].filter((c) => c.tagName !== 'SUMMARY');
          return {
            title: d.querySelector('summary')?.textContent ?? '',
            // The prose: code spans may hold backticks and stars of their own.
            text: body
              .map((c) => {
                const prose = c.cloneNode(true) as Element;
                prose.querySelectorAll('code').forEach((code) => code.remove());
                return prose.textContent;
              })
              .join('\n'),
            code: d.querySelectorAll(':scope > :not(summary) code').length,
            em: d.querySelectorAll(':scope > :not(summary) em').length,
            br: d.querySelectorAll('br').length,
            whiteSpace: body.map((c) => getComputedStyle(c).whiteSpace),
          };
        }),
      );
      expect(hints.length, `${lab.slug}: every hint of the manifest on the page`).toBe(lab.hints.length);
      for (const hint of hints) {
        const where = `${lab.slug} "${hint.title}"`;
        expect(hint.text, `${where}: parse the hint body as markdown (a literal backtick shows outside <code>)`).not.toContain('`');
        expect(hint.text, `${where}: parse the hint body as markdown (*emphasis* shows its stars)`).not.toMatch(/(^|\s)\*[^*\s][^*]*\*/);
        expect(hint.br, `${where}: no <br> from the terminal's hard wraps`).toBe(0);
        for (const ws of hint.whiteSpace) expect(ws, `${where}: hard-wrapped lines must flow (white-space: ${ws})`).not.toMatch(/pre/);
        emphasis += hint.em;
      }
      const withCode = lab.hints.filter((h) => h.body.includes('`')).length;
      expect(hints.filter((h) => h.code > 0).length, `${lab.slug}: \`code\` in a hint body becomes <code>`).toBe(withCode);
      await page.close();
    }
    expect(emphasis, 'a hint with *emphasis* renders <em>').toBeGreaterThan(0);
  });
});

describe('a linked heading scrolls into view below the navbar', () => {
  /** Loads `path#id` (or clicks the TOC link to it) and says where the heading ends up. */
  async function landing(page: Page, id: string) {
    const heading = page.locator(`[id="${id}"]`);
    await expect.poll(async () => (await heading.boundingBox())?.y, { timeout: 5000 }).toBeDefined();
    // Hydration and images may move the page: wait until the heading stays put.
    let last = NaN;
    await expect
      .poll(
        async () => {
          const y = (await heading.boundingBox())!.y;
          const still = y === last;
          last = y;
          return still;
        },
        { timeout: 5000, interval: 200 },
      )
      .toBe(true);
    const navbar = (await page.locator('nav.navbar').boundingBox())!;
    const box = (await heading.boundingBox())!;
    return { top: box.y, bottom: box.y + box.height, navbarBottom: navbar.y + navbar.height, viewport: page.viewportSize()!.height };
  }

  const step3 = () => {
    const step = stepsOf('01-slim-builder').find((s) => s.step === 3)!;
    // GitHub's and Docusaurus's slug of the heading: lower case, code marks and punctuation dropped, spaces to dashes.
    return step.title
      .toLowerCase()
      .replace(/[^a-z0-9 -]/g, '')
      .replace(/ /g, '-');
  };

  it.each([['hints'], ['step 3'], ['hints-for-step-3'], ['checkpoint-chart']])('/labs/01-slim-builder#%s', async (which) => {
    const id = which === 'step 3' ? step3() : which;
    const { page } = await site.visit(`/labs/01-slim-builder#${id}`);
    expect(await page.locator(`[id="${id}"]`).count(), `#${id} names a heading on the page`).toBe(1);
    const at = await landing(page, id);
    expect(at.top, `#${id}: the heading must clear the navbar (scroll-margin-top)`).toBeGreaterThanOrEqual(at.navbarBottom);
    expect(at.bottom, `#${id}: the heading must be in the viewport`).toBeLessThanOrEqual(at.viewport);
    expect(at.top, `#${id}: the page scrolled to the heading`).toBeLessThan(at.navbarBottom + 80);
    await page.close();
  });

  it("from the TOC: clicking step 3's hints leaves the heading visible below the navbar", async () => {
    const { page } = await site.visit('/labs/01-slim-builder');
    await page.locator('.theme-doc-toc-desktop a.table-of-contents__link[href="#hints-for-step-3"]').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#hints-for-step-3');
    const at = await landing(page, 'hints-for-step-3');
    expect(at.top).toBeGreaterThanOrEqual(at.navbarBottom);
    expect(at.bottom).toBeLessThanOrEqual(at.viewport);
    await page.close();
  });
});
