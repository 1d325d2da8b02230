/**
 * What a checkout sends the room, checked against the room's own schema (@hotpath/room/protocol): the bench
 * report of the reference's committed lab 02 run judged as `pnpm lab bench` judges it (each target's words,
 * state, figure and a score above 1 exactly when met), and the test report of a failing run (counts, the
 * distinct failing messages, cut to the limits; nothing else).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIMITS, problemWith, Report } from '@hotpath/room/protocol';
import { findLab } from '@hotpath/workshop/manifest';
import { repoRoot } from '@hotpath/workshop/paths';
import { describe, expect, it } from 'vitest';
import { benchReportOf, testReportOf } from '../src/cli/room.ts';
import { judgeRun, type JudgedRunLike } from '../src/verdict.ts';

describe('the reports a checkout sends the room', () => {
  it('a bench report: every judged target, its state, figure and score (above 1 exactly when met)', () => {
    const lab = findLab('02')!;
    const result = JSON.parse(readFileSync(join(repoRoot, 'solutions', lab.slug, 'results', 'checkpoint.json'), 'utf8')) as JudgedRunLike & {
      createdAt: string;
    };
    const verdicts = judgeRun(lab.targets, result, { reference: null });
    const report = benchReportOf(lab, result.createdAt, 'full', 'Node 20.20.2', false, verdicts);
    expect(problemWith(Report, report)).toBeNull();
    expect(report.verdicts.map((v) => v.target)).toEqual(verdicts.map((v) => v.words));
    for (const v of report.verdicts) expect(v.score! > 1 || v.score === 1, `${v.target}: ${v.figure}, ${v.state}`).toBe(v.state === 'met');
  });

  it('a test report: counts, the distinct failing messages cut to the limit, the typecheck', () => {
    const lab = findLab('01')!;
    const long = `Return 400 when the body is not JSON ${'x'.repeat(400)}`;
    const failures = (message: string, n: number) => Array.from({ length: n }, (_, i) => ({ test: `t${i}`, message }));
    const report = testReportOf(
      lab,
      [
        {
          file: 'routes.test.ts',
          part: 'core',
          passed: 3,
          failed: 3,
          failures: [...failures(long, 2), ...failures('Answer 413 when the body is over 1 MiB\n  at line 3', 1)],
        },
        { file: 'going-further/x.test.ts', part: 'further', passed: 0, failed: 1, failures: failures('Stretch', 1) },
        { file: 'reader.test.ts', part: 'core', passed: 0, failed: 0, loadError: 'Expected ";" but found "secretName" at src/reader.ts:3:5', failures: [] },
      ],
      { errors: [] },
      { passed: 3, failed: 3, loadErrors: 0, further: { passed: 0, failed: 1, loadErrors: 0 }, typeErrors: 0, at: '2026-12-07T10:00:00.000Z' },
    );
    expect(problemWith(Report, report)).toBeNull();
    expect(report).toMatchObject({ core: { passed: 3, failed: 3 }, further: { passed: 0, failed: 1 }, typecheck: 'ok' });
    expect(report.failing).toEqual([
      `${long.slice(0, LIMITS.message - 1)}…`,
      'Answer 413 when the body is over 1 MiB',
      'Stretch',
      'reader.test.ts did not load: a syntax or import error in src/',
    ]);
    expect(JSON.stringify(report), 'a load error is named, not quoted').not.toContain('secretName');
  });
});
