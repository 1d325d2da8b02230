/**
 * Your validator emitter: `pnpm generate` calls emitValidator once per registered type, with a context
 * shared by the whole file (src/generated/validators.ts).
 *
 * TODO(lab 02, step 3): emit `export function ${type.validator}(value: unknown): string | undefined` that
 * answers undefined when the value (what JSON.parse returned) is allowed, else the first problem, starting
 * with the JSON Pointer of the wrong value: "/title must be a string", "/items/2/qty must be an integer",
 * "/title is required", "The body must be an object" (at the root). Straight-line checks:
 *   - `isRecord(v)` (ctx.runtime('isRecord')), `typeof v !== 'string'`, `Number.isInteger(v)`, …
 *   - bounds: minLength/maxLength (UTF-16 units, `.length`), minimum/maximum, exclusive ones, minItems/maxItems;
 *   - a required property that is undefined "is required"; an optional one is checked only when present;
 *   - properties the schema does not name are ignored, unless `additionalProperties` is false;
 *   - messages with a fixed path are named constants (ctx.constant); inside arrays, add the index at run
 *     time, only when failing: `'/items/' + i + '/qty must be an integer'`.
 * No exception, and nothing allocated when the value is valid.
 */
import type { GenContext, RegisteredType } from '@hotpath/codegen';

export function emitValidator(ctx: GenContext, type: RegisteredType): void {
  throw new Error(`TODO(lab 02, step 3): write emitValidator in src/codegen/validator.ts (asked for ${type.name})`);
}
