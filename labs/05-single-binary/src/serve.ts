/**
 * Serving the app from a bundle or a single executable: what the kit's `hotpath-serve` launcher does, without
 * tsx or the kit. createApp()'s app on 127.0.0.1:$PORT with @hono/node-server (PORT=0: any free port), the
 * same "listening on http://127.0.0.1:<port>" line (tests and the startup script read the port from it), the
 * sink drained every few milliseconds with app.sink.consume() (the stand-in for seed 000's Kafka producer),
 * and a clean stop on SIGINT/SIGTERM.
 *
 * Nothing here may run at module load beyond imports: the snapshot entry (snapshot.ts) imports this module
 * only inside its deserialize main function, because @hono/node-server loads node:http at the top, and
 * node:http cannot be loaded while Node 20 builds a startup snapshot.
 */
import { serve as honoServe } from '@hono/node-server';
import type { HotPathApp } from '@hotpath/api';

/** Loopback only, whatever the environment says: load tests and checks only ever target 127.0.0.1. */
export const HOST = '127.0.0.1';
/** The port when PORT is not set: 3100 + the lab number, like `pnpm start`. */
export const DEFAULT_PORT = 3105;
/** Milliseconds between sink drains (the kit's launcher drains every 5 ms too). */
export const DRAIN_EVERY_MS = 5;
/** How long a stop waits for open connections before exiting anyway. */
export const STOP_GRACE_MS = 2_000;

/** PORT from the environment (0 = any free port), or DEFAULT_PORT; exits with 2 on anything else. */
export function portFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const port = Number(env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number, got ${JSON.stringify(env.PORT)}`);
    process.exit(2);
  }
  return port;
}

/** Serves `app` on HOST:`port` until SIGINT or SIGTERM. */
export function serveApp(app: HotPathApp, port: number, name = 'Hot Path lab 05'): void {
  const drainer = setInterval(() => {
    if (app.sink.size > 0) app.sink.consume();
  }, DRAIN_EVERY_MS);
  drainer.unref();

  const server = honoServe({ fetch: app.fetch, port, hostname: HOST }, (info) => {
    console.log(`${name} listening on http://${HOST}:${info.port} (pid ${process.pid}); Ctrl+C stops it.`);
  });
  server.once('error', (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: stop the other server or set PORT.` : error);
    process.exit(1);
  });

  const stop = () => {
    clearInterval(drainer);
    server.close(() => process.exit(0));
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
