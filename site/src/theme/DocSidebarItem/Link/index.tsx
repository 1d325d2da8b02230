/**
 * The docs sidebar's link (wrapping the theme's own), with each lab's done marks after its label: ✓ when its
 * tests pass (core and typecheck, on src/ as it is now) and ★ when its latest checkpoint met every target.
 * Each mark is text with a name ("tests pass", "checkpoint met"), never colour alone. Live under `pnpm start`
 * (live-state.ts), as of the build when hosted statically.
 */
import type { ReactNode } from 'react';
import Link from '@theme-original/DocSidebarItem/Link';
import type LinkType from '@theme/DocSidebarItem/Link';
import type { WrapperProps } from '@docusaurus/types';
import { useProgress } from '@site/src/components/live-state';

type Props = WrapperProps<typeof LinkType>;

/** The lab a sidebar link goes to: its doc `01-slim-builder/README`, or its href `/labs/01-slim-builder/`. */
const labSlug = (item: Props['item']): string | undefined =>
  (item as { docId?: string }).docId?.match(/^([^/]+)\/README$/)?.[1] ?? item.href?.match(/\/labs\/([^/?#]+)\/?$/)?.[1];

export default function DocSidebarItemLink(props: Props): ReactNode {
  const progress = useProgress();
  const slug = labSlug(props.item);
  const lab = slug ? progress.labs.find((l) => l.slug === slug) : undefined;
  if (!lab || (!lab.testsGreen && !lab.checkpointMet)) return <Link {...props} />;
  const label = (
    <>
      {props.item.label}
      <span className="hp-done-marks" data-lab-marks={lab.slug}>
        {lab.testsGreen && (
          <span role="img" aria-label="tests pass" title="tests pass" data-mark="tests">
            {' ✓'}
          </span>
        )}
        {lab.checkpointMet && (
          <span role="img" aria-label="checkpoint met" title="checkpoint met" data-mark="checkpoint">
            {' ★'}
          </span>
        )}
      </span>
    </>
  );
  // The theme renders the label as given: a node here, though its type says string.
  return <Link {...props} item={{ ...props.item, label: label as unknown as string }} />;
}
