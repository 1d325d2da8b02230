/**
 * Figures of record (issue 16, deliverable 8): every figure a lab README quotes from a run is declared in
 * test/figures/NN-slug.ts as the formatted value of a committed results file, and the README says exactly
 * that — so a re-committed run, or a hand-edited number, fails here with the row or sentence to write. Lab
 * 00's figures come from one run of record (lab 01's committed checkpoint) wherever they are quoted. Table
 * rows of figures in a README's Checkpoint sections must all be declared. Memory is KiB/MiB everywhere: the
 * formatters write it so, and no declared figure says a decimal "KB"/"MB" (decimalMemory). The last tests
 * plant a drifted figure and a decimal memory figure to show the checks failing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labs } from '@hotpath/workshop/manifest';
import { repoRoot } from '@hotpath/workshop/paths';
import { formatBytes } from '@hotpath/harness';
import sitePages from './figures/site-pages.ts';
import { bytes, decimalMemory, figureProblems, k, kib1, lab00, LAB00_RUN, mib, mib1, row, text, type LabFigures } from './figures/figures.ts';

async function figuresOf(slug: string): Promise<LabFigures | undefined> {
  const file = join(repoRoot, 'shared', 'kit', 'test', 'figures', `${slug}.ts`);
  return existsSync(file) ? ((await import(file)) as { default: LabFigures }).default : undefined;
}

describe('README figures are the committed runs', () => {
  it.each(labs.map((lab) => lab.slug))('%s', async (slug) => {
    const where = `labs/${slug}/README.md`;
    const problems = figureProblems(readFileSync(join(repoRoot, 'labs', slug, 'README.md'), 'utf8'), await figuresOf(slug), where);
    expect(problems, problems.length ? `${where}:\n  - ${problems.join('\n  - ')}` : '').toEqual([]);
  });

  it("quotes lab 00's figures from its run of record wherever a README quotes them as lab 00's", async () => {
    for (const slug of ['00-baseline', '01-slim-builder']) {
      const figures = await figuresOf(slug);
      expect(figures?.sources ?? [], `shared/kit/test/figures/${slug}.ts must quote lab 00 from ${LAB00_RUN}`).toContain(LAB00_RUN);
    }
  });
});

describe('figures quoted outside the lab READMEs are the committed runs', () => {
  it.each(Object.keys(sitePages))('%s', (page) => {
    const problems = figureProblems(readFileSync(join(repoRoot, page), 'utf8'), sitePages[page as keyof typeof sitePages], page);
    expect(problems, `${page} (its figures: shared/kit/test/figures/site-pages.ts):\n  - ${problems.join('\n  - ')}`).toEqual([]);
  });
});

describe('memory is written in binary units, labelled KiB and MiB', () => {
  const sizes = [0, 336, 1023, 1024, 9_500, 51_478_528, 99_224_704, 2 ** 30];

  it('in every formatter of a memory figure: the harness table and the README figures', () => {
    for (const [name, format] of [
      ['formatBytes (shared/harness/src/table.ts)', formatBytes],
      ['bytes', bytes],
      ['mib', mib],
      ['mib1', mib1],
      ['kib1', kib1],
    ] as const) {
      const written = sizes.map((n) => format(n));
      expect(decimalMemory(written.join(', ')), `${name} writes memory as KiB/MiB (1024-based, labelled so), not ${written.join(', ')}`).toEqual([]);
    }
    expect([formatBytes(9_500), bytes(9_500), bytes(51_478_528), mib1(51_478_528), kib1(174_863)]).toEqual([
      '9.28 KiB',
      '9.28 KiB',
      '49.1 MiB',
      '49.1 MiB',
      '170.8 KiB',
    ]);
  });

  it.each([...labs.map((lab) => lab.slug), 'site-pages'])("in %s's declared figures", async (slug) => {
    const figures = slug === 'site-pages' ? Object.values(sitePages) : [await figuresOf(slug)];
    const quoted = figures.flatMap((f) => f?.quotes ?? []).map((q) => (q.kind === 'text' ? q.text : [q.label, ...q.cells].join(' | ')));
    const decimal = quoted.filter((q) => decimalMemory(q).length > 0);
    expect(
      decimal,
      `shared/kit/test/figures/${slug}.ts declares memory in decimal units: format it with bytes()/mib1()/kib1() (KiB, MiB):\n  - ${decimal.join('\n  - ')}`,
    ).toEqual([]);
  });

  it('finds a decimal memory figure, and leaves rates, keys and body sizes alone (planted)', () => {
    expect(decimalMemory('peak RSS 51.5 MB, 468.4 kB per request, 15.0 KB, three ~100 MB binaries')).toEqual(['51.5 MB', '468.4 kB', '15.0 KB', '100 MB']);
    expect(decimalMemory('412 MB/s of input, POST /ingest/v1 64KB, a 1 KB body, the 64 KB body, 49.1 MiB, 16 KiB')).toEqual([]);
  });
});

describe('the figures check catches a drifted figure (planted)', () => {
  const rps = k(lab00().load('POST /ingest/v1 1KB', 'rps', 'baseline'));
  const figures: LabFigures = { sources: [LAB00_RUN], quotes: [row('POST requests/s', rps), text`about ${rps} POST/s`] };
  const good = `# Lab\n\nLab 00 served about ${rps} POST/s in the reference's committed checkpoint.\n\n## Checkpoint\n\n| | lab 00 |\n|---|---|\n| POST requests/s | ${rps} |\n\n## Done when\n`;

  it('passes the README that says the committed figures', () => {
    expect(figureProblems(good, figures)).toEqual([]);
  });

  it('reports a hand-typed figure in a row, in prose, an undeclared row and an unnamed run', () => {
    const drifted = good
      .replace(`| ${rps} |`, '| 2.9k |')
      .replace(`about ${rps} POST/s`, 'about 2.9k POST/s')
      .replace("reference's committed checkpoint", 'reference run');
    const problems = figureProblems(`${drifted}\n`.replace('## Done when', '| GC | 12 |\n\n## Done when'), figures);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain(`must read | POST requests/s | ${rps} |`);
    expect(problems[1]).toContain(`must say "about ${rps} POST/s"`);
    expect(problems[2]).toContain('quotes figures no figures file declares: add row("GC", …)');
    expect(problems[3]).toContain('"committed checkpoint"');
  });
});
