/**
 * The generator's context: everything one build of one generated file accumulates, in one object that is
 * passed to every emitter (as fast-json-stringify passes its `context`), so nothing is kept in module-level
 * variables between builds. It hands out named constants (the same value twice gets one constant), unique
 * names, the runtime helpers and types a file uses, and one function per schema shape; `render()` writes the
 * file: a do-not-edit header, imports, constants, then the functions in the order they were added.
 */
import { shapeKey, type SchemaNode } from './schema.ts';

export interface FileOptions {
  /** File name under src/generated/, e.g. `serializers.ts`. */
  file: string;
  /** One line: what the file holds. */
  purpose: string;
  /** Import specifier of the runtime helpers, relative to the generated file (default ../json-runtime.ts). */
  runtimeModule?: string;
  /** Import specifier of the generated types, relative to the generated file (default ./types.ts). */
  typesModule?: string;
}

/** A JavaScript string literal in single quotes; everything outside printable ASCII is a \u escape. */
export function jsString(value: string): string {
  let out = "'";
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (char === "'" || char === '\\') out += `\\${char}`;
    else if (code >= 0x20 && code < 0x7f) out += char;
    else for (let i = 0; i < char.length; i++) out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  }
  return `${out}'`;
}

/** A constant's value as source: strings quoted, numbers and booleans as written. */
function literal(value: string | number | boolean): string {
  if (typeof value === 'string') return jsString(value);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`A constant cannot be ${value}`);
  return Object.is(value, -0) ? '-0' : String(value);
}

/** `TODO_IS_COMPLETE` from `todo isComplete`, `Todo.isComplete` or `todoIsComplete`. */
export function constantCase(text: string): string {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const name = words.join('_').toUpperCase() || 'VALUE';
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

export class GenContext {
  readonly file: string;
  private readonly options: Required<FileOptions>;
  private readonly constants = new Map<string, string>();
  private readonly constantByLiteral = new Map<string, string>();
  private readonly used = new Set<string>();
  private readonly imports = new Map<string, { typeOnly: boolean; names: Set<string> }>();
  private readonly functionsByShape = new Map<string, string>();
  private readonly declarations: string[] = [];

  constructor(options: FileOptions) {
    this.options = { runtimeModule: '../json-runtime.ts', typesModule: './types.ts', ...options };
    this.file = options.file;
  }

  /** A name not used yet in this file: `base`, else `base2`, `base3`, … */
  name(base: string): string {
    let name = base;
    for (let n = 2; this.used.has(name); n++) name = `${base}${n}`;
    this.used.add(name);
    return name;
  }

  /**
   * A module-level `const` holding `value`, named from `name` in CONSTANT_CASE; returns its name. Asking
   * for a value that already has a constant returns that constant, whatever name was asked for.
   */
  constant(name: string, value: string | number | boolean): string {
    const source = literal(value);
    const existing = this.constantByLiteral.get(source);
    if (existing) return existing;
    const unique = this.name(constantCase(name));
    this.constants.set(unique, source);
    this.constantByLiteral.set(source, unique);
    return unique;
  }

  /** Imports `name` from `module` (a type-only import when `typeOnly`); returns the name to use. */
  import(module: string, name: string, typeOnly = false): string {
    let entry = this.imports.get(module);
    if (!entry) this.imports.set(module, (entry = { typeOnly, names: new Set() }));
    entry.typeOnly &&= typeOnly;
    entry.names.add(name);
    this.used.add(name);
    return name;
  }

  /**
   * A module-level `const` computed once when the module loads, from source text (e.g. `utf8('{"id":')`,
   * with `utf8` taken from the runtime module); the same expression twice gets one constant.
   */
  computed(name: string, expression: string): string {
    const existing = this.constantByLiteral.get(expression);
    if (existing) return existing;
    const unique = this.name(constantCase(name));
    this.constants.set(unique, expression);
    this.constantByLiteral.set(expression, unique);
    return unique;
  }

  /** Uses a helper of the runtime module (imported by name); returns the name to call. */
  runtime(helper: string): string {
    return this.import(this.options.runtimeModule, helper);
  }

  /**
   * A node's TypeScript type for a signature, importing the registered type it starts from
   * (`TodoList[number]` imports `TodoList`).
   */
  type(node: SchemaNode): string {
    const root = /^[A-Za-z_$][\w$]*/.exec(node.tsType)?.[0];
    if (root) this.import(this.options.typesModule, root, true);
    return node.tsType;
  }

  /** Declares that the function for `node`'s shape is called `name` (a registered type's own function). */
  reserve(node: SchemaNode, name: string): void {
    this.used.add(name);
    if (!this.functionsByShape.has(shapeKey(node))) this.functionsByShape.set(shapeKey(node), name);
  }

  /**
   * The function for `node`'s shape: the first call for a shape names it from `base` and adds the
   * declaration `emit(name)` returns; later calls for the same shape return that name. A shape reserved for
   * a registered type returns the registered function's name (its own emit call declares it).
   */
  functionFor(node: SchemaNode, base: string, emit: (name: string) => string): string {
    const key = shapeKey(node);
    const known = this.functionsByShape.get(key);
    if (known) return known;
    const name = this.name(base);
    this.functionsByShape.set(key, name);
    this.add(emit(name));
    return name;
  }

  /** Adds a top-level declaration (a function, usually), in order. */
  add(declaration: string): void {
    this.declarations.push(declaration.trim());
  }

  /** The whole file. Deterministic: the same calls in the same order give the same text. */
  render(): string {
    const lines = [
      '/**',
      ` * GENERATED by \`pnpm generate\` from the schemas registered in src/registry.ts: ${this.options.purpose}`,
      ' * Do not edit: change the schema or the emitter in src/codegen/, then run `pnpm generate`.',
      ' */',
    ];
    for (const [module, { typeOnly, names }] of this.imports) {
      lines.push(`import ${typeOnly ? 'type ' : ''}{ ${[...names].sort().join(', ')} } from '${module}';`);
    }
    if (this.constants.size) {
      lines.push('');
      for (const [name, source] of this.constants) lines.push(`const ${name} = ${source};`);
    }
    for (const declaration of this.declarations) lines.push('', declaration);
    return `${lines.join('\n')}\n`;
  }
}
