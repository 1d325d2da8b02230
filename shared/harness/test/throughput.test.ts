/**
 * Micro throughput: a task's `inputBytes` becomes `mbPerSec` (inputBytes / nsPerOp × 1000, decimal MB/s) in
 * its results, an `mbPerSec` ratio (higher is better, this / baseline) and an MB/s row in the table, peers
 * and the reference included; results without `inputBytes` keep their ratios, tables and schema as before.
 */
import { readFileSync } from 'node:fs';
import { assert, describe, expect, it } from 'vitest';
import { runMicroInterleaved, throughputMbPerSec, type MicroTask } from '../src/micro.ts';
import { runMicroSection, taskInputBytes } from '../src/micro-section.ts';
import { computeRatios, type CheckpointResult } from '../src/report.ts';
import { formatMbPerSec, formatTable } from '../src/table.ts';
import { micro, sampleResult, sampleWithReference, noteColumns } from './samples.ts';
import { checkSchema } from './schema-check.ts';

const schema = JSON.parse(readFileSync(new URL('../checkpoint.schema.json', import.meta.url), 'utf8'));
const FJS = 'peer:fast-json-stringify';

/** `base` where 'parse 1 KB' reads 1,024 bytes a call, optionally with a fast-json-stringify peer on it. */
function withThroughput(base: CheckpointResult, peer = false): CheckpointResult {
  const result = structuredClone(base);
  const task = result.micro!.tasks[0];
  assert(task, 'the sample result has a micro task');
  if (peer) {
    result.peers = ['fast-json-stringify'];
    task.results[FJS] = micro('parse 1 KB', 875, 900);
  }
  task.inputBytes = 1024;
  for (const r of Object.values(task.results)) r.mbPerSec = throughputMbPerSec(1024, r.nsPerOp)!;
  result.ratios = computeRatios(result);
  return result;
}

