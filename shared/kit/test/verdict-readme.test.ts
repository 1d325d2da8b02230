/**
 * Every lab README says each of its lab's checkpoint targets in the manifest's words (verdict.ts
 * `targetLabel`: "≥ 3× faster than JSON.stringify serializing one Todo"), so the page, `pnpm lab bench` and the
 * site never word a target two ways — or one of them against its direction ("≥ 3× JSON.stringify's speed").
 * Emphasis, code spans and line breaks do not count. The last test plants a reworded target.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineTarget, labs, type CheckpointTarget } from '@hotpath/workshop/manifest';
import { repoRoot } from '@hotpath/workshop/paths';

/** A README's text as a reader reads it: no emphasis or code marks, one space between words. */
const plain = (markdown: string) => markdown.replace(/\*\*|`/g, '').replace(/\s+/g, ' ');

/** The problems of a README against its lab's targets: one per target it does not say in the manifest's words. */
function targetProblems(readme: string, targets: readonly CheckpointTarget[], where: string): string[] {
  const text = plain(readme);
  return targets
    .filter((target) => !text.includes(target.label))
    .map((target) => `${where} must say the target "${target.label}" in these words (its list of targets, where the runtime it is for is named)`);
}

describe("lab READMEs say their targets in the manifest's words", () => {
  it.each(labs.filter((lab) => lab.targets.length > 0).map((lab) => lab.slug))('%s', (slug) => {
    const where = `labs/${slug}/README.md`;
    const problems = targetProblems(readFileSync(join(repoRoot, where), 'utf8'), labs.find((lab) => lab.slug === slug)!.targets, where);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('the README check catches a target in other words (planted)', () => {
  const targets = [
    defineTarget({ scenario: 'one Todo → JSON text', metric: 'nsPerOp', atMost: 1 / 3, than: 'JSON.stringify', on: 'serializing one Todo' }),
    defineTarget({ scenario: 'GET /todos', metric: 'rps', atLeast: 5, than: 'lab 00', on: 'on GET /todos' }),
  ];
  const good = "**Targets:**\n\n- **≥ 3× faster than `JSON.stringify` serializing\n  one Todo**;\n- ≥ 5× lab 00's requests/s on GET /todos.\n";

  it('passes a README that says each target in its words, across emphasis, code and line breaks', () => {
    expect(targetProblems(good, targets, 'README.md')).toEqual([]);
  });

  it('reports a target said the old way, against its direction', () => {
    const reworded = good.replace('≥ 3× faster than `JSON.stringify` serializing\n  one Todo', "≥ 3× JSON.stringify's speed serializing one Todo");
    expect(targetProblems(reworded, targets, 'README.md')).toEqual([
      'README.md must say the target "≥ 3× faster than JSON.stringify serializing one Todo" in these words (its list of targets, where the runtime it is for is named)',
    ]);
  });
});
