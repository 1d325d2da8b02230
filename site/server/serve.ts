/**
 * The site's own server (`pnpm start`, shared/kit/bin/hotpath-start.js): the built site (site/build) as static
 * files the way Docusaurus writes them with `trailingSlash: false` — `/x` is `x`, `x.html` or `x/index.html`,
 * anything else 404.html with status 404 — and `GET /api/progress`, the learner's state read from `.hotpath/`
 * when asked (progress.ts), which the Progress page, the sidebar's done marks and the "yours" bars poll
 * (src/components/live-state.ts). Hono on @hono/node-server; its serveStatic refuses `..`, encoded slashes
 * and backslashes in paths. Binds 127.0.0.1 unless HOST says otherwise; PORT picks the port (0: any free one).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { progressCache } from './progress.ts';

export const siteDir = fileURLToPath(new URL('..', import.meta.url));
export const repoRoot = join(siteDir, '..');

export interface SiteServerOptions {
  /** The built site (default site/build). */
  build?: string;
  /** The kit whose `.hotpath/` is answered (default this repository). */
  root?: string;
}

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The app: `/api/progress`, then the build's files, then its 404 page. */
export function siteApp({ build = join(siteDir, 'build'), root = repoRoot }: SiteServerOptions = {}): Hono {
  const app = new Hono();
  const progress = progressCache(root);
  app.get('/api/progress', (c) => {
    try {
      return c.body(progress(), 200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    } catch (error) {
      return c.json(
        { source: 'live', at: new Date().toISOString(), problems: [`could not read the learner's state: ${(error as Error).message}`], labs: [] },
        500,
      );
    }
  });
  app.all('/api/*', (c) => c.json({ problems: [`no such API: ${c.req.path}`] }, 404));
  app.use(
    '*',
    serveStatic({
      root: build,
      // trailingSlash: false writes /x as x.html (or x/index.html, which serveStatic finds for a folder).
      rewriteRequestPath: (path) => (!isFile(join(build, path)) && isFile(join(build, `${path}.html`)) ? `${path}.html` : path),
    }),
  );
  app.notFound((c) => {
    const page = join(build, '404.html');
    return existsSync(page) ? c.html(readFileSync(page, 'utf8'), 404) : c.text('Not found', 404);
  });
  return app;
}

export interface RunningSite {
  url: string;
  port: number;
  close: () => Promise<void>;
}

/** Serves `siteApp(options)` on `host` (default 127.0.0.1) and `port` (0: a free one). */
export function startSiteServer(options: SiteServerOptions & { port?: number; host?: string } = {}): Promise<RunningSite> {
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: siteApp(options).fetch, port: options.port ?? 0, hostname: host }, (info: AddressInfo) => {
      const close = () =>
        new Promise<void>((done) => {
          server.close(() => done());
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
      resolve({ url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`, port: info.port, close });
    });
    server.once('error', reject);
  });
}

/** PORT and HOST from the environment (defaults 3000 and 127.0.0.1); a clear line when PORT is not a port. */
export function listenOptions(env = process.env): { port: number; host: string } {
  const port = Number(env.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT=${env.PORT} is not a port number (0–65535)`);
  return { port, host: env.HOST || '127.0.0.1' };
}
