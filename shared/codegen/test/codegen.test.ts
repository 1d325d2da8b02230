/** The generator's plumbing: schema reading and its refusals, the context's constants and names, rendering and drift detection. */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { GenContext, constantCase, describeSchema, jsString, renderEach, renderFiles, shapeKey, staleFiles, writeFiles, type Generator } from '../src/index.ts';

describe('describeSchema', () => {
  it('reads TypeBox objects, arrays, optionals, literals and unions with their TypeScript types', () => {
    const node = describeSchema(
      'Order',
      Type.Object({
        id: Type.Integer({ minimum: 1 }),
        tags: Type.Array(Type.String()),
        note: Type.Optional(Type.String()),
        kind: Type.Union([Type.Literal('a'), Type.Literal('b')]),
        ok: Type.Literal(true),
      }),
    );
    expect(node.kind).toBe('object');
    if (node.kind !== 'object') return;
    expect(node.properties.map((p) => [p.key, p.required, p.node.kind])).toEqual([
      ['id', true, 'integer'],
      ['tags', true, 'array'],
      ['note', false, 'string'],
      ['kind', true, 'enum'],
      ['ok', true, 'literal'],
    ]);
    const tags = node.properties[1]?.node;
    expect(tags?.kind === 'array' && tags.items.tsType).toBe('Order["tags"][number]');
    expect(node.additionalProperties).toBe(true);
  });

  it.each([
    [Type.String({ pattern: '^a' }), /"pattern"/],
    [Type.Union([Type.String(), Type.Number()]), /unions of literals/],
    [{ $ref: 'Other' }, /\$ref/],
    [Type.Object({ a: Type.String() }, { additionalProperties: Type.String() }), /additionalProperties/],
    [{ type: 'null' }, /unsupported or missing "type"/],
  ])('refuses what it cannot generate (%#), naming where', (schema, problem) => {
    expect(() => describeSchema('Thing', schema)).toThrow(problem);
    expect(() => describeSchema('Thing', schema)).toThrow(/^Thing/);
  });

  it('gives equal shapes equal keys, whatever their names', () => {
    const a = describeSchema('A', Type.Object({ x: Type.Number() }));
    const b = describeSchema('B', Type.Object({ x: Type.Number() }));
    expect(shapeKey(a)).toBe(shapeKey(b));
    expect(shapeKey(a)).not.toBe(shapeKey(describeSchema('C', Type.Object({ y: Type.Number() }))));
  });
});

describe('GenContext', () => {
  it('names constants in CONSTANT_CASE and gives one value one constant', () => {
    const ctx = new GenContext({ file: 'x.ts', purpose: 'test.' });
    expect(ctx.constant('Todo isComplete', ',"isComplete":')).toBe('TODO_IS_COMPLETE');
    expect(ctx.constant('other name', ',"isComplete":')).toBe('TODO_IS_COMPLETE');
    expect(ctx.constant('Todo isComplete', 'different')).toBe('TODO_IS_COMPLETE2');
    expect(ctx.render()).toContain(`const TODO_IS_COMPLETE = ',"isComplete":';`);
  });

  it('emits a function per shape once, and returns a reserved name without emitting', () => {
    const ctx = new GenContext({ file: 'x.ts', purpose: 'test.' });
    const todo = describeSchema('Todo', Type.Object({ id: Type.Integer() }));
    const line = describeSchema('Line', Type.Object({ qty: Type.Integer() }));
    ctx.reserve(todo, 'serializeTodo');
    let emitted = 0;
    const emit = (name: string) => (emitted++, `function ${name}() {}`);
    expect(ctx.functionFor(todo, 'serializeOther', emit)).toBe('serializeTodo');
    expect(ctx.functionFor(line, 'serializeLine', emit)).toBe('serializeLine');
    expect(ctx.functionFor(line, 'serializeLine', emit)).toBe('serializeLine');
    expect(emitted).toBe(1);
  });

  it('writes the header, the imports, the constants and the declarations, deterministically', () => {
    const make = () => {
      const ctx = new GenContext({ file: 'x.ts', purpose: 'a test file.' });
      ctx.runtime('quote');
      ctx.type(describeSchema('Todo', Type.Object({})));
      ctx.constant('a', 'A');
      ctx.add('export function f() {}');
      return ctx.render();
    };
    const text = make();
    expect(text).toMatch(/^\/\*\*\n \* GENERATED .*a test file\.\n \* Do not edit/);
    expect(text).toContain("import { quote } from '../json-runtime.ts';");
    expect(text).toContain("import type { Todo } from './types.ts';");
    expect(text).toBe(make());
  });

  it('writes literals that read well and mean the same', () => {
    for (const value of ['plain', "it's", 'back\\slash', 'line\nbreak', 'é😀\u2028', '\ud800']) {
      const literal = jsString(value);
      expect(/^'[\x20-\x7e]*'$/.test(literal), literal).toBe(true);
      expect(new Function(`return ${literal}`)()).toBe(value);
    }
    expect(constantCase('ErrorBody.error message')).toBe('ERROR_BODY_ERROR_MESSAGE');
  });
});

