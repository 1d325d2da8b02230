/**
 * The probe (src/probe.ts) as one plain CommonJS file, for servers that are not started through the kit's
 * launcher: a bundle (`node dist/server.cjs`) or a single executable gets it with NODE_OPTIONS=--require
 * <file>. probe-preload.mjs cannot serve them: a Node 20 single executable ignores --import in NODE_OPTIONS,
 * and tsx's module hooks (a worker thread) do not start inside one. Bundled once per harness process with
 * esbuild, into the OS temp folder under a name made from the probe's sources, so concurrent runs share it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const SRC = dirname(fileURLToPath(import.meta.url));
const PROBE_SOURCE = join(SRC, 'probe.ts');

let built: string | undefined;

/** The path of the bundled probe, building it on first use. */
export function bundledProbe(): string {
  if (built) return built;
  // The probe's own sources decide the name: a changed probe gets a new file.
  const hash = createHash('sha256');
  for (const file of readdirSync(SRC)
    .filter((f) => f.endsWith('.ts'))
    .sort())
    hash.update(file).update(readFileSync(join(SRC, file)));
  const outfile = join(tmpdir(), `hotpath-probe-${hash.digest('hex').slice(0, 12)}.cjs`);
  if (!existsSync(outfile)) {
    const staging = `${outfile}.${process.pid}.tmp`;
    buildSync({
      stdin: { contents: `import { installProbe } from ${JSON.stringify(PROBE_SOURCE)};\ninstallProbe();\n`, resolveDir: SRC, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: staging,
      logLevel: 'warning',
    });
    renameSync(staging, outfile);
  }
  return (built = outfile);
}
