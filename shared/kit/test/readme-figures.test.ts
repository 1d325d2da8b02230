/**
 * Figures of record (issue 16, deliverable 8): every figure a lab README quotes from a run is declared in
 * test/figures/NN-slug.ts as the formatted value of a committed results file, and the README says exactly
 * that — so a re-committed run, or a hand-edited number, fails here with the row or sentence to write. Lab
 * 00's figures come from one run of record (lab 01's committed checkpoint) wherever they are quoted. Table
 * rows of figures in a README's Checkpoint sections must all be declared. The last test plants a drifted
 * figure to show the check failing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labs } from '../src/manifest.ts';
import { repoRoot } from '../src/paths.ts';
import { figureProblems, k, lab00, LAB00_RUN, row, text, type LabFigures } from './figures/figures.ts';

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

describe('the figures check catches a drifted figure (planted)', () => {
  const rps = k(lab00().load('POST /ingest/v1 1KB', 'rps', 'baseline'));
  const figures: LabFigures = { sources: [LAB00_RUN], quotes: [row('POST requests/s', rps), text`about ${rps} POST/s`] };
  const good = `# Lab\n\nLab 00 served about ${rps} POST/s in the reference's committed checkpoint.\n\n## Checkpoint\n\n| | lab 00 |\n|---|---|\n| POST requests/s | ${rps} |\n\n## Done when\n`;

  it('passes the README that says the committed figures', () => {
    expect(figureProblems(good, figures)).toEqual([]);
  });

  it('reports a hand-typed figure in a row, in prose, an undeclared row and an unnamed run', () => {
    const drifted = good.replace(`| ${rps} |`, '| 2.9k |').replace(`about ${rps} POST/s`, 'about 2.9k POST/s').replace("reference's committed checkpoint", 'reference run');
    const problems = figureProblems(`${drifted}\n`.replace('## Done when', '| GC | 12 |\n\n## Done when'), figures);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain(`must read | POST requests/s | ${rps} |`);
    expect(problems[1]).toContain(`must say "about ${rps} POST/s"`);
    expect(problems[2]).toContain('quotes figures no figures file declares: add row("GC", …)');
    expect(problems[3]).toContain('"committed checkpoint"');
  });
});
