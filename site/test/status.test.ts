/**
 * No drift between the manifest's lab status and the pages that state it: the root README's and the
 * instructors' page's "Labs 00–03 are ready; labs 04–05 are planned" (or, once every lab is ready, "Labs
 * 00–05 are ready" with no planned part), and the concept map's "(planned)" marks beside lab links. When a
 * lab becomes ready in shared/workshop/src/manifest.ts, this fails until the sentences say so. A page that must
 * state the status or link every lab fails when it no longer does, so no page passes having checked nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { labs } from '@hotpath/workshop/manifest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const two = (n: number) => String(n).padStart(2, '0');
const range = (numbers: number[]) => (numbers.length === 1 ? two(numbers[0]!) : `${two(numbers[0]!)}–${two(numbers.at(-1)!)}`);
const ready = labs.filter((lab) => lab.status === 'ready').map((lab) => lab.number);
const planned = labs.filter((lab) => lab.status === 'planned').map((lab) => lab.number);
/** "labs 04–05 are planned", or for one lab "lab 05 is planned"; nothing once every lab is ready. */
const plannedWords = planned.length === 0 ? '' : planned.length === 1 ? `lab ${range(planned)} is planned` : `labs ${range(planned)} are planned`;
/** The whole status sentence as the pages must say it. */
const statusWords = plannedWords ? `Labs ${range(ready)} are ready; ${plannedWords}` : `Labs ${range(ready)} are ready`;

/**
 * What each page must state, so that a page which lost its sentence or its links fails instead of passing
 * with nothing checked: `status` — the status sentence at least once; `links` — a link to every lab of the
 * manifest. Every page here, and every other Markdown page of the site, is also checked for what it does say.
 */
const PAGES: Record<string, { status?: true; links?: true }> = {
  'README.md': { status: true },
  'site/src/pages/instructors.md': { status: true },
  'site/src/pages/concepts.md': { links: true },
  // States neither today; a status sentence or a lab link added to it is checked like the others.
  'site/src/pages/troubleshooting.md': {},
};
const pagesDir = join(root, 'site/src/pages');
const ALL_PAGES = [
  ...new Set([
    ...Object.keys(PAGES),
    ...readdirSync(pagesDir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => `site/src/pages/${f}`),
  ]),
];
const STATUS = /Labs (\d\d)(?:–(\d\d))? (?:is|are) ready(?:; labs? (\d\d)(?:–(\d\d))? (?:is|are) planned)?/g;
const LAB_LINK = /\[(\d\d)\]\(\/labs\/([\w-]+)\)( \(planned\))?/g;

/** The failures of one page: an instruction per wrong or missing statement (empty when the page is right). */
function statusProblems(page: string, text: string, required: { status?: true; links?: true } = {}): string[] {
  const problems: string[] = [];
  const sentences = [...text.matchAll(STATUS)];
  if (required.status && sentences.length === 0) problems.push(`${page} no longer states the labs' status: add the sentence "${statusWords}"`);
  for (const [sentence] of sentences) if (sentence !== statusWords) problems.push(`${page}: say "${statusWords}", not "${sentence}"`);
  const links = [...text.matchAll(LAB_LINK)];
  for (const [, number, slug, planned] of links) {
    const lab = labs.find((entry) => entry.slug === slug);
    if (!lab) problems.push(`${page} links to /labs/${slug}, which the manifest does not list`);
    else if ((planned !== undefined) !== (lab.status === 'planned'))
      problems.push(`${page}: the link to lab ${number} should ${lab.status === 'planned' ? '' : 'not '}be marked (planned)`);
  }
  if (required.links) {
    for (const lab of labs.filter((entry) => !links.some(([, , slug]) => slug === entry.slug))) {
      problems.push(`${page} does not link lab ${two(lab.number)}: link it as [${two(lab.number)}](/labs/${lab.slug})`);
    }
  }
  return problems;
}

describe('lab status on the pages matches the manifest', () => {
  it.each(ALL_PAGES.map((page) => [page]))('%s', (page) => {
    const problems = statusProblems(page, readFileSync(join(root, page), 'utf8'), PAGES[page]);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('fails, with an instruction, on a page that lost what it must state or states it wrong', () => {
    expect(statusProblems('README.md', 'No status here.', { status: true })).toEqual([
      `README.md no longer states the labs' status: add the sentence "${statusWords}"`,
    ]);
    expect(statusProblems('x.md', 'Labs 00–01 are ready; labs 02–05 are planned.')).toEqual([
      `x.md: say "${statusWords}", not "Labs 00–01 are ready; labs 02–05 are planned"`,
    ]);
    const [first] = labs;
    if (!first) throw new Error('The manifest lists no lab');
    expect(statusProblems('concepts.md', `See [${two(first.number)}](/labs/${first.slug}).`, { links: true })).toHaveLength(labs.length - 1);
  });
});
