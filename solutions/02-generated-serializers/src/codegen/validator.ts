/**
 * Lab 02's validator emitter: for one registered type, a function that checks an unknown value (what
 * JSON.parse returned) with straight-line `typeof` checks and answers undefined, or the first problem with
 * its JSON Pointer path (`/title must be a string`). @hotpath/codegen's validatorBody() walks the schema —
 * properties, required ones, arrays, paths, named message constants — and asks checksOf() how one value is
 * checked: its kind first, then its bounds. No exception, no allocation when the value is valid.
 */
import { jsString, validatorBody, type Check, type GenContext, type RegisteredType, type SchemaNode } from '@hotpath/codegen';

/** A literal in generated source. */
const literal = (value: string | number | boolean) => (typeof value === 'string' ? jsString(value) : String(value));

/** How many things: "1 item", "2 items". */
const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** The range checks of a value already of the right kind (length, bounds, item count). */
function rangeChecks(node: SchemaNode, v: string): Check[] {
  const checks: Check[] = [];
  if (node.kind === 'string') {
    const { minLength: min, maxLength: max } = node;
    if (min !== undefined && max !== undefined)
      checks.push({ test: `${v}.length < ${min} || ${v}.length > ${max}`, problem: `must be ${min} to ${max} characters long` });
    else if (min !== undefined) checks.push({ test: `${v}.length < ${min}`, problem: `must be at least ${count(min, 'character')} long` });
    else if (max !== undefined) checks.push({ test: `${v}.length > ${max}`, problem: `must be at most ${count(max, 'character')} long` });
  }
  if (node.kind === 'integer' || node.kind === 'number') {
    if (node.minimum !== undefined) checks.push({ test: `${v} < ${node.minimum}`, problem: `must be at least ${node.minimum}` });
    if (node.exclusiveMinimum !== undefined)
      checks.push({ test: `${v} <= ${node.exclusiveMinimum}`, problem: `must be greater than ${node.exclusiveMinimum}` });
    if (node.maximum !== undefined) checks.push({ test: `${v} > ${node.maximum}`, problem: `must be at most ${node.maximum}` });
    if (node.exclusiveMaximum !== undefined) checks.push({ test: `${v} >= ${node.exclusiveMaximum}`, problem: `must be less than ${node.exclusiveMaximum}` });
  }
  if (node.kind === 'array') {
    if (node.minItems !== undefined) checks.push({ test: `${v}.length < ${node.minItems}`, problem: `must have at least ${count(node.minItems, 'item')}` });
    if (node.maxItems !== undefined) checks.push({ test: `${v}.length > ${node.maxItems}`, problem: `must have at most ${count(node.maxItems, 'item')}` });
  }
  return checks;
}

/** The checks of the value in variable `v`: its kind (or its literal values), then its range. */
function checksOf(ctx: GenContext, node: SchemaNode, v: string): Check[] {
  switch (node.kind) {
    case 'literal':
      return [{ test: `${v} !== ${literal(node.value)}`, problem: `must be ${JSON.stringify(node.value)}` }];
    case 'enum':
      return [
        {
          test: node.values.map((value) => `${v} !== ${literal(value)}`).join(' && '),
          problem: `must be one of ${node.values.map((value) => JSON.stringify(value)).join(', ')}`,
        },
      ];
    case 'string':
      return [{ test: `typeof ${v} !== 'string'`, problem: 'must be a string' }, ...rangeChecks(node, v)];
    case 'integer':
      return [{ test: `typeof ${v} !== 'number' || !Number.isInteger(${v})`, problem: 'must be an integer' }, ...rangeChecks(node, v)];
    case 'number':
      return [{ test: `typeof ${v} !== 'number' || !Number.isFinite(${v})`, problem: 'must be a number' }, ...rangeChecks(node, v)];
    case 'boolean':
      return [{ test: `typeof ${v} !== 'boolean'`, problem: 'must be true or false' }];
    case 'array':
      return [{ test: `!Array.isArray(${v})`, problem: 'must be an array' }, ...rangeChecks(node, v)];
    case 'object':
      return [{ test: `!${ctx.runtime('isRecord')}(${v})`, problem: 'must be an object' }];
  }
}

export function emitValidator(ctx: GenContext, type: RegisteredType): void {
  ctx.add(`export function ${type.validator}(value: unknown): string | undefined {\n${validatorBody(ctx, type.node, checksOf)}\n}`);
}
