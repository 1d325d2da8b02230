/**
 * Step 3, once both emitters work — the generated files are the generator's output, and nothing else.
 * Rendering src/generated/ again (in memory) must give exactly the files on disk, twice in a row the same;
 * each file says it is generated and must not be edited; none uses `new Function` or `eval` — the code is
 * plain source, written before the server starts.
 */
import { readFileSync } from 'node:fs';
import { renderFiles, staleFiles } from '@hotpath/codegen';
import { labSourcePath } from '@hotpath/workshop/paths';
import { describe, expect, it } from 'vitest';
import { loadEmitters, once } from './support/generated.ts';

const rendered = once(async () => renderFiles(await loadEmitters()));

describe('src/generated/', () => {
  it('is exactly what `pnpm generate` writes', async () => {
    const files = await rendered();
    const stale = staleFiles(labSourcePath(''), files);
    expect(
      stale,
      `Run \`pnpm generate\`: ${stale.map((f) => `src/generated/${f}`).join(', ')} differ from the generator's output (never edit generated files by hand)`,
    ).toEqual([]);
  });

  it('is the same every time it is generated', async () => {
    const files = await rendered();
    const again = renderFiles(await loadEmitters());
    expect(again, 'Generate deterministically: no timestamps, no random names, no iteration over unordered state').toEqual(files);
  });

  it('says it is generated, in every file', async () => {
    const files = await rendered();
    for (const name of Object.keys(files)) {
      const text = readFileSync(labSourcePath(`generated/${name}`), 'utf8');
      expect(text.slice(0, 400), `src/generated/${name} must start with the do-not-edit header`).toMatch(/GENERATED[\s\S]*Do not edit/);
    }
  });

  it('is plain source: no new Function, no eval', async () => {
    const files = await rendered();
    for (const [name, text] of Object.entries(files)) {
      expect(text, `src/generated/${name} builds code at run time: emit the code itself`).not.toMatch(/\bnew Function\b|\beval\s*\(/);
    }
  });
});
