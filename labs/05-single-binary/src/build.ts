/**
 * `pnpm build`: the bundle, then three single executables of it, all in dist/ — given code that runs your
 * bundle.ts, sea.ts and snapshot.ts.
 *
 *   dist/server.cjs (+ server.meta.json)    src/server.ts bundled: `node dist/server.cjs` serves the API
 *   dist/snapshot.cjs (+ snapshot.meta.json) src/snapshot.ts bundled: the snapshot binary's main script
 *   dist/server-sea                          plain SEA of server.cjs
 *   dist/server-sea-codecache                the same with V8's code cache (useCodeCache)
 *   dist/server-sea-snapshot                 a startup snapshot of snapshot.cjs (useSnapshot)
 *   dist/build.json                          what was built: sizes, largest inputs, timings, failures
 *
 * `tsx src/build.ts [--out <dir>]` (default: the package's dist/). The tests call buildAll() with a
 * scratch folder. A binary that fails is reported and the others are still built; the exit code is 1 then.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, formatBundleReport, type BundleReport } from './bundle.ts';
import { buildSea, type SeaOptions, type SeaResult } from './sea.ts';

/** The folder of this file: the src/ whose server.ts and snapshot.ts are built. */
const SRC_DIR = dirname(fileURLToPath(import.meta.url));

/** The three single executables: name → what goes in the blob. */
export const BINARIES = [
  { name: 'server-sea', entry: 'server' },
  { name: 'server-sea-codecache', entry: 'server', useCodeCache: true },
  { name: 'server-sea-snapshot', entry: 'snapshot', useSnapshot: true },
] as const satisfies ReadonlyArray<Omit<SeaOptions, 'main' | 'outDir'> & { entry: 'server' | 'snapshot' }>;

export type BinaryOutcome = SeaResult | { name: string; error: string };

export interface BuildReport {
  node: string;
  outDir: string;
  bundles: { server: BundleReport; snapshot: BundleReport };
  binaries: BinaryOutcome[];
  /** Wall-clock milliseconds of the whole build. */
  ms: number;
}

/** Bundles src/server.ts and src/snapshot.ts into `outDir`, then builds every binary of BINARIES from them. */
export async function buildAll(outDir: string, srcDir = SRC_DIR): Promise<BuildReport> {
  const started = performance.now();
  // The folder is emptied first: never one that holds sources.
  if (`${resolve(srcDir)}/`.startsWith(`${resolve(outDir)}/`) || existsSync(join(outDir, 'package.json'))) {
    throw new Error(`Refusing to empty ${outDir}: it holds sources (pass --out a build folder such as dist/)`);
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const [server, snapshot] = await Promise.all(
    (['server', 'snapshot'] as const).map((name) => bundle({ entry: join(srcDir, `${name}.ts`), outfile: join(outDir, `${name}.cjs`) })),
  );
  const mains = { server: server!.outfile, snapshot: snapshot!.outfile };

  // The binaries are independent: build them side by side (injection is mostly I/O and one core each).
  const binaries = await Promise.all(
    BINARIES.map(({ entry, ...options }) =>
      buildSea({ ...options, main: mains[entry], outDir }).catch((error: unknown): BinaryOutcome => ({
        name: options.name,
        error: error instanceof Error ? error.message : String(error),
      })),
    ),
  );

  const report: BuildReport = { node: process.version, outDir, bundles: { server: server!, snapshot: snapshot! }, binaries, ms: performance.now() - started };
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
      const { blob, copy, inject } = binary.ms;
      lines.push(
        `${binary.name}: ${mb(binary.bytes)} (blob ${(binary.blobBytes / 1e3).toFixed(0)} kB; blob ${blob.toFixed(0)} ms, copy ${copy.toFixed(0)} ms, inject ${inject.toFixed(0)} ms)`,
      );
    }
  }
  lines.push(`built in ${(report.ms / 1000).toFixed(1)} s with Node ${report.node}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--out');
  const outDir = resolve(at === -1 ? join(SRC_DIR, '..', 'dist') : process.argv[at + 1]!);
  const report = await buildAll(outDir);
  console.log(formatBuild(report));
  if (report.binaries.some((binary) => 'error' in binary)) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
