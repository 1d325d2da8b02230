/**
 * Progress: lab by lab, your last `pnpm lab test` (core tests passing and failing, going further, the
 * typecheck; stale when src/ changed since — as `pnpm lab list` reads it) and your latest checkpoint (its
 * verdicts counted in the kit's words, each missed or inconclusive target named with your figure in the
 * target's words), your bench history and your latest chart. Under `pnpm start` it follows .hotpath/ live
 * (live-state.ts polls the site's server); hosted as static files, it shows .hotpath/ as it was at build time.
 */
import type React from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import { RunChart, useLabData } from '@site/src/components/CheckpointChart';
import { useProgress, type LabProgress } from '@site/src/components/live-state';

const nn = (n: number) => String(n).padStart(2, '0');
const when = (at: string) => at.slice(0, 16).replace('T', ' ');

function Tests({ lab }: { lab: LabProgress }) {
  const t = lab.tests;
  if (t === null) {
    return (
      <p data-progress="tests">
        Tests: not run yet — <code>pnpm lab test {nn(lab.number)}</code>
      </p>
    );
  }
  const further = t.further ? `; going further ${t.further.passed} passing, ${t.further.failed} failing` : '';
  return (
    <p data-progress="tests" data-green={lab.testsGreen}>
      Tests ({when(t.at)}): <strong>{lab.testsLine}</strong> — core {t.passed} passing, {t.failed} failing
      {t.loadErrors > 0 && `, ${t.loadErrors} file${t.loadErrors === 1 ? '' : 's'} did not load`}
      {further}
      {t.stale && (
        <>
          . Stale: src/ changed since this run — <code>pnpm lab test {nn(lab.number)}</code>
        </>
      )}
    </p>
  );
}

function Checkpoint({ lab }: { lab: LabProgress }) {
  const cp = lab.checkpoint;
  if (cp === null) return null;
  const notMet = cp.targets.filter((t) => t.state !== 'met');
  return (
    <div data-progress="checkpoint">
      <p>
        Latest checkpoint ({when(cp.at)}, {cp.mode}
        {cp.runtime ? `, ${cp.runtime}` : ''}): <strong>{cp.line}</strong>
      </p>
      {notMet.length > 0 && (
        <ul data-progress="not-met">
          {notMet.map((t) => (
            <li key={t.text} data-state={t.state}>
              {t.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export default function Progress(): React.ReactElement {
  const progress = useProgress();
  const charts = useLabData();
  const shown = progress.labs.filter((lab) => lab.tests !== null || lab.checkpoint !== null);
  return (
    <Layout title="Progress" description="Your tests and checkpoints, from pnpm lab test and pnpm lab bench">
      <main className="container margin-vert--lg">
        <h1>Your progress</h1>
        <p data-progress="source">
          {progress.source === 'live' ? (
            <>
              Live from <code>.hotpath/</code>: this page follows each <code>pnpm lab test</code> and <code>pnpm lab bench</code> while <code>pnpm start</code>{' '}
              runs.
            </>
          ) : (
            <>
              Read from <code>.hotpath/</code> when the site was built ({when(progress.at)}). Under <code>pnpm start</code> it updates as you work.
            </>
          )}
        </p>
        {progress.problems.length > 0 && (
          <div role="alert" className="alert alert--warning" data-progress="problems">
            {progress.problems.map((problem) => (
              <p key={problem}>{problem}</p>
            ))}
          </div>
        )}
        {shown.length === 0 && (
          <p>
            No test runs or checkpoints yet. Run <code>pnpm lab test 00</code> and <code>pnpm lab bench 00 --quick</code>.
          </p>
        )}
        {shown.map((lab) => {
          const chart = charts.find((c) => c.slug === lab.slug);
          return (
            <section key={lab.slug} className="margin-vert--lg" data-lab={lab.slug}>
              <h2>
                <Link to={`/labs/${lab.slug}`}>
                  {nn(lab.number)} · {lab.title}
                </Link>
              </h2>
              <Tests lab={lab} />
              <Checkpoint lab={lab} />
              {chart && chart.history.length > 0 && (
                <>
                  <h3>Your checkpoint runs</h3>
                  <ul>
                    {chart.history.map((run) => (
                      <li key={run.at}>
                        {when(run.at)} ({run.mode}): {run.total === 0 ? 'measured (no target)' : (run.words ?? `${run.met} met of ${run.total} targets`)}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {chart?.local && <RunChart lab={chart} run={chart.local} />}
            </section>
          );
        })}
      </main>
    </Layout>
  );
}
