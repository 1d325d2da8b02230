/**
 * Step 2 — single executable applications (SEA): the bundle injected into a copy of the node binary, so the
 * server is one file that runs on a machine with no Node and no node_modules — what `PublishAot` gives .NET,
 * except that this is still the JIT plus the whole Node runtime (~100–150 MB), not compiled machine code.
 *
 * Both ways start from the same SEA config — the main script, optionally with V8's code cache for it
 * (useCodeCache, ReadyToRun's idea: compiled code shipped with the app) or as a startup snapshot of the heap
 * the script leaves behind (useSnapshot). The build driver chooses the way for the running node
 * (`options.method`, from seaMethod() in @hotpath/workshop/sea-given):
 *
 * - `'build-sea'`, Node ≥ 25.5: `node --build-sea <config>.json` with `output` the executable — one command;
 *   node copies itself and writes the blob into the copy.
 * - `'postject'`, Node 20, 22 and 24, three steps as their documentation has them:
 *   1. `node --experimental-sea-config <config>.json` writes the preparation blob (`output`);
 *   2. copy `process.execPath` (the blob only works with the exact node binary that made it);
 *   3. `postject <binary> NODE_SEA_BLOB <blob> --sentinel-fuse NODE_SEA_FUSE_…` writes the blob into the
 *      copy as an ELF note (a Mach-O section on macOS, which also needs `codesign`; not done here).
 *
 * Yours: buildSea(). The constants (SEA_RESOURCE, SEA_FUSE, EXECUTABLE_MODE), the option and result types
 * and the two helpers (postjectCli(): postject's CLI; run(): a command to completion) come from
 * @hotpath/workshop/sea-given (given code, shared with the reference).
 */
import { chmodSync, copyFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXECUTABLE_MODE, postjectCli, run, SEA_FUSE, SEA_RESOURCE, type SeaOptions, type SeaResult } from '@hotpath/workshop/sea-given';

/** Builds one single executable, the way options.method says. */
export async function buildSea(options: SeaOptions): Promise<SeaResult> {
  // TODO (step 2): in options.outDir, write `<name>.sea-config.json`: { main, output, disableExperimentalSEAWarning:
  // true, useCodeCache, useSnapshot } (absolute paths). Then, by options.method — you need only the branch your
  // node takes (`node -p "process.version"`; the tests build with it), the reference has both:
  //   'build-sea' (Node ≥ 25.5): output is `<outDir>/<name>`; run(process.execPath, ['--build-sea', <config>], …).
  //      Answer blobBytes as the binary's size minus statSync(process.execPath).size, and ms: { build }.
  //   'postject' (Node 20, 22, 24): output is `<outDir>/<name>.blob`;
  //      1. run(process.execPath, ['--experimental-sea-config', <config>], …);
  //      2. copy process.execPath to `<outDir>/<name>` and chmod it EXECUTABLE_MODE;
  //      3. run(process.execPath, [postjectCli(), <binary>, SEA_RESOURCE, <blob>, '--sentinel-fuse', SEA_FUSE], …);
  //      answer the blob's size as blobBytes, and ms: { blob, copy, inject }.
  // Time each step (performance.now()), answer method: options.method and the binary's size (statSync).
  void [chmodSync, copyFileSync, join, statSync, writeFileSync, EXECUTABLE_MODE, postjectCli, run];
  throw new Error(`TODO (step 2): build the single executable ${options.name} in src/sea.ts`);
}
