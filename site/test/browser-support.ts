/**
 * What every browser test of the site shares: the built site served on 127.0.0.1 (static-server.ts), Debian's
 * Chromium through playwright-core with a fresh profile folder (never `playwright install`), and `visit`,
 * which opens a page recording console errors and aborting every request that leaves the local server.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS } from '@hotpath/workshop/chromium';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { serveStatic } from './static-server.ts';

export const site = fileURLToPath(new URL('..', import.meta.url));
export const build = join(site, 'build');
export const artifacts = join(site, 'test-artifacts');

export interface SiteBrowser {
  browser: BrowserContext;
  /** The local server's origin: `http://127.0.0.1:PORT`. */
  base: string;
  visit: (path: string, at?: string) => Promise<{ page: Page; errors: string[]; foreign: string[] }>;
  close: () => Promise<void>;
}

/** Serves `root` (the build, by default) and starts Chromium; `close()` closes Chromium, removes its profile and stops the server. */
export async function openSite(root = build): Promise<SiteBrowser> {
  if (!existsSync(join(root, 'index.html'))) throw new Error('No site build: run pnpm --dir site build first (turbo does it before this test)');
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (never playwright install)`);
  const { server, url: base } = await serveStatic(root);
  const launched = await launch(base);
  return {
    ...launched,
    close: async () => {
      await launched.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/** Chromium alone, for a server the test starts itself (`base`: its origin). */
export async function launch(base: string): Promise<Omit<SiteBrowser, 'close'> & { close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (never playwright install)`);
  const profile = mkdtempSync(join(tmpdir(), 'hotpath-chromium-'));
  // A fresh profile folder per run (Playwright passes it as --user-data-dir).
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  mkdirSync(artifacts, { recursive: true });
  const visit: SiteBrowser['visit'] = async (path, at = base) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    const foreign: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(at) || url.startsWith('data:')) return route.continue();
      foreign.push(url);
      return route.abort();
    });
    const response = await page.goto(at + path, { waitUntil: 'networkidle' });
    expect(response?.status(), `${path} answers 200`).toBe(200);
    return { page, errors, foreign };
  };
  const close = async () => {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { browser, base, visit, close };
}
