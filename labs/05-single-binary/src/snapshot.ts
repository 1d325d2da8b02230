/**
 * Step 3 — the startup snapshot's entry point (the main script of dist/server-sea-snapshot, useSnapshot).
 *
 * Node runs this file once, at build time, inside V8's snapshot builder, and saves the heap it leaves behind
 * in the blob. The binary then starts from that heap — every module already evaluated — and runs only the
 * function given to v8.startupSnapshot.setDeserializeMainFunction().
 *
 * Yours, all of it. What to warm at build time, and what must wait for the main function:
 * - createApp() can run here, at the top level: the binary then starts with the app already made.
 * - Serve it as src/server.ts does, with portFromEnv() and runServer() from '@hotpath/api/serve' (name it
 *   'Hot Path lab 05 (snapshot)'; PORT defaults to 3105). But that module cannot be imported at the top: it
 *   imports @hono/node-server, which loads node:http, and no Node can snapshot a heap holding node:http:
 *   Node 20 cannot even load it in the snapshot builder ("methods.toSorted is not a function"); Node 22, 24
 *   and 26 load it but abort writing the heap ("global handle not serialized": the HTTP parser's native
 *   handles). Import it inside the main function (`await import('@hotpath/api/serve')`: esbuild keeps a
 *   literal import() lazy in the bundle).
 * - PORT and timers belong in the main function too: read at build time, they would be the build machine's.
 * - `node dist/snapshot.cjs`, with no snapshot being built (startupSnapshot.isBuildingSnapshot() is false),
 *   may simply serve straight away.
 * - Export nothing from this file (not even `export {}`): an entry with an export makes esbuild write
 *   `module.exports = …` into the bundle, and the snapshot builder runs the bundle as a plain script without
 *   `module` — the build dies with "ReferenceError: module is not defined". Imports are fine, and tsc needs no
 *   export either (the package is "type": "module", so every .ts file here is a module).
 */
throw new Error('TODO (step 3): write the snapshot entry in src/snapshot.ts (see its header)');
