/**
 * Lab 05's tables rendered on the server as the build does (src/components/StartupTable, CapstoneTable,
 * CostEstimate), from the committed checkpoint results — each cell checked against the raw file (the views
 * it carries, or its own start-up section), so a re-run needs no edit here, and the number formats checked
 * on fixed values; and the cost estimate recomputed for a reader's price and target (capstone-cost.ts) — it
 * reproduces the committed run's own estimate and the formula @hotpath/harness/cost documents (instances = ceil(target / (rps × headroom)), monthly = instances × price), and turns bad input
 * into a sentence rather than an exception.
 */
import { createElement } from 'react';
// @ts-expect-error The workspace has no @types/react-dom; renderToStaticMarkup(element) returns the HTML string.
import { renderToStaticMarkup } from 'react-dom/server';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareCost } from '@hotpath/harness/cost';
import { capstoneView, startupView } from '@hotpath/harness/run-views';
import { loadLabResults, ROW_NAMES } from '../plugins/lab-results.ts';
import { TARGET_VS_RAW_NODE_HTTP } from '@hotpath/workshop/manifest';
import { parseInput, recomputeCost } from '../src/components/capstone-cost.ts';
import CapstoneTable from '../src/components/CapstoneTable.tsx';
import CostEstimate from '../src/components/CostEstimate.tsx';
import StartupTable from '../src/components/StartupTable.tsx';
import { fileSize, mib, msFromUs, ratio, spreadText, usd, whole } from '../src/components/result-format.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const results = loadLabResults(repo)['05-single-binary']!;
/** The Node 20 views (checkpoint.json's), whatever other runtimes are committed beside them. */
const startup = results.startup.find((s) => s.file.endsWith('/checkpoint.json'))!;
const capstone = results.capstone.find((c) => c.file.endsWith('/checkpoint.json'))!;
const cost = capstone.cost!;

