/**
 * The capstone's before and after, from a committed results/checkpoint*.json (the load and start-up sections
 * and the footprint, or the view it carries from an earlier run): lab 00 as learners first run it against the
 * final single executable, measured in one run — requests/s,
 * p50 and p99, heap bytes allocated per request and GCs per 10k requests, RSS, for each load scenario; then
 * time to first response, peak RSS at start-up and the artifact to ship — side by side with the ratio
 * binary ÷ lab 00. The caption names the run of record — its file, date,
 * machine, commit — and says when the harness flagged the machine busy; under the table, when the lab's
 * checkpoint (the chart above) has other GET /todos figures, why: a different run. Memory and sizes in MiB
 * (1024² bytes). Then, when the run had one, the final reference on another runtime (Bun running the same
 * bundle) beside the binary in the scenario it took part in, from the same rotation. The cost estimate follows
 * (CostEstimate.tsx).
 */
import type React from 'react';
import type { CapstoneData, LoadFigures } from '../../plugins/lab-results';
import { mib, msFromUs, ratio, spreadText, whole } from './result-format';
import RunOfRecord from './RunOfRecord';

interface Row {
  figure: string;
  lab00: string;
  binary: string;
  ratio: string;
}

const cell = (v: number | null, format: (n: number) => string) => (v === null ? '–' : format(v));

/** A scenario's rows. */
function loadRows(a: LoadFigures, b: LoadFigures): Row[] {
  return [
    { figure: 'requests/s', lab00: whole(a.rps), binary: whole(b.rps), ratio: ratio(b.rps, a.rps) },
    { figure: 'p50 latency, ms', lab00: msFromUs(a.p50Us), binary: msFromUs(b.p50Us), ratio: ratio(b.p50Us, a.p50Us) },
    { figure: 'p99 latency, ms', lab00: msFromUs(a.p99Us), binary: msFromUs(b.p99Us), ratio: ratio(b.p99Us, a.p99Us) },
    {
      figure: 'heap allocated per request, bytes',
      lab00: cell(a.heapBytesPerRequest, whole),
      binary: cell(b.heapBytesPerRequest, whole),
      ratio: ratio(b.heapBytesPerRequest, a.heapBytesPerRequest),
    },
    {
      figure: 'GCs per 10k requests',
      lab00: cell(a.gcPer10kRequests, (n) => n.toFixed(1)),
      binary: cell(b.gcPer10kRequests, (n) => n.toFixed(1)),
      ratio: ratio(b.gcPer10kRequests, a.gcPer10kRequests),
    },
    { figure: 'RSS after the round, MiB', lab00: cell(a.rssBytes, mib), binary: cell(b.rssBytes, mib), ratio: ratio(b.rssBytes, a.rssBytes) },
  ];
}

/**
 * Why the capstone's GET /todos differs from the checkpoint chart's, when it does: two runs of record, each
 * with both servers measured in it (the same method: the harness's load worker with a fresh pinned server per
 * round), at different times and commits — figures move between runs on a shared
 * machine, so compare each run's own ratio, not figures across runs.
 */
function CheckpointNote({ data }: { data: CapstoneData }) {
  const k = data.checkpoint;
  const todos = data.scenarios.find((s) => s.name === 'GET /todos');
  if (!k || !todos) return null;
  const here = { lab00: whole(todos.lab00.rps), binary: whole(todos.binary.rps), ratio: ratio(todos.binary.rps, todos.lab00.rps) };
  const there = { lab00: whole(k.todos.lab00), binary: whole(k.todos.binary), ratio: ratio(k.todos.binary, k.todos.lab00) };
  if (here.lab00 === there.lab00 && here.binary === there.binary) return null;
  return (
    <li className="hp-run-note">
      GET /todos here: {here.binary} requests/s against lab 00's {here.lab00} ({here.ratio}), from the run that wrote <code>{data.from}</code>, run{' '}
      {data.createdAt.slice(0, 10)}
      {data.machine.busy ? ' (flagged busy)' : ''}. The checkpoint chart above shows {there.binary} against {there.lab00} ({there.ratio}), from{' '}
      <code>{data.file}</code>, run {k.date.slice(0, 10)}
      {k.busy ? ' on a machine the harness flagged busy' : ''}. They are two runs, each measuring both servers with the same method (a fresh server per round
      pinned to one core, the load generator on the other, {data.config.connections} connections) at different times: figures move between runs on a shared
      machine, so compare each run's ratio, not figures across the two.
    </li>
  );
}

/**
 * A peer on another runtime beside the binary, from the same rounds: requests/s, latency and RSS (the harness's
 * in-server probe counts V8's heap and collections, so it does not run in Bun: no heap or GC rows).
 */
