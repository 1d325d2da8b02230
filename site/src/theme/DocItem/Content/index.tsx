/**
 * Wraps the docs theme's page content in the page's one runtime choice (components/RuntimePicker): every figure
 * block plugins/lab-sections.ts places in a lab page — the checkpoint chart, and lab 05's start-up table,
 * capstone and cost estimate — shows the runtime the reader picks among those any of them was measured on, and
 * the picker above the chart switches them all. The hints and figures themselves are placed, under their own
 * headings, by that remark plugin.
 */
import type React from 'react';
import Content from '@theme-original/DocItem/Content';
import type ContentType from '@theme/DocItem/Content';
import type { WrapperProps } from '@docusaurus/types';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import { labRuns, useLabData } from '@site/src/components/CheckpointChart';
import { useLabResults } from '@site/src/components/LabResults';
import { RuntimeProvider } from '@site/src/components/RuntimePicker';
import { pageRuntimes } from '@site/src/components/runtime-choice';

type Props = WrapperProps<typeof ContentType>;

export default function ContentWrapper(props: Props): React.ReactElement {
  const { metadata } = useDoc();
  const slug = /^(\d\d-[a-z0-9-]+)\/README$/.exec(metadata.id)?.[1] ?? '';
  const lab = useLabData().find((entry) => entry.slug === slug);
  const results = useLabResults(slug);
  const runtimes = pageRuntimes(lab ? labRuns(lab) : [], results?.startup ?? [], results?.capstone ?? []);
  return (
    <RuntimeProvider runtimes={runtimes}>
      <Content {...props} />
    </RuntimeProvider>
  );
}
