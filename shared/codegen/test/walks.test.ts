/** The given schema walks: jsonParts() for serializers (and writers), validatorBody() for validators. */
import { Type } from '@sinclair/typebox';
import ts from 'typescript';
import { assert, describe, expect, it } from 'vitest';
import { GenContext, describeSchema, jsonParts, pascalName, validatorBody, type Check, type ChecksOf, type JsonPart } from '../src/index.ts';

const Todo = describeSchema('Todo', Type.Object({ id: Type.Integer(), title: Type.String(), isComplete: Type.Boolean() }));

describe('jsonParts', () => {
  it('cuts an object into named fixed texts and the values read at run time', () => {
    expect(jsonParts(Todo, 'value')).toEqual<JsonPart[]>([
      { kind: 'text', text: '{"id":', name: 'Todo.id' },
      { kind: 'number', value: 'value.id' },
      { kind: 'text', text: ',"title":', name: 'Todo.title' },
      { kind: 'string', value: 'value.title' },
      { kind: 'text', text: ',"isComplete":', name: 'Todo.isComplete' },
      { kind: 'boolean', value: 'value.isComplete', name: 'Todo.isComplete' },
      { kind: 'text', text: '}', name: 'Todo end' },
    ]);
  });

  it('flattens nested objects and literals into one text, and leaves arrays to a function of their own', () => {
    const node = describeSchema(
      'Body',
      Type.Object({
        error: Type.Object({ ok: Type.Literal(true), code: Type.Union([Type.Literal('a'), Type.Literal('b')]) }),
        list: Type.Array(Type.Number()),
      }),
    );
    const parts = jsonParts(node, 'value');
    expect(parts.slice(0, 3)).toEqual([
      { kind: 'text', text: '{"error":{"ok":true,"code":', name: 'Body.error' },
      { kind: 'string', value: 'value.error.code' },
      { kind: 'text', text: '},"list":', name: 'Body.error end' },
    ]);
    expect(parts[3]).toMatchObject({ kind: 'array', value: 'value.list', node: { kind: 'array', where: 'Body.list' } });
    expect(jsonParts(describeSchema('E', Type.Object({})), 'value')).toEqual([{ kind: 'text', text: '{}', name: 'E' }]);
    expect(jsonParts(describeSchema('N', Type.Union([Type.Literal(1), Type.Literal(2)])), 'v')).toEqual([{ kind: 'number', value: 'v' }]);
    expect(() => jsonParts(describeSchema('M', Type.Union([Type.Literal(1), Type.Literal('a')])), 'v')).toThrow(/different types/);
  });

  it('gives an optional property its own parts, with the comma known now when a required property came before', () => {
    const node = describeSchema('CreateTodo', Type.Object({ title: Type.String(), isComplete: Type.Optional(Type.Boolean()) }));
    expect(jsonParts(node, 'value')).toEqual([
      { kind: 'text', text: '{"title":', name: 'CreateTodo.title' },
      { kind: 'string', value: 'value.title' },
      {
        kind: 'optional',
        value: 'value.isComplete',
        parts: [
          { kind: 'text', text: ',"isComplete":', name: 'CreateTodo.isComplete' },
          { kind: 'boolean', value: 'value.isComplete', name: 'CreateTodo.isComplete' },
        ],
      },
      { kind: 'text', text: '}', name: 'CreateTodo end' },
    ]);
  });

  it('leaves the comma to run time after optional properties only', () => {
    const node = describeSchema('Flags', Type.Object({ a: Type.Optional(Type.Boolean()), b: Type.Optional(Type.Integer()), 'c-d': Type.String() }));
    const parts = jsonParts(node, 'value');
    expect(parts[0]).toEqual({ kind: 'text', text: '{', name: 'Flags.a' });
    expect(parts[2]).toEqual({
      kind: 'optional',
      value: 'value.b',
      parts: [
        { kind: 'comma', ifAnyDefined: ['value.a'] },
        { kind: 'text', text: '"b":', name: 'Flags.b' },
        { kind: 'number', value: 'value.b' },
      ],
    });
    expect(parts.slice(3)).toEqual([
      { kind: 'comma', ifAnyDefined: ['value.a', 'value.b'] },
      { kind: 'text', text: '"c-d":', name: 'Flags.c-d' },
      { kind: 'string', value: 'value["c-d"]' },
      { kind: 'text', text: '}', name: 'Flags end' },
    ]);
  });

  it('names a node for function names', () => {
    const node = describeSchema('Order', Type.Object({ grid: Type.Array(Type.Array(Type.Number())) }));
    const grid = node.kind === 'object' ? node.properties[0]?.node : node;
    assert(grid, 'describeSchema should keep the grid property');
    expect(pascalName(grid)).toBe('OrderGrid');
    expect(grid.kind === 'array' && pascalName(grid.items)).toBe('OrderGridItem');
  });
});

