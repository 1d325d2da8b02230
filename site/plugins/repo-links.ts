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
  for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = repoTarget(file, match[1]!);
    if (target) found.push(target);
  }
  return found;
}

interface MdNode {
  type: string;
  url?: string;
  children?: MdNode[];
}

/** Remark plugin: rewrites repo-relative links as described above. */
export function rewriteRepoLinks() {
  return (tree: MdNode, file: { path?: string }) => {
    const visit = (node: MdNode) => {
      if ((node.type === 'link' || node.type === 'definition') && node.url && file.path) {
        const target = repoTarget(file.path, node.url);
        if (target) node.url = target.route;
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
