/**
 * Serves a lab's app on 127.0.0.1:$PORT with @hono/node-server, the way every lab's `pnpm start` does.
 *
 * It also runs the sink's consumer — the stand-in for seed 000's Kafka producer — which drains accepted
 * events every few milliseconds, so a long load run never fills the sink. (Tests create apps without it and
 * drain the sink themselves.) The server stops cleanly on SIGINT/SIGTERM.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { HotPathApp } from '@hotpath/api';

export interface ServeOptions {
  port: number;
  host?: string;
  /** Called once the server listens. */
  onListen?: (url: string) => void;
  /** Milliseconds between sink drains (default 5). */
  drainEveryMs?: number;
}

export interface RunningServer {
  server: ServerType;
  url: string;
  /** Events taken out of the sink so far. */
  readonly published: number;
  close(): Promise<void>;
}

export function serveApp(app: HotPathApp, options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  let published = 0;
  const drainer = setInterval(() => {
    if (app.sink.size > 0) published += app.sink.consume();
  }, options.drainEveryMs ?? 5);
  drainer.unref();

  return new Promise((resolveServer, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: host }, (info) => {
      const url = `http://${host}:${info.port}`;
      options.onListen?.(url);
      resolveServer({
        server,
        url,
        get published() {
          return published;
        },
        close: () =>
          new Promise<void>((done) => {
            clearInterval(drainer);
            server.close(() => done());
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once('error', reject);
  });
}
