/**
 * Micro peers in the results, the ratios and the printed table (hand-made results, nothing measured), the
 * tables of runs without peers kept byte for byte as they were before peers existed, the lab's baseline as
 * the default baseline, and the committed reference results still valid against the schema.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkPeers } from '../src/define.ts';
import { computeRatios, formatTable, type CheckpointResult } from '../src/report.ts';
import { defaultBaselineDir } from '../src/subjects.ts';
import { micro, sampleResult, sampleWithReference } from './samples.ts';
import { checkSchema } from './schema-check.ts';

const schema = JSON.parse(readFileSync(new URL('../checkpoint.schema.json', import.meta.url), 'utf8'));
const golden = (name: string) => readFileSync(new URL(`./fixtures/tables/${name}`, import.meta.url), 'utf8');
const repo = fileURLToPath(new URL('../../..', import.meta.url));

const FJS = 'peer:fast-json-stringify';

/** `base` with a peer that ran 'parse 1 KB' and a task only the baseline and the peer define. */
function withPeer(base: CheckpointResult): CheckpointResult {
  const result = structuredClone(base);
  result.peers = ['fast-json-stringify'];
  result.micro!.tasks[0].results[FJS] = micro('parse 1 KB', 875, 900);
  result.micro!.tasks.push({ name: 'stringify todos', results: { baseline: micro('stringify todos', 8000, 9000), [FJS]: micro('stringify todos', 2000, 4500) } });
  result.ratios = computeRatios(result);
  return result;
}

describe('peers in the ratios', () => {
  it('adds each peer micro figure against the baseline, after the subjects', () => {
    const result = withPeer(sampleResult());
    const peer = result.ratios.filter((r) => r.subjectKey === FJS);
    expect(result.ratios.slice(0, computeRatios(sampleResult()).length)).toEqual(computeRatios(sampleResult()));
    expect(result.ratios.slice(-peer.length)).toEqual(peer);
    expect(peer.map((r) => [r.name, r.metric])).toEqual([
      ['parse 1 KB', 'nsPerOp'],
      ['parse 1 KB', 'bytesPerOp'],
      ['stringify todos', 'nsPerOp'],
      ['stringify todos', 'bytesPerOp'],
    ]);
    expect(peer.every((r) => r.section === 'micro')).toBe(true);
    expect(peer[0]).toMatchObject({ subject: 875, baseline: 3500, ratio: 0.25 });
    expect(peer[1]).toMatchObject({ subject: 900, baseline: 1800, ratio: 0.5 });
    expect(peer[2]).toMatchObject({ subject: 2000, baseline: 8000, ratio: 0.25 });
    // The package defines no 'stringify todos': no ratio of its own for it.
    expect(result.ratios.some((r) => r.subjectKey === 'subject' && r.name === 'stringify todos')).toBe(false);
  });

  it('gives a peer task the baseline lacks a null baseline and ratio', () => {
    const result = withPeer(sampleResult());
    result.micro!.tasks.push({ name: 'peer only', results: { [FJS]: micro('peer only', 10, 0) } });
    const only = computeRatios(result).filter((r) => r.name === 'peer only');
    expect(only.map((r) => [r.subjectKey, r.subject, r.baseline, r.ratio])).toEqual([
      [FJS, 10, null, null],
      [FJS, 0, null, null],
    ]);
  });

  it('ignores peer results not named in peers, and works on results without a peers field', () => {
    const result = withPeer(sampleResult());
    delete result.peers;
    expect(computeRatios(result)).toEqual(computeRatios(sampleResult()));
  });

  it('refuses peers without a name or with the same name', () => {
    expect(checkPeers(undefined)).toEqual([]);
    expect(() => checkPeers([{ name: '', micro: [] }])).toThrow(/name/);
    expect(() => checkPeers([{ name: 'a', micro: [] }, { name: 'a', micro: [] }])).toThrow(/two peers are named a/);
  });
});

