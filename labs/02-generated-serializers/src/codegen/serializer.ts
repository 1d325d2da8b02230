/**
 * Your serializer emitter: `pnpm generate` calls emitSerializer once per registered type, with a context
 * shared by the whole file (src/generated/serializers.ts). The walk over the schema is given:
 * `jsonParts(node, 'value')` (@hotpath/codegen) cuts the JSON of a value into parts — fixed `text` known now
 * (`{"id":`, neighbours already merged), and `string`, `number`, `boolean`, `optional` and `array` parts read
 * at run time by a source expression (`value.title`). You write the code each part becomes. Run
 * `pnpm generate` and read src/generated/serializers.ts as you go: it must be byte-identical to
 * JSON.stringify, and readable — it is committed.
 */
import { jsonParts, pascalName, type GenContext, type JsonPart, type RegisteredType, type SchemaNode } from '@hotpath/codegen';

/**
 * One JavaScript expression writing `parts`, joined with ` + `.
 *
 * TODO(lab 02, step 2): the code of each part, by its `kind`:
 *   - text: the fixed JSON in a named constant: `ctx.constant(name, text)` with the part's `name` and `text`
 *     returns the constant's name (`TODO_ID`) and declares `const TODO_ID = '{"id":';` once per file;
 *   - string: `quote(value.title)` — get the helper's name with `ctx.runtime('quote')` (that also imports it
 *     from src/json-runtime.ts); number: `number(value.id)`, with `ctx.runtime('number')`;
 *   - boolean: `(value.isComplete ? 'true' : 'false')`;
 *   - optional: the property's own parts when it is set: `(value.isComplete !== undefined ? … : '')`;
 *   - array: a call of the function for its shape: `functionOf(ctx, node)` returns its name;
 *   - comma: going further only (the API's types have none): a comma when one of the optional values in the
 *     part's `ifAnyDefined` list is set.
 */
function expression(ctx: GenContext, parts: readonly JsonPart[]): string {
  throw new Error('TODO(lab 02, step 2): write expression() in src/codegen/serializer.ts');
}

/**
 * The statements of a function returning the JSON of its parameter `value`, a value of `node`'s shape.
 *
 * TODO(lab 02, step 2): for anything but an array, one `return` of the expression of
 * `jsonParts(node, 'value')`. For an array, a loop: `'[]'` when it is empty, else the first item, then
 * `','` and the next item for each of the others (an item's expression comes from
 * `jsonParts(node.items, 'value[i]!')` — the `!` states the bound the loop checks, as the kit typechecks with
 * noUncheckedIndexedAccess).
 */
function bodyOf(ctx: GenContext, node: SchemaNode): string {
  throw new Error('TODO(lab 02, step 2): write bodyOf() in src/codegen/serializer.ts');
}

/** Given: the name of the function serializing `node`'s shape (an array inside a type), emitted once per shape. */
function functionOf(ctx: GenContext, node: SchemaNode): string {
  return ctx.functionFor(node, `serialize${pascalName(node)}`, (name) => `function ${name}(value: ${ctx.type(node)}): string {\n${bodyOf(ctx, node)}\n}`);
}

/**
 * TODO(lab 02, step 2): add the type's exported function to the file, `ctx.add(source)`, where the source is
 * `export function serializeTodo(value: Todo): string {` + its body + `}` — the name is `type.serializer`,
 * the parameter's type `ctx.type(type.node)`, the body `bodyOf(ctx, type.node)`.
 */
export function emitSerializer(ctx: GenContext, type: RegisteredType): void {
  throw new Error(`TODO(lab 02, step 2): write emitSerializer in src/codegen/serializer.ts (asked for ${type.name})`);
}
