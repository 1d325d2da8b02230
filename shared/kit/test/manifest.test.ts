/**
 * The manifest is the one place for lab order, hints and targets: every lab folder exists, ready labs have
 * hints the CLI can show and READMEs that point at them instead of copying them, and every target names a
 * figure the checkpoint really measures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultScenarios } from '../../harness/src/scenarios.ts';
import { labs } from '../src/manifest.ts';
import { repoRoot } from '../src/paths.ts';

const pad = (n: number) => String(n).padStart(2, '0');

describe('the lab manifest', () => {
  it('numbers the labs 00, 01, … in order, each with a lab and a solution folder', () => {
    expect(labs.map((lab) => lab.number)).toEqual(labs.map((_, i) => i));
    for (const lab of labs) {
      expect(lab.slug.startsWith(pad(lab.number))).toBe(true);
      expect(existsSync(join(repoRoot, 'labs', lab.slug, 'src')), `labs/${lab.slug}/src`).toBe(true);
      expect(existsSync(join(repoRoot, 'solutions', lab.slug, 'src')), `solutions/${lab.slug}/src`).toBe(true);
    }
  });

  it.each(labs.filter((lab) => lab.status === 'ready').map((lab) => [lab.slug, lab] as const))('%s: at least 3 hints, and a README that points at them', (slug, lab) => {
    expect(lab.hints.length).toBeGreaterThanOrEqual(3);
    for (const hint of lab.hints) expect(hint.title.length * hint.body.length).toBeGreaterThan(0);
    const readme = readFileSync(join(repoRoot, 'labs', slug, 'README.md'), 'utf8');
    expect(readme, 'point at pnpm lab hint instead of copying the hints').toContain(`pnpm lab hint ${pad(lab.number)}`);
    expect(readme, 'hints live in the manifest only').not.toMatch(/<summary>\s*Hint/i);
  });

  it('every target names a figure the checkpoint measures, with one bound', async () => {
    const scenarios = new Set([...(await defaultScenarios()).map((s) => s.name), 'startup']);
    for (const lab of labs) {
      for (const target of lab.targets) {
        expect(scenarios.has(target.scenario), `${lab.slug}: ${target.label}`).toBe(true);
        expect((target.atLeast === undefined) !== (target.atMost === undefined), `${lab.slug}: ${target.label}`).toBe(true);
      }
    }
  });
});
