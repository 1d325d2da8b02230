/**
 * Lab 05's tables rendered on the server as the build does (src/components/StartupTable, CapstoneTable,
 * CostEstimate), from the committed results — each cell checked against the raw file, so a re-run of the
 * scripts needs no edit here, and the number formats checked on fixed values; and the cost estimate recomputed for a reader's price and
 * target (capstone-cost.ts) — it reproduces the committed run's own estimate and the formula scripts/cost.ts
 * documents (instances = ceil(target / (rps × headroom)), monthly = instances × price), and turns bad input
 * into a sentence rather than an exception.
 */
import { createElement } from 'react';
// @ts-expect-error The workspace has no @types/react-dom; renderToStaticMarkup(element) returns the HTML string.
import { renderToStaticMarkup } from 'react-dom/server';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLabResults } from '../plugins/lab-results.ts';
import { recordedRuntime } from '../plugins/result-runtime.ts';
import { parseInput, recomputeCost } from '../src/components/capstone-cost.ts';
import CapstoneTable from '../src/components/CapstoneTable.tsx';
import CostEstimate from '../src/components/CostEstimate.tsx';
import StartupTable from '../src/components/StartupTable.tsx';
import { fileSize, mib, msFromUs, ratio, spreadText, usd, whole } from '../src/components/result-format.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const results = loadLabResults(repo)['05-single-binary']!;
/** The Node 20 runs of record (startup.json, capstone.json), whatever other runtimes are committed beside them. */
const startup = results.startup.find((s) => s.file.endsWith('/startup.json'))!;
const capstone = results.capstone.find((c) => c.file.endsWith('/capstone.json'))!;

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
    const c = capstone.cost;
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
    const c = capstone.cost;
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

  it('answers a sentence, not an exception, for input that is not a number above 0', () => {
    expect(recomputeCost(capstone.cost, { pricePerMonthUsd: parseInput(''), targetRps: 85_000 })).toEqual({
      error: 'Enter a number above 0 for the price per instance-month.',
    });
    expect(recomputeCost(capstone.cost, { pricePerMonthUsd: 0, targetRps: -1 })).toEqual({
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

/** The committed files as the scripts wrote them, to derive each expected cell from. */
const raw = (name: string) => JSON.parse(readFileSync(join(repo, 'solutions/05-single-binary/results', name), 'utf8'));

describe("lab 05's tables", () => {
  it('shows every start-up subject, the target marked on the SEA rows only', () => {
    const json = raw('startup.json');
    const { caption, rows } = table(renderToStaticMarkup(createElement(StartupTable, { data: startup })), 'hp-startup');
    expect(caption).toContain(
      `${json.config.runs} starts of each, after 1 discarded, interleaved · ${recordedRuntime(json, 'startup.json').caption} on ${json.machine.cpus} × ${json.machine.cpuModel} · ${json.date.slice(0, 10)}.`,
    );
    expect(caption).toContain(`at most ${json.targetVsRaw}× raw node:http`);
    expect(caption, 'the caption names the run of record and its load average').toContain(
      `Run of record: solutions/05-single-binary/results/startup.json, load average ${json.machine.loadAverage.atStart} at the start`,
    );
    // Files that name each row's runtime (Bun rows beside Node's) have a runtime column.
    const perRow = Object.values(json.results as Record<string, any>).some((r) => r.runtime !== undefined);
    const runtime = (r: { runtime?: string }) => (perRow ? [r.runtime ?? startup.runtime.label] : []);
    expect(rows[0]).toBe(
      [
        'how it starts',
        ...(perRow ? ['runtime'] : []),
        'time to first response, ms: median (min–max) | × raw node:http',
        `target: ≤ ${json.targetVsRaw}× raw | peak RSS, MiB (median) | file size`,
      ].join(' | '),
    );
    const expected = Object.values(json.results as Record<string, any>).map((r) => {
      const target = r.label.startsWith('SEA') ? (r.vsRaw <= json.targetVsRaw ? '✓ met' : '✗ not met') : '–';
      return [
        r.label,
        ...runtime(r),
        spreadText(r.firstOkMs),
        r.vsRaw.toFixed(2),
        target,
        r.peakRssBytes ? mib(r.peakRssBytes.median) : '–',
        fileSize(r.fileBytes),
      ].join(' | ');
    });
    expect(rows.slice(1)).toEqual(expected);
    expect(rows.find((r) => r.startsWith('SEA code cache |'))).toMatch(/\| [✓✗] (not )?met \| [\d.]+ \| [\d.]+ MiB$/);
  });

  it('marks a SEA row within the target as met, one beyond it as not met', () => {
    const limit = startup.targetVsRaw;
    const data = {
      ...startup,
      rows: startup.rows.map((r) => (r.key === 'server-sea-codecache' ? { ...r, vsRaw: limit } : r.key === 'server-sea' ? { ...r, vsRaw: limit + 0.01 } : r)),
    };
    const { rows } = table(renderToStaticMarkup(createElement(StartupTable, { data })), 'hp-startup');
    expect(rows.find((r) => r.startsWith('SEA code cache |'))).toContain('| ✓ met |');
    expect(rows.find((r) => r.startsWith('SEA plain |'))).toContain('| ✗ not met |');
  });

  it("adds a runtime column when the file names each row's runtime (Bun rows beside Node's)", () => {
    const without = { ...startup, rows: startup.rows.map(({ runtime: _runtime, ...r }) => r) };
    const data = { ...without, rows: without.rows.map((r, i) => (i === 0 ? { ...r, runtime: 'Bun 1.4.5' } : r)) };
    const { rows } = table(renderToStaticMarkup(createElement(StartupTable, { data })), 'hp-startup');
    expect(rows[0]!.split(' | ').slice(0, 2)).toEqual(['how it starts', 'runtime']);
    expect(
      rows.slice(1).map((r) => r.split(' | ')[1]),
      "the others on the file's runtime",
    ).toEqual(startup.rows.map((_, i) => (i === 0 ? 'Bun 1.4.5' : startup.runtime.label)));
    expect(
      table(renderToStaticMarkup(createElement(StartupTable, { data: without })), 'hp-startup').rows[0],
      'no column for a file without them',
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
    const json = raw('capstone.json');
    const html: string = renderToStaticMarkup(createElement(CapstoneTable, { data: capstone }));
    const { caption, rows } = table(html, 'hp-capstone');
    expect(caption).toContain(
      `One ${json.mode} run, ${json.date.slice(0, 10)}: ${json.config.rounds} rounds × ${json.config.durationSec} s per scenario and server`,
    );
    expect(caption).toContain(
      `· Node ${json.fingerprint.node.replace(/^v/, '')} · V8 ${/^\d+\.\d+/.exec(json.fingerprint.v8)![0]} on ${json.fingerprint.cores} × ${json.fingerprint.cpuModel}.`,
    );
    expect(caption, 'the caption names the run of record and its fingerprint').toContain(
      `Run of record: solutions/05-single-binary/results/capstone.json, commit ${json.fingerprint.gitCommit.slice(0, 7)}, load average ${json.fingerprint.loadAverageStart[0]} at the start`,
    );
    expect(caption.includes('flagged the machine busy'), 'says busy exactly when the fingerprint does').toBe(json.fingerprint.busy === true);
    const scenario = (name: string) => {
      const { lab00: a, binary: b } = json.load[name];
      const row = (figure: string, key: string, format: (n: number) => string) =>
        `${figure} | ${format(a[key])} | ${format(b[key])} | ${ratio(b[key], a[key])}`;
      return [
        `Under load: ${name}`,
        row('requests/s', 'rps', whole),
        row('p50 latency, ms', 'p50Us', msFromUs),
        row('p99 latency, ms', 'p99Us', msFromUs),
        row('heap allocated per request, bytes', 'heapBytesPerRequest', whole),
        row('GCs per 10k requests', 'gcPer10kRequests', (n) => n.toFixed(1)),
        row('RSS after the round, MiB', 'rssBytes', mib),
      ];
    };
    const { lab00: s0, binary: s1 } = json.startup;
    expect(rows).toEqual([
      `figure | ${json.subjects.lab00.label} | ${json.subjects.binary.label} | binary ÷ lab 00`,
      ...scenario('GET /todos'),
      ...scenario('POST /ingest/v1 1KB'),
      'Start-up',
      `time to first response, ms: median (min–max) | ${spreadText(s0.firstOkMs)} | ${spreadText(s1.firstOkMs)} | ${ratio(s1.firstOkMs.median, s0.firstOkMs.median)}`,
      `peak RSS at the first response, MiB | ${mib(s0.peakRssBytes.median)} | ${mib(s1.peakRssBytes.median)} | ${ratio(s1.peakRssBytes.median, s0.peakRssBytes.median)}`,
      'Shipping',
      `artifact to ship, MiB | ${mib(json.artifact.lab00.bytes)} ‡ | ${mib(json.artifact.binary.bytes)} | ${ratio(json.artifact.binary.bytes, json.artifact.lab00.bytes)}`,
    ]);
    expect(html).toContain('<th scope="rowgroup" colSpan="4">Under load: GET /todos</th>');
    expect(text(html)).toContain(`‡ ${mib(json.artifact.lab00.packagesBytes)} MiB in ${json.artifact.lab00.packageCount} package folders`);
    expect(text(html).includes('† measured on'), 'a † note exactly when a stand-in measured the heap').toBe(!json.probeInBinary.works);
  });

  it("says why its GET /todos differs from the checkpoint chart's: two runs, named, the busy one marked", () => {
    const json = raw('capstone.json');
    const checkpoint = raw('checkpoint.json');
    const figure = (key: 'subject' | 'baseline') => {
      const r = checkpoint.ratios.find((x: any) => x.section === 'load' && x.name === 'GET /todos' && x.metric === 'rps' && x.subjectKey === 'subject');
      return key === 'subject' ? r.subject : r.baseline;
    };
    expect(capstone.checkpoint, 'the capstone carries the checkpoint run of its runtime').toMatchObject({
      file: 'solutions/05-single-binary/results/checkpoint.json',
      busy: checkpoint.fingerprint.busy === true,
    });
    const notes = text(renderToStaticMarkup(createElement(CapstoneTable, { data: capstone })));
    const t = json.load['GET /todos'];
    expect(notes).toContain(
      `GET /todos here: ${whole(t.binary.rps)} requests/s against lab 00's ${whole(t.lab00.rps)} (${ratio(t.binary.rps, t.lab00.rps)}), from solutions/05-single-binary/results/capstone.json`,
    );
    expect(notes).toContain(
      `The checkpoint chart above shows ${whole(figure('subject'))} against ${whole(figure('baseline'))} (${ratio(figure('subject'), figure('baseline'))}), from solutions/05-single-binary/results/checkpoint.json, run ${checkpoint.fingerprint.date.slice(0, 10)}${checkpoint.fingerprint.busy ? ' on a machine the harness flagged busy' : ''}. They are two runs`,
    );
    // The same figures in both: no note.
    const same = { ...capstone, checkpoint: { ...capstone.checkpoint!, todos: { lab00: t.lab00.rps, binary: t.binary.rps } } };
    expect(text(renderToStaticMarkup(createElement(CapstoneTable, { data: same })))).not.toContain('They are two runs');
  });

  it("renders the cost estimate with the run's assumptions, editable", () => {
    const { cost } = raw('capstone.json');
    const html: string = renderToStaticMarkup(createElement(CostEstimate, { data: capstone }));
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
      `Saving ${usd(cost.savingMonthlyUsd)}/month (${usd(cost.savingYearlyUsd)}/year): ${(cost.changeRatio * 100).toFixed(0)} % spend.`,
    );
    expect(html).toMatch(/<label for="([^"]+)-price">Price per instance-month, USD<\/label><input id="\1-price"/);
  });
});
