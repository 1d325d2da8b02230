/**
 * The targets a lab page shows are the ones for the runtime of the run it charts, as `pnpm lab bench` judges
 * them (the kit's target-runtime.ts), each in the kit's own words (`targetWords`, verdict.ts): lab 02's
 * committed Node 20 run lists its Node 20 targets and not the Node 26 one; the fixture's Node 26 run
 * (test/fixtures/results, laid over as the browser tests' build does) the reverse; the Node 22–24 target is in
 * neither. Each target for some runtimes only says which ("— for Node 26 and later"). Rendered on the server,
 * the chart's targets list follows the run shown: the picked runtime's, or, when the lab has no run on it,
 * those of the run shown instead — never the whole manifest's list — each numbered as the chart draws it, with
 * its verdict in words, and the run's count of met, missed and inconclusive targets.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
// @ts-expect-error The workspace has no @types/react-dom; renderToStaticMarkup(element) returns the HTML string.
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { labs as manifest, type CheckpointTarget } from '@hotpath/workshop/manifest';
import { targetWords } from '@hotpath/kit/verdict';
import { loadLabData, type ChartRun, type LabData } from '../plugins/checkpoint-data.ts';
import { siteRuntime } from '../plugins/result-runtime.ts';

let labs: LabData[] = [];
vi.mock('@docusaurus/useGlobalData', () => ({ usePluginData: () => ({ labs }) }));
const { default: CheckpointChart } = await import('../src/components/CheckpointChart.tsx');
const { RuntimeProvider } = await import('../src/components/RuntimePicker.tsx');
const { pageRuntimes } = await import('../src/components/runtime-choice.ts');

const repo = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/results', import.meta.url));
const LAB02 = '02-generated-serializers';
let root = '';
let lab02: LabData;

/** Lab 02's manifest target `pick` finds, as the site words it (the kit's targetWords: with the runtimes it is for). */
const worded = (what: string, pick: (t: CheckpointTarget) => boolean): string => {
  const target = manifest.find((lab) => lab.slug === LAB02)!.targets.find(pick);
  expect(target, `lab 02's manifest has a target ${what}: update this test to the manifest`).toBeDefined();
  return targetWords(target!);
};
/** A target on `scenario`'s time, against `vs` (none: the baseline), for the Node majors `node` (none: every runtime). */
const on = (scenario: string, vs?: string, node?: { min?: number; max?: number }) => (t: CheckpointTarget) =>
  t.scenario === scenario && t.metric === 'nsPerOp' && t.vs === vs && t.node?.min === node?.min && t.node?.max === node?.max;
const ONE = 'one Todo → JSON text';
const HUNDRED = '100 Todos → JSON text';
const NODE20 = () => [
  worded('serializing one Todo against lab 01 on Node 20', on(ONE, undefined, { max: 20 })),
  worded('serializing 100 Todos against lab 01 on Node 20', on(HUNDRED, undefined, { max: 20 })),
  worded('serializing one Todo against fast-json-stringify', on(ONE, 'fast-json-stringify', { max: 20 })),
  worded('serializing 100 Todos against fast-json-stringify', on(HUNDRED, 'fast-json-stringify', { max: 20 })),
];
const NODE22_24 = () => worded('serializing one Todo on Node 22–24', on(ONE, undefined, { min: 22, max: 24 }));
const NODE26 = () => worded('serializing one Todo on Node 26', on(ONE, undefined, { min: 26 }));
const EVERY = () => [
  worded("validating against lab 01's check", on('validate a POST /todos body')),
  worded("validating against TypeBox's Value.Check", on('validate a POST /todos body', 'TypeBox Value.Check')),
];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'hotpath-site-targets-'));
  for (const slug of ['01-slim-builder', LAB02]) {
    mkdirSync(join(root, 'solutions', slug, 'results'), { recursive: true });
    cpSync(join(repo, 'solutions', slug, 'results', 'checkpoint.json'), join(root, 'solutions', slug, 'results', 'checkpoint.json'));
  }
  lab02 = loadLabData(root, FIXTURES).find((lab) => lab.slug === LAB02)!;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const onRuntime = (id: string): ChartRun => {
  const run = lab02.references.find((r) => r.runtime.id === id);
  expect(run, `lab 02 has a ${id} run (committed, or the fixture laid over)`).toBeDefined();
  return run!;
};
/** A fragment's text as a reader sees it (tags dropped, the entities React escapes decoded). */
const text = (html: string) =>
  html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Lab 02's page rendered on the server with `references`, the picker offering `runtimes` (default: theirs). */
