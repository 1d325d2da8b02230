/**
 * `hotpath-generate` (a lab package's `pnpm generate`): renders src/generated/ from the package's registry
 * and emitters and writes what changed. `--check` writes nothing and fails when a committed file is stale;
 * `--soft` turns a failure into a warning (exit 0), which is how test, start and bench run it, so that
 * unfinished emitters give failing tests with their own messages instead of no test run at all.
 */
import { join, relative, resolve } from 'node:path';
import { loadGenerator, renderFiles, staleFiles, writeFiles } from './generate.ts';

export const USAGE = `Usage: hotpath-generate [--check] [--soft] [--src DIR]

Writes src/generated/ (types, serializers, validators, json-context) from src/registry.ts and the emitters in
src/codegen/.
  --check     write nothing; exit 1 when a file in src/generated/ differs from what would be generated
  --soft      on failure print a warning and exit 0 (used before test, start and bench)
  --src DIR   the src/ folder (default: ./src)`;

export async function main(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  let check = false;
  let soft = false;
  let srcDir = join(cwd, 'src');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') check = true;
    else if (arg === '--soft') soft = true;
    else if (arg === '--src' && argv[i + 1]) srcDir = resolve(cwd, argv[++i]);
    else if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      return 0;
    } else {
      console.error(`Unknown option ${arg}\n\n${USAGE}`);
      return 2;
    }
  }
  const where = relative(cwd, join(srcDir, 'generated')) || 'src/generated';
  let files: Record<string, string>;
  try {
    files = renderFiles(await loadGenerator(srcDir));
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    if (soft) {
      console.warn(`hotpath-generate: ${where} was not regenerated: ${message}\n  (the tests say what to do next; run \`pnpm generate\` to see this alone)`);
      return 0;
    }
    console.error(`hotpath-generate: ${message}`);
    return 1;
  }
  if (check) {
    const stale = staleFiles(srcDir, files);
    if (stale.length === 0) return 0;
    console.error(`hotpath-generate: ${stale.map((f) => `${where}/${f}`).join(', ')} ${stale.length === 1 ? 'is' : 'are'} not what the generator writes: run \`pnpm generate\` and commit the result`);
    return 1;
  }
  const touched = writeFiles(srcDir, files);
  console.log(touched.length ? `hotpath-generate: wrote ${touched.map((f) => `${where}/${f}`).join(', ')}` : `hotpath-generate: ${where} is up to date`);
  return 0;
}
