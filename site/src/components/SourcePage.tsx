/**
 * A repository file or folder, rendered from the real file at build time (plugins/source-files.ts): a file's
 * lines with anchors (`#L28-L34` marks a range: SourceListing.tsx); a large file collapsed to its first lines
 * with a link to download the whole of it from the build.
 */
import type React from 'react';
import { useCallback, useState } from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import type { SourcePageData } from '../../plugins/source-files';
import SourceListing from './SourceListing';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`);

function Download({ page }: { page: SourcePageData }) {
  const href = useBaseUrl(page.download!);
  const shown = page.content!.split('\n').length;
  return (
    <p className="hp-collapsed" role="note">
      This file is large ({size(page.bytes!)}, {page.lines!.toLocaleString('en')} lines): shown here are its first {shown} lines.{' '}
      <a href={href} download>
        Download the whole file
      </a>{' '}
      or open <code>{page.path}</code> in your editor.
    </p>
  );
}

export default function SourcePage({ page }: { page: SourcePageData }): React.ReactElement {
  const [past, setPast] = useState<number | undefined>(undefined);
  const shownLines = page.content?.split('\n').length ?? 0;
  const shown = useCallback((range: [number, number] | undefined) => setPast(range && range[0] > shownLines ? range[0] : undefined), [shownLines]);
  return (
    <Layout title={page.path} description={`The kit's ${page.path}, as it is in the repository`}>
      <main className="container margin-vert--lg">
        <h1>
          <code>{page.path}</code>
        </h1>
        <p>This is the file as it is in the repository when the site was built: open it in your editor to change it.</p>
        {page.download && <Download page={page} />}
        {past !== undefined && <p role="status">Line {past} is past the lines shown here: download the whole file to see it.</p>}
        {page.kind === 'file' ? (
          <SourceListing code={page.content ?? ''} language={page.language ?? 'text'} anchors={page.anchors} shown={shown} />
        ) : (
          <ul>
            {(page.files ?? []).map((file) => (
              <li key={file.path}>
                <Link to={file.route}>
                  <code>{file.path}</code>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </main>
    </Layout>
  );
}
