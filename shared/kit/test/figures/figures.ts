/**
 * Figures of record: what a lab README quotes from a committed results file, declared once, so the README's
 * text cannot drift from the run it cites (test/readme-figures.test.ts). A lab's file
 * (`figures/NN-slug.ts`) reads the committed results with `results()`, formats each figure with the
 * functions below, and lists what the README says: whole table rows (`row(label, …cells)`, the first cell as
 * the README writes it) and phrases of prose (`text\`…\``). The README stays plain markdown, readable on
 * GitHub; when a results file is re-committed, the test names every sentence and row to update, with its
 * new text.
 *
 * Lab 00's load and start-up figures have one run of record: lab 01's committed checkpoint (the first stage
 * measured against lab 00: a full run on a quiet 2-core machine; the site's lab 00 chart shows the same run),
 * and every README quoting lab 00's figures as such quotes that run (`LAB00_RUN`) — a page quoting lab 00 as
 * measured in another stage's run (a ratio needs both sides in one run) says so. Lab 00's own committed
 * checkpoint, when there is one, is micro-benchmarks only.
 *
 * Units: memory (heap, ArrayBuffer, RSS) and file sizes are binary and labelled so — KiB and MiB, 1024 and
 * 1024² bytes — as the harness's table, the site's charts and tables and lab 05's scripts print them; a
 * decimal "KB"/"MB" memory figure fails test/readme-figures.test.ts. Throughput (MB/s of input) is a rate and
 * stays decimal (1 MB = 10⁶ B). Body sizes in scenario names ("64KB") are keys, not figures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@hotpath/workshop/paths';
import type { Ratio } from '@hotpath/harness/result';

/** A row of a README table, every cell as the README writes it (markdown, trimmed). */
export interface RowQuote {
  kind: 'row';
  label: string;
  cells: string[];
}
/** A phrase of prose the README must contain (whitespace and line breaks compared as one space). */
export interface TextQuote {
  kind: 'text';
  text: string;
}
export type Quote = RowQuote | TextQuote;

export interface LabFigures {
  /** The results files quoted, as `reference:NN-slug/results/….json` (solutions/NN-slug/results/…). */
  sources: string[];
  quotes: Quote[];
}

export const row = (label: string, ...cells: string[]): RowQuote => ({ kind: 'row', label, cells });
/** A tagged template: `text\`${k(rps)} POST/s\`` is the phrase with each figure formatted. */
export const text = (strings: TemplateStringsArray, ...values: Array<string | number>): TextQuote => ({
  kind: 'text',
  text: String.raw({ raw: strings }, ...values),
});

/** A committed results file, read once. */
export class Results {
  readonly data: Record<string, unknown> & { ratios?: Ratio[] };
  readonly source: string;
  constructor(source: string) {
    this.source = source;
    const path = /^reference:(.+)$/.exec(source)?.[1];
    if (!path) throw new Error(`a figures source is reference:NN-slug/results/<file>.json, not ${source}`);
    this.data = JSON.parse(readFileSync(join(repoRoot, 'solutions', path), 'utf8'));
  }

  /**
   * A checkpoint figure from the result's ratios: `key` is 'subject' (the reference, in a committed run),
   * 'baseline', or 'peer:<name>'.
   */
  figure(section: 'load' | 'micro' | 'startup', name: string, metric: string, key = 'subject'): number {
    const ratios = (this.data.ratios ?? []).filter((r) => r.section === section && r.name === name && r.metric === metric);
    const value = key === 'baseline' ? ratios.find((r) => r.baseline !== null)?.baseline : ratios.find((r) => r.subjectKey === key)?.subject;
    if (value === undefined || value === null) throw new Error(`${this.source} has no ${section} figure ${name} ${metric} for ${key}`);
    return value;
  }

  load(name: string, metric: string, key = 'subject'): number {
    return this.figure('load', name, metric, key);
  }
  micro(name: string, metric: string, key = 'subject'): number {
    return this.figure('micro', name, metric, key);
  }
  startup(metric: 'startupMs' | 'peakRss', key = 'subject'): number {
    return this.figure('startup', 'startup', metric, key);
  }

  /** A load figure of the baseline (lab 00, or the run's own baseline). */
  base = (scenario: string, metric = 'rps'): number => this.load(scenario, metric, 'baseline');
  /** A load figure of the subject over the baseline's: above 1× is more. */
  ratio = (scenario: string, metric = 'rps'): number => this.load(scenario, metric) / this.base(scenario, metric);
  /** A micro task's time per call, in ns, for `key`. */
  nsPerOp = (task: string, key = 'subject'): number => this.micro(task, 'nsPerOp', key);
  /** A micro task's heap bytes per call for `key`. */
  bytesPerOp = (task: string, key = 'subject'): number => this.micro(task, 'bytesPerOp', key);

