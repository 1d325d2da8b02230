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
import { themes } from 'prism-react-renderer';
import { rewriteRepoLinks } from './plugins/repo-links.ts';

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
          beforeDefaultRemarkPlugins: [rewriteRepoLinks],
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
  ],
  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
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
    prism: { theme: themes.github, darkTheme: themes.dracula },
  } satisfies Preset.ThemeConfig,
};

export default config;
