/**
 * Micro peers and peers with a package folder (load and startup) in the results, the ratios and the printed
 * table (hand-made results, nothing measured), the checks on a definition's peers, the tables of runs without
 * peers kept byte for byte as they were before peers existed, the lab's baseline as the default baseline, and
 * the committed reference results still valid against the schema.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, describe, expect, it } from 'vitest';
import { checkPeers } from '../src/define.ts';
import { computeRatios, type CheckpointResult } from '../src/report.ts';
import { formatTable } from '../src/table.ts';
import { defaultBaselineDir } from '../src/subjects.ts';
import { micro, sampleResult, sampleWithReference, summary, withArrayBuffers, noteColumns } from './samples.ts';
import { checkSchema } from './schema-check.ts';

const schema = JSON.parse(readFileSync(new URL('../checkpoint.schema.json', import.meta.url), 'utf8'));
const golden = (name: string) => readFileSync(new URL(`./fixtures/tables/${name}`, import.meta.url), 'utf8');
const repo = fileURLToPath(new URL('../../..', import.meta.url));

const FJS = 'peer:fast-json-stringify';
const NO_POOL = 'peer:no-pool';
const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));

/** `base` with a peer measured as a package ('no-pool'): its load and startup figures, no micro tasks. */
function withLoadPeer(base: CheckpointResult): CheckpointResult {
  const result = structuredClone(base);
  result.peers = [...(result.peers ?? []), 'no-pool'];
  result.peerPackages = [{ name: 'no-pool', label: 'solutions/04-pooling/no-pool', dir: '/repo/solutions/04-pooling/no-pool' }];
  const [health, ingest] = result.load!.scenarios;
  assert(health && ingest, 'the sample result has the health and ingest scenarios');
  health.results[NO_POOL] = summary(60_000, 2_500, 9_000);
  ingest.results[NO_POOL] = summary(40_000, 3_500, 12_000);
  result.startup!.results[NO_POOL] = {
    runs: 5,
    firstOkMs: { median: 220, min: 210, max: 240 },
    peakRssBytes: { median: 82e6, min: 81e6, max: 83e6 },
    samplesMs: [210, 215, 220, 230, 240],
  };
  result.ratios = computeRatios(result);
  return result;
}

/** `base` with a peer that ran 'parse 1 KB' and a task only the baseline and the peer define. */
function withPeer(base: CheckpointResult): CheckpointResult {
  const result = structuredClone(base);
  result.peers = ['fast-json-stringify'];
  const [parse] = result.micro!.tasks;
  assert(parse, 'the sample result has the parse 1 KB task');
  parse.results[FJS] = micro('parse 1 KB', 875, 900);
  result.micro!.tasks.push({
    name: 'stringify todos',
    results: { baseline: micro('stringify todos', 8000, 9000), [FJS]: micro('stringify todos', 2000, 4500) },
  });
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
    expect(() =>
      checkPeers([
        { name: 'a', micro: [] },
        { name: 'a', micro: [] },
      ]),
    ).toThrow(/two peers are named a/);
  });
});

