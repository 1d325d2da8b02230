/**
 * The reference's extra emitter (a lab 02 "going further"): for one registered type, a function writing its
 * JSON as UTF-8 straight into a reused buffer (Utf8Writer in json-runtime.ts) — no string is built, so no
 * rope of concatenated strings to allocate and flatten, and no encoding step afterwards. The fixed text is
 * a named constant of bytes, encoded once when the module loads. Same parts as the serializer (parts.ts).
 */
import type { GenContext, RegisteredType, SchemaNode } from '@hotpath/codegen';
import { jsString } from '@hotpath/codegen';
import { access, fuse, hasOptional, partsOf, pascal, type Part } from './parts.ts';

/** The names of the punctuation bytes the writers emit one at a time. */
const PUNCTUATION = { '[': 'open bracket', ']': 'close bracket', ',': 'comma', '{': 'open brace', '}': 'close brace' } as const;

/** A named constant holding one punctuation byte's code. */
const punctuation = (ctx: GenContext, char: keyof typeof PUNCTUATION) => ctx.constant(PUNCTUATION[char], char.charCodeAt(0));

/** A constant of UTF-8 bytes, named like the serializer's string constants. */
const bytes = (ctx: GenContext, name: string, text: string) => ctx.computed(name, `${ctx.runtime('utf8')}(${jsString(text)})`);

/** The statements writing `parts` to `out`, indented by `pad`. */
function writeParts(ctx: GenContext, parts: readonly Part[], pad: string): string[] {
  return fuse(parts).map((part) => {
    if ('text' in part) return `${pad}out.bytes(${bytes(ctx, part.name, part.text)});`;
    if ('string' in part) return `${pad}out.string(${part.string});`;
    if ('number' in part) return `${pad}out.number(${part.number});`;
    if ('call' in part) return `${pad}${functionOf(ctx, part.call)}(out, ${part.target});`;
    return `${pad}out.bytes(${part.bool} ? ${bytes(ctx, `${part.name} true`, part.whenTrue!)} : ${bytes(ctx, `${part.name} false`, part.whenFalse!)});`;
  });
}

function bodyOf(ctx: GenContext, node: SchemaNode): string {
  if (node.kind === 'enum') return `  if (typeof value === 'string') out.string(value);\n  else out.bytes(${ctx.runtime('utf8')}(String(value)));`;
  if (node.kind === 'array') {
    const items = node.items;
    const itemOf = (target: string, pad: string) =>
      items.kind === 'object' || items.kind === 'array' ? [`${pad}${functionOf(ctx, items)}(out, ${target});`] : writeParts(ctx, partsOf(items, target), pad);
    return [
      `  out.byte(${punctuation(ctx, '[')});`,
      `  for (let i = 0; i < value.length; i++) {`,
      `    if (i > 0) out.byte(${punctuation(ctx, ',')});`,
      ...itemOf('value[i]', '    '),
      `  }`,
      `  out.byte(${punctuation(ctx, ']')});`,
    ].join('\n');
  }
  if (!hasOptional(node) || node.kind !== 'object') return writeParts(ctx, partsOf(node, 'value'), '  ').join('\n');
  // Optional properties: until a required property has been written, whether a comma is needed is known
  // only at run time (`first`).
  const lines = [`  out.byte(${punctuation(ctx, '{')});`];
  let written = 'nothing' as 'nothing' | 'maybe' | 'something';
  if (node.properties.some((p, i) => !p.required && node.properties.slice(i + 1).length > 0)) lines.push('  let first = true;');
  for (const property of node.properties) {
    const target = access('value', property.key);
    const comma = written === 'something' ? [`out.byte(${punctuation(ctx, ',')});`] : written === 'maybe' ? [`if (!first) out.byte(${punctuation(ctx, ',')});`] : [];
    const inner = [...comma, ...writeParts(ctx, [{ text: `${JSON.stringify(property.key)}:`, name: `${node.where}.${property.key}` }, ...partsOf(property.node, target)], '')];
    if (written !== 'something' && lines.includes('  let first = true;')) inner.push('first = false;');
    if (property.required) lines.push(...inner.map((line) => `  ${line}`));
    else lines.push(`  if (${target} !== undefined) {`, ...inner.map((line) => `    ${line}`), '  }');
    written = property.required || written === 'something' ? 'something' : 'maybe';
  }
  lines.push(`  out.byte(${punctuation(ctx, '}')});`);
  return lines.join('\n');
}

function signature(ctx: GenContext, node: SchemaNode, name: string): string {
  return `function ${name}(out: ${ctx.import('../json-runtime.ts', 'Utf8Writer', true)}, value: ${ctx.type(node)}): void`;
}

function functionOf(ctx: GenContext, node: SchemaNode): string {
  return ctx.functionFor(node, `write${pascal(node.where)}`, (name) => `${signature(ctx, node, name)} {\n${bodyOf(ctx, node)}\n}`);
}

export function emitWriter(ctx: GenContext, type: RegisteredType): void {
  ctx.add(`export ${signature(ctx, type.node, type.writer)} {\n${bodyOf(ctx, type.node)}\n}`);
}
