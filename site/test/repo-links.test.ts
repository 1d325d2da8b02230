/**
 * The remark plugin on an excerpt code block (plugins/repo-links.ts), without a build: the block stays as
 * written, minus its `excerpt="…"`, and a link to the whole file's /source/ page follows it; a spec that
 * names no file, or lines past its end, fails the build with the README's name. The files an excerpt quotes
 * get /source/ pages (linksIn).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { afterAll, describe, expect, it } from 'vitest';
import { linksIn, repoRoot, rewriteRepoLinks, sourceRoute } from '../plugins/repo-links.ts';

const readme = join(repoRoot, 'labs', '03-byte-parsing', 'README.md');
const scratch = mkdtempSync(join(tmpdir(), 'hotpath-repo-links-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function render(markdown: string) {
  const tree = fromMarkdown(markdown) as Parameters<ReturnType<typeof rewriteRepoLinks>>[0];
  rewriteRepoLinks()(tree, { path: readme });
  return tree.children ?? [];
}

describe('excerpt code blocks on the site', () => {
  it('keeps the code and adds a link to the whole file', () => {
    const [code, link] = render('```ts excerpt="shared/api/src/index.ts#L1-L2" title="x"\n/**\n * @hotpath/api\n```\n');
    expect(code).toMatchObject({ type: 'code', lang: 'ts', meta: 'title="x"', value: '/**\n * @hotpath/api' });
    expect(link!.type).toBe('paragraph');
    expect(JSON.stringify(link)).toContain(`"url":"${sourceRoute('shared/api/src/index.ts')}#L1-L2"`);
    expect(JSON.stringify(link)).toContain('lines 1–2');
  });

  it('reads reference: as the reference solution', () => {
    const [, link] = render('```ts excerpt="reference:01-slim-builder/src/app.ts#L1"\nx\n```\n');
    expect(JSON.stringify(link)).toContain(`"url":"${sourceRoute('solutions/01-slim-builder/src/app.ts')}#L1"`);
  });

  it('leaves other code blocks alone', () => {
    expect(render('```sh\npnpm lab test 03\n```\n')).toMatchObject([{ type: 'code', lang: 'sh', value: 'pnpm lab test 03' }]);
  });

  it('fails the build on a missing file or lines past the end, naming the README', () => {
    expect(() => render('```ts excerpt="shared/api/src/nope.ts#L1-L2"\nx\n```\n')).toThrow(
      /03-byte-parsing\/README\.md: the excerpt .* names no repository file/,
    );
    expect(() => render('```ts excerpt="shared/api/src/index.ts#L1-L99999"\nx\n```\n')).toThrow(/outside the file's \d+ lines/);
    expect(() => render('```ts excerpt="src/app.ts"\nx\n```\n')).toThrow(/must read excerpt=/);
  });

  it('finds an excerpt inside a collapsed <details> spoiler, as markdown and as an MDX element', () => {
    const spoiler = '<details>\n<summary>Spoiler</summary>\n\n```ts excerpt="shared/api/src/index.ts#L1-L2"\n/**\n * @hotpath/api\n```\n\n</details>\n';
    const nodes = render(spoiler);
    expect(nodes.map((n) => n.type)).toEqual(['html', 'code', 'paragraph', 'html']);
    expect(nodes[1]).toMatchObject({ type: 'code', meta: null });
    expect(JSON.stringify(nodes[2])).toContain(`"url":"${sourceRoute('shared/api/src/index.ts')}#L1-L2"`);
    // Parsed as MDX, the block is a child of the <details> element: the plugin descends into it.
    const code = { type: 'code', lang: 'ts', meta: 'excerpt="shared/api/src/index.ts#L1-L2"', value: 'x' };
    const tree = {
      type: 'root',
      children: [{ type: 'mdxJsxFlowElement', name: 'details', children: [{ type: 'mdxJsxFlowElement', name: 'summary', children: [] }, code] }],
    };
    rewriteRepoLinks()(tree, { path: readme });
    const details = tree.children[0]!.children;
    expect(details.map((n) => n.type)).toEqual(['mdxJsxFlowElement', 'code', 'paragraph']);
    expect(details[1]).toMatchObject({ type: 'code', meta: null });
  });

  it('gives the quoted files /source/ pages', () => {
    const file = join(scratch, 'README.md');
    writeFileSync(file, '# x\n\n```ts excerpt="reference:04-pooling/src/ingest.ts#L1-L3"\na\n```\n');
    expect(linksIn(file)).toContainEqual({
      route: sourceRoute('solutions/04-pooling/src/ingest.ts'),
      source: 'solutions/04-pooling/src/ingest.ts',
      kind: 'file',
      hash: 'L1-L3',
    });
  });
});
