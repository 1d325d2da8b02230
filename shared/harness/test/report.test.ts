/**
 * Ratios, the printed table, the result schema and the command-line flags of the harness, for two subjects
 * (package and baseline) and for three (with the reference solution).
 */
import { readFileSync } from 'node:fs';
import { assert, describe, expect, it } from 'vitest';
import { parseArgs } from '../src/checkpoint.ts';
import { computeRatios } from '../src/report.ts';
import { formatBytes, formatCount, formatTable, formatUs } from '../src/table.ts';
import { sampleResult, sampleWithReference, withArrayBuffers, noteColumns } from './samples.ts';
import { checkSchema } from './schema-check.ts';

const schema = JSON.parse(readFileSync(new URL('../checkpoint.schema.json', import.meta.url), 'utf8'));

describe('ratios', () => {
  it('divides each subject figure by the baseline figure of the same run', () => {
    const ratios = computeRatios(sampleResult());
    const get = (name: string, metric: string) => ratios.find((r) => r.name === name && r.metric === metric)!;
    expect(get('GET /health', 'rps').ratio).toBeCloseTo(2);
    expect(get('GET /health', 'p99').ratio).toBeCloseTo(0.5);
    expect(get('GET /health', 'heapBytesPerRequest').ratio).toBeCloseTo(0.5);
    expect(get('startup', 'startupMs').ratio).toBeCloseTo(0.5);
    expect(get('startup', 'peakRss').ratio).toBeCloseTo(80 / 96);
    expect(get('parse 1 KB', 'nsPerOp').ratio).toBeCloseTo(1700 / 3500);
    // 0 B against 1,800 B is a ratio of 0; a 0 baseline would give null, never Infinity.
    expect(get('parse 1 KB', 'bytesPerOp').ratio).toBe(0);
    expect(ratios.every((r) => r.subjectKey === 'subject')).toBe(true);
  });

  it('flags figures from a scenario with non-2xx answers', () => {
    const ratios = computeRatios(sampleResult()).filter((r) => r.name === 'POST /ingest/v1 1KB');
    expect(ratios.every((r) => r.flagged)).toBe(true);
  });

  it('divides the reference figures by the same baseline figures, with subjectKey reference', () => {
    const ratios = computeRatios(sampleWithReference());
    const get = (key: string, name: string, metric: string) => ratios.find((r) => r.subjectKey === key && r.name === name && r.metric === metric);
    // The package's ratios are exactly the two-subject ones, and come first.
    const own = computeRatios(sampleResult());
    expect(ratios.slice(0, own.length)).toEqual(own);
    expect(new Set(ratios.map((r) => r.subjectKey))).toEqual(new Set(['subject', 'reference']));
    expect(get('reference', 'GET /health', 'rps')!.ratio).toBeCloseTo(80 / 35);
    expect(get('reference', 'GET /health', 'rps')!.baseline).toBe(35_000);
    expect(get('reference', 'GET /health', 'p99')!.ratio).toBeCloseTo(0.25);
    expect(get('reference', 'startup', 'startupMs')!.ratio).toBeCloseTo(0.25);
    expect(get('reference', 'parse 1 KB', 'nsPerOp')!.ratio).toBeCloseTo(0.2);
    expect(get('reference', 'scan 1 KB', 'nsPerOp')!.ratio).toBeCloseTo(0.25);
    expect(get('subject', 'scan 1 KB', 'nsPerOp')).toBeUndefined();
    // The baseline's flag reaches the reference's figures of that scenario too.
    expect(ratios.filter((r) => r.name === 'POST /ingest/v1 1KB').every((r) => r.flagged)).toBe(true);
    // Nothing against the baseline itself.
    expect(ratios.some((r) => r.subjectKey === 'baseline')).toBe(false);
  });

  it('gives the package and the reference the same rows when only one of them has an ArrayBuffer sample', () => {
    // The package's GET /health sample was lost (no app figure), the baseline had none at all: the
    // reference's app figure must not give it rows the package lacks.
    const result = withArrayBuffers(sampleWithReference(), {
      'GET /health': { subject: null, reference: 0, baseline: null },
      'POST /ingest/v1 1KB': { subject: 1024, reference: 0, baseline: null },
    });
    const rows = (key: string) => result.ratios.filter((r) => r.subjectKey === key && r.section === 'load').map((r) => `${r.name} ${r.metric}`);
    expect(rows('reference')).toEqual(rows('subject'));
    const app = result.ratios.find((r) => r.subjectKey === 'subject' && r.name === 'POST /ingest/v1 1KB' && r.metric === 'appArrayBufferBytesPerRequest')!;
    expect([app.subject, app.ratio]).toEqual([null, null]);
  });

  it('keeps the package against itself when it is its own baseline and a reference is measured', () => {
    const result = sampleWithReference();
    const [subject, reference] = result.subjects;
    assert(subject && reference, 'sampleWithReference lists the subject then the reference');
    result.subjects = [{ ...subject, role: 'subject+baseline' }, reference];
    result.baselineKey = 'subject';
    const ratios = computeRatios(result);
    const health = (key: string) => ratios.find((r) => r.subjectKey === key && r.name === 'GET /health' && r.metric === 'rps')!;
    expect(health('subject').ratio).toBe(1);
    expect(health('reference').ratio).toBeCloseTo(80 / 70);
  });

  it('gives 1.00 everywhere when the package is its own baseline', () => {
    const result = sampleResult();
    const [subject] = result.subjects;
    assert(subject, 'sampleResult lists the subject first');
    result.subjects = [{ ...subject, role: 'subject+baseline' }];
    result.baselineKey = 'subject';
    const ratios = computeRatios(result);
    expect(ratios.length).toBeGreaterThan(0);
    for (const r of ratios) if (r.ratio !== null) expect(r.ratio).toBe(1);
  });
});

