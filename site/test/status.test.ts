/**
 * No drift between the manifest's lab status and the pages that state it: the root README's and the
 * instructors' page's "Labs 00–03 are ready; labs 04–05 are planned" (or, once every lab is ready, "Labs
 * 00–05 are ready" with no planned part), and the concept map's "(planned)" marks beside lab links. When a
 * lab becomes ready in shared/workshop/src/manifest.ts, this fails until the sentences say so.
 */
import { readFileSync } from 'node:fs';
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

const PAGES = ['README.md', 'site/src/pages/instructors.md', 'site/src/pages/concepts.md', 'site/src/pages/troubleshooting.md'];

describe('lab status on the pages matches the manifest', () => {
  it.each(PAGES.map((page) => [page]))('%s', (page) => {
    const text = readFileSync(join(root, page), 'utf8');
    for (const match of text.matchAll(/Labs (\d\d)(?:–(\d\d))? (?:is|are) ready(?:; labs? (\d\d)(?:–(\d\d))? (?:is|are) planned)?/g)) {
      expect(match[0], `${page}: say "${statusWords}"`).toBe(statusWords);
    }
    for (const match of text.matchAll(/\[(\d\d)\]\(\/labs\/([\w-]+)\)( \(planned\))?/g)) {
      const lab = labs.find((entry) => entry.slug === match[2]);
      expect(lab, `${page} links to /labs/${match[2]}, which the manifest does not list`).toBeDefined();
      const marked = match[3] !== undefined;
      expect(marked, `${page}: the link to lab ${match[1]} should ${lab!.status === 'planned' ? '' : 'not '}be marked (planned)`).toBe(
        lab!.status === 'planned',
      );
    }
  });
});
