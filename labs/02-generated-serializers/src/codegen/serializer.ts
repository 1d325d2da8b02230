/**
 * Your serializer emitter: `pnpm generate` calls emitSerializer once per registered type, with a context
 * shared by the whole file (src/generated/serializers.ts).
 *
 * TODO(lab 02, step 2): emit `export function ${type.serializer}(value: ${ctx.type(type.node)}): string`
 * whose body builds the JSON text by concatenation. Walk `type.node` (a SchemaNode: object, array, string,
 * integer, number, boolean, literal or enum — see @hotpath/codegen's schema.ts):
 *   - fixed text (braces, `"key":`, commas, a literal's value) is known now: put it in a named constant,
 *     `ctx.constant('Todo id', '{"id":')` returns the name (TODO_ID) to use in the code;
 *   - a string is `quote(…)`, a number `number(…)` (ctx.runtime('quote') imports it from json-runtime.ts);
 *   - a boolean is `(v ? 'true' : 'false')` — or better, two constants with the text around it;
 *   - an optional property is written only when `!== undefined`, and the comma before it must be right;
 *   - an array loops; an object or array inside another can be a function of its own:
 *     `ctx.functionFor(node, 'serializeOrderLine', (name) => \`function ${name}(…) {…}\`)` emits it once;
 *   - then `ctx.add(source)` adds the function to the file.
 * The output must be byte-identical to JSON.stringify, and readable: it is checked in.
 */
import type { GenContext, RegisteredType } from '@hotpath/codegen';

export function emitSerializer(ctx: GenContext, type: RegisteredType): void {
  throw new Error(`TODO(lab 02, step 2): write emitSerializer in src/codegen/serializer.ts (asked for ${type.name})`);
}