describe('table', () => {
  it('prints each figure, the baseline figure and the ratio', () => {
    const table = formatTable(sampleResult());
    expect(table).toContain('solutions/03-byte-parsing vs solutions/00-baseline');
    expect(table).toMatch(/GET \/health\s+RPS\s+70\.0k\s+35\.0k\s+2\.00×/);
    expect(table).toMatch(/p99\s+2\.00 ms\s+4\.00 ms\s+0\.50×/);
    expect(table).toMatch(/first 200\s+200\.0 ms\s+400\.0 ms\s+0\.50×/);
    expect(table).toContain('FLAGGED');
    expect(table).toContain('server on CPU 0, load on CPU 1');
  });

  it('adds the reference and ref ratio columns when a reference was measured', () => {
    const table = formatTable(sampleWithReference());
    const lines = table.split('\n');
    expect(lines[0]).toContain('labs/03-byte-parsing and reference solutions/03-byte-parsing vs solutions/00-baseline');
    expect(lines[1]).toMatch(/^\s+figure\s+this\s+reference\s+baseline\s+ratio\s+ref ratio$/);
    // this | reference | baseline | ratio (this/baseline) | ref ratio (reference/baseline)
    expect(table).toMatch(/GET \/health\s+RPS\s+70\.0k\s+80\.0k\s+35\.0k\s+2\.00×\s+2\.29×\s+\(higher is better\)/);
    expect(table).toMatch(/p99\s+2\.00 ms\s+1\.00 ms\s+4\.00 ms\s+0\.50×\s+0\.25×/);
    expect(table).toMatch(/first 200\s+200\.0 ms\s+100\.0 ms\s+400\.0 ms\s+0\.50×\s+0\.25×/);
    expect(table).toMatch(/micro: parse 1 KB\s+time\/op\s+1\.70 µs\s+700\.0 ns\s+3\.50 µs\s+0\.49×\s+0\.20×/);
    // A figure only the reference has: dashes for the package, right after the reference's previous figure.
    expect(table).toMatch(/micro: scan 1 KB\s+time\/op\s+–\s+100\.0 ns\s+400\.0 ns\s+–\s+0\.25×/);
    expect(lines.findIndex((l) => l.includes('scan 1 KB'))).toBeGreaterThan(lines.findIndex((l) => l.includes('parse 1 KB')));
    // Each figure once: the reference's figures share the package's rows.
    expect(lines.filter((l) => /\bRPS\b/.test(l))).toHaveLength(2);
    expect(table).toContain("Reference's own heap per request (minus GET /health): POST /ingest/v1 1KB 1000 B");
    // Numbers are right-aligned: every ratio of the table ends in the same column.
    expect(noteColumns(lines), 'numbers right-aligned: every "(… is better)" note starts in one column').toHaveLength(1);
  });

  it('prints the same table as before when no reference was measured', () => {
    const table = formatTable(sampleResult());
    expect(table.split('\n')[1]).toMatch(/^\s+figure\s+this\s+baseline\s+ratio$/);
    expect(table).not.toContain('reference');
    expect(table).not.toContain('ref ratio');
  });

  it('formats counts, bytes and microseconds', () => {
    expect(formatCount(73_456)).toBe('73.5k');
    expect(formatCount(950)).toBe('950');
    expect(formatBytes(40)).toBe('40.0 B');
    expect(formatBytes(9_500)).toBe('9.28 KiB');
    expect(formatBytes(96 * 1024 * 1024)).toBe('96.0 MiB');
    expect(formatUs(523.4)).toBe('523 µs');
    expect(formatUs(4_125)).toBe('4.13 ms');
  });
});

