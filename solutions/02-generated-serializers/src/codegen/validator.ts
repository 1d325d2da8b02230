/**
 * Lab 02's validator emitter: for one registered type, writes a function that checks an unknown value
 * (what JSON.parse returned) against the schema with straight-line `typeof` checks, and answers undefined
 * when it conforms or the first problem with its JSON Pointer path (`/items/2/qty must be an integer`).
 * Messages whose path is fixed are named constants; inside arrays the index is added at run time, only
 * on the failing path. No exception, no allocation when the value is valid.
 */
import { pointerToken } from '@hotpath/api';
import { jsString, type GenContext, type RegisteredType, type SchemaNode } from '@hotpath/codegen';

/** A JSON Pointer being built: fixed text and the names of loop variables holding array indexes. */
type Path = ReadonlyArray<{ text: string } | { index: string }>;

/** Per-function state: fresh variable names. */
interface Scope {
  vars: number;
}

/** JavaScript property access on a record: `v.title`, or `v["a-b"]`. */
const member = (target: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${target}.${key}` : `${target}[${JSON.stringify(key)}]`);

/** A literal in generated source. */
const literal = (value: string | number | boolean) => (typeof value === 'string' ? jsString(value) : String(value));

/** How many things: "1 item", "2 items". */
const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** The pointer of `path` followed by `tail`, as an expression: a literal when the path is fixed, else a concatenation with the indexes. */
function pointerOf(path: Path, tail = ''): { fixed: string } | { expression: string } {
  const pieces: string[] = [];
  let text = '';
  for (const segment of path) {
    if ('text' in segment) text += segment.text;
    else {
      pieces.push(jsString(`${text}/`), segment.index);
      text = '';
    }
  }
  if (pieces.length === 0) return { fixed: text + tail };
  if (text + tail) pieces.push(jsString(text + tail));
  return { expression: pieces.join(' + ') };
}

/** A constant's name from its message: `TITLE_IS_REQUIRED`, `BODY_MUST_BE_AN_OBJECT`, `ERROR_CODE_MUST_BE_ONE_OF`. */
function messageName(text: string): string {
  const words = text.replace(/^The body/, 'body').split(/\s+/);
  return words.slice(0, words.indexOf('must') >= 0 ? words.indexOf('must') + 4 : 6).join(' ');
}

/** The message for `problem` at `path`: a named constant when the path is fixed, else a concatenation. */
function message(ctx: GenContext, path: Path, problem: string): string {
  const pointer = pointerOf(path, ` ${problem}`);
  if ('expression' in pointer) return pointer.expression;
  const text = path.length === 0 ? `The body ${problem}` : pointer.fixed;
  return ctx.constant(messageName(text), text);
}

/** The range checks of a value already of the right kind (length, bounds, item count). */
function rangeChecks(node: SchemaNode, v: string): Array<{ test: string; problem: string }> {
  const checks: Array<{ test: string; problem: string }> = [];
  if (node.kind === 'string') {
    const { minLength: min, maxLength: max } = node;
    if (min !== undefined && max !== undefined) checks.push({ test: `${v}.length < ${min} || ${v}.length > ${max}`, problem: `must be ${min} to ${max} characters long` });
    else if (min !== undefined) checks.push({ test: `${v}.length < ${min}`, problem: `must be at least ${count(min, 'character')} long` });
    else if (max !== undefined) checks.push({ test: `${v}.length > ${max}`, problem: `must be at most ${count(max, 'character')} long` });
  }
  if (node.kind === 'integer' || node.kind === 'number') {
    if (node.minimum !== undefined) checks.push({ test: `${v} < ${node.minimum}`, problem: `must be at least ${node.minimum}` });
    if (node.exclusiveMinimum !== undefined) checks.push({ test: `${v} <= ${node.exclusiveMinimum}`, problem: `must be greater than ${node.exclusiveMinimum}` });
    if (node.maximum !== undefined) checks.push({ test: `${v} > ${node.maximum}`, problem: `must be at most ${node.maximum}` });
    if (node.exclusiveMaximum !== undefined) checks.push({ test: `${v} >= ${node.exclusiveMaximum}`, problem: `must be less than ${node.exclusiveMaximum}` });
  }
  if (node.kind === 'array') {
    if (node.minItems !== undefined) checks.push({ test: `${v}.length < ${node.minItems}`, problem: `must have at least ${count(node.minItems, 'item')}` });
    if (node.maxItems !== undefined) checks.push({ test: `${v}.length > ${node.maxItems}`, problem: `must have at most ${count(node.maxItems, 'item')}` });
  }
  return checks;
}

/** The statements checking the value in variable `v` (of type unknown) against `node`, indented by `pad`. */
function checks(ctx: GenContext, scope: Scope, node: SchemaNode, v: string, path: Path, pad: string): string[] {
  const fail = (problem: string) => `return ${message(ctx, path, problem)};`;
  const lines: string[] = [];
  const kindTest: Record<string, [string, string]> = {
    string: [`typeof ${v} !== 'string'`, 'must be a string'],
    integer: [`typeof ${v} !== 'number' || !Number.isInteger(${v})`, 'must be an integer'],
    number: [`typeof ${v} !== 'number' || !Number.isFinite(${v})`, 'must be a number'],
    boolean: [`typeof ${v} !== 'boolean'`, 'must be true or false'],
    array: [`!Array.isArray(${v})`, 'must be an array'],
    object: [`!${ctx.runtime('isRecord')}(${v})`, 'must be an object'],
  };
  if (node.kind === 'literal') {
    lines.push(`${pad}if (${v} !== ${literal(node.value)}) ${fail(`must be ${JSON.stringify(node.value)}`)}`);
    return lines;
  }
  if (node.kind === 'enum') {
    const test = node.values.map((value) => `${v} !== ${literal(value)}`).join(' && ');
    lines.push(`${pad}if (${test}) ${fail(`must be one of ${node.values.map((value) => JSON.stringify(value)).join(', ')}`)}`);
    return lines;
  }
  const [test, problem] = kindTest[node.kind];
  lines.push(`${pad}if (${test}) ${fail(problem)}`);
  for (const range of rangeChecks(node, v)) lines.push(`${pad}if (${range.test}) ${fail(range.problem)}`);
  if (node.kind === 'array') {
    const i = `i${scope.vars++}`;
    const item = `v${scope.vars++}`;
    lines.push(`${pad}for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {`, `${pad}  const ${item}: unknown = ${v}[${i}];`);
    lines.push(...checks(ctx, scope, node.items, item, [...path, { index: i }], `${pad}  `));
    lines.push(`${pad}}`);
  }
  if (node.kind === 'object') {
    for (const property of node.properties) {
      const pv = `v${scope.vars++}`;
      // A key Object.prototype also has ("constructor", "toString") is read only when the value owns it.
      const read = property.key in Object.prototype ? `(Object.hasOwn(${v}, ${JSON.stringify(property.key)}) ? ${member(v, property.key)} : undefined)` : member(v, property.key);
      const at = [...path, { text: `/${pointerToken(property.key)}` }];
      lines.push(`${pad}const ${pv} = ${read};`);
      if (property.required) {
        lines.push(`${pad}if (${pv} === undefined) return ${message(ctx, at, 'is required')};`);
        lines.push(...checks(ctx, scope, property.node, pv, at, pad));
      } else {
        lines.push(`${pad}if (${pv} !== undefined) {`, ...checks(ctx, scope, property.node, pv, at, `${pad}  `), `${pad}}`);
      }
    }
    if (!node.additionalProperties) {
      const known = node.properties.map((p) => `key !== ${jsString(p.key)}`).join(' && ') || 'true';
      const pointer = pointerOf(path, '/');
      const prefix = 'fixed' in pointer ? jsString(pointer.fixed) : pointer.expression;
      lines.push(`${pad}for (const key in ${v}) if (${known}) return ${prefix} + ${ctx.runtime('pointerToken')}(key) + ' is not allowed';`);
    }
  }
  return lines;
}

export function emitValidator(ctx: GenContext, type: RegisteredType): void {
  const body = checks(ctx, { vars: 0 }, type.node, 'value', [], '  ');
  ctx.add(`export function ${type.validator}(value: unknown): string | undefined {\n${body.join('\n')}\n  return undefined;\n}`);
}
