/**
 * Charts carry verdicts (plugins/chart-groups.ts, plugins/chart-verdicts.ts, src/components/ChartBars.tsx and
 * ChartTargets.tsx), on fixture results in test/fixtures/verdicts (made-up figures, not measurements; the
 * lab's real targets): each target of the run's runtime is drawn on the figure it judges — against the
 * baseline at the baseline's figure × its bound, against a peer (`vs`) at the peer's figure × its bound, an
 * absolute one at its bound, in the figure's own unit — and lab 02's serializer micro tasks are bar groups
 * with their peers. A committed run carries the reference's own verdicts (inconclusive when the run was
 * busy-flagged); a learner's run carries theirs on their bar and the reference's on the reference's bar,
 * inconclusive where the reference missed too. The bar a verdict judges ends on the side of its line that the
 * verdict says, and the list under the chart reads each target in the kit's words with its verdict line.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
// @ts-expect-error The workspace has no @types/react-dom; renderToStaticMarkup(element) returns the HTML string.
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { labs as manifest, type CheckpointTarget } from '@hotpath/workshop/manifest';
import { targetsFor } from '@hotpath/workshop/target-runtime';
import { targetWords } from '@hotpath/kit/verdict';
import { loadLabData, type ChartMetric, type ChartRun, type LabData } from '../plugins/checkpoint-data.ts';

vi.mock('@docusaurus/useGlobalData', () => ({ usePluginData: () => ({ labs: [] }) }));
const { RunChart } = await import('../src/components/CheckpointChart.tsx');

const FIXTURES = fileURLToPath(new URL('./fixtures/verdicts', import.meta.url));
const NODE20 = { kind: 'node', version: '20.20.2', major: 20 } as const;
const roots: string[] = [];

/** A kit root with the fixture results, the learner's lab 02 run in its history; `busy`: lab 02's run flagged busy. */
function kitRoot(busy = false): string {
  const root = mkdtempSync(join(tmpdir(), 'hotpath-site-verdicts-'));
  roots.push(root);
  cpSync(join(FIXTURES, 'solutions'), join(root, 'solutions'), { recursive: true });
  const result = '.hotpath/results/02-generated-serializers/run.json';
  mkdirSync(join(root, result, '..'), { recursive: true });
  cpSync(join(FIXTURES, 'local', '02-generated-serializers.json'), join(root, result));
  writeFileSync(
    join(root, '.hotpath/history.jsonl'),
    `${JSON.stringify({ lab: '02-generated-serializers', at: '2026-12-06T13:00:00.000Z', mode: 'full', result, verdict: { met: 1, total: 6 } })}\n`,
  );
  if (busy) {
    const file = join(root, 'solutions/02-generated-serializers/results/checkpoint.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.fingerprint = { ...json.fingerprint, busy: true, busyReasons: ['1-minute load average 2.10 is above half the 2 cores'] };
    json.warnings = ['The machine looked busy: 1-minute load average 2.10 is above half the 2 cores', ...json.warnings];
    writeFileSync(file, JSON.stringify(json));
  }
  return root;
}
let data: LabData[] = [];
beforeAll(() => {
  data = loadLabData(kitRoot());
});
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

const lab = (slug: string, from = data) => from.find((l) => l.slug === slug)!;
const committed = (slug: string, from = data): ChartRun => lab(slug, from).references.find((run) => run.runtime.id === 'node20')!;
/** The id a chart gives the lab's target `pick` on Node 20 ("T3"): its place among the targets for that runtime. */
function idOf(slug: string, pick: (t: CheckpointTarget) => boolean): string {
  const onNode20 = targetsFor(manifest.find((l) => l.slug === slug)!.targets, NODE20);
  const i = onNode20.findIndex(pick);
  expect(i, `${slug} has the target this test judges on Node 20: update the test to the manifest`).toBeGreaterThanOrEqual(0);
  return `T${i + 1}`;
}
/** The bound of the lab's target `pick` on Node 20 (atMost or atLeast): where the chart must draw it, × the figure it is relative to. */
const boundOf = (slug: string, pick: (t: CheckpointTarget) => boolean) => {
  const t = targetsFor(manifest.find((l) => l.slug === slug)!.targets, NODE20).find(pick)!;
  return (t.atMost ?? t.atLeast)!;
};
const is = (scenario: string, metric: string, vs?: string) => (t: CheckpointTarget) =>
  t.scenario === scenario && t.metric === metric && t.vs === vs && !t.absolute;
const ONE = is('one Todo → JSON text', 'nsPerOp');
const HUNDRED = is('100 Todos → JSON text', 'nsPerOp');
const ONE_VS_FJS = is('one Todo → JSON text', 'nsPerOp', 'fast-json-stringify');
function group(run: ChartRun, key: string): ChartMetric {
  const found = [...(run.microGroups ?? []), ...run.metrics].find((g) => g.key === key);
  expect(found, `the chart has a group for ${key}`).toBeDefined();
  return found!;
}
const target = (g: ChartMetric, id: string) => g.targets!.find((t) => t.id === id)!;

describe('where each target is drawn', () => {
  it("draws lab 02's serializer as bars beside JSON.stringify (lab 01) and its peers, its targets at lab 01's time × the bound", () => {
    const one = group(committed('02-generated-serializers'), 'one Todo → JSON text · nsPerOp');
    expect(one.bars!.map((b) => `${b.label} ${b.value}`)).toEqual([
      'lab 01 (JSON.stringify) 240',
      'reference 60',
      'fast-json-stringify 80',
      'JSON.stringify(class instances) 250',
    ]);
    expect(target(one, idOf('02-generated-serializers', ONE)).at, "lab 01's 240 ns × the bound (≥ 3× faster: a third)").toBeCloseTo(
      240 * boundOf('02-generated-serializers', ONE),
    );
    const hundred = group(committed('02-generated-serializers'), '100 Todos → JSON text · nsPerOp');
    expect(target(hundred, idOf('02-generated-serializers', HUNDRED)).at, "lab 01's 20 µs × the bound").toBeCloseTo(
      20_000 * boundOf('02-generated-serializers', HUNDRED),
    );
  });

  it("draws a target against a peer at the peer's figure × the bound", () => {
    const one = group(committed('02-generated-serializers'), 'one Todo → JSON text · nsPerOp');
    expect(target(one, idOf('02-generated-serializers', ONE_VS_FJS)).at, "fast-json-stringify's 80 ns × the bound").toBeCloseTo(
      80 * boundOf('02-generated-serializers', ONE_VS_FJS),
    );
    const startup = group(committed('05-single-binary'), 'startup · startupMs');
    expect(
      startup.bars!.map((b) => b.label),
      'the peer it is judged against is a bar',
    ).toEqual(['lab 00', 'reference', 'raw node:http']);
    const raw = is('startup', 'startupMs', 'raw node:http');
    expect(target(startup, idOf('05-single-binary', raw)).at, "raw node:http's 40 ms × the bound").toBeCloseTo(40 * boundOf('05-single-binary', raw));
  });

  it('draws an absolute target at its bound, on a figure the chart shows only because a target judges it', () => {
    const run = committed('04-pooling');
    const own = group(run, 'POST /ingest/v1 1KB · appArrayBufferBytesPerRequest');
    const id = idOf('04-pooling', (t) => t.absolute === true);
    expect(target(own, id).at, 'an absolute target: its bound, in bytes').toBe(boundOf('04-pooling', (t) => t.absolute === true));
    expect(target(own, id).bound).toBe('atMost');
    const gc = is('POST /ingest/v1 64KB', 'gcPer10k');
    expect(target(group(run, 'POST /ingest/v1 64KB · gcPer10k'), idOf('04-pooling', gc)).at, "lab 03's 9 GCs per 10k requests × the bound").toBeCloseTo(
      9 * boundOf('04-pooling', gc),
    );
  });
});

describe('the verdict on each bar', () => {
  it("gives a committed run the reference's own verdicts, in the target's words and direction", () => {
    const run = committed('02-generated-serializers');
    expect(target(group(run, 'one Todo → JSON text · nsPerOp'), idOf('02-generated-serializers', ONE)).verdicts).toEqual({ reference: 'met' });
    const hundred = idOf('02-generated-serializers', HUNDRED);
    expect(target(group(run, '100 Todos → JSON text · nsPerOp'), hundred).verdicts).toEqual({ reference: 'missed' });
    const verdict = run.verdicts!.find((v) => v.id === hundred)!;
    expect(verdict.words).toBe(targetWords(targetsFor(manifest[2]!.targets, NODE20).find(HUNDRED)!));
    expect(verdict.lines).toEqual([{ who: 'reference', state: 'missed', text: expect.stringMatching(/^1\.67× faster than .+ \(target ≥ 1\.8×\) — missed$/) }]);
    expect(run.counts?.own).toMatch(/met, 1 missed of 6 targets$/);
  });

  it("makes a busy run's misses inconclusive, and says the machine was busy instead of repeating the harness", () => {
    const run = committed('02-generated-serializers', loadLabData(kitRoot(true)));
    const hundred = run.verdicts!.find((v) => v.id === idOf('02-generated-serializers', HUNDRED))!;
    expect(hundred.state).toBe('inconclusive');
    expect(hundred.why).toMatch(/busy/);
    const html = renderToStaticMarkup(createElement(RunChart, { lab: lab('02-generated-serializers'), run }));
    expect(html).toContain('Measured while the machine was busy: figures may be low');
    expect(html, "the harness's own busy warning is not listed again").not.toContain('The machine looked busy:');
    expect(html).toMatch(/data-verdict="inconclusive"[^>]*>[^<]*\? inconclusive/);
  });

  it("gives a learner's run their verdict on their bar and the reference's from the same run on the reference's", () => {
    const run = lab('02-generated-serializers').local!;
    const id = (pick: (t: CheckpointTarget) => boolean) => idOf('02-generated-serializers', pick);
    expect(target(group(run, 'one Todo → JSON text · nsPerOp'), id(ONE)).verdicts, 'yours 2.4× faster, the reference 4×').toEqual({
      learner: 'missed',
      reference: 'met',
    });
    expect(target(group(run, '100 Todos → JSON text · nsPerOp'), id(HUNDRED)).verdicts, 'the reference missed it too: yours is inconclusive').toEqual({
      learner: 'inconclusive',
      reference: 'missed',
    });
    const lines = run.verdicts!.find((v) => v.id === id(ONE))!.lines;
    expect(lines.map((l) => `${l.who}: ${l.state}`)).toEqual(['yours: missed', 'reference: met']);
    expect(lines[0]!.text).toMatch(/^2\.40× faster than .+ \(target ≥ 3×\) — missed$/);
    expect(lines[1]!.text, "the reference's beside it, as pnpm lab bench prints it").toBe('4.00× faster — met');
  });
});

/** Each group of a rendered chart: its bars' ends, its lines' x, and the verdicts printed under its bars. */
function drawnGroups(html: string) {
  return html
    .split('<g class="hp-group"')
    .slice(1)
    .map((g) => ({
      metric: /data-metric="([^"]+)"/.exec(g)![1]!,
      bars: new Map([...g.matchAll(/<rect x="([\d.]+)"[^>]*width="([\d.]+)"[^>]*data-series="([^"]+)"/g)].map((m) => [m[3]!, Number(m[1]) + Number(m[2])])),
      lines: new Map([...g.matchAll(/data-target="(T\d+)" data-at="[^"]+"><title>[^<]*<\/title><line x1="([\d.]+)"/g)].map((m) => [m[1]!, Number(m[2])])),
      verdicts: [...g.matchAll(/<tspan data-target="(T\d+)" data-verdict="(\w+)" data-series="(\w+)"[^>]*>([^<]*)</g)].map((m) => ({
        id: m[1]!,
        state: m[2]!,
        series: m[3]!,
        text: m[4]!,
      })),
    }));
}

describe('the chart as drawn', () => {
  const runs = () => [committed('02-generated-serializers'), lab('02-generated-serializers').local!, committed('04-pooling'), committed('05-single-binary')];

  it('ends each judged bar on the side of its target line that its verdict says, the verdict in words under it', () => {
    let checked = 0;
    for (const run of runs()) {
      const slug = run.file.split('/')[1] ?? '02-generated-serializers';
      const html = renderToStaticMarkup(createElement(RunChart, { lab: lab(run.source === 'local' ? '02-generated-serializers' : slug), run }));
      for (const g of drawnGroups(html)) {
        const metric = [...(run.microGroups ?? []), ...run.metrics].find((m) => m.key === g.metric)!;
        for (const v of g.verdicts) {
          const t = target(metric, v.id);
          expect(v.text, `${g.metric}: the verdict says its state in words`).toContain(
            `${v.id} ${t.short}: ${{ met: '✓', missed: '✗', inconclusive: '?' }[v.state]} ${v.state}`,
          );
          const x = g.lines.get(v.id);
          if (x === undefined) continue;
          const end = g.bars.get(v.series)!;
          // A learner's inconclusive is a miss of theirs the machine or the reference explains.
          const met = v.state === 'met';
          const inside = t.bound === 'atMost' ? end <= x + 0.5 : end >= x - 0.5;
          expect(inside, `${run.file} ${g.metric} ${v.id} (${v.series}, ${v.state}): bar end ${end.toFixed(1)}, line ${x.toFixed(1)}`).toBe(met);
          checked++;
        }
      }
    }
    expect(checked, 'the fixture charts judge bars against drawn lines').toBeGreaterThanOrEqual(16);
  });

  it("lists each target under the chart in the kit's words, with its state and figure", () => {
    const run = committed('02-generated-serializers');
    const html = renderToStaticMarkup(createElement(RunChart, { lab: lab('02-generated-serializers'), run }));
    const items = [...html.matchAll(/<li data-target="(T\d+)" data-verdict="(\w+)">([\s\S]*?)<\/li>/g)].map((m) => ({
      id: m[1],
      state: m[2],
      text: m[3]!
        .replace(/<!-- -->/g, '')
        .replace(/<[^>]+>/g, '')
        .replace(/&#x27;/g, "'")
        .replace(/&gt;/g, '>'),
    }));
    expect(items.map((i) => i.id)).toEqual(run.verdicts!.map((v) => v.id));
    for (const [i, v] of run.verdicts!.entries()) {
      expect(items[i]!.state).toBe(v.state);
      expect(items[i]!.text).toBe(`${v.id} ${v.words}: ${{ met: '✓', missed: '✗', inconclusive: '?' }[v.state]} ${v.lines[0]!.text}`);
    }
  });
});
