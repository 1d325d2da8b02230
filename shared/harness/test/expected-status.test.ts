/**
 * Scenarios that answer a non-2xx status on purpose (`expectStatus`, lab 04's constant-404 floor): checked in
 * define.ts; their expected answers are counted, not flagged, not warned about, "expected 404" in the table;
 * any other non-2xx answer, error or timeout still flags them. Results written before the field (lab 04's
 * committed run flags its floor) still read and print.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@hotpath/workshop/paths';
import { checkScenarios, type CheckpointSubject } from '../src/define.ts';
import { flagLine, summarise } from '../src/load-summary.ts';
import { computeRatios, type CheckpointResult } from '../src/report.ts';
import { formatTable } from '../src/table.ts';
import type { LoadRound } from '../src/load.ts';
import { round, sampleResult } from './samples.ts';
import { checkSchema } from './schema-check.ts';

const schema = JSON.parse(readFileSync(new URL('../checkpoint.schema.json', import.meta.url), 'utf8'));

const FLOOR = 'POST 1KB, constant 404 (floor)';

/** A load round whose answers have these status codes (non2xx as autocannon counts them), plus errors. */
function answered(codes: Record<string, number>, errors = 0): LoadRound {
  const r = round(30_000, 3_000, 9_000);
  const non2xx = Object.entries(codes).reduce((a, [code, n]) => a + (code.startsWith('2') ? 0 : n), 0);
  return { ...r, statusCodes: codes, non2xx, errors };
}

/** sampleResult with the floor scenario: both subjects answered only 404s (or `codes`), as declared or not. */
function withFloor(expectStatus: number | undefined, codes: Record<string, number> = { '404': 60_000 }): CheckpointResult {
  const result = sampleResult();
  const rounds = () => [answered(codes), answered(codes), answered(codes)];
  result.load!.scenarios.push({
    name: FLOOR,
    method: 'POST',
    path: '/nope',
    bodyBytes: 1024,
    expect: 'any',
    ...(expectStatus === undefined ? {} : { expectStatus }),
    results: { subject: summarise(rounds(), expectStatus), baseline: summarise(rounds(), expectStatus) },
  });
  result.ratios = computeRatios(result);
  return result;
}

const floorRows = (table: string) => {
  const lines = table.split('\n');
  const at = lines.findIndex((l) => l.startsWith(FLOOR));
  return lines.slice(at, at + 5);
};

describe('expectStatus in a summary', () => {
  it('counts the expected answers without flagging them', () => {
    const s = summarise([answered({ '404': 1000 }), answered({ '404': 500 })], 404);
    expect(s).toMatchObject({ non2xx: 1500, expectedNon2xx: 1500, flagged: false, errors: 0 });
    expect(flagLine({ name: FLOOR, expectStatus: 404 }, 'subject', s)).toBeNull();
  });

  it('still flags any other non-2xx answer, an error or a timeout, saying the expected ones apart', () => {
    const other = summarise([answered({ '404': 1000, '500': 3 })], 404);
    expect(other.flagged).toBe(true);
    expect(flagLine({ name: FLOOR, expectStatus: 404 }, 'subject', other)).toBe(
      `${FLOOR} on subject: 3 non-2xx besides the 1,000 expected 404s, 0 errors, 0 timeouts`,
    );
    expect(summarise([answered({ '404': 1000 }, 2)], 404).flagged, 'connection errors flag a floor too').toBe(true);
    expect(summarise([answered({ '200': 10, '404': 5 })], 404).flagged, '2xx answers are expected anyway').toBe(false);
  });

  it('flags every non-2xx answer of a scenario that declares none, as before', () => {
    const s = summarise([answered({ '404': 1000 })]);
    expect(s.flagged).toBe(true);
    expect(s.expectedNon2xx).toBeUndefined();
    expect(flagLine({ name: FLOOR }, 'subject', s)).toBe(`${FLOOR} on subject: 1000 non-2xx, 0 errors, 0 timeouts`);
  });
});

