/**
 * No drift between the lab READMEs and the lab pages: every piece of text in a README — each heading,
 * paragraph, list item, table cell and code block, as mdast reads it — appears on the built page, in order
 * of the README, inside the page's article. The page is rendered from the README itself (site/ keeps no
 * copy), so this holds by construction; the test makes sure a plugin or theme change cannot silently drop
 * or reword part of it. An excerpt is a code block like any other (its text is the README's; the kit's
 * test/readme-surface.test.ts keeps it equal to the lines it names), so it must show too; on the page it
 * is followed by a link to its whole file's /source/ page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { labs } from '@hotpath/workshop/manifest';
import { excerptAttribute, fencedBlocks, parseExcerpt } from '@hotpath/kit/readme-excerpts';
import { sourceRoute } from '../plugins/repo-links.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const build = join(root, 'site', 'build');

const ENTITIES: Record<string, string> = { '&#x27;': "'", '&#39;': "'", '&quot;': '"', '&lt;': '<', '&gt;': '>', '&amp;': '&', '&nbsp;': ' ' };

/** The text of the page's <article>: tags dropped, entities decoded. */
function articleText(html: string): string {
  const article = /<article[\s\S]*?<\/article>/.exec(html)?.[0] ?? '';
  return article
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;|&quot;|&lt;|&gt;|&amp;|&nbsp;/g, (entity) => ENTITIES[entity]!)
    .replace(/\u200b/g, '');
}

/** Spacing differs between markdown and HTML (around inline code, in tables): compare without whitespace. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

interface Node {
  type: string;
  children?: Node[];
}

/** The smallest blocks of the README whose text must show: headings, paragraphs, table cells, code. */
function blocks(node: Node, out: Node[] = []): Node[] {
  if (['heading', 'paragraph', 'tableCell', 'code'].includes(node.type)) out.push(node);
  else node.children?.forEach((child) => blocks(child, out));
  return out;
}

describe('lab pages are their READMEs', () => {
  it.each(labs.map((lab) => [lab.slug]))('%s', (slug) => {
    const page = join(build, 'labs', `${slug}.html`);
    expect(existsSync(page), `the site build has a page for labs/${slug}`).toBe(true);
    const text = squeeze(articleText(readFileSync(page, 'utf8')));
    const tree = fromMarkdown(readFileSync(join(root, 'labs', slug, 'README.md'), 'utf8'), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    let from = 0;
    for (const block of blocks(tree as Node)) {
      const wanted = squeeze(toString(block as Parameters<typeof toString>[0]));
      if (wanted === '') continue;
      const at = text.indexOf(wanted, from);
      expect(
        at,
        `labs/${slug}: the page shows "${toString(block as Parameters<typeof toString>[0]).slice(0, 80)}" in the README's order`,
      ).toBeGreaterThanOrEqual(0);
      from = at + wanted.length;
    }
  });
});

describe('excerpts link to their whole file', () => {
  it.each(labs.map((lab) => [lab.slug]))('%s', (slug) => {
    const html = readFileSync(join(build, 'labs', `${slug}.html`), 'utf8');
    for (const block of fencedBlocks(readFileSync(join(root, 'labs', slug, 'README.md'), 'utf8'))) {
      const spec = excerptAttribute(block.info);
      const excerpt = spec === undefined ? undefined : parseExcerpt(spec);
      if (excerpt === undefined) continue;
      if (typeof excerpt === 'string') expect.fail(`labs/${slug}/README.md line ${block.line}: ${excerpt}`);
      // The build's HTML is minified: attribute values may be unquoted.
      // The link may name the quoted lines (`#L28-L34`).
      const link = new RegExp(`href="?${sourceRoute(excerpt.path).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(#L\\d+(-L\\d+)?)?[" >]`);
      expect(link.test(html), `labs/${slug}: the excerpt on README line ${block.line} is followed by a link to ${sourceRoute(excerpt.path)}`).toBe(true);
    }
  });
});
