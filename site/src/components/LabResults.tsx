/**
 * A lab's results beyond its checkpoint chart, shown under it on the lab page when the lab has committed
 * them (plugins/lab-results.ts; lab 05 today): the start-up table and the capstone — lab 00 vs the final
 * binary, with the editable cost estimate. A lab without them renders nothing.
 */
import React from 'react';
import { usePluginData } from '@docusaurus/useGlobalData';
import type { LabResults as Results } from '../../plugins/lab-results';
import CapstoneTable from './CapstoneTable';
import CostEstimate from './CostEstimate';
import StartupTable from './StartupTable';

export function useLabResults(slug: string): Results | undefined {
  const { labs } = usePluginData('hotpath-lab-results') as { labs: Record<string, Results> };
  return labs[slug];
}

/** Where the figures come from: the committed file and the script that writes it. */
const Source = ({ file, script }: { file: string; script: string }) => (
  <p>
    The figures of <code>{file}</code>, as <code>{script}</code> wrote it. Compare the ratios: absolute figures belong to the machine the caption names.
  </p>
);

export default function LabResults({ slug }: { slug: string }): React.ReactElement | null {
  const results = useLabResults(slug);
  if (!results) return null;
  const scripts = (file: string, name: string) => file.replace(/results\/[^/]+$/, `scripts/${name}`);
  return (
    <>
      {results.startup && (
        <section aria-labelledby="startup-table">
          <h2 id="startup-table">Startup table</h2>
          <Source file={results.startup.file} script={scripts(results.startup.file, 'startup.ts')} />
          <StartupTable data={results.startup} />
        </section>
      )}
      {results.capstone && (
        <section aria-labelledby="capstone-lab-00-vs-the-final-binary">
          <h2 id="capstone-lab-00-vs-the-final-binary">Capstone: lab 00 vs the final binary</h2>
          <Source file={results.capstone.file} script={scripts(results.capstone.file, 'capstone.ts')} />
          <CapstoneTable data={results.capstone} />
          <h3 id="capstone-cost-estimate">Cost estimate</h3>
          <CostEstimate data={results.capstone} />
        </section>
      )}
    </>
  );
}
