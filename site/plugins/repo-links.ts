/**
 * Links in the lab READMEs point at repository files (`../../shared/api/README.md`, `src/app.ts`), which
 * read well on GitHub and in an editor. On the site, a link to another lab's README becomes that lab's
 * page, and a link to any other repo file or folder becomes its page under /source/, rendered from the
 * real file by plugins/source-files.ts. Both plugins use `repoTarget`, so they agree on every link.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface RepoTarget {
  /** Site route the link goes to. */
  route: string;
  /** Repo-relative path, for /source/ pages (undefined for lab pages). */
  source?: string;
  kind: 'lab' | 'file' | 'dir';
}

/** The /source/ route of a repo path: dots become dashes so every route is a plain page name. */
export const sourceRoute = (repoPath: string) => `/source/${repoPath.replace(/\./g, '-')}`;

/** Where a relative link written in `fromFile` goes on the site, or undefined for external/anchor links. */
export function repoTarget(fromFile: string, url: string): RepoTarget | undefined {
  if (/^[a-z]+:/i.test(url) || url.startsWith('#') || url.startsWith('/')) return undefined;
  const [path, hash] = url.split('#');
  const abs = resolve(dirname(fromFile), decodeURIComponent(path!));
  const rel = relative(repoRoot, abs);
  if (rel.startsWith('..') || !existsSync(abs)) return undefined;
  const lab = /^labs\/(\d\d-[a-z0-9-]+)\/README\.md$/.exec(rel);
  if (lab) return { route: `/labs/${lab[1]}${hash ? `#${hash}` : ''}`, kind: 'lab' };
  return { route: sourceRoute(rel), source: rel, kind: statSync(abs).isDirectory() ? 'dir' : 'file' };
}

/** The relative link targets of a markdown file (inline links `[text](url)`), resolved. */
export function linksIn(file: string): RepoTarget[] {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  const found: RepoTarget[] = [];
  for (const match of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = repoTarget(file, match[1]!);
    if (target) found.push(target);
  }
  return found;
}

interface MdNode {
  type: string;
  url?: string;
  title?: string | null;
  value?: string;
  lang?: string;
  children?: MdNode[];
}

const LANG: Record<string, string> = { ts: 'ts', tsx: 'tsx', js: 'js', mjs: 'js', json: 'json', md: 'markdown', sh: 'bash' };

/**
 * An excerpt: a paragraph that is only a link titled "excerpt" — `[src/logger.ts](src/logger.ts "excerpt")`,
 * optionally with `#L12-L30` — reads as a link on GitHub and becomes, on the site, a code block with those
 * lines of the real file, followed by a link to the whole file. Nothing is pasted into the README.
 */
function excerpt(fromFile: string, paragraph: MdNode): MdNode[] | undefined {
  const [link] = paragraph.children ?? [];
  if (paragraph.children?.length !== 1 || link?.type !== 'link' || link.title !== 'excerpt' || !link.url) return undefined;
  const target = repoTarget(fromFile, link.url);
  if (!target?.source || target.kind !== 'file') throw new Error(`${fromFile}: the excerpt ${link.url} names no repository file`);
  const lines = readFileSync(join(repoRoot, target.source), 'utf8').split('\n');
  const range = /#L(\d+)(?:-L(\d+))?$/.exec(link.url);
  const from = range ? Number(range[1]) : 1;
  const to = range ? Number(range[2] ?? range[1]) : lines.length;
  if (from < 1 || to > lines.length || from > to) throw new Error(`${fromFile}: the excerpt ${link.url} is outside the file's ${lines.length} lines`);
  const ext = target.source.split('.').at(-1) ?? '';
  return [
    { type: 'code', lang: LANG[ext] ?? 'text', value: lines.slice(from - 1, to).join('\n').replace(/\n+$/, '') },
    { type: 'paragraph', children: [{ type: 'link', url: target.route, children: [{ type: 'text', value: `${target.source}${range ? ` (lines ${from}–${to})` : ''}` }] }] },
  ];
}

/** Remark plugin: rewrites repo-relative links and expands excerpts, as described above. */
export function rewriteRepoLinks() {
  return (tree: MdNode, file: { path?: string }) => {
    const visit = (node: MdNode) => {
      if ((node.type === 'link' || node.type === 'definition') && node.url && file.path) {
        const target = repoTarget(file.path, node.url);
        if (target) node.url = target.route;
      }
      if (node.children && file.path) {
        node.children = node.children.flatMap((child) => (child.type === 'paragraph' ? (excerpt(file.path!, child) ?? [child]) : [child]));
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