describe('peers in the table', () => {
  it('adds a figure and a ratio column per peer, with dashes on load and startup rows', () => {
    const table = formatTable(withPeer(sampleResult()));
    const lines = table.split('\n');
    expect(lines[1]).toMatch(/^\s+figure\s+this\s+baseline\s+ratio\s+fast-json-stringify\s+fjs ratio$/);
    expect(table).toMatch(/GET \/health\s+RPS\s+70\.0k\s+35\.0k\s+2\.00×\s+–\s+–\s+\(higher is better\)/);
    expect(table).toMatch(/first 200\s+200\.0 ms\s+400\.0 ms\s+0\.50×\s+–\s+–\s+\(lower is better\)/);
    expect(table).toMatch(/micro: parse 1 KB\s+time\/op\s+1\.70 µs\s+3\.50 µs\s+0\.49×\s+875\.0 ns\s+0\.25×\s+\(lower is better\)/);
    expect(table).toMatch(/heap B\/op\s+0\.0 B\s+1\.76 KB\s+0×\s+900 B\s+0\.50×/);
    // A task only the baseline and the peer define still prints, with dashes for the package.
    expect(table).toMatch(/micro: stringify todos\s+time\/op\s+–\s+8\.00 µs\s+–\s+2\.00 µs\s+0\.25×/);
    expect(table).toContain('Micro peers, measured in the same rounds as the subjects: fast-json-stringify ("fjs ratio" = fast-json-stringify / baseline)');
    // Numbers stay right-aligned: every note starts in the same column.
    const starts = lines.slice(2).filter((l) => l.includes('better')).map((l) => l.indexOf('('));
    expect(new Set(starts).size).toBe(1);
  });

  it('puts the peer columns after the reference columns in a three-subject run', () => {
    const table = formatTable(withPeer(sampleWithReference()));
    expect(table.split('\n')[1]).toMatch(/^\s+figure\s+this\s+reference\s+baseline\s+ratio\s+ref ratio\s+fast-json-stringify\s+fjs ratio$/);
    expect(table).toMatch(/micro: parse 1 KB\s+time\/op\s+1\.70 µs\s+700\.0 ns\s+3\.50 µs\s+0\.49×\s+0\.20×\s+875\.0 ns\s+0\.25×/);
    expect(table).toMatch(/micro: scan 1 KB\s+time\/op\s+–\s+100\.0 ns\s+400\.0 ns\s+–\s+0\.25×\s+–\s+–/);
    expect(table).toMatch(/micro: stringify todos\s+time\/op\s+–\s+–\s+8\.00 µs\s+–\s+–\s+2\.00 µs\s+0\.25×/);
    // Rows follow the run's task order: the subjects' tasks, then the one only the peer (and the baseline) has.
    const row = (name: string) => table.split('\n').findIndex((l) => l.startsWith(`micro: ${name}`));
    expect(row('parse 1 KB')).toBeGreaterThan(0);
    expect(row('scan 1 KB')).toBeGreaterThan(row('parse 1 KB'));
    expect(row('stringify todos')).toBeGreaterThan(row('scan 1 KB'));
  });

  it('prints a peer that shares no task with the package after the load and startup rows', () => {
    const result = structuredClone(sampleResult());
    result.peers = ['other'];
    result.micro!.tasks.push({ name: 'other only', results: { baseline: micro('other only', 400, 0), 'peer:other': micro('other only', 100, 0) } });
    result.ratios = computeRatios(result);
    const lines = formatTable(result).split('\n');
    expect(lines[2]).toMatch(/^GET \/health/);
    expect(lines.findIndex((l) => l.startsWith('micro: other only'))).toBeGreaterThan(lines.findIndex((l) => l.startsWith('micro: parse 1 KB')));
    expect(lines.find((l) => l.startsWith('micro: other only'))).toMatch(/time\/op\s+–\s+400\.0 ns\s+–\s+100\.0 ns\s+0\.25×/);
  });

  it('keeps short peer names whole and full names when initials would clash', () => {
    const two = withPeer(sampleResult());
    two.peers = ['fast-json-stringify', 'fast-json-serialize', 'slow'];
    expect(formatTable(two).split('\n')[1]).toMatch(/fast-json-stringify\s+fast-json-stringify ratio\s+fast-json-serialize\s+fast-json-serialize ratio\s+slow\s+slow ratio$/);
  });

  it('prints exactly the tables of before peers existed when there are none', () => {
    expect(formatTable(sampleResult())).toBe(golden('two-subjects.txt'));
    expect(formatTable(sampleWithReference())).toBe(golden('three-subjects.txt'));
    expect(formatTable({ ...sampleResult(), peers: [] })).toBe(golden('two-subjects.txt'));
  });
});

describe('schema and baselines', () => {
  it('accepts results with peers, and without the peers field', () => {
    expect(checkSchema(JSON.parse(JSON.stringify(withPeer(sampleWithReference()))), schema)).toEqual([]);
    expect(checkSchema(JSON.parse(JSON.stringify(sampleResult())), schema)).toEqual([]);
  });

  it('still accepts every committed reference result (solutions/*/results/checkpoint.json)', () => {
    const files = readdirSync(join(repo, 'solutions'))
      .map((slug) => join(repo, 'solutions', slug, 'results', 'checkpoint.json'))
      .filter((file) => existsSync(file));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(checkSchema(JSON.parse(readFileSync(file, 'utf8')), schema), file).toEqual([]);
  });

  it("defaults to the lab's baseline from the manifest, lab 00 outside lab folders", () => {
    expect(defaultBaselineDir(join(repo, 'labs', '02-generated-serializers'))).toBe(join(repo, 'solutions', '01-slim-builder'));
    expect(defaultBaselineDir(join(repo, 'solutions', '02-generated-serializers'))).toBe(join(repo, 'solutions', '01-slim-builder'));
    expect(defaultBaselineDir(join(repo, 'labs', '01-slim-builder'))).toBe(join(repo, 'solutions', '00-baseline'));
    expect(defaultBaselineDir(join(repo, 'solutions', '00-baseline'))).toBe(join(repo, 'solutions', '00-baseline'));
    expect(defaultBaselineDir(join(repo, 'labs', '42-not-in-the-manifest'))).toBe(join(repo, 'solutions', '00-baseline'));
    expect(defaultBaselineDir(fileURLToPath(new URL('./fixtures/tiny-app', import.meta.url)))).toBe(join(repo, 'solutions', '00-baseline'));
  });
});
