/** A repository file or folder, rendered from the real file at build time (plugins/source-files.ts). */
import React from 'react';
import Layout from '@theme/Layout';
import CodeBlock from '@theme/CodeBlock';
import Link from '@docusaurus/Link';
import type { SourcePageData } from '../../plugins/source-files';

export default function SourcePage({ page }: { page: SourcePageData }): React.ReactElement {
  return (
    <Layout title={page.path} description={`The kit's ${page.path}, as it is in the repository`}>
      <main className="container margin-vert--lg">
        <h1>
          <code>{page.path}</code>
        </h1>
        <p>This is the file as it is in the repository when the site was built: open it in your editor to change it.</p>
        {page.kind === 'file' ? (
          <CodeBlock language={page.language} showLineNumbers>
            {page.content ?? ''}
          </CodeBlock>
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
