/**
 * Step 2 — generated serializers write exactly what JSON.stringify writes. For every registered type of the
 * API, fast-check values full of JSON's hard cases go through the generated function and through
 * JSON.stringify; the two texts must be identical. The fixed text is in named constants. (Schemas the API
 * does not use — nested arrays, optional properties first, empty objects — are in going-further/.)
 */
import { readFileSync } from 'node:fs';
import { labSourcePath } from '@hotpath/workshop/paths';
import { describe, expect, it } from 'vitest';
import { loadEmitters, loadGenerated, once } from './support/generated.ts';
import { API_TYPES, sameAsJsonStringify } from './support/oracles.ts';

describe('serializers of the registered types', () => {
  const serializers = once(() => loadGenerated('serializers.ts'));
  const registry = once(async () => (await loadEmitters()).registry);
  for (const name of API_TYPES) sameAsJsonStringify(name, async () => (await registry())[name], serializers);

  it('writes the edge cases exactly', async () => {
    const { serializeTodo: todo, serializeCreateTodo: create, serializeTodoList: list } = await serializers();
    expect(todo, 'Register Todo, CreateTodo and TodoList, and emit their serializers').toBeTypeOf('function');
    expect(todo({ id: -0, title: 'a"b\\c\n\u0000\ud800😀é', isComplete: true })).toBe(
      JSON.stringify({ id: -0, title: 'a"b\\c\n\u0000\ud800😀é', isComplete: true }),
    );
    expect(todo({ id: 1e21, title: '', isComplete: false })).toBe('{"id":1e+21,"title":"","isComplete":false}');
    expect(todo({ id: NaN, title: 'x', isComplete: false }), 'NaN and Infinity are written as null, like JSON.stringify').toBe(
      '{"id":null,"title":"x","isComplete":false}',
    );
    expect(create({ title: 't' }), 'Leave out an optional property that is absent').toBe('{"title":"t"}');
    expect(create({ title: 't', isComplete: undefined }), 'Leave out an optional property that is undefined').toBe('{"title":"t"}');
    expect(create({ title: 't', isComplete: true }), 'Write an optional property that is set, after a comma').toBe('{"title":"t","isComplete":true}');
    expect(list([]), 'An empty array is []').toBe('[]');
  });

  it('keeps fixed text in named constants', async () => {
    await serializers();
    const text = readFileSync(labSourcePath('generated/serializers.ts'), 'utf8');
    expect(text, 'Emit property names and punctuation as module-level constants (ctx.constant), e.g. const TODO_ID = \'{"id":\'').toMatch(
      /^const [A-Z][A-Z0-9_]* = '/m,
    );
    expect(text, 'Write each property name once, in a constant: "id": must not be written inside a function').not.toMatch(/^[ \t]+.*'[^']*"id":/m);
    expect(text, 'The serializers must not fall back to JSON.stringify for whole values').not.toMatch(/JSON\.stringify\(value/);
  });
});