const text = (s: string) =>
  s
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
/** A rendered table's caption and rows, cells joined by ' | '. */
function table(html: string, className: string): { caption: string; rows: string[] } {
  const t = new RegExp(`<table class="hp-results ${className}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? '';
  return {
    caption: text(/<caption>([\s\S]*?)<\/caption>/.exec(t)?.[1] ?? ''),
    rows: [...t.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
      [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => text(cell[1]!)).join(' | '),
    ),
  };
}

describe('the cost estimate, recomputed', () => {
  it("reproduces the committed run's estimate from its own assumptions", () => {
    const c = cost;
    const again = recomputeCost(c, { pricePerMonthUsd: c.assumptions.pricePerMonthUsd, targetRps: c.assumptions.targetRps });
    if ('error' in again) throw new Error(again.error);
    expect(again.before).toMatchObject(c.before);
    expect(again.after).toMatchObject(c.after);
  });

  it.each([
    [30, 85_000],
    [60, 85_000],
    [12.5, 1_000],
    [30, 200_000],
    [0.99, 7_000],
  ])('follows the documented formula at %s USD and %s req/s', (price, target) => {
    const c = cost;
    const result = recomputeCost(c, { pricePerMonthUsd: price, targetRps: target });
    if ('error' in result) throw new Error(result.error);
    for (const [side, rps] of [
      ['before', c.beforeRps],
      ['after', c.afterRps],
    ] as const) {
      const instances = Math.max(1, Math.ceil(target / (rps * c.assumptions.headroom) - 1e-9));
      expect(result[side].instances).toBe(instances);
      expect(result[side].monthlyUsd).toBeCloseTo(instances * price, 9);
    }
    expect(result.savingMonthlyUsd).toBeCloseTo(result.before.monthlyUsd - result.after.monthlyUsd, 9);
  });

  it('takes a headroom of its own (the former --headroom), within (0, 1]', () => {
    const result = recomputeCost(cost, { pricePerMonthUsd: 30, targetRps: 85_000, headroom: 0.6 });
    if ('error' in result) throw new Error(result.error);
    expect(result.before.instances).toBe(Math.ceil(85_000 / (cost.beforeRps * 0.6) - 1e-9));
    expect(result.assumptions.headroom).toBe(0.6);
    expect(recomputeCost(cost, { pricePerMonthUsd: 30, targetRps: 85_000, headroom: 1.5 })).toEqual({ error: 'Enter a headroom above 0 and at most 100 %.' });
  });

  it('answers a sentence, not an exception, for input that is not a number above 0', () => {
    expect(recomputeCost(cost, { pricePerMonthUsd: parseInput(''), targetRps: 85_000 })).toEqual({
      error: 'Enter a number above 0 for the price per instance-month.',
    });
    expect(recomputeCost(cost, { pricePerMonthUsd: 0, targetRps: -1 })).toEqual({
      error: 'Enter a number above 0 for the price per instance-month and the target requests/s.',
    });
    expect(parseInput('85,000')).toBe(85_000);
    expect(parseInput('abc')).toBeNaN();
  });
});

describe('the figures as the scripts print them', () => {
  it('formats memory and sizes in MiB and KiB (1024-based), times to one decimal, counts and dollars grouped', () => {
    expect(mib(51_478_528)).toBe('49.1');
    expect([fileSize(907), fileSize(174_863), fileSize(99_224_704), fileSize(null)]).toEqual(['0.9 KiB', '170.8 KiB', '94.6 MiB', 'sources + node_modules']);
    expect(spreadText({ median: 120.71, min: 113.36, max: 154.15 })).toBe('120.7 (113.4–154.2)');
    expect([whole(20_094.43), msFromUs(2334.51), usd(2940), usd(1234.567)]).toEqual(['20,094', '2.33', '2,940 USD', '1,234.57 USD']);
    expect([ratio(20_094.43, 1041.77), ratio(null, 1), ratio(1, 0)]).toEqual(['19.29×', '–', '–']);
  });
});

/** A committed result file, to derive each expected cell from. */
const raw = (name: string) => JSON.parse(readFileSync(join(repo, 'solutions/05-single-binary/results', name), 'utf8'));
const FILE = 'solutions/05-single-binary/results/checkpoint.json';
/** checkpoint.json's views as the harness reads them: carried from an earlier run, or its own sections. */
const startupOfRecord = () => startupView(raw('checkpoint.json'), FILE)!;
const capstoneOfRecord = () => capstoneView(raw('checkpoint.json'), FILE)!;
/** The caption's words for where a view came from (RunOfRecord.tsx). */
const recordText = (view: { from: string }) =>
  view.from === FILE ? `Run of record: ${FILE}` : `Run of record: the one that wrote ${view.from}, carried in ${FILE}`;
/** The table rows a start-up view should render: one per row, in its order. */
function startupRows(view: any, perRow: boolean): string[] {
  const rawMedian = view.rows.find((r: any) => r.key === 'peer:raw node:http').firstOkMs.median;
  return view.rows.map((r: any) => {
    const vsRaw = Math.round((r.firstOkMs.median / rawMedian) * 100) / 100;
    const sea = r.key === 'subject' || r.key.startsWith('peer:SEA ');
    const label = ROW_NAMES[r.key] ?? (r.key.startsWith('peer:bun --compile') ? `bun 1.4.5 ${r.label.slice(4)} (peer)` : r.label);
    return [
      label,
      ...(perRow ? [r.runtime] : []),
      spreadText(r.firstOkMs),
      vsRaw.toFixed(2),
      sea ? (vsRaw <= TARGET_VS_RAW_NODE_HTTP ? '✓ met' : '✗ not met') : '–',
      r.peakRssBytes ? mib(r.peakRssBytes.median) : '–',
      fileSize(r.fileBytes),
    ].join(' | ');
  });
}

describe("lab 05's tables", () => {
  it('shows every start-up row of the run of record, the target marked on the SEA rows only', () => {
    const json = startupOfRecord();
    const { caption, rows } = table(renderToStaticMarkup(createElement(StartupTable, { data: startup })), 'hp-startup');
    expect(caption).toContain(
      `${json.runs} starts of each, after 1 discarded, interleaved · Node 20.20.2 · V8 11.3 on ${json.machine.cpus} × ${json.machine.cpuModel} · ${json.createdAt.slice(0, 10)}.`,
    );
    expect(caption).toContain(`at most ${TARGET_VS_RAW_NODE_HTTP}× raw node:http`);
    expect(caption, 'the caption names the run that measured it, the file carrying it and its load average').toContain(
      `${recordText(json)}, load average ${json.machine.loadAverage!.atStart} at the start`,
    );
    expect(rows[0]).toBe(
      `how it starts | runtime | time to first response, ms: median (min–max) | × raw node:http | target: ≤ ${TARGET_VS_RAW_NODE_HTTP}× raw | peak RSS, MiB (median) | file size`,
    );
    expect(rows.slice(1)).toEqual(startupRows(json, true));
    expect(rows.find((r) => r.startsWith('SEA code cache |'))).toMatch(/\| [✓✗] (not )?met \| [\d.]+ \| [\d.]+ MiB$/);
  });

  it("renders a run's own start-up section the same way (Node 26: Bun rows with their runtime)", () => {
    const node26 = results.startup.find((s) => s.file.endsWith('/checkpoint.node26.json'))!;
    const json = raw('checkpoint.node26.json');
    const { caption, rows } = table(renderToStaticMarkup(createElement(StartupTable, { data: node26 })), 'hp-startup');
    expect(caption).toContain('Run of record: solutions/05-single-binary/results/checkpoint.node26.json, load average');
    expect(rows).toHaveLength(1 + Object.keys(json.startup.results).length);
    expect(rows.find((r) => r.startsWith('bun 1.4.5 --compile (peer) |'))).toContain('| Bun 1.4.5 |');
    expect(rows.find((r) => r.startsWith('raw node:http (reference) |'))).toContain('| 1.00 | – |');
  });

  it('marks a SEA row within the target as met, one beyond it as not met', () => {
    const limit = startup.targetVsRaw;
    const data = {
      ...startup,
      rows: startup.rows.map((r) => (r.key === 'subject' ? { ...r, vsRaw: limit } : r.key === 'peer:SEA plain' ? { ...r, vsRaw: limit + 0.01 } : r)),
    };
    const { rows } = table(renderToStaticMarkup(createElement(StartupTable, { data })), 'hp-startup');
    expect(rows.find((r) => r.startsWith('SEA code cache |'))).toContain('| ✓ met |');
    expect(rows.find((r) => r.startsWith('SEA plain |'))).toContain('| ✗ not met |');
  });

  it('adds a runtime column only when a row ran on another runtime than the run', () => {
    const node = { ...startup, rows: startup.rows.map((r) => ({ ...r, runtime: startup.runtime.label })) };
    const data = { ...node, rows: node.rows.map((r, i) => (i === 0 ? { ...r, runtime: 'Bun 1.4.5' } : r)) };
    const { rows } = table(renderToStaticMarkup(createElement(StartupTable, { data })), 'hp-startup');
    expect(rows[0]!.split(' | ').slice(0, 2)).toEqual(['how it starts', 'runtime']);
    expect(
      rows.slice(1).map((r) => r.split(' | ')[1]),
      "the others on the run's runtime",
    ).toEqual(startup.rows.map((_, i) => (i === 0 ? 'Bun 1.4.5' : startup.runtime.label)));
    expect(
      table(renderToStaticMarkup(createElement(StartupTable, { data: node })), 'hp-startup').rows[0],
      "no column when every row ran on the run's runtime",
    ).not.toContain('runtime');
  });

  it('lists the ways the run could not start under the table, with the reason', () => {
    const unavailable = [{ label: 'node src/server.ts (type stripping)', reason: 'Node 20.20.2 does not strip TypeScript types (Node ≥ 22.18 does)' }];
    const html: string = renderToStaticMarkup(createElement(StartupTable, { data: { ...startup, unavailable } }));
    expect(text(html)).toContain(
      'Not measured on this run: node src/server.ts (type stripping) — Node 20.20.2 does not strip TypeScript types (Node ≥ 22.18 does)',
    );
    expect(renderToStaticMarkup(createElement(StartupTable, { data: { ...startup, unavailable: [] } }))).not.toContain('Not measured');
  });

  it('puts lab 00 and the binary side by side with the ratio, grouped and captioned', () => {
    const json = capstoneOfRecord();
    const html: string = renderToStaticMarkup(createElement(CapstoneTable, { data: capstone }));
    const { caption, rows } = table(html, 'hp-capstone');
    expect(caption).toContain(
      `One ${json.mode} run, ${json.createdAt.slice(0, 10)}: ${json.config.rounds} rounds × ${json.config.durationSec} s per scenario and server`,
    );
    expect(caption).toContain(`· Node 20.20.2 · V8 11.3 on ${json.machine.cpus} × ${json.machine.cpuModel}.`);
    expect(caption, 'the caption names the run of record and its fingerprint').toContain(
      `${recordText(json)}, commit ${json.machine.commit}, load average ${json.machine.loadAverage!.atStart} at the start`,
    );
    expect(caption.includes('flagged the machine busy'), 'says busy exactly when the run was').toBe(json.machine.busy === true);
    const scenario = (s: any) => {
      const row = (figure: string, key: string, format: (n: number) => string) =>
        `${figure} | ${format(s.lab00[key])} | ${format(s.binary[key])} | ${ratio(s.binary[key], s.lab00[key])}`;
      return [
        `Under load: ${s.name}`,
        row('requests/s', 'rps', whole),
        row('p50 latency, ms', 'p50Us', msFromUs),
        row('p99 latency, ms', 'p99Us', msFromUs),
        row('heap allocated per request, bytes', 'heapBytesPerRequest', whole),
        row('GCs per 10k requests', 'gcPer10kRequests', (n) => n.toFixed(1)),
        row('RSS after the round, MiB', 'rssBytes', mib),
      ];
    };
    const { lab00: s0, binary: s1 } = json.startup;
    const [a0, a1] = [json.artifact.lab00!, json.artifact.binary!];
    expect(rows).toEqual([
      'figure | lab 00 (pnpm start, tsx) | final binary (SEA code cache) | binary ÷ lab 00',
      ...json.scenarios.flatMap(scenario),
      'Start-up',
      `time to first response, ms: median (min–max) | ${spreadText(s0.firstOkMs)} | ${spreadText(s1.firstOkMs)} | ${ratio(s1.firstOkMs.median, s0.firstOkMs.median)}`,
      `peak RSS at the first response, MiB | ${mib(s0.peakRssBytes!)} | ${mib(s1.peakRssBytes!)} | ${ratio(s1.peakRssBytes, s0.peakRssBytes)}`,
      'Shipping',
      `artifact to ship, MiB | ${mib(a0.bytes)} ‡ | ${mib(a1.bytes)} | ${ratio(a1.bytes, a0.bytes)}`,
    ]);
    expect(json.scenarios.map((s: any) => s.name)).toEqual(['GET /todos', 'POST /ingest/v1 1KB']);
    expect(html).toContain('<th scope="rowgroup" colSpan="4">Under load: GET /todos</th>');
    expect(text(html)).toContain(`‡ ${mib(a0.packagesBytes!)} MiB in ${a0.packageCount} package folders`);
  });

  it('puts a peer on another runtime beside the binary, from the same rotation, without heap rows', () => {
    const todos = capstone.scenarios[0]!;
    const bun = { ...todos.binary, rps: 41_000, p50Us: 1_100, p99Us: 2_900, rssBytes: 60 * 1024 * 1024, heapBytesPerRequest: null, gcPer10kRequests: null };
    const peer = { name: 'bun server.cjs', label: 'bun solutions/05-single-binary/dist/server.cjs', runtime: 'Bun 1.4.5', scenario: 'GET /todos' };
    const html: string = renderToStaticMarkup(
      createElement(CapstoneTable, { data: { ...capstone, runtimePeers: [{ ...peer, peer: bun, binary: todos.binary }] } }),
    );
    const { caption, rows } = table(html, 'hp-runtime-peer');
    expect(caption).toContain('GET /todos on another runtime, in the same rotation: bun solutions/05-single-binary/dist/server.cjs (Bun 1.4.5');
    expect(caption).toContain('Bun 1.4.5 runs JavaScriptCore');
    expect(rows).toEqual([
      `figure | final binary (${capstone.runtime.label}) | Bun 1.4.5, the same bundle | Bun ÷ binary`,
      `requests/s | ${whole(todos.binary.rps)} | 41,000 | ${ratio(41_000, todos.binary.rps)}`,
      `p50 latency, ms | ${msFromUs(todos.binary.p50Us)} | ${msFromUs(1_100)} | ${ratio(1_100, todos.binary.p50Us)}`,
      `p99 latency, ms | ${msFromUs(todos.binary.p99Us)} | ${msFromUs(2_900)} | ${ratio(2_900, todos.binary.p99Us)}`,
      `RSS after the round, MiB | ${mib(todos.binary.rssBytes!)} | 60.0 | ${ratio(60 * 1024 * 1024, todos.binary.rssBytes)}`,
    ]);
    const plain: string = renderToStaticMarkup(createElement(CapstoneTable, { data: { ...capstone, runtimePeers: undefined } }));
    expect(plain, 'no runtime peer, no table').not.toContain('hp-runtime-peer');
  });

  it("says why its GET /todos differs from the checkpoint chart's: two runs, named, the busy one marked", () => {
    const checkpoint = raw('checkpoint.json');
    expect(capstone.checkpoint !== undefined, "only a carried capstone brings the file's own run").toBe(checkpoint.carried?.capstone !== undefined);
    const t = capstone.scenarios.find((s) => s.name === 'GET /todos')!;
    // The file's own run, as a carried capstone brings it: different figures, flagged busy.
    const aside = { date: '2026-12-01T10:00:00.000Z', busy: true, todos: { lab00: 1_000, binary: 20_000 } };
    const notes = text(renderToStaticMarkup(createElement(CapstoneTable, { data: { ...capstone, checkpoint: aside } })));
    expect(notes).toContain(
      `GET /todos here: ${whole(t.binary.rps)} requests/s against lab 00's ${whole(t.lab00.rps)} (${ratio(t.binary.rps, t.lab00.rps)}), from the run that wrote ${capstone.from}`,
    );
    expect(notes).toContain(
      `The checkpoint chart above shows 20,000 against 1,000 (20.00×), from ${capstone.file}, run 2026-12-01 on a machine the harness flagged busy. They are two runs`,
    );
    // The same figures in both: no note.
    const same = { ...capstone, checkpoint: { ...aside, todos: { lab00: t.lab00.rps, binary: t.binary.rps } } };
    expect(text(renderToStaticMarkup(createElement(CapstoneTable, { data: same })))).not.toContain('They are two runs');
  });

  it("renders the cost estimate with the run's assumptions, editable", () => {
    // The estimate @hotpath/harness/cost gives for the capstone's POST requests/s under the default assumptions.
    const post = capstone.scenarios.find((s) => s.name === 'POST /ingest/v1 1KB')!;
    const cost = compareCost(post.lab00.rps, post.binary.rps, { targetRps: 85_000, pricePerMonthUsd: 30, headroom: 0.7 });
    const savingMonthlyUsd = cost.before.monthlyUsd - cost.after.monthlyUsd;
    const html: string = renderToStaticMarkup(createElement(CostEstimate, { data: { ...capstone, cost: capstone.cost! } }));
    const { caption, rows } = table(html, 'hp-cost-table');
    expect(caption).toBe(
      `Cost estimate: ${whole(cost.assumptions.targetRps)} requests/s at ${usd(cost.assumptions.pricePerMonthUsd)} per instance-month, each instance planned at 70 % of its measured requests/s.`,
    );
    expect(rows[0]).toBe('server | measured requests/s per instance | planned requests/s per instance | instances | monthly cost, USD');
    expect(rows.slice(1).map((r) => r.split(' | ').slice(3))).toEqual([
      [String(cost.before.instances), cost.before.monthlyUsd.toLocaleString('en-US')],
      [String(cost.after.instances), cost.after.monthlyUsd.toLocaleString('en-US')],
    ]);
    expect(text(html)).toContain(
      `Saving ${usd(savingMonthlyUsd)}/month (${usd(savingMonthlyUsd * 12)}/year): -${Math.round((savingMonthlyUsd / cost.before.monthlyUsd) * 100)} % spend.`,
    );
    expect(html).toMatch(/<label for="([^"]+)-price">Price per instance-month, USD<\/label><input id="\1-price"/);
  });
});
