/**
 * Loading what the tests check: the subject's generated modules (src/generated/, written by
 * `pnpm generate`), its emitters, and — for the test-only schemas — the emitters' output for another
 * registry, rendered in memory and written to a scratch folder (labs/02-generated-serializers/.test-scratch/) beside a copy of the subject's
 * json-runtime.ts, so it imports exactly as src/generated/ does. Paths are computed, so a missing file is
 * a failing test with a message, not a compile error.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadGenerator, renderFiles, type Generator } from '@hotpath/codegen';
import { labSourcePath } from '@hotpath/kit/paths';

export type Serialize = (value: any) => string;
export type Validate = (value: unknown) => string | undefined;

export interface GeneratedModules {
  serializers: Record<string, Serialize>;
  validators: Record<string, Validate>;
}

const importFile = (file: string) => import(pathToFileURL(file).href) as Promise<Record<string, any>>;

/** The subject's src/generated/ modules, or an error saying how to make them. */
export async function loadGenerated(): Promise<GeneratedModules> {
  const file = (name: string) => labSourcePath(`generated/${name}`);
  for (const name of ['serializers.ts', 'validators.ts']) {
    if (!existsSync(file(name))) {
      throw new Error(`src/generated/${name} does not exist yet: write the emitters in src/codegen/ (README step 2 and 3), then run \`pnpm generate\``);
    }
  }
  return { serializers: await importFile(file('serializers.ts')), validators: await importFile(file('validators.ts')) };
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

/** The subject's emitters run on `registry`; the modules they generate, imported from a scratch folder. */
export async function generateFor(registry: Record<string, unknown>): Promise<GeneratedModules> {
  const { emitSerializer, emitValidator } = await loadEmitters();
  const files = renderFiles({ registry, emitSerializer, emitValidator });
  // Inside the lab package (git-ignored), so the copied json-runtime.ts resolves @hotpath/api as src/ does.
  mkdirSync(SCRATCH_ROOT, { recursive: true });
  const dir = mkdtempSync(join(SCRATCH_ROOT, 'run-'));
  scratchDirs.push(dir);
  mkdirSync(join(dir, 'generated'));
  copyFileSync(labSourcePath('json-runtime.ts'), join(dir, 'json-runtime.ts'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'generated', name), text);
  return { serializers: await importFile(join(dir, 'generated', 'serializers.ts')), validators: await importFile(join(dir, 'generated', 'validators.ts')) };
}

/** Removes the scratch folders (call from afterAll). */
export function removeScratch(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
