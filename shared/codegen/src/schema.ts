/**
 * Reads a JSON Schema (as TypeBox writes it) into the small tree the emitters walk: one `SchemaNode` per
 * value, with its kind, its constraints, the TypeScript type of the value it describes (`Todo`,
 * `ErrorBody['error']`, `TodoList[number]`) and where it is (for messages). Whatever the generator cannot
 * turn into code — a keyword it does not know, a union that is not of literals, a `$ref` — stops the build
 * here with the schema path and what to do, rather than being silently ignored.
 */

export type Primitive = string | number | boolean;

interface NodeBase {
  /** The TypeScript type of the value, built from the registered name: `Todo`, `TodoList[number]`. */
  tsType: string;
  /** Where the node is, for messages: `ErrorBody.error.code`. */
  where: string;
}

export type SchemaNode =
  | (NodeBase & { kind: 'object'; properties: PropertyNode[]; additionalProperties: boolean })
  | (NodeBase & { kind: 'array'; items: SchemaNode; minItems?: number; maxItems?: number })
  | (NodeBase & { kind: 'string'; minLength?: number; maxLength?: number })
  | (NodeBase & { kind: 'integer' | 'number'; minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number })
  | (NodeBase & { kind: 'boolean' })
  | (NodeBase & { kind: 'literal'; value: Primitive })
  | (NodeBase & { kind: 'enum'; values: Primitive[] });

export interface PropertyNode {
  key: string;
  required: boolean;
  node: SchemaNode;
}

/** Keywords that document a schema and change nothing the generated code does. */
const ANNOTATIONS = new Set(['title', 'description', '$id', '$schema', '$comment', 'examples', 'default']);

/** The keywords each kind of node may carry (besides the annotations). */
const ALLOWED: Record<string, readonly string[]> = {
  object: ['type', 'properties', 'required', 'additionalProperties'],
  array: ['type', 'items', 'minItems', 'maxItems'],
  string: ['type', 'minLength', 'maxLength'],
  integer: ['type', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
  number: ['type', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
  boolean: ['type'],
  const: ['type', 'const'],
  enum: ['type', 'enum'],
  anyOf: ['anyOf'],
};

export class SchemaError extends Error {
  override name = 'SchemaError';
}

type Json = Record<string, unknown>;

const isPrimitive = (value: unknown): value is Primitive =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

function fail(where: string, problem: string, fix: string): never {
  throw new SchemaError(`${where}: ${problem}. ${fix}`);
}

function checkKeywords(schema: Json, form: string, where: string): void {
  for (const keyword of Object.keys(schema)) {
    if (ANNOTATIONS.has(keyword) || ALLOWED[form]?.includes(keyword)) continue;
    fail(
      where,
      `the generator does not support "${keyword}" on ${form} schemas`,
      `Remove it from the schema, or teach emitSerializer and emitValidator what it means`,
    );
  }
}

function optionalNumber(schema: Json, keyword: string, where: string): number | undefined {
  const value = schema[keyword];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(where, `"${keyword}" must be a finite number`, 'Fix the schema');
  return value;
}

/** A property access in TypeScript: `T['key']`. */
const member = (tsType: string, key: string) => `${tsType}[${JSON.stringify(key)}]`;

/** Reads `schema` (the one registered as `name`) into a SchemaNode tree, or throws a SchemaError. */
export function describeSchema(name: string, schema: unknown): SchemaNode {
  return describe(schema, name, name);
}

function describe(schema: unknown, tsType: string, where: string): SchemaNode {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
    fail(where, 'a schema must be an object', 'Register a TypeBox schema (Type.Object, Type.Array, …)');
  const s = schema as Json;
  if ('$ref' in s) fail(where, 'references ($ref) are not supported', 'Inline the referenced schema (TypeBox does that when you use the schema object itself)');
  if ('const' in s) {
    checkKeywords(s, 'const', where);
    if (!isPrimitive(s.const)) fail(where, 'only string, number and boolean literals are supported', 'Use Type.Literal with one of those');
    return { kind: 'literal', value: s.const, tsType, where };
  }
  if ('enum' in s) {
    checkKeywords(s, 'enum', where);
    if (!Array.isArray(s.enum) || s.enum.length === 0 || !s.enum.every(isPrimitive))
      fail(where, '"enum" must list strings, numbers or booleans', 'Fix the schema');
    return { kind: 'enum', values: [...(s.enum as Primitive[])], tsType, where };
  }
  if ('anyOf' in s) {
    checkKeywords(s, 'anyOf', where);
    const members = Array.isArray(s.anyOf) ? (s.anyOf as unknown[]) : [];
    const values = members.map((m) => (typeof m === 'object' && m !== null && 'const' in m ? (m as Json).const : undefined));
    if (members.length === 0 || !values.every(isPrimitive)) {
      fail(where, 'only unions of literals are supported', 'Write the union as Type.Union([Type.Literal(…), …]), or split the type');
    }
    return { kind: 'enum', values: values as Primitive[], tsType, where };
  }
  const type = s.type;
  if (typeof type !== 'string' || !(type in ALLOWED))
    fail(where, `unsupported or missing "type" (${JSON.stringify(type)})`, 'Use object, array, string, integer, number or boolean');
  checkKeywords(s, type, where);
  switch (type) {
    case 'object': {
      const properties = (s.properties ?? {}) as Json;
      const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
      for (const key of required) if (!(key in properties)) fail(where, `"${key}" is required but has no schema`, 'Add it to the properties');
      if (s.additionalProperties !== undefined && typeof s.additionalProperties !== 'boolean') {
        fail(where, '"additionalProperties" must be true or false', 'Schemas for extra properties are not supported');
      }
      return {
        kind: 'object',
        properties: Object.keys(properties).map((key) => ({
          key,
          required: required.has(key),
          node: describe(properties[key], member(tsType, key), `${where}.${key}`),
        })),
        additionalProperties: s.additionalProperties !== false,
        tsType,
        where,
      };
    }
    case 'array':
      if (s.items === undefined || Array.isArray(s.items)) fail(where, 'an array needs one "items" schema', 'Use Type.Array(itemSchema)');
      return {
        kind: 'array',
        items: describe(s.items, `${tsType}[number]`, `${where}[]`),
        minItems: optionalNumber(s, 'minItems', where),
        maxItems: optionalNumber(s, 'maxItems', where),
        tsType,
        where,
      };
    case 'string':
      return { kind: 'string', minLength: optionalNumber(s, 'minLength', where), maxLength: optionalNumber(s, 'maxLength', where), tsType, where };
    case 'integer':
    case 'number':
      return {
        kind: type,
        minimum: optionalNumber(s, 'minimum', where),
        maximum: optionalNumber(s, 'maximum', where),
        exclusiveMinimum: optionalNumber(s, 'exclusiveMinimum', where),
        exclusiveMaximum: optionalNumber(s, 'exclusiveMaximum', where),
        tsType,
        where,
      };
    default:
      return { kind: 'boolean', tsType, where };
  }
}

/**
 * A node's shape as a string, without its names: two nodes with the same key generate the same code, so a
 * generator can emit one function for both (TodoList's items and Todo).
 */
export function shapeKey(node: SchemaNode): string {
  return JSON.stringify(node, (key, value) => (key === 'tsType' || key === 'where' ? undefined : value));
}