/** A minimal checksOf: the kind of each value, and a minimum. */
const checksOf: ChecksOf = (ctx, node, v) => {
  const checks: Check[] = [];
  if (node.kind === 'object') checks.push({ test: `!${ctx.runtime('isRecord')}(${v})`, problem: 'must be an object' });
  if (node.kind === 'array') checks.push({ test: `!Array.isArray(${v})`, problem: 'must be an array' });
  if (node.kind === 'integer') checks.push({ test: `!Number.isInteger(${v})`, problem: 'must be an integer' });
  if (node.kind === 'integer' && node.minimum !== undefined) checks.push({ test: `${v} < ${node.minimum}`, problem: `must be at least ${node.minimum}` });
  return checks;
};

/** The validator `validatorBody` writes for `schema`, as a function (its TypeScript stripped). */
function validatorOf(schema: unknown): { source: string; validate: (value: unknown) => string | undefined } {
  const ctx = new GenContext({ file: 'validators.ts', purpose: 'test.' });
  const body = validatorBody(ctx, describeSchema('Order', schema), checksOf);
  const source = `${ctx.render()}\nexport function validateOrder(value: unknown): string | undefined {\n${body}\n}\n`;
  const script = source.replace(/^import .*$/gm, '').replace(/^export /gm, '');
  const js = ts.transpile(script, { target: ts.ScriptTarget.ES2022 });
  const isRecord = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  const pointerToken = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
  return { source, validate: new Function('isRecord', 'pointerToken', `${js}\nreturn validateOrder;`)(isRecord, pointerToken) };
}

describe('validatorBody', () => {
  const schema = Type.Object({
    id: Type.Integer({ minimum: 1 }),
    lines: Type.Array(Type.Object({ qty: Type.Integer() })),
    note: Type.Optional(Type.Integer()),
    meta: Type.Object({ a: Type.Integer() }, { additionalProperties: false }),
  });
  const { source, validate } = validatorOf(schema);
  const ok = { id: 1, lines: [{ qty: 1 }], meta: { a: 1 } };

  it('answers undefined for a valid value, and the first problem with its path', () => {
    expect(validate(ok)).toBeUndefined();
    expect(validate([])).toBe('The body must be an object');
    expect(validate({ ...ok, id: undefined })).toBe('/id is required');
    expect(validate({ ...ok, id: 0 })).toBe('/id must be at least 1');
    expect(validate({ ...ok, lines: [{ qty: 1 }, { qty: 1.5 }] })).toBe('/lines/1/qty must be an integer');
    expect(validate({ ...ok, note: 'x' })).toBe('/note must be an integer');
    expect(validate({ ...ok, meta: { a: 1, 'b/c': 2 } })).toBe('/meta/b~1c is not allowed');
    expect(validate({ ...ok, extra: true }), 'other properties are ignored unless additionalProperties is false').toBeUndefined();
  });

  it('keeps fixed messages in named constants, and builds the others only on the failing path', () => {
    expect(source).toContain("const ID_IS_REQUIRED = '/id is required';");
    expect(source).toContain("const BODY_MUST_BE_AN_OBJECT = 'The body must be an object';");
    expect(source).toMatch(/return '\/lines\/' \+ i\d+ \+ '\/qty must be an integer';/);
    expect(source).toMatch(/return undefined;\n}\n$/);
  });
});
