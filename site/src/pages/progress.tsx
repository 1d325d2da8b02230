/**
 * Progress: your own checkpoint runs, read from .hotpath/ when the site was built (pnpm start rebuilds it),
 * lab by lab — each run's verdicts counted in the kit's words ("2 met, 1 inconclusive of 3 targets") — with
 * your latest chart, the reference's verdict from the same run beside yours. Without local runs, it says how to make one.
 */
import React from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import { RunChart, useLabData } from '@site/src/components/CheckpointChart';

export default function Progress(): React.ReactElement {
  const labs = useLabData();
  const mine = labs.filter((lab) => lab.history.length > 0);
  return (
    <Layout title="Progress" description="Your checkpoint history, from pnpm lab bench">
      <main className="container margin-vert--lg">
        <h1>Your progress</h1>
        <p>
          Read from <code>.hotpath/history.jsonl</code> when the site was built. Tests: run <code>pnpm lab list</code> in the repository.
        </p>
        {mine.length === 0 && (
          <p>
            No checkpoint runs yet. Run <code>pnpm lab bench 00 --quick</code>, then <code>pnpm start</code> again to see it here.
          </p>
        )}
        {mine.map((lab) => (
          <section key={lab.slug} className="margin-vert--lg">
            <h2>
              <Link to={`/labs/${lab.slug}`}>
                {String(lab.number).padStart(2, '0')} · {lab.title}
              </Link>
            </h2>
            <ul>
              {lab.history.map((run) => (
                <li key={run.at}>
                  {run.at.slice(0, 16).replace('T', ' ')} ({run.mode}): {run.total === 0 ? 'measured (no target)' : (run.words ?? `${run.met} met of ${run.total} targets`)}
                </li>
              ))}
            </ul>
            {lab.local && <RunChart lab={lab} run={lab.local} />}
          </section>
        ))}
      </main>
    </Layout>
  );
}
