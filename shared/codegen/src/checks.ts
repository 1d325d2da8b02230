/**
 * The schema walk of a validator, given to lab 02's emitters: `validatorBody(ctx, node, checksOf)` writes
 * the statements of a function checking `value` (what JSON.parse returned) against `node`. The walk does
 * the structure — reads each property into a variable, answers "is required" for a missing required one,
 * skips an absent optional one, loops over arrays with the index in the path, refuses unknown keys when
 * `additionalProperties` is false — and the emitter's `checksOf` says how one value is checked: its kind
 * (`typeof v !== 'string'`), then its bounds. A failing check returns `<JSON Pointer> <problem>`: a named
 * constant when the path is fixed (`/title must be a string`), a concatenation with the array indexes,
 * built only on the failing path, when not (`'/items/' + i0 + '/qty must be an integer'`).
 */
import type { GenContext } from './context.ts';
import { jsString } from './context.ts';
import type { SchemaNode } from './schema.ts';

/** One check of the value in variable `v`: `test` is true when the value is wrong; `problem` follows the path ('must be a string'). */
export interface Check {
  test: string;
  problem: string;
}

/** What a validator emitter says about one value: its checks, in order (the kind first). */
export type ChecksOf = (ctx: GenContext, node: SchemaNode, v: string) => Check[];

/** A JSON Pointer being built: fixed text and the names of loop variables holding array indexes. */
type Path = ReadonlyArray<{ text: string } | { index: string }>;

/** A property name as a JSON Pointer segment (RFC 6901), at build time. */
const pointerToken = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** JavaScript property access on a record: `v.title`, or `v["a-b"]`. */
const member = (target: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${target}.${key}` : `${target}[${JSON.stringify(key)}]`);

/** The pointer of `path` followed by `tail`: fixed text when the path has no index, else an expression. */
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

/** The message for `problem` at `path`: a named constant when the path is fixed ("The body …" at the root), else a concatenation. */
function message(ctx: GenContext, path: Path, problem: string): string {
  const pointer = pointerOf(path, ` ${problem}`);
  if ('expression' in pointer) return pointer.expression;
  const text = path.length === 0 ? `The body ${problem}` : pointer.fixed;
  return ctx.constant(messageName(text), text);
}

interface Walk {
  ctx: GenContext;
  checksOf: ChecksOf;
  /** Fresh variable names: v0, i1, … */
  vars: number;
}

/** The statements checking the value in variable `v` against `node`, indented by `pad`. */
function statements(walk: Walk, node: SchemaNode, v: string, path: Path, pad: string): string[] {
  const { ctx } = walk;
  const lines = walk.checksOf(ctx, node, v).map((check) => `${pad}if (${check.test}) return ${message(ctx, path, check.problem)};`);
  if (node.kind === 'array') {
    const i = `i${walk.vars++}`;
    const item = `v${walk.vars++}`;
    lines.push(`${pad}for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {`, `${pad}  const ${item}: unknown = ${v}[${i}];`);
    lines.push(...statements(walk, node.items, item, [...path, { index: i }], `${pad}  `));
    lines.push(`${pad}}`);
  }
  if (node.kind === 'object') {
    for (const property of node.properties) {
      const pv = `v${walk.vars++}`;
      // A key Object.prototype also has ("constructor", "toString") is read only when the value owns it.
      const read =
        property.key in Object.prototype
          ? `(Object.hasOwn(${v}, ${JSON.stringify(property.key)}) ? ${member(v, property.key)} : undefined)`
          : member(v, property.key);
      const at = [...path, { text: `/${pointerToken(property.key)}` }];
      lines.push(`${pad}const ${pv} = ${read};`);
      if (property.required) {
        lines.push(`${pad}if (${pv} === undefined) return ${message(ctx, at, 'is required')};`);
        lines.push(...statements(walk, property.node, pv, at, pad));
      } else {
        lines.push(`${pad}if (${pv} !== undefined) {`, ...statements(walk, property.node, pv, at, `${pad}  `), `${pad}}`);
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

/**
 * The body of a validator of `node` for its parameter `value`: every check, then `return undefined;`.
 * `checksOf(ctx, node, v)` gives the checks of one value (the variable `v`) — the walk calls it for the
 * value itself, each property and each array item, and descends into objects and arrays after them, so an
 * object's or array's own checks must make sure it is one first (`!isRecord(v)`, `!Array.isArray(v)`).
 */
export function validatorBody(ctx: GenContext, node: SchemaNode, checksOf: ChecksOf): string {
  const walk: Walk = { ctx, checksOf, vars: 0 };
  return [...statements(walk, node, 'value', [], '  '), '  return undefined;'].join('\n');
}
