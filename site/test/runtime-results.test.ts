/**
 * Results per runtime (plugins/result-runtime.ts, read by both site plugins), from a temporary kit root: a
 * lab's checkpoint.json (the Node 20 run of record, runtime derived from fingerprint.node) and
 * checkpoint.node26.json (runtime recorded at top level, the fixture under test/fixtures/results laid over as
 * the browser tests' build does) load as two runs, each labelled "Node 20.20.2 · V8 11.3" / "Node 26.12.1 ·
 * V8 14.6" with its own figures; lab 00 shows its side of lab 01's run on each runtime; lab 05's start-up and
 * capstone files load per runtime too. A file named for another runtime than it records, or two files of one
 * runtime, fail the build with what to rename. And the page's choice: the newest Node major by default, a
 * block not measured on the runtime picked shows its own default and says so.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLabData } from '../plugins/checkpoint-data.ts';
import { loadLabResults } from '../plugins/lab-results.ts';
import { recordedRuntime, siteRuntime } from '../plugins/result-runtime.ts';
import { defaultRuntimeId, pageRuntimes, variantFor } from '../src/components/runtime-choice.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/results', import.meta.url));
const LAB02 = '02-generated-serializers';
const fixture26 = JSON.parse(readFileSync(join(FIXTURES, LAB02, 'checkpoint.node26.json'), 'utf8')) as { runtime: { version: string; v8: string } } & Record<
  string,
  unknown
>;
let root = '';

const results = (slug: string) => join(root, 'solutions', slug, 'results');
function copy(slug: string, name: string, as = name) {
  mkdirSync(results(slug), { recursive: true });
  cpSync(join(repo, 'solutions', slug, 'results', name), join(results(slug), as));
}
function write(slug: string, name: string, value: unknown) {
  mkdirSync(results(slug), { recursive: true });
  writeFileSync(join(results(slug), name), JSON.stringify(value));
}
const committed = (slug: string, name: string) => JSON.parse(readFileSync(join(repo, 'solutions', slug, 'results', name), 'utf8')) as Record<string, any>;
const node26 = { id: 'node26', label: 'Node 26.12.1', kind: 'node', version: '26.12.1', major: 26, v8: '14.6.202.34-node.40' };

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hotpath-site-runtimes-'));
  copy('01-slim-builder', 'checkpoint.json');
  copy(LAB02, 'checkpoint.json');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('checkpoint results per runtime', () => {
  it('loads each runtime file of a lab as its own run, labelled with its runtime', () => {
    const lab02 = loadLabData(root, FIXTURES).find((lab) => lab.slug === LAB02)!;
    expect(lab02.references.map((run) => [run.runtime.id, run.runtime.caption, run.file])).toEqual([
      ['node20', 'Node 20.20.2 · V8 11.3', `solutions/${LAB02}/results/checkpoint.json`],
      ['node26', 'Node 26.12.1 · V8 14.6', `site/test/fixtures/results/${LAB02}/checkpoint.node26.json`],
    ]);
    const [on20, on26] = lab02.references;
    const task = (run: typeof on20) => run!.micro.find((m) => m.task === 'one Todo → JSON text' && m.metric === 'nsPerOp')!.values.reference;
    expect(task(on26), 'each run carries its own figures').not.toBe(task(on20));
    expect(on26!.warnings[0]).toMatch(/^A fixture of the site tests/);
    expect(on20!.fingerprint, 'the fingerprint names the machine; the runtime is stated apart').toMatch(/^AMD EPYC, 2 cores, \d{4}-\d\d-\d\d/);
  });

  it("gives lab 00 its side of lab 01's run on each runtime", () => {
    write('01-slim-builder', 'checkpoint.node26.json', { ...committed('01-slim-builder', 'checkpoint.json'), runtime: node26 });
    const lab00 = loadLabData(root).find((lab) => lab.slug === '00-baseline')!;
    expect(lab00.references.map((run) => [run.runtime.id, run.source, run.takenFrom])).toEqual([
      ['node20', 'baseline-only', 'lab 01'],
      ['node26', 'baseline-only', 'lab 01'],
    ]);
  });

  it('orders Node majors oldest first, then Bun, whatever the file names sort as', () => {
    write(LAB02, 'checkpoint.bun.json', { ...fixture26, runtime: { id: 'bun', label: 'Bun 1.4.5', kind: 'bun', version: '1.4.5', major: 1, v8: null } });
    write(LAB02, 'checkpoint.node24.json', { ...fixture26, runtime: { ...node26, id: 'node24', version: '24.22.3', major: 24, v8: '13.6.233.17-node.41' } });
    const lab02 = loadLabData(root, FIXTURES).find((lab) => lab.slug === LAB02)!;
    expect(lab02.references.map((run) => run.runtime.caption)).toEqual([
      'Node 20.20.2 · V8 11.3',
      'Node 24.22.3 · V8 13.6',
      'Node 26.12.1 · V8 14.6',
      'Bun 1.4.5',
    ]);
  });

  it('reads the same run on a runtime peer (--runtime) from its cross-runtime ratios, by the same series', () => {
    const across = (subjectKey: string, subject: number, baseline: number) => ({
      section: 'micro',
      name: 'one Todo → JSON text',
      metric: 'nsPerOp',
      subjectKey,
      subject,
      baseline,
      runtime: 'node20',
      across: 'node26',
    });
    const within = { ...across('subject', 1, 1), across: undefined };
    const node20 = { id: 'node20', label: 'Node 20.20.2', kind: 'node', version: '20.20.2', major: 20, v8: '11.3.244.8-node.38', path: '/x/node' };
    write(LAB02, 'checkpoint.node26.json', {
      ...fixture26,
      runtimes: [node20],
      runtimeRatios: [within, across('subject', 100, 40), across('baseline', 200, 50), across('peer:fast-json-stringify', 150, 60)],
    });
    const on26 = loadLabData(root)
      .find((lab) => lab.slug === LAB02)!
      .references.find((run) => run.runtime.id === 'node26')!;
    expect(on26.runtimePeers).toEqual([
      {
        runtime: expect.objectContaining({ id: 'node20', caption: 'Node 20.20.2 · V8 11.3' }),
        micro: [{ task: 'one Todo → JSON text', metric: 'nsPerOp', unit: 'ns', values: { reference: 100, baseline: 200, 'peer:fast-json-stringify': 150 } }],
      },
    ]);
    expect(loadLabData(root).find((lab) => lab.slug === LAB02)!.references[0]!.runtimePeers, 'none in a run on one runtime').toEqual([]);
  });

  it('lets an overlay file replace the committed file of the same name', () => {
    const overlay = join(root, 'overlay');
    mkdirSync(join(overlay, LAB02), { recursive: true });
    writeFileSync(join(overlay, LAB02, 'checkpoint.json'), JSON.stringify({ ...committed(LAB02, 'checkpoint.json'), warnings: ['from the overlay'] }));
    const [run] = loadLabData(root, overlay).find((lab) => lab.slug === LAB02)!.references;
    expect([run!.file, run!.warnings]).toEqual(['overlay/02-generated-serializers/checkpoint.json', ['from the overlay']]);
  });

  it('fails the build on a file named for another runtime than it records, saying what to rename', () => {
    write(LAB02, 'checkpoint.node24.json', fixture26);
    expect(() => loadLabData(root)).toThrow(
      `solutions/${LAB02}/results/checkpoint.node24.json is named for node24 but was measured on Node 26.12.1: rename it solutions/${LAB02}/results/checkpoint.node26.json, or re-run it on node24`,
    );
  });

  it('fails the build on two files of one runtime', () => {
    write(LAB02, 'checkpoint.node20.json', committed(LAB02, 'checkpoint.json'));
    expect(() => loadLabData(root)).toThrow(/checkpoint\.json and .*checkpoint\.node20\.json both hold Node 20's figures: keep one/);
  });
});

describe("lab 05's start-up and capstone per runtime", () => {
  it('loads checkpoint.node26.json beside checkpoint.json, each view labelled with its runtime', () => {
    const slug = '05-single-binary';
    copy(slug, 'checkpoint.json');
    copy(slug, 'checkpoint.node26.json');
    const lab05 = loadLabResults(root)[slug]!;
    expect(lab05.startup.map((s) => [s.runtime.caption, s.file])).toEqual([
      ['Node 20.20.2 · V8 11.3', `solutions/${slug}/results/checkpoint.json`],
      ['Node 26.12.1 · V8 14.6', `solutions/${slug}/results/checkpoint.node26.json`],
    ]);
    // A run with the load section has a capstone; a start-up-only run (`pnpm startup`) has none.
    const withCapstone = (file: string) => committed(slug, file).load !== null;
    expect(lab05.capstone.map((c) => c.runtime.caption)).toEqual(
      [
        ['Node 20.20.2 · V8 11.3', 'checkpoint.json'],
        ['Node 26.12.1 · V8 14.6', 'checkpoint.node26.json'],
      ]
        .filter(([, file]) => withCapstone(file!))
        .map(([caption]) => caption),
    );
    write(slug, 'checkpoint.node24.json', committed(slug, 'checkpoint.node26.json'));
    expect(() => loadLabResults(root)).toThrow(/checkpoint\.node24\.json is named for node24 but was measured on Node 26\.12\.1/);
  });
});

describe('the runtime of a result', () => {
  it('prefers the recorded runtime, else derives it from the fingerprint or the machine', () => {
    expect(recordedRuntime({ runtime: node26, fingerprint: { node: 'v20.20.2' } }, 'x.json')).toMatchObject({
      id: 'node26',
      name: 'Node 26',
      caption: 'Node 26.12.1 · V8 14.6',
    });
    expect(recordedRuntime({ fingerprint: { node: 'v22.23.5', v8: '12.4.254.21-node.33' } }, 'x.json')).toMatchObject({
      id: 'node22',
      version: '22.23.5',
      major: 22,
      caption: 'Node 22.23.5 · V8 12.4',
    });
    expect(recordedRuntime({ machine: { node: 'v20.20.2' } }, 'x.json').caption).toBe('Node 20.20.2');
    expect(() => recordedRuntime({ fingerprint: {} }, 'solutions/x/results/checkpoint.json')).toThrow(
      /^Malformed solutions\/x\/results\/checkpoint\.json: it records no runtime/,
    );
  });
});

describe("a page's runtime choice", () => {
  const on = (version: string, kind: 'node' | 'bun' = 'node') => ({ runtime: siteRuntime(kind, version, null) });
  const chart = [on('20.20.2'), on('26.12.1'), on('1.4.5', 'bun')];
  const startup = [on('20.20.2'), on('24.22.3')];

  it('offers every runtime of the page once, Node oldest first, and defaults to the newest Node major', () => {
    const runtimes = pageRuntimes(chart, startup);
    expect(runtimes.map((r) => r.name)).toEqual(['Node 20', 'Node 24', 'Node 26', 'Bun 1']);
    expect(defaultRuntimeId(runtimes)).toBe('node26');
    expect(defaultRuntimeId([siteRuntime('bun', '1.4.5', null)])).toBe('bun');
  });

  it("shows a block's variant on the runtime picked, else the block's own default, saying so", () => {
    expect(variantFor(startup, 'node20')).toEqual({ variant: startup[0], instead: false });
    expect(variantFor(startup, 'node26')).toEqual({ variant: startup[1], instead: true });
    expect(variantFor(chart, undefined)).toEqual({ variant: chart[1], instead: false });
    expect(variantFor([], 'node26')).toBeUndefined();
  });
});
