/**
 * What the serializer and the writer emitters share: a value's JSON cut into parts — fixed text known at
 * build time, and the values only known at run time (a string, a number, a boolean, a nested array or
 * object handled by its own function) — then fused: neighbouring texts merged, and each boolean given the
 * texts around it so it picks one of two whole constants. The emitters only decide how to write each part.
 */
import type { SchemaNode } from '@hotpath/codegen';

export type Part =
  | { text: string; name: string }
  | { string: string }
  | { number: string }
  | { bool: string; name: string; whenTrue?: string; whenFalse?: string }
  | { call: SchemaNode; target: string };

/** `Todo.isComplete` → `TodoIsComplete`, for function names. */
export const pascal = (where: string) => where.replace(/\[\]/g, ' item').replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, _sep, c: string) => c.toUpperCase());

/** JavaScript property access: `value.title`, or `value["a-b"]` for a key that is not an identifier. */
export const access = (target: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${target}.${key}` : `${target}[${JSON.stringify(key)}]`);

export const hasOptional = (node: SchemaNode) => node.kind === 'object' && node.properties.some((p) => !p.required);

/** The parts of `node`'s JSON for the value at `target`. Objects with only required properties are inlined. */
export function partsOf(node: SchemaNode, target: string): Part[] {
  switch (node.kind) {
    case 'string':
      return [{ string: target }];
    case 'integer':
    case 'number':
      return [{ number: target }];
    case 'boolean':
      return [{ bool: target, name: node.where }];
    case 'literal':
      // The schema allows one value: its JSON is known now.
      return [{ text: JSON.stringify(node.value), name: node.where }];
    case 'enum':
      if (node.values.every((v) => typeof v === 'string')) return [{ string: target }];
      if (node.values.every((v) => typeof v === 'number')) return [{ number: target }];
      return [{ call: node, target }];
    case 'array':
      return [{ call: node, target }];
    case 'object': {
      if (hasOptional(node)) return [{ call: node, target }];
      const parts: Part[] = [];
      node.properties.forEach((property, i) => {
        parts.push({ text: `${i === 0 ? '{' : ','}${JSON.stringify(property.key)}:`, name: `${node.where}.${property.key}` });
        parts.push(...partsOf(property.node, access(target, property.key)));
      });
      parts.push({ text: node.properties.length === 0 ? '{}' : '}', name: `${node.where} end` });
      return parts;
    }
  }
}

/** Merges neighbouring texts, and hands each boolean the texts right before and after it. */
export function fuse(parts: readonly Part[]): Part[] {
  const merged: Part[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if ('text' in part && last && 'text' in last) merged[merged.length - 1] = { text: last.text + part.text, name: last.name };
    else merged.push(part);
  }
  const out: Part[] = [];
  for (let i = 0; i < merged.length; i++) {
    const part = merged[i];
    if (!('bool' in part)) {
      out.push(part);
      continue;
    }
    const previous = out[out.length - 1];
    const before = previous && 'text' in previous ? (out.pop() as { text: string }).text : '';
    const next = merged[i + 1];
    const after = next && 'text' in next ? next.text : '';
    if (after) i++;
    out.push({ ...part, whenTrue: `${before}true${after}`, whenFalse: `${before}false${after}` });
  }
  return out;
}
