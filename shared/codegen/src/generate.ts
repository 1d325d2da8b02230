/**
 * The generator's driver: reads a lab package's registry (src/registry.ts) into SchemaNode trees, runs the
 * package's own emitters (src/codegen/serializer.ts and validator.ts) with a fresh context per file, and
 * renders src/generated/: types.ts (each type derived from its schema), serializers.ts, validators.ts and
 * json-context.ts (the registry's JsonSerializerContext: name → serialize, validate). An emitter that fails
 * costs only its own file (and json-context.ts). Nothing here runs in the server: the output is plain source,
 * checked into git, with no `new Function` and no `eval`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GenContext, generatedHeader } from './context.ts';
import { describeSchema, SchemaError, type SchemaNode } from './schema.ts';

export const GENERATED_DIR = 'generated';

/** One registered type, as the emitters see it. */
export interface RegisteredType {
  /** The registered name: `Todo`. Also its TypeScript type's name in generated/types.ts. */
  name: string;
  /** The schema object itself. */
  schema: unknown;
  /** The schema read into a tree (schema.ts). */
  node: SchemaNode;
  /** The function emitSerializer must export: `serializeTodo(value: Todo): string`. */
  serializer: string;
  /** The function emitValidator must export: `validateTodo(value: unknown): string | undefined`. */
  validator: string;
  /** The function an optional emitWriter must export: `writeTodo(out: Utf8Writer, value: Todo): void`. */
  writer: string;
}

export type Emitter = (ctx: GenContext, type: RegisteredType) => void;

/** What a lab package provides: its registry and its two emitters. */
export interface Generator {
  registry: Readonly<Record<string, unknown>>;
  emitSerializer: Emitter;
  emitValidator: Emitter;
  /** Optional (src/codegen/writer.ts): writers of UTF-8 straight into a buffer, in generated/writers.ts. */
  emitWriter?: Emitter;
}

/** The registry's entries in order, read and named; throws a SchemaError naming the type that cannot be generated. */
export function registeredTypes(registry: Readonly<Record<string, unknown>>): RegisteredType[] {
  return Object.entries(registry).map(([name, schema]) => {
    if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new SchemaError(`Registry key "${name}": name types in PascalCase (it becomes a TypeScript type name)`);
    return { name, schema, node: describeSchema(name, schema), serializer: `serialize${name}`, validator: `validate${name}`, writer: `write${name}` };
  });
}

