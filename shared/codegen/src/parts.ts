/**
 * The schema walk of a serializer, given to lab 02's emitters: `jsonParts(node, 'value')` cuts the JSON of
 * a value of `node`'s shape into parts — the text known at build time (braces, `"key":`, commas, a literal's
 * value; neighbouring texts merged) and the values known only at run time (a string, a number, a boolean,
 * an optional property, an array) each with the source expression that reads it (`value.title`). The emitter
 * decides how to write each part: as a named constant, a `quote()` call, a loop. The serializer and the
 * reference's UTF-8 writer emitters walk the same parts.
 */
import type { SchemaNode } from './schema.ts';

/** A node of the `array` kind. */
export type ArrayNode = Extract<SchemaNode, { kind: 'array' }>;

export type JsonPart =
  /** JSON text known now: `{"id":`. `name` says where it is (`Todo.id`): the name to give its constant. */
  | { kind: 'text'; text: string; name: string }
  /** A string (or a value of a union of string literals) read by the expression `value`, e.g. `value.title`. */
  | { kind: 'string'; value: string }
  /** A number (integer or not, or a union of number literals). */
  | { kind: 'number'; value: string }
  /** A boolean; `name` says where it is (`Todo.isComplete`). */
  | { kind: 'boolean'; value: string; name: string }
  /** An optional property: `parts` (its key, with the comma before it, then its value) are written only when `value !== undefined`. */
  | { kind: 'optional'; value: string; parts: JsonPart[] }
  /**
   * A comma known only at run time (going further: a property after optional ones only): written when at
   * least one of the optional values `ifAnyDefined` (the properties before it) is not undefined.
   */
  | { kind: 'comma'; ifAnyDefined: string[] }
  /** An array: it needs a loop, so write it with a function of its own (`node` is its schema). */
  | { kind: 'array'; value: string; node: ArrayNode };

/** JavaScript property access: `value.title`, or `value["a-b"]` for a key that is not an identifier. */
export const access = (target: string, key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${target}.${key}` : `${target}[${JSON.stringify(key)}]`);

/** A node's place as a name for functions: `Order.grid[]` → `OrderGridItem`, `ErrorBody.error` → `ErrorBodyError`. */
export const pascalName = (node: SchemaNode): string =>
  node.where.replace(/\[\]/g, ' item').replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, _sep, c: string) => c.toUpperCase());

/**
 * The parts of the JSON of `target` (a source expression, e.g. `value` or `value[i]`), a value of `node`'s
 * shape, in order. Objects inside are flattened into their parts; arrays are one `array` part each. A union
 * of literals of different types (string and number) is refused: nothing in the API has one.
 */
export function jsonParts(node: SchemaNode, target: string): JsonPart[] {
  return merge(partsOf(node, target));
}

function partsOf(node: SchemaNode, target: string): JsonPart[] {
  switch (node.kind) {
    case 'string':
      return [{ kind: 'string', value: target }];
    case 'integer':
    case 'number':
      return [{ kind: 'number', value: target }];
    case 'boolean':
      return [{ kind: 'boolean', value: target, name: node.where }];
    case 'literal':
      // The schema allows one value: its JSON is known now.
      return [{ kind: 'text', text: JSON.stringify(node.value), name: node.where }];
    case 'enum': {
      const kinds = new Set(node.values.map((v) => typeof v));
      if (kinds.size === 1 && kinds.has('string')) return [{ kind: 'string', value: target }];
      if (kinds.size === 1 && kinds.has('number')) return [{ kind: 'number', value: target }];
      if (kinds.size === 1 && kinds.has('boolean')) return [{ kind: 'boolean', value: target, name: node.where }];
      throw new Error(`jsonParts: ${node.where} is a union of literals of different types (${[...kinds].join(', ')}); split it into one union per type`);
    }
    case 'array':
      return [{ kind: 'array', value: target, node }];
    case 'object':
      return objectParts(node, target);
  }
}

function objectParts(node: Extract<SchemaNode, { kind: 'object' }>, target: string): JsonPart[] {
  const [first] = node.properties;
  if (!first) return [{ kind: 'text', text: '{}', name: node.where }];
  const parts: JsonPart[] = [{ kind: 'text', text: '{', name: `${node.where}.${first.key}` }];
  // Until a required property is written, whether a comma is needed depends on the optional ones before.
  const optionalBefore: string[] = [];
  let requiredBefore = false;
  node.properties.forEach((property, i) => {
    const value = access(target, property.key);
    const name = `${node.where}.${property.key}`;
    const key = `${JSON.stringify(property.key)}:`;
    const own: JsonPart[] = [];
    if (i === 0) own.push({ kind: 'text', text: key, name });
    else if (requiredBefore) own.push({ kind: 'text', text: `,${key}`, name });
    else own.push({ kind: 'comma', ifAnyDefined: [...optionalBefore] }, { kind: 'text', text: key, name });
    own.push(...partsOf(property.node, value));
    if (property.required) {
      parts.push(...own);
      requiredBefore = true;
    } else {
      parts.push({ kind: 'optional', value, parts: merge(own) });
      if (!requiredBefore) optionalBefore.push(value);
    }
  });
  parts.push({ kind: 'text', text: '}', name: `${node.where} end` });
  return parts;
}

/** Neighbouring texts as one (named after the first). */
function merge(parts: readonly JsonPart[]): JsonPart[] {
  const merged: JsonPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (part.kind === 'text' && last?.kind === 'text') merged[merged.length - 1] = { kind: 'text', text: last.text + part.text, name: last.name };
    else merged.push(part);
  }
  return merged;
}
