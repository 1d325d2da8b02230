/**
 * The Hot Path site. Lab pages ARE the lab READMEs (the docs plugin reads ../labs/NN-slug/README.md directly;
 * nothing is copied into site/), repo files they link to are rendered from the real files (plugins/source-
 * files), and checkpoint charts read committed reference results — one file per runtime, the reader picks —
 * and, when present, the learner's own .hotpath/ history (plugins/checkpoint-data); lab 05's start-up table
 * and capstone come from its committed results (plugins/lab-results). HOTPATH_SITE_RESULTS names a folder of
 * extra results laid over the committed ones (`<dir>/<slug>/<file>.json`; the site's tests use it).
 * Offline: no external scripts, fonts or analytics.
 */
import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import { resolve } from 'node:path';
import { labSections } from './plugins/lab-sections.ts';
import { rewriteRepoLinks } from './plugins/repo-links.ts';
import { darkCode, lightCode } from './src/prism-themes.ts';

/** Extra results laid over the committed ones (plugins/result-runtime.ts), for the site's tests. */
const resultsOverlay = process.env.HOTPATH_SITE_RESULTS ? resolve(process.env.HOTPATH_SITE_RESULTS) : undefined;

const config: Config = {
  title: 'Hot Path',
  tagline: 'Make a TypeScript HTTP API fast and lean, one measured stage at a time',
  url: 'http://127.0.0.1:3000',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  trailingSlash: false,
  favicon: 'img/favicon.svg',
  future: { v4: true, faster: true },
  markdown: {
    format: 'detect',
    hooks: { onBrokenMarkdownLinks: 'throw' },
  },
  presets: [
    [
      'classic',
      {
        docs: {
          path: '../labs',
          include: ['*/README.md'],
          routeBasePath: 'labs',
          numberPrefixParser: false,
          sidebarPath: './sidebars.ts',
          // lab-sections before the defaults: the headings it adds (step hints, figures) get ids and TOC entries.
          beforeDefaultRemarkPlugins: [rewriteRepoLinks, [labSections, { resultsOverlay }]],
        },
        blog: false,
        theme: { customCss: ['./src/css/custom.css', './src/css/screens.css', './src/css/print.css'] },
      } satisfies Preset.Options,
    ],
  ],
  plugins: [
    ['./plugins/checkpoint-data.ts', { resultsOverlay }],
    ['./plugins/lab-results.ts', { resultsOverlay }],
    './plugins/source-files.ts',
    './plugins/progress-data.ts',
  ],
  // print.ts opens every <details> while printing (the print stylesheet is src/css/print.css); scroll-focus.ts
  // lets the keyboard scroll a table or code block that overflows.
  clientModules: ['./src/print.ts', './src/scroll-focus.ts'],
  // Offline search: the index is built from the built HTML after the build (search-index.json on this origin) and
  // queried in a web worker; nothing is fetched from anywhere else. Labs are docs; every other route (concepts,
  // troubleshooting, instructor guide, progress and the source pages plugins/source-files adds) is a "page".
  themes: [
    [
      '@easyops-cn/docusaurus-search-local',
      {
        indexDocs: true,
        docsRouteBasePath: 'labs',
        indexBlog: false,
        indexPages: true,
        // 'zh' adds nothing Chinese here: it swaps lunr's English tokenizer (split on spaces and hyphens only) for
        // one that splits on every non-word character, so `readBodyWithin(request, …)` and code on the source
        // pages are found by their identifiers (the maintainers' advice: easyops-cn/docusaurus-search-local#91).
        language: ['en', 'zh'],
        explicitSearchResultPath: true,
        searchResultLimits: 10,
        searchBarShortcutHint: false,
        // The committed results JSON pages are numbers, not words: indexing them doubled the index (3.0 MiB, not 1.5).
        ignoreFiles: [/^source\/solutions\/[^/]+\/results\//],
      },
    ],
  ],
  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    // h2–h4: the lab steps (### Step N), their hints (#### Hints for step N) and lab 05's cost estimate.
    tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 4 },
    navbar: {
      title: 'Hot Path',
      items: [
        { to: '/labs/00-baseline', label: 'Labs', position: 'left' },
        { to: '/concepts', label: 'Concept map', position: 'left' },
        { to: '/progress', label: 'Progress', position: 'left' },
        { to: '/troubleshooting', label: 'Troubleshooting', position: 'left' },
        { to: '/instructors', label: 'Instructor guide', position: 'left' },
        { type: 'custom-presenting', position: 'right' },
      ],
    },
    footer: { style: 'dark', copyright: 'Hot Path — a workshop kit. Figures come from runs on the machine and the runtime named beside them.' },
    prism: { theme: lightCode, darkTheme: darkCode },
  } satisfies Preset.ThemeConfig,
};

export default config;
