/**
 * `hotpath-generate` (a lab package's `pnpm generate`): renders src/generated/ from the package's registry
 * and emitters and writes what changed. An emitter that fails (an unfinished TODO) is reported with its
 * file, and the files of the others are still written, so each emitter can be tested as soon as it works;
 * the exit code is then 1. `--check` writes nothing and fails when a committed file is stale; `--soft`
 * turns a failure into a warning (exit 0), which is how test, start and bench run it, so that unfinished
 * emitters give failing tests with their own messages instead of no test run at all.
 */
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadGenerator, renderEach, staleFiles, writeFiles, type Rendered } from './generate.ts';

export const USAGE = `Usage: hotpath-generate [--check] [--soft] [--src DIR]

Writes src/generated/ (types, serializers, validators, json-context) from src/registry.ts and the emitters in
src/codegen/.
  --check     write nothing; exit 1 when a file in src/generated/ differs from what would be generated
  --soft      on failure print a warning and exit 0 (used before test, start and bench)
  --src DIR   the src/ folder (default: ./src)`;

const OPTIONS = { check: { type: 'boolean' }, soft: { type: 'boolean' }, src: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

/** A `node:util` parseArgs error as `Unknown option --x` (a stray word too) or `--x needs a value`. */
function argvError(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const [, token = ''] = /'([^' ]+)/.exec(message) ?? [];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `Unknown option ${token}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing|ambiguous/.test(message)) return `${token} needs a value`;
  return message;
}

export async function main(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  let values: { check?: boolean; soft?: boolean; src?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    console.error(`${argvError(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.src === '') {
    console.error(`--src needs a value\n\n${USAGE}`);
    return 2;
  }
  const { check = false, soft = false } = values;
  const srcDir = values.src === undefined ? join(cwd, 'src') : resolve(cwd, values.src);
  const where = relative(cwd, join(srcDir, 'generated')) || 'src/generated';
  let rendered: Rendered;
  try {
    rendered = renderEach(await loadGenerator(srcDir));
  } catch (error) {
    const [message = ''] = (error as Error).message.split('\n');
    if (soft) {
      console.warn(`hotpath-generate: ${where} was not regenerated: ${message}\n  (the tests say what to do next; run \`pnpm generate\` to see this alone)`);
      return 0;
    }
    console.error(`hotpath-generate: ${message}`);
    return 1;
  }
  const { files, failures } = rendered;
  const failed = Object.keys(failures);
  // json-context.ts fails only because another file did: the report says the cause, and the tail why.
  const causes = Object.entries(failures).filter(([file]) => file !== 'json-context.ts');
  const report = causes.map(([file, message]) => `  ${where}/${file} not written: ${message}`).join('\n');
  if (check) {
    const stale = staleFiles(srcDir, files, failed);
    if (stale.length === 0 && failed.length === 0) return 0;
    if (stale.length)
      console.error(
        `hotpath-generate: ${stale.map((f) => `${where}/${f}`).join(', ')} ${stale.length === 1 ? 'is' : 'are'} not what the generator writes: run \`pnpm generate\` and commit the result`,
      );
    if (failed.length) console.error(`hotpath-generate: the generator fails:\n${report}`);
    return 1;
  }
  const touched = writeFiles(srcDir, files, failed);
  if (touched.length) console.log(`hotpath-generate: wrote ${touched.map((f) => `${where}/${f}`).join(', ')}`);
  else if (failed.length === 0) console.log(`hotpath-generate: ${where} is up to date`);
  if (failed.length === 0) return 0;
  const tail = failed.includes('json-context.ts') ? `\n  (${where}/json-context.ts waits for both serializers.ts and validators.ts)` : '';
  if (soft) {
    console.warn(
      `hotpath-generate: not every file was generated:\n${report}${tail}\n  (the tests say what to do next; run \`pnpm generate\` to see this alone)`,
    );
    return 0;
  }
  console.error(`hotpath-generate: not every file was generated:\n${report}${tail}`);
  return 1;
}