function RuntimePeerTable({ data, peer }: { data: CapstoneData; peer: NonNullable<CapstoneData['runtimePeers']>[number] }) {
  const a = peer.binary;
  const b = peer.peer;
  const rows: Row[] = [
    { figure: 'requests/s', lab00: whole(a.rps), binary: whole(b.rps), ratio: ratio(b.rps, a.rps) },
    { figure: 'p50 latency, ms', lab00: msFromUs(a.p50Us), binary: msFromUs(b.p50Us), ratio: ratio(b.p50Us, a.p50Us) },
    { figure: 'p99 latency, ms', lab00: msFromUs(a.p99Us), binary: msFromUs(b.p99Us), ratio: ratio(b.p99Us, a.p99Us) },
    { figure: 'RSS after the round, MiB', lab00: cell(a.rssBytes, mib), binary: cell(b.rssBytes, mib), ratio: ratio(b.rssBytes, a.rssBytes) },
  ];
  return (
    <table className="hp-results hp-runtime-peer">
      <caption>
        {peer.scenario} on another runtime, in the same rotation: <code>{peer.label}</code> ({peer.runtime}, the same bundle the binary embeds) took its turns
        with lab 00 and the binary ({data.runtime.label}), a fresh server each round. No heap or GC rows: the harness's in-server probe counts V8's heap and
        collections, and {peer.runtime} runs JavaScriptCore. Ratio: {peer.runtime} ÷ the binary (above 1 is better for requests/s, below 1 for the rest).
      </caption>
      <thead>
        <tr>
          <th scope="col">figure</th>
          <th scope="col">final binary ({data.runtime.label})</th>
          <th scope="col">{peer.runtime}, the same bundle</th>
          <th scope="col">{peer.runtime.split(' ')[0]} ÷ binary</th>
        </tr>
      </thead>
      <Group rows={rows} />
    </table>
  );
}

/** A group of rows, under a rowgroup heading when it has a title. */
function Group({ title, rows }: { title?: string; rows: Row[] }) {
  return (
    <tbody>
      {title !== undefined && (
        <tr className="hp-group">
          <th scope="rowgroup" colSpan={4}>
            {title}
          </th>
        </tr>
      )}
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
  const f = data.machine;
  const s = data.startup;
  const art = data.artifact;
  const lab00Art = art.lab00;
  return (
    <>
      <table className="hp-results hp-capstone">
        <caption>
          One {data.mode} run, {data.createdAt.slice(0, 10)}: {c.rounds} rounds × {c.durationSec} s per scenario and server ({c.warmupSec} s warm-up discarded,
          a fresh server each, {c.connections} connections), medians; {c.starts} starts each after one discarded · {data.runtime.caption} on {f.cpus} ×{' '}
          {f.cpuModel}. <RunOfRecord data={data} />
          {f.commit ? `, commit ${f.commit}` : ''}
          {f.loadAverage ? `, load average ${f.loadAverage.atStart} at the start` : ''}
          {f.busy ? `; the harness flagged the machine busy (${f.busyReasons.join('; ')}): its figures are low` : ''}. Ratio: the binary ÷ lab 00 (above 1 is
          better for requests/s, below 1 for the rest). MiB: 1024² bytes.
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
          <Group key={scenario.name} title={`Under load: ${scenario.name}`} rows={loadRows(scenario.lab00, scenario.binary)} />
        ))}
        <Group
          title="Start-up"
          rows={[
            {
              figure: 'time to first response, ms: median (min–max)',
              lab00: spreadText(s.lab00.firstOkMs),
              binary: spreadText(s.binary.firstOkMs),
              ratio: ratio(s.binary.firstOkMs.median, s.lab00.firstOkMs.median),
            },
            {
              figure: 'peak RSS at the first response, MiB',
              lab00: cell(s.lab00.peakRssBytes, mib),
              binary: cell(s.binary.peakRssBytes, mib),
              ratio: ratio(s.binary.peakRssBytes, s.lab00.peakRssBytes),
            },
          ]}
        />
        <Group
          title="Shipping"
          rows={[
            {
              figure: 'artifact to ship, MiB',
              lab00: lab00Art ? `${mib(lab00Art.bytes)}${lab00Art.packagesBytes === undefined ? '' : ' ‡'}` : '–',
              binary: art.binary ? mib(art.binary.bytes) : '–',
              ratio: ratio(art.binary?.bytes ?? null, lab00Art?.bytes ?? null),
            },
          ]}
        />
      </table>
      {(data.runtimePeers ?? []).map((peer) => (
        <RuntimePeerTable key={`${peer.name} ${peer.scenario}`} data={data} peer={peer} />
      ))}
      <ul className="hp-notes">
        {lab00Art?.packagesBytes !== undefined && (
          <li>
            ‡ {mib(lab00Art.packagesBytes)} MiB in {lab00Art.packageCount} package folders (sources, runtime dependencies, the launcher, tsx and esbuild) +{' '}
            {mib(lab00Art.nodeBinaryBytes ?? 0)} MiB node binary; the binary is one file that holds Node itself.
          </li>
        )}
        <li>
          The lab 00 column is lab 00 measured in this run, as a ratio needs: not lab 00's run of record (lab 01's committed checkpoint, on lab 00's page),
          whose figures differ.
        </li>
        <CheckpointNote data={data} />
        {data.warnings.map((warning) => (
          <li key={warning}>Warning from the run: {warning}</li>
        ))}
      </ul>
    </>
  );
}