/** Runs one emitter for every type into one file, and checks each type got its exported function. */
function emitFile(types: RegisteredType[], file: string, purpose: string, emit: Emitter, fnOf: (t: RegisteredType) => string, emitterName: string): string {
  const ctx = new GenContext({ file, purpose });
  for (const type of types) ctx.reserve(type.node, fnOf(type));
  for (const type of types) emit(ctx, type);
  const source = ctx.render();
  for (const type of types) {
    if (!new RegExp(`export function ${fnOf(type)}\\(`).test(source)) {
      throw new Error(`${emitterName} did not declare \`export function ${fnOf(type)}(…)\` for ${type.name} in generated/${file}`);
    }
  }
  if (/\bnew Function\b|\beval\s*\(/.test(source)) throw new Error(`generated/${file} uses new Function or eval: generated code must be plain source`);
  return source;
}

/** The header plus a line break, for the files written here rather than by a GenContext. */
const header = (purpose: string) => `${generatedHeader(purpose)}\n`;

/** What one build produced: the files that could be rendered, and why each of the others could not. */
export interface Rendered {
  files: Record<string, string>;
  /** File name → the reason it was not rendered (an emitter threw, or a file it needs failed). */
  failures: Record<string, string>;
}

/**
 * Every file of src/generated/ that can be rendered, in memory: one emitter that fails (an unfinished TODO)
 * costs its own file and json-context.ts (which imports both), not the others — so the serializers can be
 * generated and tested before the validator emitter exists. Throws only when the registry itself cannot be
 * read (a schema the generator refuses, a name that is not PascalCase).
 */
export function renderEach(generator: Generator): Rendered {
  const types = registeredTypes(generator.registry);
  const names = types.map((t) => t.name);
  const files: Record<string, string> = {};
  const failures: Record<string, string> = {};
  const attempt = (file: string, render: () => string) => {
    try {
      files[file] = render();
    } catch (error) {
      const [firstLine = ''] = (error as Error).message.split('\n');
      failures[file] = firstLine;
    }
  };
  files['types.ts'] =
    header('each registered type, derived from its schema.') +
    `import type { Static } from '@sinclair/typebox';\nimport type { registry } from '../registry.ts';\n\n` +
    types.map((t) => `export type ${t.name} = Static<(typeof registry)[${JSON.stringify(t.name)}]>;\n`).join('');
  attempt('serializers.ts', () =>
    emitFile(
      types,
      'serializers.ts',
      'one serializer per type, byte-identical to JSON.stringify.',
      generator.emitSerializer,
      (t) => t.serializer,
      'emitSerializer',
    ),
  );
  attempt('validators.ts', () =>
    emitFile(
      types,
      'validators.ts',
      'one validator per type, answering undefined or the first problem with its path.',
      generator.emitValidator,
      (t) => t.validator,
      'emitValidator',
    ),
  );
  if (files['serializers.ts'] !== undefined && files['validators.ts'] !== undefined) {
    files['json-context.ts'] =
      header('the JsonSerializerContext of this app, every registered type by name.') +
      `import { ${types.map((t) => t.serializer).join(', ')} } from './serializers.ts';\n` +
      `import { ${types.map((t) => t.validator).join(', ')} } from './validators.ts';\n\n` +
      `/**\n * Every type registered in src/registry.ts: its generated serializer and validator. A type that is not\n * registered has no entry here, so a route that names one fails to compile and fails lab 02's registry test.\n */\n` +
      `export const jsonContext = {\n${types.map((t) => `  ${t.name}: { name: '${t.name}', serialize: ${t.serializer}, validate: ${t.validator} },\n`).join('')}} as const;\n\n` +
      `/** The name of a registered type: ${names.map((n) => `'${n}'`).join(' | ')}. */\nexport type JsonTypeName = keyof typeof jsonContext;\n`;
  } else {
    failures['json-context.ts'] = 'it imports serializers.ts and validators.ts: both emitters must work first';
  }
  if (generator.emitWriter) {
    const emitWriter = generator.emitWriter;
    attempt('writers.ts', () =>
      emitFile(types, 'writers.ts', 'one writer per type, UTF-8 straight into a reused buffer.', emitWriter, (t) => t.writer, 'emitWriter'),
    );
  }
  return { files, failures };
}

/** Every file of src/generated/, by name, rendered in memory. Throws the first failure of a schema or an emitter. */
export function renderFiles(generator: Generator): Record<string, string> {
  const { files, failures } = renderEach(generator);
  const first = Object.entries(failures).find(([file]) => file !== 'json-context.ts');
  if (first) throw new Error(first[1]);
  return files;
}

/** Imports a package's registry and emitters from its src/ folder. */
export async function loadGenerator(srcDir: string): Promise<Generator> {
  const load = async (file: string) => import(pathToFileURL(join(srcDir, file)).href) as Promise<Record<string, unknown>>;
  const { registry } = await load('registry.ts');
  const { emitSerializer } = await load('codegen/serializer.ts');
  const { emitValidator } = await load('codegen/validator.ts');
  const writer = existsSync(join(srcDir, 'codegen', 'writer.ts')) ? (await load('codegen/writer.ts')).emitWriter : undefined;
  if (typeof registry !== 'object' || registry === null) throw new Error(`${srcDir}/registry.ts must export const registry = { TypeName: schema, … }`);
  if (typeof emitSerializer !== 'function') throw new Error(`${srcDir}/codegen/serializer.ts must export function emitSerializer(ctx, type)`);
  if (typeof emitValidator !== 'function') throw new Error(`${srcDir}/codegen/validator.ts must export function emitValidator(ctx, type)`);
  if (writer !== undefined && typeof writer !== 'function') throw new Error(`${srcDir}/codegen/writer.ts must export function emitWriter(ctx, type)`);
  return {
    registry: registry as Record<string, unknown>,
    emitSerializer: emitSerializer as Emitter,
    emitValidator: emitValidator as Emitter,
    ...(writer ? { emitWriter: writer as Emitter } : {}),
  };
}

/**
 * Files under src/generated/ whose text differs from `files` (or that are missing, or left over). Names in
 * `keep` (the files a failing emitter did not render) are neither stale nor left over: they stay as they are.
 */
export function staleFiles(srcDir: string, files: Record<string, string>, keep: readonly string[] = []): string[] {
  const dir = join(srcDir, GENERATED_DIR);
  const stale = Object.keys(files).filter((name) => !existsSync(join(dir, name)) || readFileSync(join(dir, name), 'utf8') !== files[name]);
  const extra = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.ts') && !(name in files) && !keep.includes(name)) : [];
  return [...stale, ...extra].sort();
}

/** Writes the files that changed and removes left-over .ts files (not those in `keep`); returns the names touched. */
export function writeFiles(srcDir: string, files: Record<string, string>, keep: readonly string[] = []): string[] {
  const dir = join(srcDir, GENERATED_DIR);
  const touched = staleFiles(srcDir, files, keep);
  mkdirSync(dir, { recursive: true });
  for (const name of touched) {
    const text = files[name];
    if (text !== undefined) writeFileSync(join(dir, name), text);
    else rmSync(join(dir, name));
  }
  return touched;
}
