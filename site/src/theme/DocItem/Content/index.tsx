/**
 * Wraps the docs theme's page content: after a lab's instructions (its README), its hints from the manifest
 * (folded, the same ones `pnpm lab hint` prints), its checkpoint chart and, for a lab that commits them (lab 05),
 * its start-up table and capstone comparison (components/LabResults) — all on the one runtime the reader picks
 * among those the lab's results were measured on (components/RuntimePicker).
 */
import React from 'react';
import Content from '@theme-original/DocItem/Content';
import type ContentType from '@theme/DocItem/Content';
import type { WrapperProps } from '@docusaurus/types';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import CheckpointChart, { labRuns, useLabData } from '@site/src/components/CheckpointChart';
import LabResults, { useLabResults } from '@site/src/components/LabResults';
import { RuntimeProvider } from '@site/src/components/RuntimePicker';
import { pageRuntimes } from '@site/src/components/runtime-choice';

/** The hints are written for the terminal: `code` in backticks becomes <code>. */
const withCode = (text: string) => text.split(/(`[^`]+`)/).map((part, i) => (part.startsWith('`') ? <code key={i}>{part.slice(1, -1)}</code> : part));

function Hints({ slug }: { slug: string }) {
  const [lab] = useLabData(slug);
  if (!lab || lab.hints.length === 0) return null;
  return (
    <section aria-label="Hints">
      <h2 id="hints-from-the-manifest">Hints</h2>
      <p>From a nudge to nearly the answer: open one at a time (or run pnpm lab hint {String(lab.number).padStart(2, '0')}).</p>
      {lab.hints.map((hint, i) => (
        <details key={hint.title}>
          <summary>
            Hint {i + 1} — {hint.title}
          </summary>
          <p style={{ whiteSpace: 'pre-line' }}>{withCode(hint.body)}</p>
        </details>
      ))}
    </section>
  );
}

/** A lab's figure blocks, under one runtime choice: every runtime any of them was measured on. */
function Figures({ slug }: { slug: string }) {
  const [lab] = useLabData(slug);
  const results = useLabResults(slug);
  const runtimes = pageRuntimes(lab ? labRuns(lab) : [], results?.startup ?? [], results?.capstone ?? []);
  return (
    <RuntimeProvider runtimes={runtimes}>
      <CheckpointChart slug={slug} />
      <LabResults slug={slug} />
    </RuntimeProvider>
  );
}

type Props = WrapperProps<typeof ContentType>;

export default function ContentWrapper(props: Props): React.ReactElement {
  const { metadata } = useDoc();
  const slug = /^(\d\d-[a-z0-9-]+)\/README$/.exec(metadata.id)?.[1];
  return (
    <>
      <Content {...props} />
      {slug && <Hints slug={slug} />}
      {slug && <Figures slug={slug} />}
    </>
  );
}