  /** The measured rounds of a load scenario for one server (`subject`, `baseline`, `peer:<name>`). */
  rounds(scenario: string, key = 'subject'): Array<Record<string, number>> {
    const scenarios =
      (this.data.load as { scenarios?: Array<{ name: string; results: Record<string, { rounds: Array<Record<string, number>> }> }> })?.scenarios ?? [];
    const found = scenarios.find((s) => s.name === scenario)?.results[key]?.rounds;
    if (!found) throw new Error(`${this.source} has no load rounds of ${scenario} for ${key}`);
    return found;
  }

  /**
   * Any number by path, as a dotted string or as parts (for keys with dots): `cost.before.instances`,
   * `load.scenarios[name=GET /todos].results.subject.rssBytes`.
   */
  get(path: string | string[]): number {
    let at: unknown = this.data;
    for (const part of typeof path === 'string' ? path.split('.') : path) {
      const select = /^(\w+)\[(\w+)=(.+)\]$/.exec(part);
      if (select)
        at = ((at as Record<string, unknown[]>)[select[1]!] ?? []).find((item) => String((item as Record<string, unknown>)[select[2]!]) === select[3]);
      else at = (at as Record<string, unknown> | undefined)?.[part];
      if (at === undefined) throw new Error(`${this.source} has nothing at ${String(path)} (stopped at ${part})`);
    }
    if (typeof at !== 'number') throw new Error(`${this.source}: ${String(path)} is not a number`);
    return at;
  }
}

const cache = new Map<string, Results>();
/** The results file `source` names (`reference:01-slim-builder/results/checkpoint.json`). */
export const results = (source: string) => cache.get(source) ?? cache.set(source, new Results(source)).get(source)!;

/**
 * A results file that may not be committed yet (a second runtime's run, `results/checkpoint.node26.json`
 * beside the Node 20 `results/checkpoint.json`): its Results when the file exists, else undefined — the
 * lab's figures file then declares the README's provisional text for those figures, and the day the run is
 * committed the test names every row and sentence to rewrite from it.
 */
export const resultsIfCommitted = (source: string): Results | undefined => {
  const path = /^reference:(.+)$/.exec(source)?.[1];
  return path && existsSync(join(repoRoot, 'solutions', path)) ? results(source) : undefined;
};

/** Lab 00's run of record: lab 01's committed checkpoint, in which lab 00 is the baseline. */
export const LAB00_RUN = 'reference:01-slim-builder/results/checkpoint.json';
export const lab00 = () => results(LAB00_RUN);

// ---- formats: one way to write each kind of figure, everywhere ----

