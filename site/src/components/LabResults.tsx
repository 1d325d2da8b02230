/**
 * A lab's results beyond its checkpoint chart, when the lab has committed them (plugins/lab-results.ts; lab 05
 * today), as the pieces plugins/lab-sections.ts places on the lab page under its own headings: the start-up
 * table (end of the Checkpoint section), the capstone — lab 00 vs the final binary — and its editable cost
 * estimate (end of "The capstone"). Each shows the runtime picked for the page (RuntimePicker.tsx), or its own
 * default when it was not measured there, saying which, and names its results file (linked to its page under
 * /source/). A lab without them renders nothing.
 */
import React from 'react';
import { usePluginData } from '@docusaurus/useGlobalData';
import type { LabResults as Results } from '../../plugins/lab-results';
import CapstoneTable from './CapstoneTable';
import CostEstimate from './CostEstimate';
import { RuntimeNote, useRuntimeChoice } from './RuntimePicker';
import StartupTable from './StartupTable';
import { variantFor } from './runtime-choice';

export function useLabResults(slug: string): Results | undefined {
  const { labs } = usePluginData('hotpath-lab-results') as { labs: Record<string, Results> };
  return labs[slug];
}

/** A repository file's /source/ page (plugins/repo-links.ts sourceRoute: dots become dashes). */
const sourcePage = (file: string) => `/source/${file.replace(/\./g, '-')}`;

/** The script that wrote a results file: `…/results/x.json` → `…/scripts/<name>`. */
const scriptOf = (file: string, name: string) => file.replace(/results\/[^/]+$/, `scripts/${name}`);

/** Where the figures come from: the committed file (linked to its page) and the script that writes it. */
const Source = ({ file, script }: { file: string; script: string }) => (
  <p>
    The figures of{' '}
    <a href={sourcePage(file)}>
      <code>{file}</code>
    </a>
    , as <code>{script}</code> wrote it. Compare the ratios: absolute figures belong to the machine the caption names.
  </p>
);

/** The start-up table on the picked runtime (its heading is the page's: "Start-up table"). */
export function LabStartupTable({ slug }: { slug: string }): React.ReactElement | null {
  const results = useLabResults(slug);
  const startup = variantFor(results?.startup ?? [], useRuntimeChoice());
  if (!startup) return null;
  return (
    <div className="hp-lab-startup" data-runtime={startup.variant.runtime.id}>
      <RuntimeNote runtime={startup.variant.runtime} instead={startup.instead} what="the start-up table" />
      <Source file={startup.variant.file} script={scriptOf(startup.variant.file, 'startup.ts')} />
      <StartupTable data={startup.variant} />
    </div>
  );
}

/** The capstone comparison on the picked runtime (heading: "Capstone: lab 00 vs the final binary"). */
export function LabCapstone({ slug }: { slug: string }): React.ReactElement | null {
  const results = useLabResults(slug);
  const capstone = variantFor(results?.capstone ?? [], useRuntimeChoice());
  if (!capstone) return null;
  return (
    <div className="hp-lab-capstone" data-runtime={capstone.variant.runtime.id}>
      <RuntimeNote runtime={capstone.variant.runtime} instead={capstone.instead} what="the capstone" />
      <Source file={capstone.variant.file} script={scriptOf(capstone.variant.file, 'capstone.ts')} />
      <CapstoneTable data={capstone.variant} />
    </div>
  );
}

/** The capstone's cost estimate, its inputs editable (heading: "Cost estimate"). */
export function LabCostEstimate({ slug }: { slug: string }): React.ReactElement | null {
  const results = useLabResults(slug);
  const capstone = variantFor(results?.capstone ?? [], useRuntimeChoice());
  if (!capstone) return null;
  // A new runtime's run brings its own assumptions: the inputs start from them again.
  return <CostEstimate key={capstone.variant.file} data={capstone.variant} />;
}
