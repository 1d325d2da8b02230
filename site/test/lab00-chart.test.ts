/**
 * Lab 00's chart (plugins/lab00-runs.ts, chart-groups.ts `floorGroups`/`pairGroups`), on fixture results in
 * test/fixtures/verdicts (made-up figures): lab 00 has no target and no load run of its own, so its load
 * figures are its side of its run of record (lab 01's), each route drawn beside the same run's lab 00 GET
 * /health — the same server answering a constant, the floor of its stack — with how much of the request is the
 * route's own work; its own micro-only run, when committed, adds a second chart of its pairs (reflection-based
 * mapping beside the plain JSON call it wraps, eager beside guarded debug line), each chart naming its file.
 * Warnings of lab 01's run about lab 01's own figures are not repeated on lab 00's chart.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
// @ts-expect-error The workspace has no @types/react-dom; renderToStaticMarkup(element) returns the HTML string.
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadLabData, type LabData } from '../plugins/checkpoint-data.ts';
import { warningSubject } from '../plugins/chart-verdicts.ts';

vi.mock('@docusaurus/useGlobalData', () => ({ usePluginData: () => ({ labs: [] }) }));
const { RunChart } = await import('../src/components/CheckpointChart.tsx');

const FIXTURES = fileURLToPath(new URL('./fixtures/verdicts', import.meta.url));
const roots: string[] = [];
/** Lab 00's data from a kit root holding the fixture results of `slugs`. */
function lab00(slugs: string[]): LabData {
  const root = mkdtempSync(join(tmpdir(), 'hotpath-site-lab00-'));
  roots.push(root);
  for (const slug of slugs) cpSync(join(FIXTURES, 'solutions', slug), join(root, 'solutions', slug), { recursive: true });
  return loadLabData(root).find((lab) => lab.slug === '00-baseline')!;
}
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));
const text = (html: string) =>
  html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');

describe("lab 00's chart", () => {
  it("draws each route beside the same run's GET /health, with how much of a request is the route's own work", () => {
    const [run] = lab00(['01-slim-builder']).references;
    expect(run!.source).toBe('baseline-only');
    const rps = run!.metrics.find((m) => m.key === 'GET /todos · rps')!;
    expect(rps.bars).toEqual([
      { key: 'baseline', label: 'GET /todos', value: 4000, kind: 'baseline' },
      { key: 'floor', label: 'GET /health (floor)', value: 10_000, kind: 'floor' },
    ]);
    const heap = run!.metrics.find((m) => m.key === 'POST /ingest/v1 1KB · heapBytesPerRequest')!;
    expect(heap.bars!.map((b) => b.value)).toEqual([20_000, 6000]);
    const shown = text(renderToStaticMarkup(createElement(RunChart, { lab: lab00(['01-slim-builder']), run: run! })));
    expect(shown).toContain("The route's own work: 60 % of each request's time (GET /health: 2.5× the requests/s).");
    expect(shown).toContain("The route's own: 13.7 KiB of 19.5 KiB (70 %); the rest is GET /health's floor.");
    expect(shown, 'start-up has no floor: a lone bar is left to the table').toContain('time to first response, peak RSS at startup: one bar each');
  });

  it("keeps only the warnings about lab 00's figures and the whole run, not lab 01's own", () => {
    const [run] = lab00(['01-slim-builder']).references;
    expect(run!.warnings).toContain('GET /todos (baseline): a round stayed noisy (0.40 other CPUs)');
    expect(run!.warnings).toContain('A fixture of the site tests (site/test/fixtures/verdicts), not a measurement.');
    for (const w of run!.warnings) expect([undefined, 'baseline'], w).toContain(warningSubject(w));
  });

  it('charts its own micro-only run as pairs under the figures of its run of record, each chart naming its file', () => {
    const lab = lab00(['00-baseline', '01-slim-builder']);
    expect(lab.references, 'one run per runtime: the micro-only run does not replace the run of record').toHaveLength(1);
    const [run] = lab.references;
    expect(run!.source, "the load figures are still lab 01's run's").toBe('baseline-only');
    expect(run!.file).toBe('solutions/01-slim-builder/results/checkpoint.json');
    const own = run!.companion!;
    expect(own.file).toBe('solutions/00-baseline/results/checkpoint.json');
    expect(own.microGroups!.map((g) => g.label)).toEqual([
      '100 todos: time per call',
      '100 todos: heap bytes per call',
      'debug line, debug off: time per call',
      'debug line, debug off: heap bytes per call',
    ]);
    expect(own.microGroups![0]!.bars!.map((b) => `${b.label} ${b.value}`)).toEqual(['JSON.stringify 20000', 'instanceToPlain + JSON.stringify 80000']);
    const html = renderToStaticMarkup(createElement(RunChart, { lab, run: run! }));
    expect(html.match(/<figure class="hp-chart" data-runtime="node20">/g), 'two charts').toHaveLength(2);
    const files = [...html.matchAll(/<p class="hp-record" data-file="([^"]+)">Run of record: <a href="[^"]+"><code>/g)].map((m) => m[1]);
    expect(files, 'each names its results file, linked').toEqual([
      'solutions/01-slim-builder/results/checkpoint.json',
      'solutions/00-baseline/results/checkpoint.json',
    ]);
    expect(text(html)).toContain('instanceToPlain + JSON.stringify');
    expect(text(html)).toMatch(/80\.00 µs · 4\.00× JSON\.stringify/);
  });

  it('shows its own run alone on a runtime its run of record was not measured on', () => {
    const [run] = lab00(['00-baseline']).references;
    expect(run!.source).toBe('reference');
    expect(run!.metrics).toEqual([]);
    expect(run!.microGroups!.length).toBeGreaterThan(0);
  });
});