describe('renderFiles and drift', () => {
  const generator: Generator = {
    registry: { Point: Type.Object({ x: Type.Number() }) },
    emitSerializer: (ctx, type) =>
      ctx.add(`export function ${type.serializer}(value: ${ctx.type(type.node)}): string {\n  return ${ctx.constant('open', '{"x":')} + value.x + '}';\n}`),
    emitValidator: (ctx, type) => ctx.add(`export function ${type.validator}(value: unknown): string | undefined {\n  return undefined;\n}`),
  };

  it('renders the four files, with the context of every registered type', () => {
    const files = renderFiles(generator);
    expect(Object.keys(files).sort()).toEqual(['json-context.ts', 'serializers.ts', 'types.ts', 'validators.ts']);
    expect(files['json-context.ts']).toContain("Point: { name: 'Point', serialize: serializePoint, validate: validatePoint }");
    expect(files['types.ts']).toContain('export type Point = Static<(typeof registry)["Point"]>;');
  });

  it('refuses an emitter that forgets a function, or builds code at run time', () => {
    expect(() => renderFiles({ ...generator, emitSerializer: () => {} })).toThrow(/emitSerializer did not declare `export function serializePoint/);
    expect(() => renderFiles({ ...generator, emitValidator: (ctx, t) => ctx.add(`export function ${t.validator}() { return new Function('')(); }`) })).toThrow(
      /new Function or eval/,
    );
    expect(() => renderFiles({ ...generator, registry: { point: Type.Object({}) } })).toThrow(/PascalCase/);
  });

  it('renders the files of the emitters that work, and says why the others are missing', () => {
    const todo = () => {
      throw new Error('TODO(step 3): write emitValidator');
    };
    const { files, failures } = renderEach({ ...generator, emitValidator: todo });
    expect(Object.keys(files).sort()).toEqual(['serializers.ts', 'types.ts']);
    expect(failures['validators.ts']).toBe('TODO(step 3): write emitValidator');
    expect(failures['json-context.ts']).toMatch(/both emitters/);
    expect(() => renderFiles({ ...generator, emitValidator: todo }), 'renderFiles still wants every file').toThrow(/TODO\(step 3\)/);
  });

  it('keeps the files of a failing emitter as they are when writing the others', () => {
    const src = mkdtempSync(join(tmpdir(), 'hotpath-codegen-'));
    try {
      writeFiles(src, renderFiles(generator));
      const { files, failures } = renderEach({ ...generator, emitValidator: () => {} });
      expect(writeFiles(src, files, Object.keys(failures))).toEqual([]);
      expect(staleFiles(src, files, Object.keys(failures))).toEqual([]);
      expect(staleFiles(src, files), 'without keep, the failed files count as left over').toEqual(['json-context.ts', 'validators.ts']);
    } finally {
      rmSync(src, { recursive: true, force: true });
    }
  });

  it('finds stale, missing and left-over files, and writes only those', () => {
    const src = mkdtempSync(join(tmpdir(), 'hotpath-codegen-'));
    try {
      const files = renderFiles(generator);
      expect(staleFiles(src, files)).toEqual(Object.keys(files).sort());
      expect(writeFiles(src, files).length).toBe(4);
      expect(staleFiles(src, files)).toEqual([]);
      writeFileSync(join(src, 'generated', 'types.ts'), '// edited by hand\n');
      mkdirSync(join(src, 'generated'), { recursive: true });
      writeFileSync(join(src, 'generated', 'old.ts'), '');
      expect(staleFiles(src, files)).toEqual(['old.ts', 'types.ts']);
      expect(writeFiles(src, files)).toEqual(['old.ts', 'types.ts']);
      expect(staleFiles(src, files)).toEqual([]);
    } finally {
      rmSync(src, { recursive: true, force: true });
    }
  });
});
