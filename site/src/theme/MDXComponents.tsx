/**
 * The components a lab page's markdown may use, beyond the theme's own: what plugins/lab-sections.ts inserts
 * into the lab READMEs as MDX JSX nodes — a folded hint, the checkpoint chart, lab 05's start-up table,
 * capstone and cost estimate. They work in `.md` pages too: Docusaurus compiles them with MDX's `md` format and
 * passes MDX JSX nodes through, and MDX resolves a capitalised name through this map (the MDX provider).
 */
import type React from 'react';
import MDXComponents from '@theme-original/MDXComponents';
import CheckpointChart from '@site/src/components/CheckpointChart';
import { LabCapstone, LabCostEstimate, LabStartupTable } from '@site/src/components/LabResults';

/** A hint from the manifest, folded: its first child is the <summary>, the rest its body. */
function LabHint({ step, children }: { step?: string; children: React.ReactNode }): React.ReactElement {
  return (
    <details className="hp-hint" data-step={step}>
      {children}
    </details>
  );
}

/** The chart under the page's own "Checkpoint chart" heading (the component's own heading left out). */
const LabCheckpointChart = ({ slug }: { slug: string }) => <CheckpointChart slug={slug} heading={false} />;

export default {
  ...MDXComponents,
  LabHint,
  LabCheckpointChart,
  LabStartupTable,
  LabCapstone,
  LabCostEstimate,
};
