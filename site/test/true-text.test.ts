/**
 * The built pages say nothing that is no longer true (issue 20, "True text"): no lab is "planned" or
 * "provisional until it ships" once the manifest says every lab is ready, no "about 10 s" for a build that takes
 * ~45 s cold and is skipped when up to date, and lab 05 says which cost inputs its page really lets you edit
 * (read from the built form). Lab 05 ends with its wrap-up and "what next"; every page names the site's own
 * favicon, which the build serves. Reads the production build (site/build), as the browser tests do.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labs } from '@hotpath/workshop/manifest';
import { repoRoot } from '../plugins/repo-links.ts';
import { build } from './browser-support.ts';
import { pageText } from './page-text.ts';

/** Every built page a reader reads as prose: the lab pages and the site's own pages (not /source/ code). */
function prosePages(): string[] {
  const found: string[] = [];
  const walk = (dir: string, route: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!['source', 'assets', 'img'].includes(entry.name)) walk(join(dir, entry.name), `${route}${entry.name}/`);
      } else if (entry.name.endsWith('.html') && !['404.html', 'search.html'].includes(entry.name)) found.push(`${route}${entry.name}`);
    }
  };
  walk(build, '/');
  return found.sort();
}

const built = (page: string) => readFileSync(join(build, page), 'utf8');
const allReady = labs.every((lab) => lab.status === 'ready');

/** Sentences that were true once, each with what to write instead. */
const STALE: Array<{ words: RegExp; fix: string; when?: boolean }> = [
  {
    words: /Slots for labs [\d–-]+ are provisional/i,
    fix: 'every lab is ready (shared/workshop/src/manifest.ts): the instructor guide must not call any slot provisional',
    when: allReady,
  },
  {
    words: /until (?:those|these|the) labs? (?:ships?|are written|is written)/i,
    fix: 'every lab has shipped: drop the "until … ships" sentence',
    when: allReady,
  },
  {
    words: /planned, not written yet/i,
    fix: 'every lab is ready: drop the sentence (troubleshooting row) about labs that are "planned, not written yet"',
    when: allReady,
  },
  { words: /\bplanned labs?\b|labs? (?:that are )?(?:still )?planned\b/i, fix: 'every lab is ready: no page may speak of planned labs', when: allReady },
  { words: /about 10 ?s\b/i, fix: "the site's build takes about 45 s cold and 20 s warm, and `pnpm start` skips it when the build is up to date: say so" },
  {
    words: /all three[^.]{0,80}editable on the site/i,
    fix: "say which of the capstone's cost inputs lab 05's page lets you edit, in the words the test below asks for",
  },
];

describe('no built page says what is no longer true', () => {
  const pages = existsSync(join(build, 'index.html')) ? prosePages() : [];

  it('finds the pages to read (run pnpm --dir site build first)', () => {
    expect(pages, 'site/build has the lab pages, the instructor guide and troubleshooting').toEqual(
      expect.arrayContaining(['/instructors.html', '/troubleshooting.html', '/concepts.html', ...labs.map((lab) => `/labs/${lab.slug}.html`)]),
    );
  });

  it.each(STALE.filter((s) => s.when !== false).map((s) => [String(s.words), s] as const))('%s', (_name, stale) => {
    const saying = pages.filter((page) => stale.words.test(pageText(built(page))));
    expect(saying, `${saying.join(', ')}: ${stale.fix}`).toEqual([]);
  });
});

describe("lab 05's page tells the truth about its cost estimate", () => {
  const FIELDS: Record<string, string> = { target: 'the target rate', price: 'the price', headroom: 'the headroom' };

  it('names exactly the inputs its form has', () => {
    const html = built('labs/05-single-binary.html');
    const form = /<form[^>]*class="?hp-cost-inputs[\s\S]*?<\/form>/.exec(html)?.[0];
    expect(form, "lab 05's page renders the cost estimate's form (components/CostEstimate.tsx)").toBeDefined();
    const names = [...form!.matchAll(/<input[^>]*\bname="?(\w+)/g)].map((m) => m[1]!).sort();
    expect(
      names.every((name) => name in FIELDS),
      `the cost form's inputs are ${names.join(', ')}: name each in FIELDS and in lab 05's README`,
    ).toBe(true);
    const editable = ['target', 'price', 'headroom'].filter((name) => names.includes(name));
    const fixed = ['target', 'price', 'headroom'].filter((name) => !names.includes(name));
    const sentence = `on the site, ${editable.map((n) => FIELDS[n]).join(' and ')} are editable${fixed.length ? ` and ${fixed.map((n) => FIELDS[n]).join(' and ')} stays the committed run's` : ''}`;
    expect(
      pageText(html),
      `labs/05-single-binary/README.md ("The capstone") must say "${sentence}": the form lets the reader edit ${editable.join(' and ')}`,
    ).toContain(sentence);
  });
});

describe('lab 05 ends the course with a wrap-up and what to do next', () => {
  it('as the last two sections of its README, rendered with anchors and a link to the concept map', () => {
    const readme = readFileSync(join(repoRoot, 'labs', '05-single-binary', 'README.md'), 'utf8');
    const sections = [...readme.replace(/```[\s\S]*?```/g, '').matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
    expect(sections.slice(-2), 'labs/05-single-binary/README.md ends with "## Wrap-up: …" then "## What next"').toEqual([
      'Wrap-up: what the five stages added up to',
      'What next',
    ]);
    const html = built('labs/05-single-binary.html');
    expect(html, 'the wrap-up is a heading with an anchor').toMatch(/<h2[^>]*id="?wrap-up-what-the-five-stages-added-up-to/);
    expect(html, '"What next" is a heading with an anchor').toMatch(/<h2[^>]*id="?what-next/);
    const next = html.slice(html.search(/id="?what-next/));
    expect(next, '"What next" links the concept map page (/concepts)').toMatch(/<a[^>]*href="?\/concepts"?[\s>]/);
  });
});

describe('the favicon', () => {
  it("is the site's own SVG, named by every page, so no page asks for a missing /favicon.ico", () => {
    const svg = join(build, 'img', 'favicon.svg');
    expect(existsSync(svg), 'site/static/img/favicon.svg is built into site/build/img').toBe(true);
    expect(readFileSync(svg, 'utf8'), 'the favicon is an SVG').toMatch(/^<svg[\s>][\s\S]*<\/svg>\s*$/);
    for (const page of [...prosePages(), '404.html', 'search.html']) {
      expect(built(page.replace(/^\//, '')), `${page} names the favicon: favicon: 'img/favicon.svg' in docusaurus.config.ts`).toMatch(
        /<link[^>]*rel="?icon"?[^>]*href="?\/img\/favicon\.svg/,
      );
    }
  });
});