describe('result schema', () => {
  it('accepts a complete result', () => {
    expect(checkSchema(sampleResult(), schema)).toEqual([]);
  });

  it('accepts a three-subject result with the reference', () => {
    expect(checkSchema(JSON.parse(JSON.stringify(sampleWithReference())), schema)).toEqual([]);
  });

  it('rejects a result with a missing or mistyped field', () => {
    const broken = sampleResult() as unknown as Record<string, unknown>;
    delete broken.fingerprint;
    broken.schemaVersion = 2;
    const problems = checkSchema(broken, schema);
    expect(problems).toEqual(expect.arrayContaining(['$: missing fingerprint', '$.schemaVersion: expected 1']));
  });
});

describe('command line', () => {
  it('parses the flags', () => {
    const parsed = parseArgs(['--quick', '--only', 'load,startup', '--json', 'out.json', '--no-pin', '--rounds', '2'], '/tmp');
    expect(parsed).toEqual({
      options: { dir: '/tmp', quick: true, only: ['load', 'startup'], json: '/tmp/out.json', pin: false, rounds: 2 },
    });
    expect(parseArgs(['--reference', '../../solutions/03-byte-parsing', '--baseline', 'b'], '/repo/labs/03-byte-parsing')).toEqual({
      options: {
        dir: '/repo/labs/03-byte-parsing',
        quick: false,
        referenceDir: '/repo/solutions/03-byte-parsing',
        baselineDir: '/repo/labs/03-byte-parsing/b',
      },
    });
    expect(parseArgs(['--reference'])).toHaveProperty('error');
    expect(parseArgs(['--help'])).toEqual({ help: true });
    expect(parseArgs(['--only', 'speed'])).toHaveProperty('error');
    expect(parseArgs(['--json'])).toHaveProperty('error');
    expect(parseArgs(['--frobnicate'])).toHaveProperty('error');
  });

  it('refuses an unknown option, a stray word and a bad value with a message naming it', () => {
    expect(parseArgs(['--quick', '--frobnicate'])).toEqual({ error: 'Unknown option --frobnicate' });
    expect(parseArgs(['load'])).toEqual({ error: 'Unknown option load' });
    expect(parseArgs(['--json', '--quick'])).toEqual({ error: '--json needs a value' });
    expect(parseArgs(['--rounds', '0'])).toEqual({ error: '--rounds needs a positive number' });
    expect(parseArgs(['--warmup', 'soon'])).toEqual({ error: '--warmup needs a number ≥ 0' });
    expect(parseArgs(['--only', 'load,speed'])).toEqual({ error: '--only takes micro,load,startup; got speed' });
  });
});
