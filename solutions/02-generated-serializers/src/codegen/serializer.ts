/**
 * Lab 02's serializer emitter: for one registered type, writes a function that builds its JSON text by
 * concatenation, with every fixed piece (braces, property names, commas) decided now and kept in a named
 * constant. Byte-identical to JSON.stringify for every value the type allows: strings go through quote()
 * (which defers to JSON.stringify when a character needs escaping), numbers through number() (NaN → null),
 * optional properties are left out when absent or undefined, booleans pick one of two fused constants.
 */
import type { GenContext, RegisteredType, SchemaNode } from '@hotpath/codegen';
import { access, fuse, hasOptional, partsOf, pascal, type Part } from './parts.ts';

/** One expression from parts: texts as named constants, a boolean choosing between two fused constants. */
function joinParts(ctx: GenContext, parts: readonly Part[]): string {
  const out = fuse(parts).map((part) => {
    if ('text' in part) return ctx.constant(part.name, part.text);
    if ('string' in part) return `${ctx.runtime('quote')}(${part.string})`;
    if ('number' in part) return `${ctx.runtime('number')}(${part.number})`;
    if ('call' in part) return `${functionOf(ctx, part.call)}(${part.target})`;
    return `(${part.bool} ? ${ctx.constant(`${part.name} true`, part.whenTrue!)} : ${ctx.constant(`${part.name} false`, part.whenFalse!)})`;
  });
  return out.length ? out.join(' + ') : "''";
}

/** The statements of a function returning `node`'s JSON for `value`. */
function bodyOf(ctx: GenContext, node: SchemaNode): string {
  if (node.kind === 'enum') return `  return typeof value === 'string' ? ${ctx.runtime('quote')}(value) : String(value);`;
  if (node.kind === 'array') {
    // Items that are objects or arrays call their own function (a registered type's, when the shape is one).
    const items = node.items;
    const itemOf = (target: string) =>
      items.kind === 'object' || items.kind === 'array' ? `${functionOf(ctx, items)}(${target})` : joinParts(ctx, partsOf(items, target));
    const first = itemOf('value[0]');
    const item = itemOf('value[i]');
    return [
      `  if (value.length === 0) return '[]';`,
      `  let json = '[' + ${first};`,
      `  for (let i = 1; i < value.length; i++) json += ',' + ${item};`,
      `  return json + ']';`,
    ].join('\n');
  }
  if (!hasOptional(node)) return `  return ${joinParts(ctx, partsOf(node, 'value'))};`;
  if (node.kind !== 'object') throw new Error('unreachable');
  // Optional properties: statements. The required properties before the first optional one start the
  // text; after that, the comma before a property is known only at run time until a required one is written.
  const leading = node.properties.findIndex((p) => !p.required);
  const start: Part[] = [{ text: '{', name: node.where }];
  node.properties.slice(0, leading).forEach((property, i) => {
    start.push({ text: `${i === 0 ? '' : ','}${JSON.stringify(property.key)}:`, name: `${node.where}.${property.key}` });
    start.push(...partsOf(property.node, access('value', property.key)));
  });
  const lines = [`  let json = ${joinParts(ctx, start)};`];
  let somethingWritten = leading > 0;
  for (const property of node.properties.slice(leading)) {
    const target = access('value', property.key);
    const name = `${node.where}.${property.key}`;
    const key = `${JSON.stringify(property.key)}:`;
    const value = partsOf(property.node, target);
    const line = somethingWritten
      ? `json += ${joinParts(ctx, [{ text: `,${key}`, name }, ...value])};`
      : `json += (json.length > 1 ? ${ctx.constant(`${name} after comma`, `,${key}`)} : ${ctx.constant(name, key)}) + ${joinParts(ctx, value)};`;
    lines.push(property.required ? `  ${line}` : `  if (${target} !== undefined) ${line}`);
    if (property.required) somethingWritten = true;
  }
  lines.push(`  return json + '}';`);
  return lines.join('\n');
}

/** The function serializing values of `node`'s shape: a registered type's own, or a helper emitted once. */
function functionOf(ctx: GenContext, node: SchemaNode): string {
  return ctx.functionFor(node, `serialize${pascal(node.where)}`, (name) => `function ${name}(value: ${ctx.type(node)}): string {\n${bodyOf(ctx, node)}\n}`);
}

export function emitSerializer(ctx: GenContext, type: RegisteredType): void {
  ctx.add(`export function ${type.serializer}(value: ${ctx.type(type.node)}): string {\n${bodyOf(ctx, type.node)}\n}`);
}
