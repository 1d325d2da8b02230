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

/** A block for the picked variant: the note when it is another runtime's, where its figures are, then its table. */
function Picked({
  className,
  file,
  runtime,
  instead,
  what,
  children,
}: React.PropsWithChildren<{ className: string; file: string } & Parameters<typeof RuntimeNote>[0]>) {
  return (
    <div className={className} data-runtime={runtime.id}>
      <RuntimeNote runtime={runtime} instead={instead} what={what} />
      <p>
        The figures of{' '}
        <a href={sourcePage(file)}>
          <code>{file}</code>
        </a>
        , as the harness wrote it (<code>pnpm bench</code> in lab 05). Compare the ratios: absolute figures belong to the machine the caption names.
      </p>
      {children}
    </div>
  );
}

/** The start-up table on the picked runtime (its heading is the page's: "Start-up table"). */
export function LabStartupTable({ slug }: { slug: string }): React.ReactElement | null {
  const picked = usePicked(slug, 'startup');
  if (!picked) return null;
  const data = picked.variant as StartupData;
  return (
    <Picked className="hp-lab-startup" file={data.file} runtime={data.runtime} instead={picked.instead} what="the start-up table">
      <StartupTable data={data} />
    </Picked>
  );
}

/** The capstone comparison on the picked runtime (heading: "Capstone: lab 00 vs the final binary"). */
export function LabCapstone({ slug }: { slug: string }): React.ReactElement | null {
  const picked = usePicked(slug, 'capstone');
  if (!picked) return null;
  const data = picked.variant as CapstoneData;
  return (
    <Picked className="hp-lab-capstone" file={data.file} runtime={data.runtime} instead={picked.instead} what="the capstone">
      <CapstoneTable data={data} />
    </Picked>
  );
}

/** The capstone's cost estimate, its inputs editable (heading: "Cost estimate"). */
export function LabCostEstimate({ slug }: { slug: string }): React.ReactElement | null {
  const picked = usePicked(slug, 'capstone');
  const data = picked?.variant as CapstoneData | undefined;
  if (!data?.cost) return null;
  // A new runtime's run brings its own assumptions: the inputs start from them again.
  return <CostEstimate key={data.file} data={{ ...data, cost: data.cost }} />;
}