/** 3 significant figures, 1 decimal from 10 up: 1.34, 42.6, 456.5. */
export const num = (n: number): string => (Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));
/** Requests per second: 81.8k, 2.97k (whole below 1000). */
export const k = (rps: number): string => (rps >= 1000 ? `${num(rps / 1000)}k` : rps.toFixed(0));
/** A latency in µs, as milliseconds: 1343.9 → "1.34 ms". */
export const ms = (us: number): string => `${num(us / 1000)} ms`;
/** A time already in ms: "177.2 ms". */
export const msOf = (value: number): string => `${num(value)} ms`;
/** Memory or a size: "336 B" below 1 KiB, then "15.0 KiB", then "80.8 MiB" (1024-based, labelled so). */
export const bytes = (n: number): string => (n < 1024 ? `${n.toFixed(0)} B` : n < 1024 * 1024 ? `${num(n / 1024)} KiB` : `${num(n / 1024 / 1024)} MiB`);
/** Bytes as MiB whatever the size: "141.5 MiB", "0.88 MiB". */
export const mib = (n: number): string => `${num(n / 1024 / 1024)} MiB`;
/** Bytes as MiB with one decimal, as lab 05's scripts and the site's lab 05 tables print them: "49.1 MiB". */
export const mib1 = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`;
/** Bytes as KiB with one decimal, as lab 05's tables print small files and heap per request: "170.8 KiB". */
export const kib1 = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;

/**
 * Memory written in decimal or unlabelled units — "51.5 MB", "15.0 KB", "468.4 kB", "~100 MB" — in `text`: the
 * kit writes memory as KiB/MiB. Not MB/s (a rate, decimal by definition), not a key like "64KB", and not the
 * fixture bodies' sizes "1 KB" and "64 KB" (names of scenarios and tasks; prose may say 64 KiB).
 */
export function decimalMemory(text: string): string[] {
  return [...text.matchAll(/(?<![\w.])(\d+(?:\.\d+)?) ?(KB|kB|MB)(?![\w/])/g)]
    .filter((m) => !(m[2] === 'KB' && (m[1] === '1' || m[1] === '64')))
    .map((m) => m[0]);
}
/** A micro time per call in ns: "40.9 ns", "5.85 µs". */
export const ns = (n: number): string => (n < 1000 ? `${num(n)} ns` : `${num(n / 1000)} µs`);
/** A ratio as the bench prints it: 27.5×, 0.57×, 0.032×. */
export const x = (ratio: number): string => `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(ratio < 0.1 ? 3 : 2)}×`;
/** How many times faster `after` is than `before` (times per call or latencies): "4.61× faster". */
export const faster = (after: number, before: number): string => `${x(before / after)} faster`;
/** GCs per 10k requests: "15.2", "307". */
export const gc = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
/** A whole count with thousands separators: "301,855". */
export const count = (n: number): string => Math.round(n).toLocaleString('en-US');
/** A range of requests per second in whole thousands: "52–54k". */
export const kRange = (values: number[]): string => `${Math.round(Math.min(...values) / 1000)}–${Math.round(Math.max(...values) / 1000)}k`;
/** A share in per cent, one decimal: "+0.5 %". */
export const percent = (share: number, signed = false): string => `${signed && share >= 0 ? '+' : ''}${(share * 100).toFixed(1)} %`;

// ---- reading a README ----

/** The table rows of a markdown text, outside code blocks: cells trimmed, separator rows left out. */
export function tableRows(markdown: string): Array<{ line: number; cells: string[]; header: boolean }> {
  const rows: Array<{ line: number; cells: string[]; header: boolean }> = [];
  let fence: string | undefined;
  markdown.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const open = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (open && (!fence || (open[0] === fence[0] && open.length >= fence.length))) {
      fence = fence ? undefined : open;
      return;
    }
    if (fence || !line.startsWith('|')) return;
    const cells = line
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim());
    if (cells.every((cell) => /^:?-+:?$/.test(cell))) {
      if (rows.at(-1)?.line === i) rows.at(-1)!.header = true;
      return;
    }
    rows.push({ line: i + 1, cells, header: false });
  });
  return rows;
}

/** Lines from `## Checkpoint` up to `## Done when` (or the end): where a README quotes its figures. */
export function figureSection(markdown: string): { from: number; to: number } | undefined {
  const lines = markdown.split('\n');
  const from = lines.findIndex((line) => /^##\s+Checkpoint\b/.test(line));
  if (from < 0) return undefined;
  const done = lines.findIndex((line, i) => i > from && /^##\s+Done when\b/.test(line));
  return { from: from + 1, to: done < 0 ? lines.length : done };
}

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
const rowText = (cells: string[]) => `| ${cells.join(' | ')} |`;

/** How a README says where its figures come from, by results file: it must say so in these words. */
export const SOURCE_WORDS: Record<string, string> = {
  'results/checkpoint.json': 'committed checkpoint',
  'results/checkpoint.node26.json': 'committed Node 26 checkpoint',
};

/**
 * What a README gets wrong about its declared figures, each as an instruction: a row or phrase that is
 * missing or differs from the formatted committed value, a table row of figures in the Checkpoint sections
 * that nothing declares, a results file the README does not name.
 */
export function figureProblems(markdown: string, figures: LabFigures | undefined, where = 'the README'): string[] {
  const problems: string[] = [];
  const rows = tableRows(markdown);
  const prose = squeeze(markdown);
  for (const quote of figures?.quotes ?? []) {
    if (quote.kind === 'text') {
      if (!prose.includes(squeeze(quote.text)))
        problems.push(`${where} must say "${squeeze(quote.text)}" (the committed figures, formatted): update the sentence that quotes them`);
      continue;
    }
    const found = rows.filter((r) => r.cells[0] === quote.label);
    const wanted = rowText([quote.label, ...quote.cells]);
    if (found.length === 0) problems.push(`${where} has no table row starting "| ${quote.label} |": write it as ${wanted}`);
    else if (!found.some((r) => rowText(r.cells) === wanted))
      problems.push(`${where} line ${found[0]!.line} must read ${wanted} (the committed figures, formatted), not ${rowText(found[0]!.cells)}`);
  }
  const section = figureSection(markdown);
  const declared = new Set((figures?.quotes ?? []).flatMap((q) => (q.kind === 'row' ? [q.label] : [])));
  for (const r of rows) {
    if (r.header || !section || r.line <= section.from || r.line > section.to) continue;
    if (declared.has(r.cells[0]!) || !r.cells.slice(1).some((cell) => /\d/.test(cell))) continue;
    problems.push(
      `${where} line ${r.line} quotes figures no figures file declares: add row(${JSON.stringify(r.cells[0])}, …) to the lab's file in shared/kit/test/figures/ (from its committed results), or drop the row`,
    );
  }
  for (const source of figures?.sources ?? []) {
    const file = Object.keys(SOURCE_WORDS).find((suffix) => source.endsWith(suffix));
    if (file && !prose.includes(SOURCE_WORDS[file]!))
      problems.push(
        `${where} quotes ${source}: say which run in words, "${SOURCE_WORDS[file]}" (e.g. "the reference's ${SOURCE_WORDS[file]}, shown on this lab's page")`,
      );
  }
  return problems;
}
