/**
 * Links in the lab READMEs point at repository files (`../../shared/api/README.md`, `src/app.ts`), which
 * read well on GitHub and in an editor. On the site, a link to another lab's README becomes that lab's
 * page, a link to one of the site's own pages (site/src/pages/concepts.md) becomes that page (/concepts),
 * and a link to any other repo file or folder becomes its page under /source/, rendered from the real file
 * by plugins/source-files.ts. Both plugins use `repoTarget`, so they agree on every link.
 *
 * An excerpt is a fenced code block whose info string names the lines it quotes
 * (```` ```ts excerpt="reference:03-byte-parsing/src/ingest.ts#L30-L48" ````, see
 * shared/kit/src/readme-excerpts.ts): the README holds the code itself, kept equal to those lines by the
 * kit's test/readme-surface.test.ts. On the site it shows as written, followed by a link to the whole
 * file's /source/ page (the site may link into solutions/; a README may not).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { excerptAttribute, fencedBlocks, fileLines, parseExcerpt } from '@hotpath/kit/readme-excerpts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface RepoTarget {
  /** Site route the link goes to. */
  route: string;
  /** Repo-relative path, for /source/ pages (undefined for lab pages). */
  source?: string;
  /** 'page': one of the site's own pages (site/src/pages/NAME.md is /NAME). */
  kind: 'lab' | 'page' | 'file' | 'dir';
  /** For an excerpt: the anchor of the lines it quotes on the file's page ("L28-L34"). */
  hash?: string;
}

/** The /source/ route of a repo path: dots become dashes so every route is a plain page name. */
export const sourceRoute = (repoPath: string) => `/source/${repoPath.replace(/\./g, '-')}`;

/** The anchor of lines `from`–`to` on a /source/ page (src/components/SourceListing.tsx marks them): "L28-L34", "L28". */
export const lineAnchor = (from: number, to: number) => (from === to ? `L${from}` : `L${from}-L${to}`);

/** Where a relative link written in `fromFile` goes on the site, or undefined for external/anchor links. */
export function repoTarget(fromFile: string, url: string): RepoTarget | undefined {
  if (/^[a-z]+:/i.test(url) || url.startsWith('#') || url.startsWith('/')) return undefined;
  const [path, hash] = url.split('#');
  const abs = resolve(dirname(fromFile), decodeURIComponent(path!));
  const rel = relative(repoRoot, abs);
  if (rel.startsWith('..') || !existsSync(abs)) return undefined;
  const lab = /^labs\/(\d\d-[a-z0-9-]+)\/README\.md$/.exec(rel);
  if (lab) return { route: `/labs/${lab[1]}${hash ? `#${hash}` : ''}`, kind: 'lab' };
  const page = /^site\/src\/pages\/([a-z0-9-]+)\.mdx?$/.exec(rel);
  if (page) return { route: `/${page[1]}${hash ? `#${hash}` : ''}`, kind: 'page' };
  return { route: sourceRoute(rel), source: rel, kind: statSync(abs).isDirectory() ? 'dir' : 'file' };
}

/** The relative link targets of a markdown file (inline links `[text](url)`, and the files its excerpts quote), resolved. */
export function linksIn(file: string): RepoTarget[] {
  const markdown = readFileSync(file, 'utf8');
  const text = markdown.replace(/```[\s\S]*?```/g, '');
  const found: RepoTarget[] = [];
  for (const match of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = repoTarget(file, match[1]!);
    if (target) found.push(target);
  }
  for (const block of fencedBlocks(markdown)) {
    const spec = excerptAttribute(block.info);
    const excerpt = spec === undefined ? undefined : parseExcerpt(spec);
    if (excerpt && typeof excerpt !== 'string' && existsSync(join(repoRoot, excerpt.path))) {
      found.push({ route: sourceRoute(excerpt.path), source: excerpt.path, kind: 'file', hash: lineAnchor(excerpt.from, excerpt.to) });
    }
  }
  return found;
}

interface MdNode {
  type: string;
  url?: string;
  title?: string | null;
  value?: string;
  lang?: string | null;
  meta?: string | null;
  children?: MdNode[];
}

/**
 * An excerpt code block: kept as written (its `excerpt="…"` taken out of the meta), then a link to the
 * whole file. The build fails on a spec that names no file or lines past its end; whether the text equals
 * those lines is the kit's test to say (test/readme-surface.test.ts), with an instruction.
 */
function codeExcerpt(fromFile: string, code: MdNode): MdNode[] | undefined {
  const spec = excerptAttribute(code.meta);
  if (spec === undefined) return undefined;
  const excerpt = parseExcerpt(spec);
  if (typeof excerpt === 'string') throw new Error(`${fromFile}: ${excerpt}`);
  const abs = join(repoRoot, excerpt.path);
  if (!existsSync(abs) || !statSync(abs).isFile()) throw new Error(`${fromFile}: the excerpt ${spec} names no repository file (${excerpt.path})`);
  const count = fileLines(readFileSync(abs, 'utf8')).length;
  if (excerpt.to > count) throw new Error(`${fromFile}: the excerpt ${spec} is outside the file's ${count} lines`);
  const meta = code.meta!.replace(/(?:^|\s)excerpt="[^"]*"/, '').trim();
  const lines = excerpt.from === excerpt.to ? `line ${excerpt.from}` : `lines ${excerpt.from}–${excerpt.to}`;
  return [
    { ...code, meta: meta === '' ? null : meta },
    {
      type: 'paragraph',
      children: [
        { type: 'text', value: `Quoted from ` },
        { type: 'link', url: `${sourceRoute(excerpt.path)}#${lineAnchor(excerpt.from, excerpt.to)}`, children: [{ type: 'inlineCode', value: excerpt.path }] },
        { type: 'text', value: `, ${lines}.` },
      ],
    },
  ];
}

/** Remark plugin: rewrites repo-relative links and adds each excerpt's link to its file, as described above. */
export function rewriteRepoLinks() {
  return (tree: MdNode, file: { path?: string }) => {
    const visit = (node: MdNode) => {
      if ((node.type === 'link' || node.type === 'definition') && node.url && file.path) {
        const target = repoTarget(file.path, node.url);
        if (target) node.url = target.route;
      }
      if (node.children && file.path) {
        node.children = node.children.flatMap((child) => {
          if (child.type === 'code') return codeExcerpt(file.path!, child) ?? [child];
          return [child];
        });
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}

/** The lab READMEs the docs plugin renders. */
export function labReadmes(): string[] {
  const labs = join(repoRoot, 'labs');
  return readdirSync(labs)
    .filter((name) => /^\d\d-/.test(name) && existsSync(join(labs, name, 'README.md')))
    .sort()
    .map((name) => join(labs, name, 'README.md'));
}
