/**
 * Who a run measures (package, reference, baseline) and the order they take turns in, without starting
 * anything: resolveSubjects on the fixture folders, turnOrder on plain lists.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { turnOrder } from '../src/stats.ts';
import { resolveSubjects } from '../src/subjects.ts';

const app = fileURLToPath(new URL('./fixtures/tiny-app', import.meta.url));
const reference = fileURLToPath(new URL('./fixtures/tiny-reference', import.meta.url));
const baseline = fileURLToPath(new URL('./fixtures/tiny-baseline', import.meta.url));
const noApp = fileURLToPath(new URL('./fixtures', import.meta.url));

describe('resolveSubjects', () => {
  it('puts the reference between the package and the baseline', () => {
    const r = resolveSubjects(app, baseline, reference);
    expect(r.subjects.map((s) => [s.key, s.role, s.dir])).toEqual([
      ['subject', 'subject', app],
      ['reference', 'reference', reference],
      ['baseline', 'baseline', baseline],
    ]);
    expect(r.baselineKey).toBe('baseline');
    expect(r.warnings).toEqual([]);
  });

  it('is the two-subject run when the reference is absent or is the package or the baseline folder', () => {
    const two = resolveSubjects(app, baseline);
    expect(two.subjects.map((s) => s.key)).toEqual(['subject', 'baseline']);
    expect(resolveSubjects(app, baseline, app)).toEqual(two);
    expect(resolveSubjects(app, baseline, `${baseline}/src/..`)).toEqual(two);
    const own = resolveSubjects(app, app);
    expect(own.subjects.map((s) => s.role)).toEqual(['subject+baseline']);
    expect(resolveSubjects(app, app, app)).toEqual(own);
  });

  it('measures a reference against a package that is its own baseline', () => {
    const r = resolveSubjects(app, app, reference);
    expect(r.subjects.map((s) => [s.key, s.role])).toEqual([
      ['subject', 'subject+baseline'],
      ['reference', 'reference'],
    ]);
    expect(r.baselineKey).toBe('subject');
  });

  it('leaves out a reference without an app, with a warning', () => {
    const r = resolveSubjects(app, baseline, noApp);
    expect(r.subjects.map((s) => s.key)).toEqual(['subject', 'baseline']);
    expect(r.warnings).toEqual([expect.stringContaining('No reference app in')]);
  });
});

describe('turnOrder', () => {
  it('alternates two subjects exactly as before: A B, B A, A B', () => {
    expect([0, 1, 2, 3].map((r) => turnOrder(['A', 'B'], r).join(''))).toEqual(['AB', 'BA', 'AB', 'BA']);
  });

  it('rotates three subjects so each takes every place once per three rounds', () => {
    const rounds = [0, 1, 2].map((r) => turnOrder(['A', 'B', 'C'], r));
    expect(rounds.map((o) => o.join(''))).toEqual(['ABC', 'BCA', 'CAB']);
    for (let place = 0; place < 3; place++) expect(new Set(rounds.map((o) => o[place])).size).toBe(3);
    expect(turnOrder(['A', 'B', 'C'], 3)).toEqual(['A', 'B', 'C']);
  });

  it('leaves one subject alone and does not change its input', () => {
    const input = ['A', 'B', 'C'] as const;
    expect(turnOrder(['A'], 5)).toEqual(['A']);
    turnOrder(input, 1);
    expect(input).toEqual(['A', 'B', 'C']);
  });
});
