/**
 * Home: what the kit teaches and for whom, the curriculum as a path 00 → 05 (from the manifest), and the
 * headline numbers from the committed reference results (the latest stage against its own baseline), on the
 * runtime the reader picks (the newest Node major by default, as on the lab pages). Beside the numbers: the
 * results file they come from (linked), its fingerprint, and — right there — whether the harness flagged that
 * run busy and its warnings about the figures shown; and, when the baseline is lab 00, that its column is lab
 * 00 in that same run, not lab 00's run of record (test/home-figures.test.ts checks the page against the file).
 */
import type React from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import { formatValue, useLabData } from '@site/src/components/CheckpointChart';
import type { LabData } from '@site/plugins/checkpoint-data';
import { busyWarning, headlineRatio, headlineRows, sourceRouteOf, warningsAbout } from '@site/src/components/headline';
import { RuntimePicker, RuntimeProvider, useRuntimeChoice } from '@site/src/components/RuntimePicker';
import { variantFor } from '@site/src/components/runtime-choice';

function Headline() {
  const last = useLabData()
    .filter((lab) => lab.references.length > 0 && lab.number > 0)
    .at(-1);
  if (!last) return null;
  return (
    <section className="margin-vert--lg">
      <h2>Headline numbers</h2>
      <RuntimeProvider runtimes={last.references.map((run) => run.runtime)}>
        <RuntimePicker />
        <HeadlineTable lab={last} />
      </RuntimeProvider>
    </section>
  );
}

function HeadlineTable({ lab: last }: { lab: LabData }) {
  const chosen = useRuntimeChoice();
  const lab01 = useLabData().find((lab) => lab.number === 1);
  const shown = variantFor(last.references, chosen);
  if (!shown) return null;
  const run = shown.variant;
  const rows = headlineRows(run);
  const base = run.baselineLabel;
  const { shown: warnings, others } = warningsAbout(run, rows);
  const busy = warnings.some(busyWarning);
  // Lab 00's run of record on this runtime — lab 01's committed run, measured against lab 00 (shared/kit/test/figures/figures.ts,
  // LAB00_RUN) — when the baseline here is lab 00 measured in another run.
  // On a runtime lab 01 has no committed run on, the run of record is the one of another runtime (its fingerprint says which).
  const records = base === 'lab 00' ? (lab01?.references ?? []).filter((r) => r.baselineLabel === 'lab 00' && r.file !== run.file) : [];
  const lab00Record = records.find((r) => r.runtime.id === run.runtime.id) ?? records[0];
  return (
    <div data-runtime={run.runtime.id} className="hp-headline">
      <p>
        The reference solution of <Link to={`/labs/${last.slug}`}>lab {String(last.number).padStart(2, '0')}</Link>, the latest stage with committed results,
        against its baseline, {base === 'lab 00' ? "lab 00's naive API" : `${base}'s reference solution`}, measured in one run on {run.runtime.caption},{' '}
        {run.fingerprint}. Run of record:{' '}
        <Link to={sourceRouteOf(run.file)} className="hp-run-file">
          <code>{run.file}</code>
        </Link>{' '}
        ({run.mode} run).
      </p>
      {busy && (
        <p className="hp-busy">
          <strong>This run is flagged busy:</strong> the harness saw other load on the machine while it measured, so its absolute figures are low; the ratios
          still compare both sides measured in the same run.
        </p>
      )}
      {warnings.length > 0 && (
        <ul className="hp-run-warnings">
          {warnings.map((warning) => (
            <li key={warning}>Warning from this run: {warning}</li>
          ))}
        </ul>
      )}
      {others > 0 && (
        <p>
          The run has {others} more warning{others > 1 ? 's' : ''} about routes not shown here: see{' '}
          <Link to={`/labs/${last.slug}`}>lab {String(last.number).padStart(2, '0')}</Link>'s chart.
        </p>
      )}
      {lab00Record && (
        <p className="hp-lab00-note">
          The lab 00 column is lab 00 measured in this same run (a ratio needs both sides measured together), not lab 00's run of record,{' '}
          <Link to={sourceRouteOf(lab00Record.file)}>
            <code>{lab00Record.file}</code>
          </Link>{' '}
          ({lab00Record.runtime.id === run.runtime.id ? '' : `${lab00Record.runtime.caption}, `}
          {lab00Record.fingerprint}), shown on <Link to="/labs/00-baseline">lab 00's page</Link>: lab 00's figures here differ from that page's.
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>figure</th>
            <th>{base}</th>
            <th>lab {String(last.number).padStart(2, '0')} reference</th>
            <th>ratio</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.label}>
              <td>{m.label}</td>
              <td>{formatValue(m.values.baseline!, m.unit)}</td>
              <td>{formatValue(m.values.reference!, m.unit)}</td>
              <td>{headlineRatio(m)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function Home(): React.ReactElement {
  const labs = useLabData();
  return (
    <Layout title="Hot Path" description="A workshop kit: make a TypeScript HTTP API fast and lean, one measured stage at a time">
      <main className="container margin-vert--lg">
        <h1>Hot Path</h1>
        <p>
          A hands-on workshop for Node.js and TypeScript developers who run HTTP APIs. You start from a controller-style API — decorators, reflection, DTO
          classes, eager logging — and take it through five measured stages, each the Node.js counterpart of an idea from .NET's Native AOT and zero-allocation
          pipelines. Every stage has failing tests to make pass, hints, a reference solution, and a checkpoint that measures your code against its baseline (lab
          00's naive API, or the stage before) and the reference in one run.
        </p>
        <p>
          Begin with <code>pnpm lab start 00</code> in the repository, or read <Link to="/labs/00-baseline">lab 00</Link>. Instructors: see the{' '}
          <Link to="/instructors">instructor guide</Link>.
        </p>
        <h2>The path</h2>
        <ol className="hp-path">
          {labs.map((lab) => (
            <li key={lab.slug}>
              <Link to={`/labs/${lab.slug}`}>{lab.title}</Link> {lab.status === 'planned' && <em>(planned)</em>}
              <br />
              {lab.teaches}
            </li>
          ))}
        </ol>
        <Headline />
      </main>
    </Layout>
  );
}