function page(references: ChartRun[], runtimes = pageRuntimes(references)): string {
  labs = [{ ...lab02, references, local: undefined }];
  return renderToStaticMarkup(createElement(RuntimeProvider, { runtimes, children: createElement(CheckpointChart, { slug: LAB02 }) }));
}
/** The targets block of a rendered page: the runtime it is marked with, its text, and its list's items (each "T1 <words>: <verdict>"). */
function targetsLine(html: string): { runtime: string | undefined; text: string; intro: string; items: string[] } {
  const match = /<(p|div) class="hp-targets"(?: data-runtime="(\w+)")?>([\s\S]*?)<\/\1>/.exec(html);
  expect(match, 'the chart lists the targets in a <p class="hp-targets"> or <div class="hp-targets">').not.toBeNull();
  expect(html.match(/class="hp-targets"/g), 'one targets block per chart').toHaveLength(1);
  const intro = /^<p>([\s\S]*?)<\/p>/.exec(match![3]!)?.[1];
  const items = [...match![3]!.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => text(m[1]!).trim());
  return { runtime: match![2], text: text(match![3]!).trim(), intro: text(intro ?? match![3]!).trim(), items };
}
/** Each item reads its target's words first, numbered as the chart draws it, then its verdict: met, missed or inconclusive. */
function expectItems(items: string[], words: string[]) {
  expect(items, 'one item per target for the runtime').toHaveLength(words.length);
  words.forEach((w, i) => {
    expect(items[i]!.startsWith(`T${i + 1} ${w}: `), `item ${i + 1} reads "T${i + 1} ${w}: …", got "${items[i]}"`).toBe(true);
    expect(items[i]).toMatch(/ — (met|missed|inconclusive)( \(inconclusive: .+\))?$/);
  });
}

describe("lab 02's targets per runtime", () => {
  it('gives the Node 20 run the targets for every runtime and for Node 20, the Node 26 one left out', () => {
    expect(onRuntime('node20').targets).toEqual([...EVERY(), ...NODE20()]);
    expect(onRuntime('node20').targets).not.toContain(NODE26());
    expect(onRuntime('node20').targets).not.toContain(NODE22_24());
  });

  it('gives the Node 26 run the targets for every runtime and for Node 26, none of the Node 20 ones', () => {
    expect(onRuntime('node26').targets).toEqual([...EVERY(), NODE26()]);
    for (const target of [...NODE20(), NODE22_24()]) expect(onRuntime('node26').targets).not.toContain(target);
  });

  it('lists every target with its runtimes only for a lab without a run', () => {
    expect(lab02.targets).toEqual([...EVERY(), ...NODE20(), NODE22_24(), NODE26()]);
  });
});

describe('the targets list of the chart, rendered on the server', () => {
  it('shows the Node 26 targets beside the Node 26 run the page picks by default, not the Node 20 ones', () => {
    const line = targetsLine(page([onRuntime('node20'), onRuntime('node26')]));
    expect(line.runtime).toBe('node26');
    expect(line.intro).toMatch(
      /^Targets on Node 26, the runtime of this run — the reference solution: \d+ met(, \d+ missed)?(, \d+ inconclusive)? of 3 targets\./,
    );
    expectItems(line.items, [...EVERY(), NODE26()]);
    for (const target of NODE20()) expect(line.text).not.toContain(target);
  });

  it('shows the Node 20 targets beside a Node 20 run, not the Node 26 one', () => {
    const line = targetsLine(page([onRuntime('node20')]));
    expect(line.runtime).toBe('node20');
    expect(line.intro).toMatch(/^Targets on Node 20, the runtime of this run — the reference solution: .* of 6 targets\./);
    expectItems(line.items, [...EVERY(), ...NODE20()]);
    expect(line.text).not.toContain(NODE26());
  });

  it('follows the run shown, not the runtime picked, when the lab has no run on the one picked', () => {
    const html = page([onRuntime('node20')], [onRuntime('node20').runtime, onRuntime('node26').runtime]);
    expect(text(html), 'the chart says it shows another runtime').toContain('no Node 26 run of this checkpoint is committed');
    const line = targetsLine(html);
    expect(line.runtime).toBe('node20');
    expect(line.text).not.toContain(NODE26());
  });

  it("says so when none of the targets is for the run's runtime", () => {
    const bunRun: ChartRun = { ...onRuntime('node26'), runtime: siteRuntime('bun', '1.4.5', null), targets: [] };
    const line = targetsLine(page([bunRun]));
    expect(line.text).toBe("No targets on Bun 1: this lab's targets are for other runtimes.");
  });

  it('lists every target, each naming its runtimes, when the lab has no run to chart', () => {
    const line = targetsLine(page([]));
    expect(line.runtime).toBeUndefined();
    expect(line.text).toBe(`Targets, for every runtime unless one is named: ${lab02.targets.join('; ')}.`);
    expect(line.text).toContain(NODE26());
  });
});
