/**
 * The charts' data (plugins/checkpoint-data.ts), read from a temporary kit root: each run names the stage it
 * was measured against from its baseline subject (lab 02's run against lab 01 says "lab 01", never a fixed
 * "lab 00"), carries its micro figures with the peers as extra series (MB/s too for tasks that give their
 * input size), and lab 00's page takes its figures from its run of record: lab 01's committed run, the first
 * measured against lab 00 (a later stage measured against lab 00, like lab 05, does not replace it).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLabData, type LabData } from '../plugins/checkpoint-data.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
let root = '';

const fingerprint = { node: 'v20.20.2', cpuModel: 'cpu', cores: 2, date: '2026-12-01T10:00:00.000Z', gitCommit: null };
const ratio = (section: string, name: string, metric: string, subjectKey: string, subject: number, baseline: number) => ({
  section,
  name,
  metric,
  subjectKey,
  subject,
  baseline,
  ratio: subject / baseline,
});

/** A run of lab 02 (`subject` is `subjectLabel`) against lab 01's solution, with a fast-json-stringify peer. */
function lab02Run(subjectLabel: string, withReference: boolean) {
  const subjects = [
    { key: 'subject', label: subjectLabel, dir: `/repo/${subjectLabel}`, role: 'subject' },
    ...(withReference
      ? [{ key: 'reference', label: 'solutions/02-generated-serializers', dir: '/repo/solutions/02-generated-serializers', role: 'reference' }]
      : []),
    { key: 'baseline', label: 'solutions/01-slim-builder', dir: '/repo/solutions/01-slim-builder', role: 'baseline' },
  ];
  const ratios = [
    ratio('load', 'GET /todos', 'rps', 'subject', 90_000, 60_000),
    ratio('micro', 'serialize todos', 'nsPerOp', 'subject', 800, 2000),
    ratio('micro', 'serialize todos', 'bytesPerOp', 'subject', 4000, 9000),
    ...(withReference
      ? [ratio('load', 'GET /todos', 'rps', 'reference', 95_000, 60_000), ratio('micro', 'serialize todos', 'nsPerOp', 'reference', 700, 2000)]
      : []),
    ratio('micro', 'serialize todos', 'nsPerOp', 'peer:fast-json-stringify', 1000, 2000),
    ratio('micro', 'serialize todos', 'bytesPerOp', 'peer:fast-json-stringify', 5000, 9000),
  ];
  return {
    createdAt: '2026-12-01T10:00:00.000Z',
    mode: 'quick',
    subjects,
    baselineKey: 'baseline',
    peers: ['fast-json-stringify'],
    ratios,
    warnings: [],
    fingerprint,
  };
}

/** A run of lab 03 against lab 02 whose parse task gives inputBytes: time, bytes and MB/s ratios. */
function lab03Run() {
  const subjects = [
    { key: 'subject', label: 'solutions/03-byte-parsing', dir: '/repo/solutions/03-byte-parsing', role: 'subject' },
    { key: 'baseline', label: 'solutions/02-generated-serializers', dir: '/repo/solutions/02-generated-serializers', role: 'baseline' },
  ];
  const ratios = [
    ratio('micro', 'parse 64 KB', 'nsPerOp', 'subject', 160_000, 640_000),
    ratio('micro', 'parse 64 KB', 'bytesPerOp', 'subject', 0, 200_000),
    ratio('micro', 'parse 64 KB', 'mbPerSec', 'subject', 409.6, 102.4),
    ratio('micro', 'parse 64 KB', 'nsPerOp', 'peer:JSON.parse', 320_000, 640_000),
    ratio('micro', 'parse 64 KB', 'bytesPerOp', 'peer:JSON.parse', 150_000, 200_000),
    ratio('micro', 'parse 64 KB', 'mbPerSec', 'peer:JSON.parse', 204.8, 102.4),
  ];
  return { createdAt: '2026-12-02T10:00:00.000Z', mode: 'quick', subjects, baselineKey: 'baseline', peers: ['JSON.parse'], ratios, warnings: [], fingerprint };
}

