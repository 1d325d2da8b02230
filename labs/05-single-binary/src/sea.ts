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
 * Yours: buildSea(). The constants (SEA_RESOURCE, SEA_FUSE, EXECUTABLE_MODE), the option and result types
 * and the two helpers (postjectCli(): postject's CLI; run(): a command to completion) come from
 * @hotpath/kit/sea-given (given code, shared with the reference).
 */
import { chmodSync, copyFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXECUTABLE_MODE, postjectCli, run, SEA_FUSE, SEA_RESOURCE, type SeaOptions, type SeaResult } from '@hotpath/kit/sea-given';

/** Builds one single executable: blob, copy of node, injection. */
export async function buildSea(options: SeaOptions): Promise<SeaResult> {
  // TODO (step 2): in options.outDir,
  //   1. write `<name>.sea-config.json`: { main, output: '<name>.blob', disableExperimentalSEAWarning: true,
  //      useCodeCache, useSnapshot } (absolute paths), and run
  //      `run(process.execPath, ['--experimental-sea-config', <config>], …)`;
  //   2. copy process.execPath to `<outDir>/<name>` and chmod it EXECUTABLE_MODE;
  //   3. `run(process.execPath, [postjectCli(), <binary>, SEA_RESOURCE, <blob>, '--sentinel-fuse', SEA_FUSE], …)`.
  // Time each step (performance.now()) and answer the sizes (statSync) of the binary and the blob.
  void [chmodSync, copyFileSync, join, statSync, writeFileSync, EXECUTABLE_MODE, postjectCli, run];
  throw new Error(`TODO (step 2): build the single executable ${options.name} in src/sea.ts`);
}
