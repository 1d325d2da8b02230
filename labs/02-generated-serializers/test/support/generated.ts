/**
 * Loading what the tests check: the subject's generated modules (src/generated/, written by
 * `pnpm generate`), its emitters, and — for the going-further schemas — the emitters' output for another
 * registry, rendered in memory and written to a scratch folder (labs/02-generated-serializers/.test-scratch/)
 * beside a copy of the subject's json-runtime.ts, so it imports exactly as src/generated/ does. Each file is
 * loaded on its own, so the serializers can be tested before the validator emitter exists. Paths are
 * computed, so a missing file is a failing test with a message, not a compile error.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadGenerator, renderEach, type Generator } from '@hotpath/codegen';
import { labSourcePath } from '@hotpath/workshop/paths';

export type Serialize = (value: any) => string;
export type Validate = (value: unknown) => string | undefined;
export type Module = Record<string, any>;

/** A generated file, and the README step whose emitter writes it. */
export type GeneratedFile = 'serializers.ts' | 'validators.ts' | 'writers.ts';
const STEP: Record<GeneratedFile, string> = {
  'serializers.ts': 'emitSerializer in src/codegen/serializer.ts (README step 2)',
  'validators.ts': 'emitValidator in src/codegen/validator.ts (README step 3)',
  'writers.ts': 'emitWriter in src/codegen/writer.ts (README, going further)',
};

const importFile = (file: string) => import(pathToFileURL(file).href) as Promise<Module>;

/** One of the subject's src/generated/ modules, or an error saying how to make it. */
export async function loadGenerated(name: GeneratedFile): Promise<Module> {
  const file = labSourcePath(`generated/${name}`);
  if (!existsSync(file)) throw new Error(`src/generated/${name} does not exist yet: write ${STEP[name]}, then run \`pnpm generate\` to see what it writes`);
  return importFile(file);
}

/** The subject's registry and emitters, as `pnpm generate` loads them. */
export function loadEmitters(): Promise<Generator> {
  return loadGenerator(labSourcePath(''));
}

/**
 * `load` run once, on first use, and shared: tests call it inside the test (not in beforeAll), so on
 * unfinished code each test fails with the loader's message instead of being skipped.
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= load());
}

const SCRATCH_ROOT = fileURLToPath(new URL('../../.test-scratch/', import.meta.url));
const scratchDirs: string[] = [];

/** The subject's emitters run on `registry`; the generated module `name`, imported from a scratch folder. */
export async function generateFor(registry: Record<string, unknown>, name: GeneratedFile): Promise<Module> {
  return (await generateWithRuntime(registry, name)).generated;
}

/** generateFor(), and the scratch copy of json-runtime.ts that the generated module imports. */
export async function generateWithRuntime(registry: Record<string, unknown>, name: GeneratedFile): Promise<{ generated: Module; runtime: Module }> {
  const generator = await loadEmitters();
  if (name === 'writers.ts' && !generator.emitWriter) throw new Error(`src/codegen/writer.ts does not exist yet: write ${STEP[name]}`);
  const { files, failures } = renderEach({ ...generator, registry });
  if (failures[name] !== undefined) throw new Error(`${STEP[name].split(' in ')[0]} failed on the test-only schemas: ${failures[name]}`);
  // Inside the lab package (git-ignored), so the copied json-runtime.ts resolves @hotpath/api as src/ does.
  mkdirSync(SCRATCH_ROOT, { recursive: true });
  const dir = mkdtempSync(join(SCRATCH_ROOT, 'run-'));
  scratchDirs.push(dir);
  mkdirSync(join(dir, 'generated'));
  copyFileSync(labSourcePath('json-runtime.ts'), join(dir, 'json-runtime.ts'));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, 'generated', file), text);
  return { generated: await importFile(join(dir, 'generated', name)), runtime: await importFile(join(dir, 'json-runtime.ts')) };
}

/** Removes the scratch folders (call from afterAll). */
export function removeScratch(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
