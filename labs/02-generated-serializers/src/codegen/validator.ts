/**
 * Your validator emitter: `pnpm generate` calls emitValidator once per registered type, with a context
 * shared by the whole file (src/generated/validators.ts). The walk over the schema is given:
 * `validatorBody(ctx, node, checksOf)` (@hotpath/codegen) writes the statements — it reads each property
 * into a variable, says "/title is required" for a missing required one, skips an absent optional one,
 * loops over arrays with the index in the path, and turns each failing check into a `return` of
 * `<JSON Pointer> <problem>` (a named constant, or "The body …" at the root). You say how one value is
 * checked: its kind, then its bounds — straight-line code, no exception, nothing allocated when it is valid.
 */
import { validatorBody, type Check, type GenContext, type RegisteredType, type SchemaNode } from '@hotpath/codegen';

/**
 * The checks of one value, held in the variable named `v` (`value`, `v0`, …), in order: first that it is of
 * `node`'s kind, then its bounds. Each check is `{ test, problem }`: `test` is source code that is true when
 * the value is wrong, `problem` what follows the path in the message.
 *
 * TODO(lab 02, step 3): one case per kind, in the API's words (the tests check these):
 *   - string: `typeof v !== 'string'`, "must be a string"; with minLength and maxLength both, then
 *     `v.length < 1 || v.length > 200`, "must be 1 to 200 characters long" (UTF-16 units, like TypeBox);
 *   - integer: `typeof v !== 'number' || !Number.isInteger(v)`, "must be an integer"; a minimum, then
 *     `v < 1`, "must be at least 1"; a maximum, "must be at most …";
 *   - boolean: "must be true or false"; object: `!isRecord(v)` (`ctx.runtime('isRecord')` imports it), "must
 *     be an object"; array: `!Array.isArray(v)`, "must be an array";
 *   - literal: `v !== 'ok'` (the value as a literal in source: `JSON.stringify(node.value)` writes one), "must
 *     be \"ok\""; enum (a union of literals): every value ruled out, "must be one of …".
 * Going further: number (`Number.isFinite`), exclusive bounds, a string with one bound, item counts.
 */
function checksOf(ctx: GenContext, node: SchemaNode, v: string): Check[] {
  throw new Error(`TODO(lab 02, step 3): write checksOf() in src/codegen/validator.ts (asked for ${node.where})`);
}

/**
 * TODO(lab 02, step 3): add `export function validateTodo(value: unknown): string | undefined {` + its body
 * + `}` with `ctx.add(source)` — the name is `type.validator`, the body `validatorBody(ctx, type.node,
 * checksOf)` (it ends with `return undefined;`).
 */
export function emitValidator(ctx: GenContext, type: RegisteredType): void {
  throw new Error(`TODO(lab 02, step 3): write emitValidator in src/codegen/validator.ts (asked for ${type.name})`);
}
