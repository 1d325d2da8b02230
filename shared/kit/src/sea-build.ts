/**
 * Lab 05's build driver (`@hotpath/kit/sea-build`, run by `pnpm build` through bin/hotpath-build.js): the
 * bundle, then three single executables of it, all in one folder — given code that runs a package's own
 * src/bundle.ts, src/sea.ts and src/snapshot.ts, the learner's or the reference's.
 *
 *   server.cjs (+ server.meta.json)     src/server.ts bundled: `node dist/server.cjs` serves the API
 *   snapshot.cjs (+ snapshot.meta.json) src/snapshot.ts bundled: the snapshot binary's main script
 *   server-sea                          plain SEA of server.cjs
 *   server-sea-codecache                the same with V8's code cache (useCodeCache)
 *   server-sea-snapshot                 a startup snapshot of snapshot.cjs (useSnapshot)
 *   build.json                          what was built: sizes, largest inputs, timings, failures
 *
 * How the binaries are made is chosen here, once, for the node running the build (seaMethod() in
 * sea-given.ts): `node --build-sea` where it has the flag (Node ≥ 25.5), postject injection where it does not
 * (Node 20, 22, 24). buildSea() gets the choice as `options.method`, and the output says which was used.
 *
 * The lab's tests call buildAll() with a scratch folder. A binary that fails is reported and the others are
 * still built.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  formatBundleReport,
  SEA_METHOD_LABEL,
  seaMethod,
  type BundleOptions,
  type BundleReport,
  type SeaMethod,
  type SeaOptions,
  type SeaResult,
} from '@hotpath/workshop/sea-given';

/** The three single executables: name → what goes in the blob. */
export const BINARIES = [
  { name: 'server-sea', entry: 'server' },
  { name: 'server-sea-codecache', entry: 'server', useCodeCache: true },
  { name: 'server-sea-snapshot', entry: 'snapshot', useSnapshot: true },
] as const satisfies ReadonlyArray<Omit<SeaOptions, 'main' | 'outDir' | 'method'> & { entry: 'server' | 'snapshot' }>;

export type BinaryOutcome = SeaResult | { name: string; error: string };

export interface BuildReport {
  node: string;
  /** How the build asked buildSea() to make the binaries (each binary's result says how it was made). */
  seaMethod: SeaMethod;
  outDir: string;
  bundles: { server: BundleReport; snapshot: BundleReport };
  binaries: BinaryOutcome[];
  /** Wall-clock milliseconds of the whole build. */
  ms: number;
}

/** What the build needs of a package's src/bundle.ts and src/sea.ts. */
interface BundleModule {
  bundle(options: BundleOptions): Promise<BundleReport>;
}
interface SeaModule {
  buildSea(options: SeaOptions): Promise<SeaResult>;
}

/**
 * Bundles `srcDir`/server.ts and `srcDir`/snapshot.ts into `outDir` with `srcDir`/bundle.ts, then builds every
 * binary of BINARIES from them with `srcDir`/sea.ts. `outDir` is emptied first.
 */
export async function buildAll(outDir: string, srcDir: string): Promise<BuildReport> {
  // The folder is emptied first: never one that holds sources.
  if (`${resolve(srcDir)}/`.startsWith(`${resolve(outDir)}/`) || existsSync(join(outDir, 'package.json'))) {
    throw new Error(`Refusing to empty ${outDir}: it holds sources (pass --out a build folder such as dist/)`);
  }
  const { bundle } = (await import(pathToFileURL(join(srcDir, 'bundle.ts')).href)) as BundleModule;
  const { buildSea } = (await import(pathToFileURL(join(srcDir, 'sea.ts')).href)) as SeaModule;
  const method = seaMethod();
  const started = performance.now();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const [server, snapshot] = await Promise.all(
    (['server', 'snapshot'] as const).map((name) => bundle({ entry: join(srcDir, `${name}.ts`), outfile: join(outDir, `${name}.cjs`) })),
  );
  const mains = { server: server!.outfile, snapshot: snapshot!.outfile };

  // The binaries are independent: build them side by side (injection is mostly I/O and one core each).
  const binaries = await Promise.all(
    BINARIES.map(({ entry, ...options }) =>
      buildSea({ ...options, main: mains[entry], outDir, method }).catch(
        (error: unknown): BinaryOutcome => ({
          name: options.name,
          error: error instanceof Error ? error.message : String(error),
        }),
      ),
    ),
  );

  const report: BuildReport = {
    node: process.version,
    seaMethod: method,
    outDir,
    bundles: { server: server!, snapshot: snapshot! },
    binaries,
    ms: performance.now() - started,
  };
  writeFileSync(join(outDir, 'build.json'), JSON.stringify(report, null, 2));
  return report;
}

/** The report as terminal lines. */
export function formatBuild(report: BuildReport): string {
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  const lines = [formatBundleReport(report.bundles.server), formatBundleReport(report.bundles.snapshot), ''];
  for (const binary of report.binaries) {
    if ('error' in binary) lines.push(`${binary.name}: FAILED\n  ${binary.error.replace(/\n/g, '\n  ')}`);
    else {
      const steps = Object.entries(binary.ms)
        .map(([step, ms]) => `${step} ${ms.toFixed(0)} ms`)
        .join(', ');
      const carried = binary.method === 'build-sea' ? `+${(binary.blobBytes / 1e3).toFixed(0)} kB over node` : `blob ${(binary.blobBytes / 1e3).toFixed(0)} kB`;
      lines.push(`${binary.name}: ${mb(binary.bytes)} (${carried}; ${steps}), built with ${SEA_METHOD_LABEL[binary.method] ?? binary.method}`);
    }
  }
  lines.push(`built in ${(report.ms / 1000).toFixed(1)} s with Node ${report.node} (single executables by ${SEA_METHOD_LABEL[report.seaMethod]})`);
  return lines.join('\n');
}
