/**
 * Lab 05's start-up table, from the start-up section of a committed results/checkpoint*.json (or the view it
 * carries from an earlier run): every way of starting the server — raw node:http, tsx, the bundle, the single
 * executables, bun peers (with a runtime column when a row ran on another runtime) — with its time to first response (median, min–max), its
 * ratio to raw node:http, whether a single executable meets the lab's target (within targetVsRaw of raw
 * node:http), its peak RSS and what has to be shipped; then the ways this run could not start, with why.
 * Rendered on the server; the caption names the run that measured it — its file, runtime, machine, date and
 * load average. Peak RSS and file sizes in MiB and KiB (1024-based), as everywhere in the kit.
 */
import type React from 'react';
import type { StartupData } from '../../plugins/lab-results';
import { fileSize, mib, spreadText } from './result-format';
import RunOfRecord from './RunOfRecord';

export default function StartupTable({ data }: { data: StartupData }): React.ReactElement {
  const target = `${data.targetVsRaw}×`;
  // Rows on another runtime (Bun beside Node) get a column for it.
  const perRow = data.rows.some((row) => row.runtime !== data.runtime.label);
  const table = (
    <table className="hp-results hp-startup">
      <caption>
        {data.runs} starts of each, after {data.discarded} discarded, interleaved · {data.runtime.caption} on {data.machine.cpus} × {data.machine.cpuModel} ·{' '}
        {data.createdAt.slice(0, 10)}. <RunOfRecord data={data} />
        {data.machine.loadAverage
          ? `, load average ${data.machine.loadAverage.atStart} at the start${data.machine.loadAverage.atEnd === null ? '' : ` and ${data.machine.loadAverage.atEnd} at the end`}`
          : ''}
        . Target for the single executables (SEA): time to first response at most {target} raw node:http. MiB and KiB: 1024-based.
      </caption>
      <thead>
        <tr>
          <th scope="col">how it starts</th>
          {perRow && <th scope="col">runtime</th>}
          <th scope="col">time to first response, ms: median (min–max)</th>
          <th scope="col">× raw node:http</th>
          <th scope="col">target: ≤ {target} raw</th>
          <th scope="col">peak RSS, MiB (median)</th>
          <th scope="col">file size</th>
        </tr>
      </thead>
      <tbody>
        {data.rows.map((row) => {
          const met = row.vsRaw <= data.targetVsRaw;
          return (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{row.label}</th>
              {perRow && <td>{row.runtime}</td>}
              <td>{spreadText(row.firstOkMs)}</td>
              <td>{row.vsRaw.toFixed(2)}</td>
              <td className={row.sea ? (met ? 'hp-met' : 'hp-missed') : undefined}>{row.sea ? (met ? '✓ met' : '✗ not met') : '–'}</td>
              <td>{row.peakRssBytes ? mib(row.peakRssBytes.median) : '–'}</td>
              <td>{fileSize(row.fileBytes)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  if (data.unavailable.length === 0) return table;
  return (
    <>
      {table}
      <ul className="hp-notes">
        {data.unavailable.map((row) => (
          <li key={row.label}>
            Not measured on this run: {row.label} — {row.reason}
          </li>
        ))}
      </ul>
    </>
  );
}