describe('peers with a package folder', () => {
  it('resolves a relative dir against the given folder, keeps an absolute one, and needs micro, a dir or both', () => {
    const peerDir = join(fixtures, 'tiny-peer');
    expect(checkPeers([{ name: 'p', dir: './tiny-peer' }], fixtures)).toEqual([{ name: 'p', dir: peerDir }]);
    expect(checkPeers([{ name: 'p', dir: peerDir, micro: [] }], '/elsewhere')).toEqual([{ name: 'p', dir: peerDir, micro: [] }]);
    expect(checkPeers([{ name: 'm', micro: [] }], fixtures)).toEqual([{ name: 'm', micro: [] }]);
    expect(() => checkPeers([{ name: 'p' }], fixtures)).toThrow(/peer p needs a micro list, a dir \(a package folder\) or a serve command/);
    expect(() => checkPeers([{ name: 's', serve: { command: '' } }], fixtures)).toThrow(/peer s: serve needs a command/);
    expect(() => checkPeers([{ name: 'b', dir: peerDir, serve: { command: 'x' } }], fixtures)).toThrow(/not both/);
    expect(checkPeers([{ name: 'c', serve: { command: 'x' }, sections: ['startup'] }], fixtures)).toEqual([
      { name: 'c', serve: { command: 'x' }, sections: ['startup'] },
    ]);
    expect(() => checkPeers([{ name: 'p', micro: 'x' as never }], fixtures)).toThrow(/peer p: micro must be a list/);
  });

  it('refuses a dir without src/app.ts, naming the peer and the folder', () => {
    expect(() => checkPeers([{ name: 'gone', dir: './tables' }], fixtures)).toThrow(`peer gone: no src/app.ts in ${join(fixtures, 'tables')}`);
    expect(() => checkPeers([{ name: 'gone', dir: '/no/such/folder' }], fixtures)).toThrow(/no src\/app\.ts in \/no\/such\/folder/);
  });

  it('adds its load and startup figures against the baseline, after the subjects, as a subject has them', () => {
    const result = withLoadPeer(sampleWithReference());
    const before = computeRatios(sampleWithReference());
    expect(result.ratios.slice(0, before.length)).toEqual(before);
    const peer = result.ratios.slice(before.length);
    expect(peer.every((r) => r.subjectKey === NO_POOL)).toBe(true);
    // The same figures, in the same order, as the package's load and startup entries.
    const own = before.filter((r) => r.subjectKey === 'subject' && r.section !== 'micro');
    expect(peer.map((r) => [r.section, r.name, r.metric, r.baseline])).toEqual(own.map((r) => [r.section, r.name, r.metric, r.baseline]));
    const rps = peer.find((r) => r.name === 'GET /health' && r.metric === 'rps')!;
    expect(rps).toMatchObject({ subject: 60_000, baseline: 35_000, flagged: false });
    expect(rps.ratio).toBeCloseTo(60 / 35, 10);
    // The baseline's POST /ingest/v1 is flagged: so is the peer's figure against it.
    expect(peer.filter((r) => r.name === 'POST /ingest/v1 1KB').every((r) => r.flagged)).toBe(true);
    expect(peer.find((r) => r.metric === 'startupMs')).toMatchObject({ subject: 220, baseline: 400, ratio: 0.55 });
  });

  it('puts a micro peer and a load peer each in order, micro figures after load and startup', () => {
    const result = withLoadPeer(withPeer(sampleResult()));
    expect(result.peers).toEqual(['fast-json-stringify', 'no-pool']);
    const keys = result.ratios.map((r) => r.subjectKey);
    expect(keys.lastIndexOf(FJS)).toBeLessThan(keys.indexOf(NO_POOL));
    expect(result.ratios.filter((r) => r.subjectKey === FJS)).toEqual(withPeer(sampleResult()).ratios.filter((r) => r.subjectKey === FJS));
  });

  it("fills its column on the load and startup rows, with its own heap line and the peers' line under the table", () => {
    const table = formatTable(withLoadPeer(sampleResult()));
    const lines = table.split('\n');
    expect(lines[1]).toMatch(/^\s+figure\s+this\s+baseline\s+ratio\s+no-pool\s+no-pool ratio$/);
    expect(table).toMatch(/GET \/health\s+RPS\s+70\.0k\s+35\.0k\s+2\.00×\s+60\.0k\s+1\.71×\s+\(higher is better\)/);
    expect(table).toMatch(/\s+p99\s+2\.00 ms\s+4\.00 ms\s+0\.50×\s+2\.50 ms\s+0\.63×\s+\(lower is better\)/);
    expect(table).toMatch(/POST \/ingest\/v1 1KB\s+RPS\s+50\.0k\s+25\.0k\s+2\.00×\s+40\.0k\s+1\.60×\s+FLAGGED/);
    expect(table).toMatch(/first 200\s+200\.0 ms\s+400\.0 ms\s+0\.50×\s+220\.0 ms\s+0\.55×\s+\(lower is better\)/);
    // No micro tasks of its own: dashes on the micro rows.
    expect(table).toMatch(/micro: parse 1 KB\s+time\/op\s+1\.70 µs\s+3\.50 µs\s+0\.49×\s+–\s+–/);
    expect(lines).toContain("App's own heap per request (minus GET /health): POST /ingest/v1 1KB 2.93 KiB");
    expect(lines).toContain("Peer no-pool's own heap per request (minus GET /health): POST /ingest/v1 1KB 3.91 KiB");
    expect(lines).toContain(
      'Peers, measured in the same rounds as the subjects: no-pool (package solutions/04-pooling/no-pool, fresh servers like the subjects; "no-pool ratio" = no-pool / baseline)',
    );
    expect(table).not.toContain('Micro peers');
    expect(noteColumns(lines), 'numbers right-aligned: every "(… is better)" note starts in one column').toHaveLength(1);
  });

  it('says which peers are micro only when both kinds are present, and puts the peer lines after the reference', () => {
    const result = withLoadPeer(withPeer(sampleWithReference()));
    const lines = formatTable(result).split('\n');
    expect(lines[1]).toMatch(/ref ratio\s+fast-json-stringify\s+fjs ratio\s+no-pool\s+no-pool ratio$/);
    expect(lines).toContain(
      'Peers, measured in the same rounds as the subjects: fast-json-stringify (micro only; "fjs ratio" = fast-json-stringify / baseline), no-pool (package solutions/04-pooling/no-pool, fresh servers like the subjects; "no-pool ratio" = no-pool / baseline)',
    );
    const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
    expect(at("Reference's own heap")).toBeGreaterThan(at("App's own heap"));
    expect(at("Peer no-pool's own heap")).toBeGreaterThan(at("Reference's own heap"));
  });

  it('shows its ArrayBuffer figures, ArrayBuffer line and app stats like a subject', () => {
    const bytes = { 'GET /health': { subject: 0, baseline: 0, [NO_POOL]: 0 }, 'POST /ingest/v1 1KB': { subject: 0, baseline: 1024, [NO_POOL]: 1024 } };
    const result = withArrayBuffers(withLoadPeer(sampleResult()), bytes);
    const ingest = result.load!.scenarios[1]?.results[NO_POOL];
    assert(ingest, 'withLoadPeer gives the peer ingest figures');
    ingest.appStats = { bodyPool: { hits: 0, misses: 5000 } };
    const table = formatTable(result);
    expect(table).toMatch(/ArrayBuf B\/req\s+0\.0 B\s+1\.00 KiB\s+0×\s+1\.00 KiB\s+1\.00×/);
    expect(table.split('\n')).toContain("Peer no-pool's own ArrayBuffer bytes per request (minus GET /health): POST /ingest/v1 1KB 1.00 KiB");
    expect(table).toContain('App stats of peer no-pool, POST /ingest/v1 1KB, end of the last round: bodyPool hits=0 misses=5000');
  });

  it('validates against the schema', () => {
    expect(checkSchema(JSON.parse(JSON.stringify(withLoadPeer(withPeer(sampleWithReference())))), schema)).toEqual([]);
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
    expect(table).toMatch(/heap B\/op\s+0\.0 B\s+1\.76 KiB\s+0×\s+900 B\s+0\.50×/);
    // A task only the baseline and the peer define still prints, with dashes for the package.
    expect(table).toMatch(/micro: stringify todos\s+time\/op\s+–\s+8\.00 µs\s+–\s+2\.00 µs\s+0\.25×/);
    expect(table).toContain('Micro peers, measured in the same rounds as the subjects: fast-json-stringify ("fjs ratio" = fast-json-stringify / baseline)');
    // Numbers stay right-aligned: every note starts in the same column.
    expect(noteColumns(lines), 'numbers right-aligned: every "(… is better)" note starts in one column').toHaveLength(1);
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
    expect(formatTable(two).split('\n')[1]).toMatch(
      /fast-json-stringify\s+fast-json-stringify ratio\s+fast-json-serialize\s+fast-json-serialize ratio\s+slow\s+slow ratio$/,
    );
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