function write(path: string, value: unknown) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), JSON.stringify(value));
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'hotpath-site-data-'));
  mkdirSync(join(root, 'solutions', '01-slim-builder', 'results'), { recursive: true });
  cpSync(join(repo, 'solutions/01-slim-builder/results/checkpoint.json'), join(root, 'solutions/01-slim-builder/results/checkpoint.json'));
  // A later stage measured against lab 00 too (lab 05): lab 00's page must still show lab 01's run.
  mkdirSync(join(root, 'solutions', '05-single-binary', 'results'), { recursive: true });
  cpSync(join(repo, 'solutions/05-single-binary/results/checkpoint.json'), join(root, 'solutions/05-single-binary/results/checkpoint.json'));
  write('solutions/02-generated-serializers/results/checkpoint.json', lab02Run('solutions/02-generated-serializers', false));
  write('solutions/03-byte-parsing/results/checkpoint.json', lab03Run());
  write('.hotpath/results/02-generated-serializers/run.json', lab02Run('labs/02-generated-serializers', true));
  write('.hotpath/history.jsonl', {
    lab: '02-generated-serializers',
    at: '2026-12-01T10:00:00.000Z',
    mode: 'quick',
    result: '.hotpath/results/02-generated-serializers/run.json',
    verdict: { met: 0, total: 0 },
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const lab = (data: LabData[], slug: string) => data.find((l) => l.slug === slug)!;
/** A lab's one committed run (these fixtures commit Node 20's only). */
const committed = (data: LabData[], slug: string) => {
  const { references } = lab(data, slug);
  expect(
    references.map((run) => run.runtime.id),
    `${slug}: one committed run, on Node 20`,
  ).toEqual(['node20']);
  return references[0]!;
};

describe('checkpoint data for the charts', () => {
  it("names each run's baseline after its stage", () => {
    const data = loadLabData(root);
    expect(committed(data, '01-slim-builder').baselineLabel).toBe('lab 00');
    expect(committed(data, '02-generated-serializers').baselineLabel).toBe('lab 01');
    expect(lab(data, '02-generated-serializers').local!.baselineLabel).toBe('lab 01');
  });

  it('carries the micro figures, peers as their own series', () => {
    const run = lab(loadLabData(root), '02-generated-serializers').local!;
    expect(run.peers).toEqual(['fast-json-stringify']);
    expect(run.micro).toEqual([
      { task: 'serialize todos', metric: 'nsPerOp', unit: 'ns', values: { learner: 800, baseline: 2000, reference: 700, 'peer:fast-json-stringify': 1000 } },
      { task: 'serialize todos', metric: 'bytesPerOp', unit: 'B', values: { learner: 4000, baseline: 9000, 'peer:fast-json-stringify': 5000 } },
    ]);
    expect(run.metrics.find((m) => m.label === 'GET /todos requests/s')!.values).toEqual({ learner: 90_000, reference: 95_000, baseline: 60_000 });
  });

  it('carries the MB/s figure of a task with inputBytes after its time and bytes, peers included', () => {
    const run = committed(loadLabData(root), '03-byte-parsing');
    expect(run.micro).toEqual([
      { task: 'parse 64 KB', metric: 'nsPerOp', unit: 'ns', values: { reference: 160_000, baseline: 640_000, 'peer:JSON.parse': 320_000 } },
      { task: 'parse 64 KB', metric: 'bytesPerOp', unit: 'B', values: { reference: 0, baseline: 200_000, 'peer:JSON.parse': 150_000 } },
      { task: 'parse 64 KB', metric: 'mbPerSec', unit: 'MB/s', values: { reference: 409.6, baseline: 102.4, 'peer:JSON.parse': 204.8 } },
    ]);
  });

  it("reads lab 01's committed micro-benchmarks, each task's time and bytes", () => {
    const run = committed(loadLabData(root), '01-slim-builder');
    expect(run.peers).toEqual([]);
    expect(run.micro.map((m) => `${m.task} ${m.metric}`)).toContain('GET /todos body (100 todos) nsPerOp');
    expect(run.micro.length % 2).toBe(0);
    // Committed results without inputBytes: no MB/s figure, as before.
    expect(run.micro.some((m) => m.metric === 'mbPerSec')).toBe(false);
    for (const m of run.micro) expect(Object.keys(m.values).sort()).toEqual(['baseline', 'reference']);
  });

  it("shows lab 00's side of its run of record, lab 01's committed run, not of a later stage's run", () => {
    const first = committed(loadLabData(root), '00-baseline');
    expect(first.source).toBe('baseline-only');
    expect(first.takenFrom).toBe('lab 01');
    expect(first.createdAt).toBe(committed(loadLabData(root), '01-slim-builder').createdAt);
    expect(first.baselineLabel).toBe('lab 00');
    expect(first.baselineFolder).toBe('solutions/00-baseline');
    expect(first.micro).toEqual([]);
    expect(first.metrics.length).toBeGreaterThan(0);
    for (const m of first.metrics) expect(Object.keys(m.values)).toEqual(['baseline']);
  });
});
