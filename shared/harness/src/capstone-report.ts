/**
 * `hotpath-capstone [--json FILE] [--target-rps N] [--price-per-month USD] [--headroom F]` (lab 05's
 * `pnpm capstone`, after its bench): the capstone view of a checkpoint result (run-views.ts) printed as the
 * site shows it — the binary against lab 00 under load, at start-up and by what is shipped — and the cost
 * estimate (cost.ts) for the target rate, price and headroom given (the site's defaults otherwise).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compareCost, DEFAULT_HEADROOM, DEFAULT_PRICE_PER_MONTH_USD, DEFAULT_TARGET_RPS, type CostAssumptions } from './cost.ts';
import type { CheckpointResult } from './report.ts';
import { type CapstoneView, capstoneView, costInputs } from './run-views.ts';

const mib = (bytes: number | null | undefined) => (bytes == null ? '–' : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);
const times = (after: number | null | undefined, before: number | null | undefined) => (after == null || !before ? '–' : `${(after / before).toFixed(2)}×`);

/** The capstone as lines of text, then the cost estimate under `assumptions`. */
export function formatCapstone(view: CapstoneView, assumptions: CostAssumptions): string {
  const lines = [`Capstone: lab 00 against the final binary, ${view.mode} run of ${view.createdAt.slice(0, 10)} on ${view.runtime.label} (${view.from})`];
  const row = (figure: string, a: number | null | undefined, b: number | null | undefined, show: (n: number | null | undefined) => string) =>
    lines.push(`  ${figure.padEnd(28)} ${show(a).padStart(12)} ${show(b).padStart(12)} ${times(b, a).padStart(8)}`);
  const plain = (digits: number) => (n: number | null | undefined) => (n == null ? '–' : n.toFixed(digits));
  for (const s of view.scenarios) {
    lines.push(`${s.name}: lab 00, binary, binary ÷ lab 00`);
    row('requests/s', s.lab00.rps, s.binary.rps, plain(0));
    row('p99 latency, ms', s.lab00.p99Us / 1000, s.binary.p99Us / 1000, plain(2));
    row('heap per request, bytes', s.lab00.heapBytesPerRequest, s.binary.heapBytesPerRequest, plain(0));
    row('RSS after the round', s.lab00.rssBytes, s.binary.rssBytes, mib);
  }
  lines.push('Start-up and shipping');
  row('first 200, ms (median)', view.startup.lab00.firstOkMs.median, view.startup.binary.firstOkMs.median, plain(1));
  row('peak RSS at the first 200', view.startup.lab00.peakRssBytes, view.startup.binary.peakRssBytes, mib);
  row('what is shipped', view.artifact.lab00?.bytes, view.artifact.binary?.bytes, mib);
  for (const p of view.runtimePeers ?? []) {
    lines.push(`${p.scenario} on another runtime, in the same rotation: the binary (${view.runtime.label}), ${p.label} (${p.runtime}), ${p.runtime} ÷ binary`);
    row('requests/s', p.binary.rps, p.peer.rps, plain(0));
    row('p99 latency, ms', p.binary.p99Us / 1000, p.peer.p99Us / 1000, plain(2));
    row('RSS after the round', p.binary.rssBytes, p.peer.rssBytes, mib);
  }
  const inputs = costInputs(view);
  if (!inputs) return lines.join('\n');
  const c = compareCost(inputs.beforeRps, inputs.afterRps, assumptions);
  const usd = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })} USD`;
  lines.push(
    `Cost at ${assumptions.targetRps.toLocaleString('en-US')} requests/s (${inputs.scenario}, each instance at ${Math.round(assumptions.headroom * 100)} % of its measured rate, ${usd(assumptions.pricePerMonthUsd)} per instance-month):`,
    `  lab 00: ${c.before.instances} instances, ${usd(c.before.monthlyUsd)} a month; the binary: ${c.after.instances}, ${usd(c.after.monthlyUsd)} (${(c.changeRatio * 100).toFixed(0)} %).`,
    '  An estimate from loopback figures, one pinned process per instance: not a bill.',
  );
  return lines.join('\n');
}

/** The CLI: reads the result, prints the capstone; 2 on bad options, 1 when the result has no capstone. */
export function main(argv: readonly string[], cwd = process.cwd()): number {
  let values: { json: string; 'target-rps': string; 'price-per-month': string; headroom: string };
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        json: { type: 'string', default: '.checkpoint/latest.json' },
        'target-rps': { type: 'string', default: String(DEFAULT_TARGET_RPS) },
        'price-per-month': { type: 'string', default: String(DEFAULT_PRICE_PER_MONTH_USD) },
        headroom: { type: 'string', default: String(DEFAULT_HEADROOM) },
      },
    }).values as typeof values;
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: hotpath-capstone [--json FILE] [--target-rps N] [--price-per-month USD] [--headroom F]`);
    return 2;
  }
  const assumptions = { targetRps: Number(values['target-rps']), pricePerMonthUsd: Number(values['price-per-month']), headroom: Number(values.headroom) };
  for (const [flag, value, max] of [
    ['--target-rps', assumptions.targetRps],
    ['--price-per-month', assumptions.pricePerMonthUsd],
    ['--headroom', assumptions.headroom, 1],
  ] as const) {
    if (!(Number.isFinite(value) && value > 0 && (max === undefined || value <= max))) {
      console.error(`${flag} needs a number above 0${max === undefined ? '' : ` and at most ${max}`}`);
      return 2;
    }
  }
  const file = resolve(cwd, values.json);
  const view = capstoneView(JSON.parse(readFileSync(file, 'utf8')) as CheckpointResult, values.json);
  if (!view) {
    console.error(`${values.json} has no capstone: it needs the load and the startup section (pnpm bench --only load,startup)`);
    return 1;
  }
  console.log(formatCapstone(view, assumptions));
  return 0;
}
