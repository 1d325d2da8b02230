/**
 * Home: what the kit teaches and for whom, the curriculum as a path 00 → 05 (from the manifest), and the
 * headline numbers from the committed reference results (the latest stage against its own baseline), on the
 * runtime the reader picks (the newest Node major by default, as on the lab pages).
 */
import React from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import { formatValue, useLabData } from '@site/src/components/CheckpointChart';
import type { LabData } from '@site/plugins/checkpoint-data';
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
  const shown = variantFor(last.references, useRuntimeChoice());
  if (!shown) return null;
  const run = shown.variant;
  const rows = run.metrics.filter((m) => m.values.baseline !== undefined && m.values.reference !== undefined);
  const base = run.baselineLabel;
  return (
    <div data-runtime={run.runtime.id}>
      <p>
        The reference solution of <Link to={`/labs/${last.slug}`}>lab {String(last.number).padStart(2, '0')}</Link>, the latest stage with committed
        results, against its baseline, {base === 'lab 00' ? "lab 00's naive API" : `${base}'s reference solution`}, measured in one run on{' '}
        {run.runtime.caption}, {run.fingerprint}.
      </p>
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
              <td>{(m.values.reference! / m.values.baseline!).toFixed(m.values.reference! / m.values.baseline! < 0.1 ? 3 : 2)}×</td>
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
          A hands-on workshop for Node.js and TypeScript developers who run HTTP APIs. You start from a controller-style API — decorators,
          reflection, DTO classes, eager logging — and take it through five measured stages, each the Node.js counterpart of an idea from
          .NET's Native AOT and zero-allocation pipelines. Every stage has failing tests to make pass, hints, a reference solution, and a
          checkpoint that measures your code against its baseline (lab 00's naive API, or the stage before) and the reference in one run.
        </p>
        <p>
          Begin with <code>pnpm lab start 00</code> in the repository, or read <Link to="/labs/00-baseline">lab 00</Link>. Instructors: see
          the <Link to="/instructors">instructor guide</Link>.
        </p>
        <h2>The path</h2>
        <ol className="hp-path">
          {labs.map((lab) => (
            <li key={lab.slug}>
              <Link to={`/labs/${lab.slug}`}>{lab.title}</Link>{' '}
              {lab.status === 'planned' && <em>(planned)</em>}
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
