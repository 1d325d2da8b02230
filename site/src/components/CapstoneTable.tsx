/**
 * The capstone's before and after, from the committed results/capstone.json (lab 05's scripts/capstone.ts):
 * lab 00 as learners first run it against the final single executable, measured in one run — requests/s,
 * p50 and p99, heap bytes allocated per request and GCs per 10k requests, RSS, for each load scenario; then
 * time to first response, peak RSS at start-up and the artifact to ship — side by side with the ratio
 * binary ÷ lab 00, as capstone-report.ts prints it. The cost estimate follows (CostEstimate.tsx).
 */
import React from 'react';
import type { CapstoneData, LoadFigures } from '../../plugins/lab-results';
import { mb, msFromUs, ratio, spreadText, whole } from './result-format';

interface Row {
  figure: string;
  lab00: string;
  binary: string;
  ratio: string;
}

const cell = (v: number | null, format: (n: number) => string) => (v === null ? '–' : format(v));

/** A scenario's rows; `mark` flags the binary's heap and GC figures when a stand-in measured them. */
function loadRows(a: LoadFigures, b: LoadFigures, mark: string): Row[] {
  return [
    { figure: 'requests/s', lab00: whole(a.rps), binary: whole(b.rps), ratio: ratio(b.rps, a.rps) },
    { figure: 'p50 latency, ms', lab00: msFromUs(a.p50Us), binary: msFromUs(b.p50Us), ratio: ratio(b.p50Us, a.p50Us) },
    { figure: 'p99 latency, ms', lab00: msFromUs(a.p99Us), binary: msFromUs(b.p99Us), ratio: ratio(b.p99Us, a.p99Us) },
    {
      figure: 'heap allocated per request, bytes',
      lab00: cell(a.heapBytesPerRequest, whole),
      binary: cell(b.heapBytesPerRequest, whole) + mark,
      ratio: ratio(b.heapBytesPerRequest, a.heapBytesPerRequest),
    },
    {
      figure: 'GCs per 10k requests',
      lab00: cell(a.gcPer10kRequests, (n) => n.toFixed(1)),
      binary: cell(b.gcPer10kRequests, (n) => n.toFixed(1)) + mark,
      ratio: ratio(b.gcPer10kRequests, a.gcPer10kRequests),
    },
    { figure: 'RSS after the round, MB', lab00: cell(a.rssBytes, mb), binary: cell(b.rssBytes, mb), ratio: ratio(b.rssBytes, a.rssBytes) },
  ];
}

function Group({ title, rows }: { title: string; rows: Row[] }) {
  return (
    <tbody>
      <tr className="hp-group">
        <th scope="rowgroup" colSpan={4}>
          {title}
        </th>
      </tr>
      {rows.map((row) => (
        <tr key={row.figure}>
          <th scope="row">{row.figure}</th>
          <td>{row.lab00}</td>
          <td>{row.binary}</td>
          <td>{row.ratio}</td>
        </tr>
      ))}
    </tbody>
  );
}

export default function CapstoneTable({ data }: { data: CapstoneData }): React.ReactElement {
  const c = data.config;
  const f = data.fingerprint;
  const mark = data.heapStandIn ? ' †' : '';
  const s = data.startup;
  const art = data.artifact;
  return (
    <>
      <table className="hp-results hp-capstone">
        <caption>
          One {data.mode} run, {data.date.slice(0, 10)}: {c.rounds} rounds × {c.durationSec} s per scenario and server ({c.warmupSec} s warm-up discarded, a fresh server
          each, {c.connections} connections), medians; {c.starts} starts each after one discarded · {data.runtime.caption} on {f.cores} × {f.cpuModel}. Ratio: the binary ÷ lab
          00 (above 1 is better for requests/s, below 1 for the rest). MB are decimal.
        </caption>
        <thead>
          <tr>
            <th scope="col">figure</th>
            <th scope="col">{data.labels.lab00}</th>
            <th scope="col">{data.labels.binary}</th>
            <th scope="col">binary ÷ lab 00</th>
          </tr>
        </thead>
        {data.scenarios.map((scenario) => (
          <Group key={scenario.name} title={`Under load: ${scenario.name}`} rows={loadRows(scenario.lab00, scenario.binary, mark)} />
        ))}
        <Group
          title="Start-up"
          rows={[
            { figure: 'time to first response, ms: median (min–max)', lab00: spreadText(s.lab00.firstOkMs), binary: spreadText(s.binary.firstOkMs), ratio: ratio(s.binary.firstOkMs.median, s.lab00.firstOkMs.median) },
            { figure: 'peak RSS at the first response, MB', lab00: cell(s.lab00.peakRssBytes, mb), binary: cell(s.binary.peakRssBytes, mb), ratio: ratio(s.binary.peakRssBytes, s.lab00.peakRssBytes) },
          ]}
        />
        <Group title="Shipping" rows={[{ figure: 'artifact to ship, MB', lab00: `${mb(art.lab00.bytes)} ‡`, binary: mb(art.binary.bytes), ratio: ratio(art.binary.bytes, art.lab00.bytes) }]} />
      </table>
      <ul className="hp-notes">
        <li>
          ‡ {mb(art.lab00.packagesBytes)} MB in {art.lab00.packageCount} package folders (sources, runtime dependencies, the launcher, tsx and esbuild) + {mb(art.lab00.nodeBinaryBytes)} MB node
          binary; the binary is one file that holds Node itself.
        </li>
        {data.heapStandIn && <li>† measured on {data.heapStandIn}.</li>}
        {data.warnings.map((warning) => (
          <li key={warning}>Warning from the run: {warning}</li>
        ))}
      </ul>
    </>
  );
}
