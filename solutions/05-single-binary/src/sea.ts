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
 */
import { chmodSync, copyFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXECUTABLE_MODE, postjectCli, run, SEA_FUSE, SEA_RESOURCE, type SeaOptions, type SeaResult } from '@hotpath/kit/sea-given';

/** Builds one single executable: blob, copy of node, injection. */
export async function buildSea(options: SeaOptions): Promise<SeaResult> {
  const { name, outDir } = options;
  const config = join(outDir, `${name}.sea-config.json`);
  const blob = join(outDir, `${name}.blob`);
  const binary = join(outDir, name);
  writeFileSync(
    config,
    JSON.stringify(
      {
        main: options.main,
        output: blob,
        disableExperimentalSEAWarning: true,
        useCodeCache: options.useCodeCache ?? false,
        useSnapshot: options.useSnapshot ?? false,
      },
      null,
      2,
    ),
  );

  let t = performance.now();
  await run(process.execPath, ['--experimental-sea-config', config], `${name}: node --experimental-sea-config`);
  const blobMs = performance.now() - t;

  t = performance.now();
  copyFileSync(process.execPath, binary);
  chmodSync(binary, EXECUTABLE_MODE);
  const copyMs = performance.now() - t;

  t = performance.now();
  await run(process.execPath, [postjectCli(), binary, SEA_RESOURCE, blob, '--sentinel-fuse', SEA_FUSE], `${name}: postject`);
  const injectMs = performance.now() - t;

  return { name, path: binary, bytes: statSync(binary).size, blobBytes: statSync(blob).size, ms: { blob: blobMs, copy: copyMs, inject: injectMs } };
}
