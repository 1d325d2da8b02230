/**
 * Step 3 — the startup snapshot's entry point (the main script of dist/server-sea-snapshot, useSnapshot).
 *
 * Node runs this file once, at build time, inside V8's snapshot builder, and saves the heap it leaves behind
 * in the blob. The binary then starts from that heap — every module already evaluated, the app already
 * created — and runs only the function given to setDeserializeMainFunction.
 *
 * What can be warmed at build time, and what cannot (measured on Node 20.20, 22.23, 24.22 and 26.12):
 * - Evaluating the bundle and createApp() (routes registered, todos seeded, the ring sink and the body pool
 *   made): yes, that is this module's top level.
 * - Anything that loads node:http, which includes @hono/node-server (it imports node:http at its top) and the
 *   fetch globals (Request, Response: undici loads node:http): no, on any of them, for two different reasons.
 *   On Node 20, node:http cannot even load: it calls Array.prototype.toSorted, which the snapshot builder's V8
 *   context does not have yet ("methods.toSorted is not a function"). On Node 22, 24 and 26 it loads (with a
 *   warning that node:http is "not yet fully verified" in snapshot builder scripts), but the heap cannot be
 *   written: the HTTP parser's native handles cannot be serialized, and V8 aborts the build ("global handle
 *   not serialized", "Fatal error … CheckGlobalAndEternalHandles failed", no blob written).
 *   @hotpath/api/serve is therefore imported inside the main function (esbuild keeps that import lazy), and
 *   no request can be sent through the app here to warm its router.
 * - Timers, sockets, process.env: read or start them in the main function; at build time they would be the
 *   build machine's (a PORT read here would be baked into the binary).
 */
import { startupSnapshot } from 'node:v8';
import { createApp } from './app.ts';

const NAME = 'Hot Path lab 05 (snapshot)';
/** The port when PORT is not set: 3100 + the lab number, like `pnpm start`. */
const DEFAULT_PORT = 3105;

// Built once, at snapshot time: the binary starts with it in its heap.
const app = createApp();

async function main(): Promise<void> {
  const { portFromEnv, runServer } = await import('@hotpath/api/serve');
  await runServer(app, { name: NAME, port: portFromEnv(DEFAULT_PORT) });
}

if (startupSnapshot.isBuildingSnapshot()) {
  startupSnapshot.setDeserializeMainFunction(() => void main());
} else {
  // `node dist/snapshot.cjs` (no snapshot being built): serve straight away.
  void main();
}
