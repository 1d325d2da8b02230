/**
 * Lab 02's serializer emitter: for one registered type, writes a function that builds its JSON text by
 * concatenation. @hotpath/codegen's jsonParts() cuts the JSON into parts; every fixed piece (braces,
 * property names, commas) becomes a named constant, strings go through quote() (which defers to
 * JSON.stringify only when a character needs escaping), numbers through number() (NaN → null), an optional
 * property is written only when it is not undefined, an array is a loop in a function of its own. Going
 * further: booleans pick one of two fused constants (fuse.ts), and commas known only at run time.
 */
import { jsonParts, pascalName, type GenContext, type JsonPart, type RegisteredType, type SchemaNode } from '@hotpath/codegen';
import { fuse } from './fuse.ts';

/** One expression writing `parts`, joined with `+`. */
function expression(ctx: GenContext, parts: readonly JsonPart[]): string {
  // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch is exhaustive over JsonPart (tsc checks it)
  const out = fuse(parts).map((part): string => {
    switch (part.kind) {
      case 'text':
        return ctx.constant(part.name, part.text);
      case 'string':
        return `${ctx.runtime('quote')}(${part.value})`;
      case 'number':
        return `${ctx.runtime('number')}(${part.value})`;
      case 'fused':
        return `(${part.value} ? ${ctx.constant(`${part.name} true`, part.whenTrue)} : ${ctx.constant(`${part.name} false`, part.whenFalse)})`;
      case 'optional':
        return `(${part.value} !== undefined ? ${expression(ctx, part.parts)} : '')`;
      case 'comma':
        return `(${part.ifAnyDefined.map((value) => `${value} !== undefined`).join(' || ')} ? ',' : '')`;
      case 'array':
        return `${functionOf(ctx, part.node)}(${part.value})`;
    }
  });
  return out.length ? out.join(' + ') : "''";
}

/** The statements of a function returning `node`'s JSON for `value`. */
function bodyOf(ctx: GenContext, node: SchemaNode): string {
  if (node.kind !== 'array') return `  return ${expression(ctx, jsonParts(node, 'value'))};`;
  // Object items call their own function (a registered type's, when the shape is one): serializeTodo(value[i]!).
  // The `!`: the emitted loop has just checked the bound (the kit typechecks with noUncheckedIndexedAccess).
  const items = node.items;
  const itemOf = (target: string) => (items.kind === 'object' ? `${functionOf(ctx, items)}(${target})` : expression(ctx, jsonParts(items, target)));
  return [
    `  if (value.length === 0) return '[]';`,
    `  let json = '[' + ${itemOf('value[0]!')};`,
    `  for (let i = 1; i < value.length; i++) json += ',' + ${itemOf('value[i]!')};`,
    `  return json + ']';`,
  ].join('\n');
}

/** The function serializing values of `node`'s shape: a registered type's own, or a helper emitted once. */
function functionOf(ctx: GenContext, node: SchemaNode): string {
  return ctx.functionFor(node, `serialize${pascalName(node)}`, (name) => `function ${name}(value: ${ctx.type(node)}): string {\n${bodyOf(ctx, node)}\n}`);
}

export function emitSerializer(ctx: GenContext, type: RegisteredType): void {
  ctx.add(`export function ${type.serializer}(value: ${ctx.type(type.node)}): string {\n${bodyOf(ctx, type.node)}\n}`);
}
