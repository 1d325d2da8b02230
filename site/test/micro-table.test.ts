/**
 * The micro table under a chart (src/components/CheckpointChart.tsx), rendered on the server as the build
 * does: it names the runtime the run measured on; a task with inputBytes gets a throughput row in MB/s ("412 MB/s") with its ratio to the baseline and
 * a caption saying higher is better there; a run without it renders exactly the time and heap bytes rows.
 */
import { createElement } from 'react';
// @ts-expect-error The workspace has no @types/react-dom; renderToStaticMarkup(element) returns the HTML string.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ChartRun, LabData, MicroFigure } from '../plugins/checkpoint-data.ts';
import { siteRuntime } from '../plugins/result-runtime.ts';

vi.mock('@docusaurus/useGlobalData', () => ({ usePluginData: () => ({ labs: [] }) }));
const { RunChart, formatValue } = await import('../src/components/CheckpointChart.tsx');

const lab = {
  slug: '03-byte-parsing',
  number: 3,
  title: 'Byte parsing',
  teaches: '',
  status: 'ready',
  targets: [],
  hints: [],
  references: [],
  history: [],
} satisfies LabData;

function run(micro: MicroFigure[], peers: string[] = []): ChartRun {
  const runtime = siteRuntime('node', '26.12.1', '14.6.202.34-node.40');
  return {
    source: 'reference',
    createdAt: '2026-12-02T10:00:00.000Z',
    mode: 'quick',
    runtime,
    file: 'checkpoint.node26.json',
    fingerprint: 'cpu, 2 cores',
    baselineLabel: 'lab 02',
    metrics: [],
    micro,
    peers,
    warnings: [],
    runtimePeers: [],
    targets: [],
  };
}

const time: MicroFigure = { task: 'parse 64 KB', metric: 'nsPerOp', unit: 'ns', values: { reference: 159_000, baseline: 640_000, 'peer:JSON.parse': 320_000 } };
const bytes: MicroFigure = { task: 'parse 64 KB', metric: 'bytesPerOp', unit: 'B', values: { reference: 0, baseline: 200_000, 'peer:JSON.parse': 150_000 } };
const throughput: MicroFigure = {
  task: 'parse 64 KB',
  metric: 'mbPerSec',
  unit: 'MB/s',
  values: { reference: 412.3, baseline: 102.4, 'peer:JSON.parse': 204.8 },
};

/** The micro table's caption and rows as text, one string per row (cells joined by ' | '). */
function microTable(chart: ChartRun): { caption: string; rows: string[] } {
  const html: string = renderToStaticMarkup(createElement(RunChart, { lab, run: chart }));
  const table = /<table class="hp-micro"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  const text = (s: string) =>
    s
      .replace(/<!-- -->/g, '')
      .replace(/<[^>]+>/g, '')
      .trim();
  const caption = text(/<caption[^>]*>([\s\S]*?)<\/caption>/.exec(table)?.[1] ?? '');
  const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => text(cell[1]!)).join(' | '),
  );
  return { caption, rows };
}

describe('the micro table', () => {
  it('formats throughput as MB/s', () => {
    expect(formatValue(412.3, 'MB/s')).toBe('412 MB/s');
    expect(formatValue(41.23, 'MB/s')).toBe('41.2 MB/s');
    expect(formatValue(4.123, 'MB/s')).toBe('4.12 MB/s');
  });

  it('shows a throughput row with ratios to the baseline, and says higher is better for it', () => {
    const { caption, rows } = microTable(run([time, bytes, throughput], ['JSON.parse']));
    expect(caption).toBe(
      'Micro-benchmarks on Node 26.12.1 · V8 14.6, per call (lower is better; throughput, in MB/s of input, higher is better); JSON.parse: a peer to compare with. Ratios are to lab 02.',
    );
    expect(rows).toEqual([
      'task | figure | lab 02 | reference | JSON.parse',
      'parse 64 KB | time | 640.00 µs | 159.00 µs (0.25×) | 320.00 µs (0.50×)',
      'heap bytes | 195.3 KiB | 0 B (0×) | 146.5 KiB (0.75×)',
      'throughput | 102 MB/s | 412 MB/s (4.03×) | 205 MB/s (2.00×)',
    ]);
  });

  it('renders a run without MB/s figures as before', () => {
    const { caption, rows } = microTable(run([time, bytes]));
    expect(caption).toBe('Micro-benchmarks on Node 26.12.1 · V8 14.6, per call (lower is better). Ratios are to lab 02.');
    expect(rows.slice(1)).toEqual(['parse 64 KB | time | 640.00 µs | 159.00 µs (0.25×)', 'heap bytes | 195.3 KiB | 0 B (0×)']);
  });
});
