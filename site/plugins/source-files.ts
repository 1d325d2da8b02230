/**
 * Pages for the repository files and folders the lab READMEs link to, rendered from the real files at
 * build time (never pasted into site/): /source/<path> shows a file as a code block, or a folder as the
 * list of its files (each with its own page). See repo-links.ts for how links map to these routes. Every
 * committed results file (solutions/<slug>/results/*.json) gets a page too: the home page and the lab pages
 * link the run of record each figure comes from.
 */
import type { LoadContext, Plugin } from '@docusaurus/types';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { labReadmes, linksIn, repoRoot, sourceRoute } from './repo-links.ts';

const SKIP_DIRS = new Set(['node_modules', '.pristine', '.checkpoint', '.turbo', 'dist', 'build']);
const MAX_BYTES = 256 * 1024;
const LANGUAGE: Record<string, string> = { '.ts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.json': 'json', '.md': 'markdown', '.yaml': 'yaml', '.sh': 'bash' };

export interface SourcePageData {
  path: string;
  kind: 'file' | 'dir';
  language?: string;
  content?: string;
  /** For folders: the files in it, with their routes. */
  files?: Array<{ path: string; route: string }>;
}

function filesUnder(dir: string, rel: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(repoRoot, rel), { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...filesUnder(dir, `${rel}/${entry.name}`));
    } else if (entry.isFile()) out.push(`${rel}/${entry.name}`);
  }
  return out.sort();
}

function filePage(path: string): SourcePageData {
  const abs = join(repoRoot, path);
  const size = statSync(abs).size;
  const content = size > MAX_BYTES ? `(${size} bytes: too large to show here; open ${path} in your editor)` : readFileSync(abs, 'utf8');
  return { path, kind: 'file', language: LANGUAGE[extname(path)] ?? 'text', content };
}

export default function sourceFiles(_context: LoadContext): Plugin<SourcePageData[]> {
  return {
    name: 'hotpath-source-files',
    getPathsToWatch: () => labReadmes(),
    async loadContent() {
      const pages = new Map<string, SourcePageData>();
      for (const readme of labReadmes()) {
        for (const target of linksIn(readme)) {
          if (!target.source || pages.has(target.source)) continue;
          if (target.kind === 'file') pages.set(target.source, filePage(target.source));
          else {
            const files = filesUnder(target.source, target.source);
            pages.set(target.source, { path: target.source, kind: 'dir', files: files.map((f) => ({ path: f, route: sourceRoute(f) })) });
            for (const file of files) if (!pages.has(file)) pages.set(file, filePage(file));
          }
        }
      }
      for (const lab of readdirSync(join(repoRoot, 'solutions'), { withFileTypes: true })) {
        const results = `solutions/${lab.name}/results`;
        if (!lab.isDirectory() || !existsSync(join(repoRoot, results))) continue;
        for (const file of filesUnder(results, results)) if (file.endsWith('.json') && !pages.has(file)) pages.set(file, filePage(file));
      }
      return [...pages.values()];
    },
    async contentLoaded({ content, actions }) {
      for (const page of content) {
        const data = await actions.createData(`${page.path.replace(/[^a-z0-9]+/gi, '-')}.json`, JSON.stringify(page));
        actions.addRoute({ path: sourceRoute(page.path), component: '@site/src/components/SourcePage.tsx', modules: { page: data }, exact: true });
      }
    },
  };
}
