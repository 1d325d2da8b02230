/**
 * Step 2 — single executable applications (SEA): the bundle injected into a copy of the node binary, so the
 * server is one file that runs on a machine with no Node and no node_modules — what `PublishAot` gives .NET,
 * except that this is still the JIT plus the whole Node runtime (~100 MB), not compiled machine code.
 *
 * Three steps per binary, as Node 20 documents them:
 *   1. `node --experimental-sea-config <config>.json` turns the main script into a preparation blob —
 *      optionally with V8's code cache for it (useCodeCache, ReadyToRun's idea: compiled code shipped with
 *      the app) or as a startup snapshot of the heap the script leaves behind (useSnapshot);
 *   2. copy `process.execPath` (the blob only works with the exact node binary that made it);
 *   3. `postject <binary> NODE_SEA_BLOB <blob> --sentinel-fuse NODE_SEA_FUSE_…` writes the blob into the
 *      copy as an ELF note (a Mach-O section on macOS, which also needs `codesign`; not done here).
 *
 * Yours: buildSea(). The constants and the two helpers at the end (postject's CLI, running a command) are given.
 */
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The fuse string Node 20 looks for to know a blob was injected (from Node's documentation). */
export const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
/** The resource name Node reads the blob from. */
export const SEA_RESOURCE = 'NODE_SEA_BLOB';
/** rwxr-xr-x: the copy of node must stay executable. */
const EXECUTABLE_MODE = 0o755;

export interface SeaOptions {
  /** Binary name in `outDir`, e.g. 'server-sea'. */
  name: string;
  /** The CommonJS main script (absolute path): a bundle, since a SEA's require() only loads built-ins. */
  main: string;
  outDir: string;
  /** Ship V8's code cache for the main script (compiled at build time). */
  useCodeCache?: boolean;
  /** Build a startup snapshot from the main script (it must call v8.startupSnapshot.setDeserializeMainFunction). */
  useSnapshot?: boolean;
}

export interface SeaResult {
  name: string;
  /** Absolute path of the binary. */
  path: string;
  bytes: number;
  blobBytes: number;
  /** Milliseconds: blob, copy, inject. */
  ms: { blob: number; copy: number; inject: number };
}

/** Builds one single executable: blob, copy of node, injection. */
export async function buildSea(options: SeaOptions): Promise<SeaResult> {
  // TODO (step 2): in options.outDir,
  //   1. write `<name>.sea-config.json`: { main, output: '<name>.blob', disableExperimentalSEAWarning: true,
  //      useCodeCache, useSnapshot } (absolute paths), and run
  //      `run(process.execPath, ['--experimental-sea-config', <config>], …)`;
  //   2. copy process.execPath to `<outDir>/<name>` and chmod it EXECUTABLE_MODE;
  //   3. `run(process.execPath, [postjectCli(), <binary>, SEA_RESOURCE, <blob>, '--sentinel-fuse', SEA_FUSE], …)`.
  // Time each step (performance.now()) and answer the sizes (statSync) of the binary and the blob.
  void [chmodSync, copyFileSync, statSync, writeFileSync, EXECUTABLE_MODE, postjectCli, run];
  throw new Error(`TODO (step 2): build the single executable ${options.name} in src/sea.ts`);
}

/** postject's command-line entry (its JS API prints LIEF's warnings into our output; a child's we can keep). */
function postjectCli(): string {
  return join(createRequire(import.meta.url).resolve('postject/package.json'), '..', 'dist', 'cli.js');
}

/** Runs a command to completion; rejects with its output when it exits non-zero. */
function run(command: string, args: string[], what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${what} failed (${signal ?? `exit ${code}`}):\n${output.trim()}`));
    });
  });
}
