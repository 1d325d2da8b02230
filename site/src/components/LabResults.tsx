/**
 * Lab 05's views of its checkpoint results (plugins/lab-results.ts), as the pieces plugins/lab-sections.ts
 * places on the lab page under its own headings: the start-up table (end of the Checkpoint section), the
 * capstone — lab 00 vs the final binary — and its editable cost estimate (end of "The capstone"). Each shows
 * the runtime picked for the page (RuntimePicker.tsx), or its own default when it was not measured there,
 * saying which; its caption names the run of record. A lab without them renders nothing.
 */
import type React from 'react';
import { usePluginData } from '@docusaurus/useGlobalData';
import type { CapstoneData, LabResults as Results, StartupData } from '../../plugins/lab-results';
import CapstoneTable from './CapstoneTable';
import CostEstimate from './CostEstimate';
import { RuntimeNote, useRuntimeChoice } from './RuntimePicker';
import StartupTable from './StartupTable';
import { variantFor } from './runtime-choice';

/** The lab's views (undefined: it has none). */
export function useLabResults(slug: string): Results | undefined {
  const { labs } = usePluginData('hotpath-lab-results') as { labs: Record<string, Results> };
  return labs[slug];
}

/** The picked runtime's variant of one of the lab's views, and whether it stands in for another runtime. */
function usePicked<K extends keyof Results>(slug: string, kind: K) {
  return variantFor<Results[K][number]>(useLabResults(slug)?.[kind] ?? [], useRuntimeChoice());
}

/** A repository file's /source/ page (plugins/repo-links.ts sourceRoute: dots become dashes). */
const sourcePage = (file: string) => `/source/${file.replace(/\./g, '-')}`;

/** A block for the picked variant of one view: the note when it is another runtime's, where its figures are, then its table. */
function picked<K extends 'startup' | 'capstone'>(
  kind: K,
  className: string,
  what: string,
  Table: (props: { data: Results[K][number] }) => React.ReactElement,
) {
  return function Picked({ slug }: { slug: string }): React.ReactElement | null {
    const choice = usePicked(slug, kind);
    if (!choice) return null;
    const data = choice.variant;
    return (
      <div className={className} data-runtime={data.runtime.id}>
        <RuntimeNote runtime={data.runtime} instead={choice.instead} what={what} />
        <p>
          The figures of{' '}
          <a href={sourcePage(data.file)}>
            <code>{data.file}</code>
          </a>
          , as the harness wrote it (<code>pnpm bench</code> in lab 05). Compare the ratios: absolute figures belong to the machine the caption names.
        </p>
        <Table data={data} />
      </div>
    );
  };
}

/** The start-up table on the picked runtime (its heading is the page's: "Start-up table"). */
export const LabStartupTable = picked('startup', 'hp-lab-startup', 'the start-up table', StartupTable as (props: { data: StartupData }) => React.ReactElement);

/** The capstone comparison on the picked runtime (heading: "Capstone: lab 00 vs the final binary"). */
export const LabCapstone = picked('capstone', 'hp-lab-capstone', 'the capstone', CapstoneTable as (props: { data: CapstoneData }) => React.ReactElement);

/** The capstone's cost estimate, its inputs editable (heading: "Cost estimate"). */
export function LabCostEstimate({ slug }: { slug: string }): React.ReactElement | null {
  const picked = usePicked(slug, 'capstone');
  const data = picked?.variant as CapstoneData | undefined;
  if (!data?.cost) return null;
  // A new runtime's run brings its own assumptions: the inputs start from them again.
  return <CostEstimate key={data.file} data={{ ...data, cost: data.cost }} />;
}
