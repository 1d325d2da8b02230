/**
 * The learner's progress as it was when the site was built (site/server/progress.ts, read from .hotpath/):
 * each lab's last test run and latest checkpoint, as global data `hotpath-progress`. It is what the Progress
 * page and the sidebar's done marks show where the site is hosted as static files; under `pnpm start` the
 * site's server answers the same, live (src/components/live-state.ts). The charts' data (history, local run)
 * is checkpoint-data.ts's at build time, so it is left out here. The build also gets it as a file at
 * /api/progress, where the site's server answers live.
 */
import type { Plugin } from '@docusaurus/types';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readProgress, type ProgressState } from '../server/progress.ts';
import { repoRoot } from './repo-links.ts';

export default function progressData(): Plugin<ProgressState> {
  return {
    name: 'hotpath-progress',
    getPathsToWatch: () => [join(repoRoot, '.hotpath/tests.json'), join(repoRoot, '.hotpath/history.jsonl')],
    loadContent: async () => readProgress(repoRoot, { source: 'build', charts: false }),
    async contentLoaded({ content, actions }) {
      actions.setGlobalData(content);
    },
    // The same state at /api/progress as a file of the build: a static host answers the page's first poll
    // with it (200, source 'build'), and the page stops polling without a 404 in the console.
    async postBuild({ content, outDir }) {
      mkdirSync(join(outDir, 'api'), { recursive: true });
      writeFileSync(join(outDir, 'api', 'progress'), JSON.stringify(content));
    },
  };
}
