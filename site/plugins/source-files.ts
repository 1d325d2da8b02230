/**
 * Pages for the repository files and folders the lab READMEs link to, rendered from the real files at
 * build time (never pasted into site/): /source/<path> shows a file as a code block, or a folder as the
 * list of its files (each with its own page). See repo-links.ts for how links map to these routes. Every
 * committed results file (solutions/<slug>/results/*.json) gets a page too: the home page and the lab pages
 * link the run of record each figure comes from. A large file — a results JSON over 32 KB, any file over
 * 256 KB — is shown collapsed: its first HEAD_LINES lines on the page (which stays small: 04-pooling's 213 KB
 * results were a 2.9 MB page) and the whole file copied into the build under /files/<path> to download.
 */
import type { LoadContext, Plugin } from '@docusaurus/types';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { labReadmes, linksIn, repoRoot, sourceRoute } from './repo-links.ts';

const SKIP_DIRS = new Set(['node_modules', '.pristine', '.checkpoint', '.turbo', 'dist', 'build']);
/** Over this, a file is shown collapsed (its head and a download); results JSON (machine output) sooner. */
const MAX_BYTES = 256 * 1024;
const MAX_RESULTS_BYTES = 32 * 1024;
const HEAD_LINES = 200;
/** Where the build keeps the whole of a collapsed file: /files/<repo path>. */
export const downloadRoute = (repoPath: string) => `/files/${repoPath}`;
const LANGUAGE: Record<string, string> = {
  '.ts': 'ts',
  '.tsx': 'tsx',
  '.js': 'js',
  '.mjs': 'js',
  '.json': 'json',
  '.md': 'markdown',
  '.yaml': 'yaml',
  '.sh': 'bash',
};

export interface SourcePageData {
  path: string;
  kind: 'file' | 'dir';
  language?: string;
  /** The file's text; for a collapsed file, its first lines only. */
  content?: string;
  /** For files: how many lines and bytes the whole file has. */
  lines?: number;
  bytes?: number;
  /** The line ranges the READMEs' excerpts link to ("L28-L34"), declared to the broken-anchor check. */
  anchors?: string[];
  /** For a collapsed file: the route of the whole file in the build, to download. */
  download?: string;
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
  const bytes = statSync(abs).size;
  const text = readFileSync(abs, 'utf8');
  const all = text.replace(/\n$/, '').split('\n');
  const page: SourcePageData = { path, kind: 'file', language: LANGUAGE[extname(path)] ?? 'text', content: text, lines: all.length, bytes };
  const results = /^solutions\/[^/]+\/results\/.+\.json$/.test(path);
  if (bytes <= (results ? MAX_RESULTS_BYTES : MAX_BYTES) || all.length <= HEAD_LINES) return page;
  return { ...page, content: all.slice(0, HEAD_LINES).join('\n'), download: downloadRoute(path) };
}

export default function sourceFiles(_context: LoadContext): Plugin<SourcePageData[]> {
  return {
    name: 'hotpath-source-files',
    getPathsToWatch: () => labReadmes(),
    async loadContent() {
      const pages = new Map<string, SourcePageData>();
      const anchors = new Map<string, Set<string>>();
      for (const readme of labReadmes()) {
        for (const target of linksIn(readme)) {
          if (target.source && target.hash && target.kind === 'file')
            (anchors.get(target.source) ?? anchors.set(target.source, new Set()).get(target.source)!).add(target.hash);
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
      return [...pages.values()].map((page) => (anchors.has(page.path) ? { ...page, anchors: [...anchors.get(page.path)!].sort() } : page));
    },
    async contentLoaded({ content, actions }) {
      for (const page of content) {
        const data = await actions.createData(`${page.path.replace(/[^a-z0-9]+/gi, '-')}.json`, JSON.stringify(page));
        actions.addRoute({ path: sourceRoute(page.path), component: '@site/src/components/SourcePage.tsx', modules: { page: data }, exact: true });
      }
    },
    async postBuild({ content, outDir }) {
      for (const page of content) {
        if (!page.download) continue;
        const to = join(outDir, page.download);
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(join(repoRoot, page.path), to);
      }
    },
  };
}
