/**
 * Step 2 — generated serializers write exactly what JSON.stringify writes. For every registered type, and
 * for the test-only schemas (nested arrays, optional-first objects, unions, closed and empty objects),
 * fast-check values full of JSON's hard cases go through the generated function and through
 * JSON.stringify; the two texts must be identical.
 */
import fc from 'fast-check';
import { describeSchema } from '@hotpath/codegen';
import { afterAll, describe, expect, it } from 'vitest';
import { valueOf } from './support/arbitraries.ts';
import { generateFor, loadEmitters, loadGenerated, once, removeScratch, type GeneratedModules } from './support/generated.ts';
import { testRegistry } from './support/schemas.ts';

const RUNS = 400;

/** The API's body types, by the names lab 02 registers them under. */
const API_TYPES = ['Todo', 'TodoList', 'CreateTodo', 'IngestEvent', 'IngestAccepted', 'ErrorBody', 'Health'];

/** Checks `serialize(value) === JSON.stringify(value)` on values of `schema`'s shape. */
function sameAsJsonStringify(name: string, schemaOf: () => Promise<unknown>, modules: () => Promise<GeneratedModules>) {
  it(`serialize${name} writes what JSON.stringify writes`, async () => {
    const schema = await schemaOf();
    if (schema === undefined) throw new Error(`Register ${name} in src/registry.ts (its schema is schemas.${name} in @hotpath/api/schemas)`);
    const node = describeSchema(name, schema);
    const serialize = (await modules()).serializers[`serialize${name}`];
    expect(serialize, `Export serialize${name} from src/generated/serializers.ts: emitSerializer must declare \`export function serialize${name}(value: ${name}): string\``).toBeTypeOf('function');
    fc.assert(
      fc.property(valueOf(node), (value) => {
        const mine = serialize(value);
        const expected = JSON.stringify(value);
        if (mine !== expected) {
          throw new Error(`serialize${name} wrote ${JSON.stringify(mine)}\nJSON.stringify wrote ${JSON.stringify(expected)}\nMake the generated code write exactly JSON.stringify's text for this value`);
        }
      }),
      { numRuns: RUNS },
    );
  });
}

describe('serializers of the registered types', () => {
  const modules = once(loadGenerated);
  const registry = once(async () => (await loadEmitters()).registry);
  for (const name of API_TYPES) sameAsJsonStringify(name, async () => (await registry())[name], modules);

  it('writes the edge cases exactly', async () => {
    const { serializers } = await modules();
    const todo = serializers.serializeTodo;
    expect(todo({ id: -0, title: 'a"b\\c\n\u0000\ud800😀é', isComplete: true })).toBe(JSON.stringify({ id: -0, title: 'a"b\\c\n\u0000\ud800😀é', isComplete: true }));
    expect(todo({ id: 1e21, title: '', isComplete: false })).toBe('{"id":1e+21,"title":"","isComplete":false}');
    expect(todo({ id: NaN, title: 'x', isComplete: false }), 'NaN and Infinity are written as null, like JSON.stringify').toBe('{"id":null,"title":"x","isComplete":false}');
    const create = serializers.serializeCreateTodo;
    expect(create({ title: 't' }), 'Leave out an optional property that is absent').toBe('{"title":"t"}');
    expect(create({ title: 't', isComplete: undefined }), 'Leave out an optional property that is undefined').toBe('{"title":"t"}');
    expect(serializers.serializeTodoList([]), 'An empty array is []').toBe('[]');
  });
});

describe('serializers of other schemas (nested arrays, optional first, unions, closed and empty objects)', () => {
  const modules = once(() => generateFor(testRegistry));
  afterAll(removeScratch);
  for (const [name, schema] of Object.entries(testRegistry)) sameAsJsonStringify(name, async () => schema, modules);
});
