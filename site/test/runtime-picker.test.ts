/**
 * A lab page's figure blocks rendered on the server as the build does (what a reader without JavaScript
 * gets): with runs on Node 20 and Node 26 committed, the runtime picker is a labelled group of buttons, Node 26
 * pressed (the newest Node major) and disabled until the page is live, and the chart and its micro table state
 * Node 26's runtime and show its figures; with one runtime there is no picker and the chart still names it.
 * A run that measured a runtime peer (`--runtime`) adds the same micro table on that runtime, with ratios
 * across runtimes. On lab 05's page the one choice applies to every block: a block without a run on it shows
 * its own and says so.
 */
import { createElement } from 'react';
// @ts-expect-error The workspace has no @types/react-dom; renderToStaticMarkup(element) returns the HTML string.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ChartRun, LabData } from '../plugins/checkpoint-data.ts';
import { loadLabResults, type LabResults } from '../plugins/lab-results.ts';
import { siteRuntime } from '../plugins/result-runtime.ts';

let labs: LabData[] = [];
let results: Record<string, LabResults> = {};
vi.mock('@docusaurus/useGlobalData', () => ({ usePluginData: (name: string) => ({ labs: name === 'hotpath-lab-results' ? results : labs }) }));
const { default: CheckpointChart } = await import('../src/components/CheckpointChart.tsx');
const { LabCapstone, LabCostEstimate, LabStartupTable } = await import('../src/components/LabResults.tsx');
const { RuntimeProvider } = await import('../src/components/RuntimePicker.tsx');
const { pageRuntimes } = await import('../src/components/runtime-choice.ts');

function run(version: string, v8: string, ns: number): ChartRun {
  return {
    source: 'reference',
    createdAt: '2026-12-06T10:00:00.000Z',
    mode: 'full',
    runtime: siteRuntime('node', version, v8),
    file: `checkpoint.${version}.json`,
    fingerprint: 'cpu, 2 cores',
    baselineLabel: 'lab 01',
    metrics: [{ label: 'GET /todos requests/s', unit: 'req/s', better: 'higher', values: { reference: ns * 10, baseline: 1000 } }],
    micro: [{ task: 'one Todo → JSON text', metric: 'nsPerOp', unit: 'ns', values: { reference: ns, baseline: 400 } }],
    peers: [],
    warnings: [],
    runtimePeers: [],
    targets: [],
  };
}

function page(references: ChartRun[]): string {
  labs = [
    {
      slug: '02-generated-serializers',
      number: 2,
      title: 'Generated serializers',
      teaches: '',
      status: 'ready',
      targets: [],
      hints: [],
      references,
      history: [],
    },
  ];
  const chart = createElement(CheckpointChart, { slug: '02-generated-serializers' });
  return renderToStaticMarkup(createElement(RuntimeProvider, { runtimes: pageRuntimes(references), children: chart }));
}
const text = (html: string) =>
  html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('the figure blocks of a lab page, rendered on the server', () => {
  const on20 = run('20.20.2', '11.3.244.8-node.38', 100);
  const on26 = run('26.12.1', '14.6.202.34-node.40', 392);

  it('offers Node 20 and Node 26, Node 26 pressed, the buttons disabled until the page is live', () => {
    const html = page([on20, on26]);
    const group = /<div class="hp-runtime-picker" role="group" aria-labelledby="([^"]+)"[^>]*>([\s\S]*?)<\/div>/.exec(html);
    expect(group, 'a labelled group around the buttons').not.toBeNull();
    expect(html).toContain(`<span id="${group![1]}">Measured on</span>`);
    const buttons = [...group![2]!.matchAll(/<button([^>]*)>([^<]*)<\/button>/g)].map((b) => [
      b[2],
      /aria-pressed="(\w+)"/.exec(b[1]!)?.[1],
      /disabled=""/.test(b[1]!),
    ]);
    expect(buttons).toEqual([
      ['Node 20', 'false', true],
      ['Node 26', 'true', true],
    ]);
  });

  it("shows Node 26's run, stating its runtime in the chart, its caption and the micro table", () => {
    const html = page([on20, on26]);
    expect(html).toContain('<figure class="hp-chart" data-runtime="node26">');
    const shown = text(html);
    expect(shown).toContain('Runtime: Node 26.12.1 · V8 14.6 ');
    expect(shown).toContain('Checkpoint of lab 02 on Node 26.12.1 · V8 14.6: the reference run');
    expect(shown).toContain('Micro-benchmarks on Node 26.12.1 · V8 14.6, per call');
    expect(shown).toContain('392.0 ns (0.98×)');
    expect(shown).not.toContain('100.0 ns');
  });

  it("adds a table of the same micro-benchmarks on a runtime peer, each ratio to the same column on the run's runtime", () => {
    const peer = { runtime: on20.runtime, micro: [{ ...on26.micro[0]!, values: { reference: 100, baseline: 200 } }] };
    const html = page([{ ...on26, runtimePeers: [peer] }]);
    const tables = [...html.matchAll(/<table class="hp-micro"[\s\S]*?<\/table>/g)].map((m) => text(m[0]));
    expect(tables).toHaveLength(2);
    expect(tables[1]).toContain(
      'The same micro-benchmarks on Node 20.20.2 · V8 11.3, measured in the same run, taking turns with Node 26.12.1 · V8 14.6, per call',
    );
    expect(tables[1]).toContain('one Todo → JSON text time 200.0 ns (0.50×) 100.0 ns (0.26×)');
  });

  it('renders no picker for one runtime, and still names it', () => {
    const html = page([on20]);
    expect(html).not.toContain('hp-runtime-picker');
    expect(text(html)).toContain('Runtime: Node 20.20.2 · V8 11.3 ');
  });

  it("applies the one choice to lab 05's blocks, each without a Node 26 run showing its own and saying so", () => {
    const committed = loadLabResults()['05-single-binary']!;
    const [startup20, capstone20] = [committed.startup[0]!, committed.capstone[0]!];
    const startup26 = { ...startup20, runtime: siteRuntime('node', '26.12.1', '14.6.202.34-node.40'), file: 'startup.node26.json' };
    results = { '05-single-binary': { startup: [startup20, startup26], capstone: [capstone20] } };
    labs = [
      { slug: '05-single-binary', number: 5, title: 'Single binary', teaches: '', status: 'ready', targets: [], hints: [], references: [on20], history: [] },
    ];
    const blocks = [CheckpointChart, LabStartupTable, LabCapstone, LabCostEstimate].map((block, key) =>
      createElement(block, { slug: '05-single-binary', key }),
    );
    const html: string = renderToStaticMarkup(
      createElement(RuntimeProvider, { runtimes: pageRuntimes([on20], [startup20, startup26], [capstone20]), children: blocks }),
    );
    expect([...html.matchAll(/<(figure|div) [^>]*data-runtime="(\w+)"/g)].map((m) => m[2])).toEqual(['node20', 'node26', 'node20']);
    const shown = text(html);
    expect(shown).toContain(`Runtime: ${on20.runtime.caption} — no Node 26 run of this checkpoint is committed`);
    expect(shown).toContain('Runtime: Node 26.12.1 · V8 14.6 The figures of startup.node26.json');
    expect(shown).toContain(`Runtime: ${capstone20.runtime.caption} — no Node 26 run of the capstone is committed`);
  });
});
