/**
 * A lab's results beyond its checkpoint chart, shown under it on the lab page when the lab has committed
 * them (plugins/lab-results.ts; lab 05 today): the start-up table and the capstone — lab 00 vs the final
 * binary, with the editable cost estimate — each on the runtime picked for the page (RuntimePicker.tsx), or on
 * its own default when it was not measured there, and saying which, each naming its results file (linked to
 * its page under /source/). A lab without them renders nothing.
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

export default function LabResults({ slug }: { slug: string }): React.ReactElement | null {
  const results = useLabResults(slug);
  const chosen = useRuntimeChoice();
  if (!results) return null;
  const startup = variantFor(results.startup, chosen);
  const capstone = variantFor(results.capstone, chosen);
  const scripts = (file: string, name: string) => file.replace(/results\/[^/]+$/, `scripts/${name}`);
  return (
    <>
      {startup && (
        <section aria-labelledby="startup-table" data-runtime={startup.variant.runtime.id}>
          <h2 id="startup-table">Startup table</h2>
          <RuntimeNote runtime={startup.variant.runtime} instead={startup.instead} what="the start-up table" />
          <Source file={startup.variant.file} script={scripts(startup.variant.file, 'startup.ts')} />
          <StartupTable data={startup.variant} />
        </section>
      )}
      {capstone && (
        <section aria-labelledby="capstone-lab-00-vs-the-final-binary" data-runtime={capstone.variant.runtime.id}>
          <h2 id="capstone-lab-00-vs-the-final-binary">Capstone: lab 00 vs the final binary</h2>
          <RuntimeNote runtime={capstone.variant.runtime} instead={capstone.instead} what="the capstone" />
          <Source file={capstone.variant.file} script={scripts(capstone.variant.file, 'capstone.ts')} />
          <CapstoneTable data={capstone.variant} />
          <h3 id="capstone-cost-estimate">Cost estimate</h3>
          {/* A new runtime's run brings its own assumptions: the inputs start from them again. */}
          <CostEstimate key={capstone.variant.file} data={capstone.variant} />
        </section>
      )}
    </>
  );
}