describe('mbPerSec', () => {
  it('is inputBytes / nsPerOp × 1000, in decimal MB/s', () => {
    expect(throughputMbPerSec(65_536, 100_000)).toBeCloseTo(655.36, 10);
    expect(throughputMbPerSec(1_000_000, 1e6)).toBe(1000);
    expect(throughputMbPerSec(1024, 1700)).toBeCloseTo(602.35, 2);
  });

  it('is null without a usable inputBytes or time', () => {
    for (const bytes of [undefined, 0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(throughputMbPerSec(bytes, 100)).toBeNull();
    expect(throughputMbPerSec('64' as unknown as number, 100)).toBeNull();
    expect(throughputMbPerSec(1024, 0)).toBeNull();
    expect(throughputMbPerSec(1024, Number.NaN)).toBeNull();
  });

  it('is in the result of a measured task with inputBytes, and absent from one without', async () => {
    const body = 'x'.repeat(4096);
    const results = await runMicroInterleaved(
      {
        sized: { name: 'scan 4 KB', fn: (i) => body.charCodeAt(i & 4095), inputBytes: 4096 },
        plain: { name: 'scan 4 KB', fn: (i) => body.charCodeAt(i & 4095) },
      },
      { quick: true, timeMs: 20, skipBytes: true },
    );
    const { sized, plain } = results;
    assert(sized && plain, 'runMicroInterleaved gives a result per task');
    expect(sized.mbPerSec).toBeCloseTo((4096 / sized.nsPerOp) * 1000, 6);
    expect('mbPerSec' in plain).toBe(false);
  });

  it('records the task inputBytes once per task in the micro section, peers included', async () => {
    const task = (inputBytes?: number): MicroTask => ({ name: 'sum 64 B', fn: (i) => i + 1, ...(inputBytes === undefined ? {} : { inputBytes }) });
    const subjects = [{ key: 'subject', label: 's', dir: '/s', role: 'subject' as const }];
    const section = await runMicroSection(
      subjects,
      new Map([['subject', { micro: [task(64), { name: 'plain', fn: (i: number) => i }] }]]),
      [{ name: 'p', micro: [task(64)] }],
      { quick: true },
    );
    expect(section.failures).toEqual([]);
    expect(section.warnings).toEqual([]);
    expect(section.tasks.map((t) => [t.name, t.inputBytes])).toEqual([
      ['sum 64 B', 64],
      ['plain', undefined],
    ]);
    const [sum, plain] = section.tasks;
    assert(sum && plain, 'the micro section has both tasks');
    expect('inputBytes' in plain).toBe(false);
    for (const key of ['subject', 'peer:p']) expect(sum.results[key]?.mbPerSec).toBeGreaterThan(0);
    expect(plain.results.subject).toBeDefined();
    expect(plain.results.subject?.mbPerSec).toBeUndefined();
  });

  it('warns about an unusable inputBytes, and takes the first when contestants differ', () => {
    const fn = () => 0;
    const warnings: string[] = [];
    expect(taskInputBytes('t', { subject: { name: 't', fn, inputBytes: 0 }, baseline: { name: 't', fn, inputBytes: 512 } }, warnings)).toBe(512);
    expect(warnings).toEqual(['Micro task t: inputBytes of subject must be a positive number of bytes, got 0; no MB/s for it']);
    warnings.length = 0;
    expect(taskInputBytes('t', { subject: { name: 't', fn, inputBytes: 256 }, 'peer:p': { name: 't', fn, inputBytes: 512 } }, warnings)).toBe(256);
    expect(warnings).toEqual(["Micro task t: the contestants' inputBytes differ (subject 256, peer:p 512); each MB/s uses its own"]);
    warnings.length = 0;
    expect(taskInputBytes('t', { subject: { name: 't', fn }, baseline: { name: 't', fn } }, warnings)).toBeUndefined();
    expect(warnings).toEqual([]);
  });
});

describe('mbPerSec in the ratios', () => {
  it('adds a higher-is-better mbPerSec ratio, this / baseline, for each contestant of a task with inputBytes', () => {
    const ratios = withThroughput(sampleWithReference(), true).ratios;
    const mb = ratios.filter((r) => r.metric === 'mbPerSec');
    expect(mb.map((r) => [r.subjectKey, r.name])).toEqual([
      ['subject', 'parse 1 KB'],
      ['reference', 'parse 1 KB'],
      [FJS, 'parse 1 KB'],
    ]);
    for (const r of mb) expect(r).toMatchObject({ section: 'micro', unit: 'MB/s', better: 'higher', flagged: false });
    const [subject, reference, peer] = mb;
    assert(subject && reference && peer, 'three mbPerSec ratios, checked above');
    expect(subject.subject).toBeCloseTo(1024_000 / 1700, 6);
    expect(subject.baseline).toBeCloseTo(1024_000 / 3500, 6);
    // Same input for both: the MB/s ratio is the inverse of the time ratio.
    expect(subject.ratio).toBeCloseTo(3500 / 1700, 10);
    expect(reference.ratio).toBeCloseTo(5, 10);
    expect(peer.ratio).toBeCloseTo(4, 10);
    // Right after each contestant's bytesPerOp figure of the task.
    const at = ratios.indexOf(subject);
    expect([ratios[at - 2]?.metric, ratios[at - 1]?.metric]).toEqual(['nsPerOp', 'bytesPerOp']);
  });

  it('adds no mbPerSec ratio to results without inputBytes', () => {
    expect(computeRatios(sampleWithReference()).some((r) => r.metric === 'mbPerSec')).toBe(false);
    expect(computeRatios(sampleResult())).toEqual(sampleResult().ratios);
  });

  it('gives a null figure and ratio where only one side has mbPerSec', () => {
    const result = withThroughput(sampleResult());
    const baseline = result.micro!.tasks[0]?.results.baseline;
    assert(baseline, 'the sample result has baseline micro figures');
    delete baseline.mbPerSec;
    const [mb] = computeRatios(result).filter((r) => r.metric === 'mbPerSec');
    expect(mb).toMatchObject({ baseline: null, ratio: null });
    expect(mb?.subject).toBeCloseTo(602.35, 2);
  });
});

describe('MB/s in the table', () => {
  it('formats MB/s with the unit', () => {
    expect(formatMbPerSec(412.3)).toBe('412 MB/s');
    expect(formatMbPerSec(41.23)).toBe('41.2 MB/s');
    expect(formatMbPerSec(4.123)).toBe('4.12 MB/s');
    expect(formatMbPerSec(Number.NaN)).toBe('–');
  });

  it('prints an MB/s row after time/op and heap B/op, higher is better, and explains its ratio', () => {
    const table = formatTable(withThroughput(sampleResult()));
    const lines = table.split('\n');
    const row = lines.findIndex((l) => l.includes('MB/s') && l.includes('better'));
    expect(lines[row - 2]).toMatch(/^micro: parse 1 KB\s+time\/op/);
    expect(lines[row - 1]).toMatch(/^\s+heap B\/op/);
    expect(lines[row]).toMatch(/^\s+MB\/s\s+602 MB\/s\s+293 MB\/s\s+2\.06×\s+\(higher is better\)$/);
    expect(table).toContain('MB/s = inputBytes per call / time per call (1 MB = 10^6 B); its ratios are this / baseline too: above 1× is faster');
    expect(noteColumns(lines), 'numbers right-aligned: every "(… is better)" note starts in one column').toHaveLength(1);
  });

  it('fills the reference and peer columns of the MB/s row like the other rows', () => {
    const table = formatTable(withThroughput(sampleWithReference(), true));
    expect(table).toMatch(/\s+MB\/s\s+602 MB\/s\s+1463 MB\/s\s+293 MB\/s\s+2\.06×\s+5\.00×\s+1170 MB\/s\s+4\.00×\s+\(higher is better\)/);
    // 'scan 1 KB' gives no inputBytes: no MB/s row for it.
    const scan = table.split('\n').findIndex((l) => l.startsWith('micro: scan 1 KB'));
    expect(
      table
        .split('\n')
        .slice(scan)
        .some((l) => /^\s+MB\/s/.test(l)),
    ).toBe(false);
  });

  it('prints no MB/s row and no MB/s note without inputBytes', () => {
    expect(formatTable(sampleWithReference())).not.toContain('MB/s');
  });
});

describe('schema', () => {
  it('accepts inputBytes and mbPerSec, and results without them', () => {
    expect(checkSchema(JSON.parse(JSON.stringify(withThroughput(sampleWithReference(), true))), schema)).toEqual([]);
    expect(checkSchema(JSON.parse(JSON.stringify(sampleResult())), schema)).toEqual([]);
  });

  it('rejects a non-positive inputBytes', () => {
    const result = JSON.parse(JSON.stringify(withThroughput(sampleResult())));
    result.micro.tasks[0].inputBytes = 0;
    expect(checkSchema(result, schema)).toEqual(['$.micro: matches 0 of oneOf, expected exactly 1']);
  });
});
