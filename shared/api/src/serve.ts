/**
 * Serves a lab's app on 127.0.0.1:$PORT with @hono/node-server: `pnpm start` of every package (the workshop's
 * `hotpath-serve` launcher) and lab 05's bundle and single executables (src/server.ts, src/snapshot.ts).
 *
 * It also runs the sink's consumer — the stand-in for seed 000's Kafka producer — which drains accepted
 * events every few milliseconds, so a long load run never fills the sink. (Tests create apps without it and
 * drain the sink themselves.) runServer() adds what a process serving one app needs: the "<name> listening on
 * http://127.0.0.1:<port>" line (tests and scripts read the port from it), a one-line error for a port in
 * use, and a clean stop on SIGINT/SIGTERM.
 *
 * Every server it creates gets the kit's server policy (@hotpath/api/server-policy) before it listens:
 * deliberate header and request timeouts, a minimum body data rate after a grace period, and the API's JSON
 * error body for protocol errors (400/408/431). Those are counted in `policy.counts`, never logged as
 * errors. Tests shorten the values with HOTPATH_HEADERS_TIMEOUT_MS, HOTPATH_REQUEST_TIMEOUT_MS,
 * HOTPATH_BODY_GRACE_MS and HOTPATH_MIN_BODY_BYTES_PER_SEC, or with `options.policy`.
 *
 * esbuild bundles this module into lab 05's single executables, so it must stay bundle-safe: no tsx, no
 * `import.meta` (empty in CommonJS output), and nothing at module load beyond imports — the snapshot entry
 * imports it only inside its deserialize main function, because @hono/node-server loads node:http at the
 * top, and no Node snapshots a heap holding node:http: Node 20's snapshot builder cannot load it
 * (`methods.toSorted is not a function`), and Node 22, 24 and 26 load it but abort writing the heap (`global
 * handle not serialized`: the HTTP parser's native handles) — measured on 20.20, 22.23, 24.22 and 26.12.
 */
import type { Server } from 'node:http';
import { createAdaptorServer, type ServerType } from '@hono/node-server';
import type { HotPathApp } from './types.ts';
import { applyServerPolicy, serverPolicyFromEnv, type ServerPolicy, type ServerPolicyOptions } from './server-policy.ts';

/** Loopback only, whatever the environment says: load tests and checks only ever target 127.0.0.1. */
export const HOST = '127.0.0.1';
/** Milliseconds between sink drains by default. */
export const DRAIN_EVERY_MS = 5;
/** How long a stop waits for open connections before exiting anyway. */
export const STOP_GRACE_MS = 2_000;

export interface ServeOptions {
  port: number;
  host?: string;
  /** Called once the server listens. */
  onListen?: (url: string) => void;
  /** Milliseconds between sink drains (default DRAIN_EVERY_MS). */
  drainEveryMs?: number;
  /** The server policy's values (default: the policy's defaults, overridden by the HOTPATH_* environment). */
  policy?: ServerPolicyOptions;
}

export interface RunningServer {
  server: ServerType;
  url: string;
  /** Events taken out of the sink so far. */
  readonly published: number;
  /** The server policy in force: its settings and its protocol-error counts. */
  policy: ServerPolicy;
  close(): Promise<void>;
}

export function serveApp(app: HotPathApp, options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? HOST;
  let policyOptions: ServerPolicyOptions;
  try {
    policyOptions = options.policy ?? serverPolicyFromEnv();
  } catch (error) {
    return Promise.reject(error as Error);
  }
  let published = 0;
  const drainer = setInterval(() => {
    if (app.sink.size > 0) published += app.sink.consume();
  }, options.drainEveryMs ?? DRAIN_EVERY_MS);
  drainer.unref();

  return new Promise((resolveServer, reject) => {
    const server = createAdaptorServer({ fetch: app.fetch });
    // Before listen(): Node reads the timeout sweep interval when listening starts.
    const policy = applyServerPolicy(server as Server, policyOptions);
    server.once('error', (error) => {
      clearInterval(drainer);
      reject(error);
    });
    server.listen(options.port, host, () => {
      const address = server.address();
      const url = `http://${host}:${typeof address === 'object' && address ? address.port : options.port}`;
      options.onListen?.(url);
      resolveServer({
        server,
        url,
        get published() {
          return published;
        },
        policy,
        close: () =>
          new Promise<void>((done) => {
            clearInterval(drainer);
            server.close(() => done());
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
  });
}

/** PORT from `env` (0 = any free port), or `defaultPort` when unset; exits with 2 on anything else. */
export function portFromEnv(defaultPort: number, env: NodeJS.ProcessEnv = process.env): number {
  const port = Number(env.PORT ?? defaultPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number, got ${JSON.stringify(env.PORT)}`);
    process.exit(2);
  }
  return port;
}

export interface RunOptions {
  /** What the "listening on" line calls the server, e.g. 'Hot Path lab 05'. */
  name: string;
  port: number;
}

/**
 * Serves `app` on HOST:`port` as the process's one job: prints "<name> listening on <url> (pid N); Ctrl+C
 * stops it.", exits 1 when it cannot listen (a port in use said in one line), and on SIGINT or SIGTERM
 * closes the server and exits 0 (after STOP_GRACE_MS at the latest).
 */
export function runServer(app: HotPathApp, options: RunOptions): Promise<RunningServer> {
  const running = serveApp(app, {
    port: options.port,
    host: HOST,
    onListen: (url) => console.log(`${options.name} listening on ${url} (pid ${process.pid}); Ctrl+C stops it.`),
  });
  running.catch((error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${options.port} is in use: stop the other server or set PORT.` : error);
    process.exit(1);
  });

  const stop = () => {
    running
      .then((server) => server.close())
      .then(
        () => process.exit(0),
        () => undefined,
      );
    setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return running;
}
