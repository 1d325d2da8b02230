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
 */
import { chmodSync, copyFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXECUTABLE_MODE, postjectCli, run, SEA_FUSE, SEA_RESOURCE, type SeaOptions, type SeaResult } from '@hotpath/workshop/sea-given';

/** Builds one single executable, the way options.method says. */
export async function buildSea(options: SeaOptions): Promise<SeaResult> {
  const { name, outDir, method } = options;
  const config = join(outDir, `${name}.sea-config.json`);
  const blob = join(outDir, `${name}.blob`);
  const binary = join(outDir, name);
  writeFileSync(
    config,
    JSON.stringify(
      {
        main: options.main,
        output: method === 'build-sea' ? binary : blob,
        disableExperimentalSEAWarning: true,
        useCodeCache: options.useCodeCache ?? false,
        useSnapshot: options.useSnapshot ?? false,
      },
      null,
      2,
    ),
  );

  if (method === 'build-sea') {
    const t = performance.now();
    await run(process.execPath, ['--build-sea', config], `${name}: node --build-sea`);
    const buildMs = performance.now() - t;
    const bytes = statSync(binary).size;
    return { name, method, path: binary, bytes, blobBytes: bytes - statSync(process.execPath).size, ms: { build: buildMs } };
  }

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

  return { name, method, path: binary, bytes: statSync(binary).size, blobBytes: statSync(blob).size, ms: { blob: blobMs, copy: copyMs, inject: injectMs } };
}
