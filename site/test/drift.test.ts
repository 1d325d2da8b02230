/**
 * No drift between the lab READMEs and the lab pages: each built lab page holds the text of its README —
 * every heading and the start of every paragraph, as plain text — because the page is rendered from the
 * README itself (site/ keeps no copy).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { labs } from '../../shared/kit/src/manifest.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const build = join(root, 'site', 'build');

/** Markdown → the plain text a reader sees, roughly: code spans keep their text, links their label. */
const plain = (md: string) =>
  md
    .replace(/`([^`]*)`/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_]{1,2}([^*_]+)[*_]{1,2}/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const htmlText = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u200b/g, '');
/** Spacing differs between markdown and HTML around inline code and links: compare without whitespace. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('lab pages are their READMEs', () => {
  it.each(labs.map((lab) => [lab.slug]))('%s', (slug) => {
    const page = join(build, 'labs', `${slug}.html`);
    expect(existsSync(page), `the site build has a page for labs/${slug}`).toBe(true);
    const text = squeeze(htmlText(readFileSync(page, 'utf8')));
    const readme = readFileSync(join(root, 'labs', slug, 'README.md'), 'utf8').replace(/```[\s\S]*?```/g, '');
    const blocks = readme
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .filter((block) => block && !block.startsWith('|') && !block.startsWith('<'));
    for (const block of blocks) {
      const start = plain(block.replace(/^#+\s*|^>\s*|^[-*]\s+|^\d+\.\s+/gm, '')).slice(0, 60);
      if (start.length > 10) expect(text.includes(squeeze(start)), `labs/${slug}: the page shows "${start}…"`).toBe(true);
    }
  });
});