describe('expectStatus in the ratios and the table', () => {
  it('leaves the ratios unflagged and says "expected 404" on the rows', () => {
    const result = withFloor(404);
    expect(result.ratios.filter((r) => r.name === FLOOR).every((r) => !r.flagged)).toBe(true);
    const rows = floorRows(formatTable(result));
    expect(rows[0]).toMatch(/RPS .*\(higher is better\) expected 404$/);
    expect(
      rows.slice(1).every((l) => /\(lower is better\) expected 404$/.test(l)),
      rows.join('\n'),
    ).toBe(true);
    expect(rows.join('\n')).not.toContain('FLAGGED');
    expect(checkSchema(JSON.parse(JSON.stringify(result)), schema)).toEqual([]);
    result.load!.scenarios.at(-1)!.expectStatus = '404' as unknown as number;
    expect(checkSchema(result.load, schema.$defs.load, schema), 'the schema describes expectStatus').toEqual([
      '$.scenarios[2].expectStatus: expected integer, got string',
    ]);
  });

  it('flags the rows when other answers came back, and results written before expectStatus as they were', () => {
    expect(floorRows(formatTable(withFloor(404, { '404': 100, '503': 1 })))[0]).toMatch(/FLAGGED: non-2xx\/errors$/);
    const old = withFloor(undefined);
    expect(floorRows(formatTable(old))[0]).toMatch(/FLAGGED: non-2xx\/errors$/);
    expect(checkSchema(JSON.parse(JSON.stringify(old)), schema)).toEqual([]);
  });

  it("prints lab 04's committed results, whatever run they come from", () => {
    const committed = JSON.parse(readFileSync(join(repoRoot, 'solutions/04-pooling/results/checkpoint.json'), 'utf8')) as CheckpointResult;
    expect(formatTable(committed)).toContain(FLOOR);
  });
});

describe('checkScenarios', () => {
  const ok = { name: FLOOR, method: 'POST' as const, path: '/nope' };

  it('accepts a floor that expects 404, and scenarios without expectStatus', () => {
    expect(() =>
      checkScenarios([
        { name: 'GET /health', method: 'GET', path: '/health' },
        { ...ok, expect: 'any', expectStatus: 404 },
      ]),
    ).not.toThrow();
  });

  it('refuses an expectStatus that is not a non-2xx status, saying what to write', () => {
    expect(() => checkScenarios([{ ...ok, expectStatus: 200 }])).toThrow(
      `scenario "${FLOOR}": expectStatus must be the non-2xx HTTP status it answers on purpose, an integer from 300 to 599 (e.g. expectStatus: 404), got 200`,
    );
    expect(() => checkScenarios([{ ...ok, expectStatus: '404' as unknown as number }])).toThrow(/got "404"/);
    expect(() => checkScenarios([{ ...ok, expectStatus: 404.5 }])).toThrow(/got 404\.5/);
  });

  it('refuses two scenarios of one name, a path without its slash and an unknown expect', () => {
    expect(() => checkScenarios([ok, ok])).toThrow(`two scenarios are named "${FLOOR}"`);
    expect(() => checkScenarios([{ ...ok, path: 'nope' }])).toThrow(/path must start with '\/'/);
    expect(() => checkScenarios([{ ...ok, expect: 'all' as 'any' }])).toThrow(/expect must be '2xx' or 'any', got "all"/);
  });

  it("is how lab 04's checkpoint declares its floor", async () => {
    const { default: checkpoint } = await import(join(repoRoot, 'labs/04-pooling/checkpoint.ts'));
    const subject = { key: 'baseline', label: 'solutions/03-byte-parsing', dir: join(repoRoot, 'solutions/03-byte-parsing') } as CheckpointSubject;
    const { scenarios } = await checkpoint.define(subject);
    expect(scenarios.find((s: { name: string }) => s.name === FLOOR)).toMatchObject({ path: '/nope', expectStatus: 404 });
    expect(() => checkScenarios(scenarios)).not.toThrow();
  });
});
