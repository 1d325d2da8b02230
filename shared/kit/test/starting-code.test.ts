/**
 * The proof that every lab's tests can fail: each ready lab's pristine starting code (as committed) must
 * fail its own core tests — every core test file (test/*.test.ts) except contract.test.ts has at least one
 * failing test, and none fails to load — while the contract tests, which the starting code already
 * satisfies, all pass. Going-further files (test/going-further/) are optional work: they only have to load.
 * The reference solutions pass the same tests in their own `pnpm test`; here the same runner is also pointed
 * at each solution and must find no failure in any file, core or going further, so a runner that reported
 * failures for everything could not make the proof pass.
 */
import { describe, expect, it } from 'vitest';
import { labs } from '@hotpath/workshop/manifest';
import { pristineCopy } from '../src/pristine.ts';
import { solutionDir } from '@hotpath/workshop/paths';
import { runLabTests } from '../src/run-lab-tests.ts';
import { join } from 'node:path';

const ready = labs.filter((lab) => lab.status === 'ready');

describe('starting code fails its own core tests, and only those', () => {
  it.each(ready.map((lab) => [lab.slug]))('%s', (slug) => {
    const copy = pristineCopy(slug);
    const outcomes = runLabTests(slug, copy.src);
    const where = `labs/${slug} starting code (from ${copy.from})`;

    const contract = outcomes.find((outcome) => outcome.part === 'core' && outcome.file === 'contract.test.ts');
    expect(contract, `${where}: every lab needs test/contract.test.ts running the shared contract`).toBeDefined();
    expect(contract!.failures, `${where}: the contract tests must pass on the starting code`).toEqual([]);
    expect(contract!.passed).toBeGreaterThan(0);

    const core = outcomes.filter((outcome) => outcome.part === 'core' && outcome !== contract);
    expect(core.length, `${where}: a ready lab needs core tests of its own beside the contract`).toBeGreaterThan(0);
    for (const outcome of core) {
      expect(outcome.loadError, `${where}: test/${outcome.file} must load and fail on assertions, not on an import`).toBeUndefined();
      expect(outcome.failed, `${where}: test/${outcome.file} passes on the starting code, so it proves nothing`).toBeGreaterThan(0);
    }
    for (const outcome of outcomes.filter((o) => o.part === 'further')) {
      expect(outcome.loadError, `${where}: test/${outcome.file} (going further) must load on the starting code`).toBeUndefined();
    }
  });
});

describe('the proof is not vacuous', () => {
  it.each(ready.map((lab) => [lab.slug]))('%s: the same runner finds no failure in the reference solution, core or going further', (slug) => {
    const outcomes = runLabTests(slug, join(solutionDir(slug), 'src'));
    expect(outcomes.filter((outcome) => outcome.part === 'core').length).toBeGreaterThan(1);
    for (const outcome of outcomes) {
      expect(outcome.loadError, `solutions/${slug}: test/${outcome.file} failed to load`).toBeUndefined();
      expect(outcome.failures, `solutions/${slug}: test/${outcome.file}`).toEqual([]);
    }
  });
});
