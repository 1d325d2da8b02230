/**
 * Wraps the docs theme's page content: after a lab's instructions (its README), the lab's checkpoint chart.
 */
import React from 'react';
import Content from '@theme-original/DocItem/Content';
import type ContentType from '@theme/DocItem/Content';
import type { WrapperProps } from '@docusaurus/types';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import CheckpointChart from '@site/src/components/CheckpointChart';

type Props = WrapperProps<typeof ContentType>;

export default function ContentWrapper(props: Props): React.ReactElement {
  const { metadata } = useDoc();
  const slug = /^(\d\d-[a-z0-9-]+)\/README$/.exec(metadata.id)?.[1];
  return (
    <>
      <Content {...props} />
      {slug && <CheckpointChart slug={slug} />}
    </>
  );
}
