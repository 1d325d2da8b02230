/**
 * The reference's extra emitter (a lab 02 "going further"): for one registered type, a function writing its
 * JSON as UTF-8 straight into a reused buffer (Utf8Writer in json-runtime.ts) — no string is built, so no
 * rope of concatenated strings to allocate and flatten, and no encoding step afterwards. The fixed text is
 * a named constant of bytes, encoded once when the module loads. Same parts as the serializer (jsonParts,
 * fused booleans); only how each part is written differs.
 */
import { jsString, jsonParts, pascalName, type GenContext, type JsonPart, type RegisteredType, type SchemaNode } from '@hotpath/codegen';
import { fuse } from './fuse.ts';

/** The names of the punctuation bytes the writers emit one at a time. */
const PUNCTUATION = { '[': 'open bracket', ']': 'close bracket', ',': 'comma' } as const;

/** A named constant holding one punctuation byte's code. */
const punctuation = (ctx: GenContext, char: keyof typeof PUNCTUATION) => ctx.constant(PUNCTUATION[char], char.charCodeAt(0));

/** A constant of UTF-8 bytes, named like the serializer's string constants. */
const bytes = (ctx: GenContext, name: string, text: string) => ctx.computed(name, `${ctx.runtime('utf8')}(${jsString(text)})`);

/** The statements writing `parts` to `out`, indented by `pad`. */
function writeParts(ctx: GenContext, parts: readonly JsonPart[], pad: string): string[] {
  // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch is exhaustive over JsonPart (tsc checks it)
  return fuse(parts).flatMap((part): string[] => {
    switch (part.kind) {
      case 'text':
        return [`${pad}out.bytes(${bytes(ctx, part.name, part.text)});`];
      case 'string':
        return [`${pad}out.string(${part.value});`];
      case 'number':
        return [`${pad}out.number(${part.value});`];
      case 'fused':
        return [`${pad}out.bytes(${part.value} ? ${bytes(ctx, `${part.name} true`, part.whenTrue)} : ${bytes(ctx, `${part.name} false`, part.whenFalse)});`];
      case 'optional':
        return [`${pad}if (${part.value} !== undefined) {`, ...writeParts(ctx, part.parts, `${pad}  `), `${pad}}`];
      case 'comma':
        return [`${pad}if (${part.ifAnyDefined.map((value) => `${value} !== undefined`).join(' || ')}) out.byte(${punctuation(ctx, ',')});`];
      case 'array':
        return [`${pad}${functionOf(ctx, part.node)}(out, ${part.value});`];
    }
  });
}

function bodyOf(ctx: GenContext, node: SchemaNode): string {
  if (node.kind !== 'array') return writeParts(ctx, jsonParts(node, 'value'), '  ').join('\n');
  const items = node.items;
  const itemOf = (target: string, pad: string) =>
    items.kind === 'object' ? [`${pad}${functionOf(ctx, items)}(out, ${target});`] : writeParts(ctx, jsonParts(items, target), pad);
  return [
    `  out.byte(${punctuation(ctx, '[')});`,
    `  for (let i = 0; i < value.length; i++) {`,
    `    if (i > 0) out.byte(${punctuation(ctx, ',')});`,
    ...itemOf('value[i]!', '    '), // i < value.length: the `!` states the bound the loop checks
    `  }`,
    `  out.byte(${punctuation(ctx, ']')});`,
  ].join('\n');
}

function signature(ctx: GenContext, node: SchemaNode, name: string): string {
  return `function ${name}(out: ${ctx.import('../json-runtime.ts', 'Utf8Writer', true)}, value: ${ctx.type(node)}): void`;
}

function functionOf(ctx: GenContext, node: SchemaNode): string {
  return ctx.functionFor(node, `write${pascalName(node)}`, (name) => `${signature(ctx, node, name)} {\n${bodyOf(ctx, node)}\n}`);
}

export function emitWriter(ctx: GenContext, type: RegisteredType): void {
  ctx.add(`export ${signature(ctx, type.node, type.writer)} {\n${bodyOf(ctx, type.node)}\n}`);
}
