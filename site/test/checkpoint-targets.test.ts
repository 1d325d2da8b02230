/**
 * The targets a lab page shows are the ones for the runtime of the run it charts, as `pnpm lab bench` judges
 * them (the kit's target-runtime.ts): lab 02's committed Node 20 run lists its Node 20 targets and not the Node 26
 * one; the fixture's Node 26 run (test/fixtures/results, laid over as the browser tests' build does) the
 * reverse; the Node 22–24 target is in neither. Each target for some runtimes only says which ("— for Node 26
 * and later"). Rendered on the server, the chart's targets follow the run shown: the picked runtime's, or, when
 * the lab has no run on it, those of the run shown instead — never the whole manifest's list.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
// @ts-expect-error The workspace has no @types/react-dom; renderToStaticMarkup(element) returns the HTML string.
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { labs as manifest } from '../../shared/kit/src/manifest.ts';
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

/** Lab 02's manifest target with this label, as the site words it (the label, then the runtimes it is for). */
const labelled = (start: string, runtimes?: string): string => {
  const target = manifest.find((lab) => lab.slug === LAB02)!.targets.find((t) => t.label.startsWith(start));
  expect(target, `lab 02's manifest has a target starting "${start}": update this test to the manifest`).toBeDefined();
  return runtimes ? `${target!.label} — for ${runtimes}` : target!.label;
};
const NODE20 = () => [
  labelled("≥ 3× JSON.stringify's speed serializing one Todo", 'Node 20 and earlier'),
  labelled("≥ 1.8× JSON.stringify's speed serializing 100 Todos", 'Node 20 and earlier'),
  labelled('faster than fast-json-stringify serializing one Todo', 'Node 20 and earlier'),
  labelled('faster than fast-json-stringify serializing 100 Todos', 'Node 20 and earlier'),
];
const NODE22_24 = () => labelled("≥ 1.6× JSON.stringify's speed serializing one Todo", 'Node 22–24');
const NODE26 = () => labelled("within 25 % of JSON.stringify's time", 'Node 26 and later');
const EVERY = () => [labelled("≥ 1.25× the speed of lab 01's hand-written check"), labelled("≥ 10× the speed of TypeBox's Value.Check")];

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
/** The targets line of a rendered page, and the runtime it is marked with. */
function targetsLine(html: string): { runtime: string | undefined; text: string } {
  const match = /<p class="hp-targets"(?: data-runtime="(\w+)")?>([\s\S]*?)<\/p>/.exec(html);
  expect(match, 'the chart lists the targets in a <p class="hp-targets">').not.toBeNull();
  expect(html.match(/class="hp-targets"/g), 'one targets line per chart').toHaveLength(1);
  return { runtime: match![1], text: text(match![2]!) };
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

describe('the targets line of the chart, rendered on the server', () => {
  it('shows the Node 26 targets beside the Node 26 run the page picks by default, not the Node 20 ones', () => {
    const line = targetsLine(page([onRuntime('node20'), onRuntime('node26')]));
    expect(line.runtime).toBe('node26');
    expect(line.text).toBe(`Targets on Node 26, the runtime of this run: ${[...EVERY(), NODE26()].join('; ')}.`);
    for (const target of NODE20()) expect(line.text).not.toContain(target);
  });

  it('shows the Node 20 targets beside a Node 20 run, not the Node 26 one', () => {
    const line = targetsLine(page([onRuntime('node20')]));
    expect(line.runtime).toBe('node20');
    expect(line.text).toBe(`Targets on Node 20, the runtime of this run: ${[...EVERY(), ...NODE20()].join('; ')}.`);
    expect(line.text).not.toContain(NODE26());
  });

  it("follows the run shown, not the runtime picked, when the lab has no run on the one picked", () => {
    const html = page([onRuntime('node20')], [onRuntime('node20').runtime, onRuntime('node26').runtime]);
    expect(text(html), 'the chart says it shows another runtime').toContain('no Node 26 run of this checkpoint is committed');
    const line = targetsLine(html);
    expect(line.runtime).toBe('node20');
    expect(line.text).not.toContain(NODE26());
  });

  it('says so when none of the targets is for the run\'s runtime', () => {
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
