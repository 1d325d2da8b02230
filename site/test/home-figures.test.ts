/**
 * No drift between the home page's "Headline numbers" and the results file it names (issue 19): on the built
 * page, the table names its run of record (a link to that file's /source/ page); every figure and ratio in
 * the table is that file's, formatted; the file's fingerprint is stated; a busy-flagged run says so beside the
 * figures, with every warning of the run about the figures shown; and when the baseline is lab 00 measured in
 * that run, the page says lab 00's run of record is another. The expected cells come from the file's own
 * ratios, not from the site's plugin, so a plugin picking another file, a stale build or a hand-typed number
 * fails here. The last test plants a drifted figure. Needs `pnpm --dir site build` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { RatioLike } from '../plugins/chart-groups.ts';
import { sourceRoute } from '../plugins/repo-links.ts';
import { scenarioOf, warningScenario } from '../src/components/headline.ts';
import { pageText } from './page-text.ts';

vi.mock('@docusaurus/useGlobalData', () => ({ usePluginData: () => ({ labs: [] }) }));
const { formatValue } = await import('../src/components/CheckpointChart.tsx');

const root = fileURLToPath(new URL('../..', import.meta.url));
const page = join(root, 'site', 'build', 'index.html');

type RatioEntry = RatioLike;
interface ResultFile {
  fingerprint: { cpuModel: string; cores: number; date: string; gitCommit?: string; busy?: boolean };
  warnings?: string[];
  ratios: RatioEntry[];
}

/** A headline row's metric and unit, by its label (plugins/checkpoint-data.ts FIGURES). */
function metricOf(label: string): { section: 'load' | 'startup'; name: string; metric: string; unit: 'req/s' | 'µs' | 'B' | 'ms' } {
  if (label === 'time to first response') return { section: 'startup', name: 'startup', metric: 'startupMs', unit: 'ms' };
  if (label === 'peak RSS at startup') return { section: 'startup', name: 'startup', metric: 'peakRss', unit: 'B' };
  const name = scenarioOf(label);
  if (label.endsWith('requests/s')) return { section: 'load', name, metric: 'rps', unit: 'req/s' };
  if (label.endsWith('p99')) return { section: 'load', name, metric: 'p99', unit: 'µs' };
  if (label.endsWith('ArrayBuffer bytes/request')) return { section: 'load', name, metric: 'arrayBufferBytesPerRequest', unit: 'B' };
  return { section: 'load', name, metric: 'heapBytesPerRequest', unit: 'B' };
}

const decode = (s: string) => pageText(s).trim();

/** What the home page's headline block gets wrong against the file it names, each as an instruction. */
export function homeProblems(html: string, read: (file: string) => ResultFile): string[] {
  const block = /<div data-runtime="?[\w]+"? class="?hp-headline"?>([\s\S]*?)<\/table>/.exec(html)?.[0];
  if (!block) return ['the home page has no headline block (div.hp-headline): src/pages/index.tsx must render one'];
  const problems: string[] = [];
  const link =
    /<a[^>]*href="?([^" >]+)"?[^>]*class="?hp-run-file"?[^>]*>([\s\S]*?)<\/a>|<a[^>]*class="?hp-run-file"?[^>]*href="?([^" >]+)"?[^>]*>([\s\S]*?)<\/a>/.exec(
      block,
    );
  if (!link) return ['the headline names no results file: link it (a.hp-run-file) to its /source/ page'];
  const file = decode(link[2] ?? link[4]!);
  const href = link[1] ?? link[3]!;
  if (href !== sourceRoute(file)) problems.push(`the link to ${file} goes to ${href}, not ${sourceRoute(file)}`);
  const result = read(file);
  const text = pageText(block);
  const f = result.fingerprint;
  const fingerprint = `${f.cpuModel}, ${f.cores} cores, ${f.date.slice(0, 10)}${f.gitCommit ? `, commit ${f.gitCommit.slice(0, 7)}` : ''}`;
  if (!text.includes(fingerprint)) problems.push(`the headline must state ${file}'s fingerprint "${fingerprint}"`);
  if (f.busy && !text.includes('flagged busy'))
    problems.push(`${file} is flagged busy (fingerprint.busy): the headline must say "This run is flagged busy" beside its figures`);
  // The build's HTML is minified: closing </tr>, </td> and </th> may be left out, so split at the openings.
  const table = block.slice(block.indexOf('<table'));
  const rows = table
    .split(/<tr[^>]*>/)
    .slice(2)
    .map((r) =>
      r
        .split(/<t[hd][^>]*>/)
        .slice(1)
        .map((c) => decode(c.replace(/<\/(?:t[hdr]|tbody|thead|table)>/g, ''))),
    );
  if (rows.length === 0) problems.push('the headline table has no figures');
  const shownScenarios = new Set<string>();
  for (const [label, base, ref, ratio] of rows) {
    const m = metricOf(label!);
    shownScenarios.add(m.name);
    const entry = result.ratios.find((r) => r.section === m.section && r.name === m.name && r.metric === m.metric && r.subjectKey === 'subject');
    if (!entry || entry.subject === null || entry.baseline === null) {
      problems.push(`the headline shows "${label}", which ${file} does not have`);
      continue;
    }
    const r = entry.subject / entry.baseline;
    const want = [label, formatValue(entry.baseline, m.unit), formatValue(entry.subject, m.unit), `${r.toFixed(r < 0.1 ? 3 : 2)}×`];
    if ([label, base, ref, ratio].join(' | ') !== want.join(' | '))
      problems.push(`the headline row must read ${want.join(' | ')} (${file}), not ${[label, base, ref, ratio].join(' | ')}`);
  }
  for (const warning of result.warnings ?? []) {
    const scenario = warningScenario(warning);
    if ((scenario === undefined || shownScenarios.has(scenario)) && !text.includes(warning))
      problems.push(`the headline must show ${file}'s warning about its figures: "${warning}"`);
  }
  return problems;
}

const readRepo = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as ResultFile;

describe("the home page's headline numbers are the file it names", () => {
  it('names the file, its fingerprint, busy and warnings, and quotes its figures', () => {
    expect(existsSync(page), 'build the site first: pnpm --dir site build').toBe(true);
    const problems = homeProblems(readFileSync(page, 'utf8'), readRepo);
    expect(problems, `site/build/index.html:\n  - ${problems.join('\n  - ')}`).toEqual([]);
  });

  it("says lab 00's column is lab 00 in that run, not lab 00's run of record", () => {
    const text = pageText(readFileSync(page, 'utf8'));
    if (!text.includes('against its baseline, lab 00')) return;
    expect(text).toContain(
      "The lab 00 column is lab 00 measured in this same run (a ratio needs both sides measured together), not lab 00's run of record, solutions/01-slim-builder/results/checkpoint.json",
    );
  });

  it('catches a figure that drifted from the file, and a busy run said nowhere (planted)', () => {
    const html = readFileSync(page, 'utf8');
    const drifted = (file: string) => {
      const result = readRepo(file);
      return {
        ...result,
        fingerprint: { ...result.fingerprint, busy: true },
        ratios: result.ratios.map((r) =>
          r.name === 'GET /todos' && r.metric === 'rps' && r.subjectKey === 'subject' ? { ...r, subject: r.subject! * 1.5 } : r,
        ),
      };
    };
    const problems = homeProblems(html.replace(/flagged busy/g, 'flagged'), drifted);
    expect(problems.some((p) => p.startsWith('the headline row must read GET /todos requests/s |'))).toBe(true);
    expect(problems.some((p) => p.includes('is flagged busy (fingerprint.busy)'))).toBe(true);
  });
});
