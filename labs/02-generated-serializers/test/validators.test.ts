/**
 * Step 3 — generated validators accept exactly what the schema allows, and say where a value is wrong.
 * TypeBox's own checker (Value.Check, which walks the schema at run time: the reflection this lab removes
 * from the server) is the oracle: on values JSON.parse could return, mostly valid and sometimes wrong in
 * one place, the generated validator must give the same verdict, and its message must start with a path
 * TypeBox also reports.
 */
import fc from 'fast-check';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { describeSchema } from '@hotpath/codegen';
import { afterAll, describe, expect, it } from 'vitest';
import { nearlyValid } from './support/arbitraries.ts';
import { generateFor, loadEmitters, loadGenerated, once, removeScratch, type GeneratedModules } from './support/generated.ts';
import { testRegistry } from './support/schemas.ts';

const RUNS = 600;

/** The pointer a message starts with ('' for "The body …"). */
const pointerOf = (message: string) => (message.startsWith('The body ') ? '' : message.split(' ')[0]);

function agreesWithTypeBox(name: string, schemaOf: () => Promise<unknown>, modules: () => Promise<GeneratedModules>) {
  it(`validate${name} accepts exactly what the schema allows`, async () => {
    const schema = await schemaOf();
    if (schema === undefined) throw new Error(`Register ${name} in src/registry.ts`);
    const validate = (await modules()).validators[`validate${name}`];
    expect(validate, `Export validate${name} from the generated validators: emitValidator must declare \`export function validate${name}(value: unknown): string | undefined\``).toBeTypeOf('function');
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(nearlyValid(describeSchema(name, schema)), (generated) => {
        const value: unknown = generated === undefined ? undefined : JSON.parse(JSON.stringify(generated));
        const problem = validate(value);
        const allowed = Value.Check(schema as TSchema, value);
        if (allowed) valid++;
        else invalid++;
        if (allowed && problem !== undefined) throw new Error(`validate${name} refused ${JSON.stringify(value)} with "${problem}", but the schema allows it`);
        if (!allowed && problem === undefined) {
          const first = [...Value.Errors(schema as TSchema, value)][0];
          throw new Error(`validate${name} accepted ${JSON.stringify(value)}, but the schema does not: ${first?.path || '(the body)'} ${first?.message}`);
        }
        if (problem !== undefined) {
          const paths = [...Value.Errors(schema as TSchema, value)].map((e) => e.path);
          const at = pointerOf(problem);
          const related = paths.some((p) => p === at || p.startsWith(`${at}/`) || at.startsWith(`${p}/`) || (at === '' && p === ''));
          if (!related) throw new Error(`validate${name} said "${problem}" for ${JSON.stringify(value)}; start the message with the JSON Pointer of the wrong value (the schema finds problems at ${paths.join(', ')})`);
        }
      }),
      { numRuns: RUNS },
    );
    expect(Math.min(valid, invalid), 'The generated values should be both valid and invalid (test self-check)').toBeGreaterThan(RUNS / 50);
  });
}

describe('validators of the registered types', () => {
  const modules = once(loadGenerated);
  const registry = once(async () => (await loadEmitters()).registry);
  for (const name of ['CreateTodo', 'IngestEvent', 'Todo', 'TodoList', 'IngestAccepted', 'ErrorBody', 'Health']) {
    agreesWithTypeBox(name, async () => (await registry())[name], modules);
  }

  it('names the wrong value by its path', async () => {
    const { validateCreateTodo, validateIngestEvent } = (await modules()).validators;
    expect(validateCreateTodo({ title: 5 }), 'Report a wrong type as "<path> must be a string"').toBe('/title must be a string');
    expect(validateCreateTodo({}), 'Report a missing required property as "<path> is required"').toBe('/title is required');
    expect(validateCreateTodo([]), 'Report a body that is not an object as "The body must be an object"').toBe('The body must be an object');
    expect(validateIngestEvent({ itemCount: 1.5, timestamp: 1 })).toBe('/itemCount must be an integer');
    expect(validateIngestEvent({ itemCount: 2, timestamp: 0 })).toBe('/timestamp must be at least 1');
    expect(validateIngestEvent({ itemCount: 2, timestamp: 1, extra: [1, { deep: true }] }), 'Ignore properties the schema does not name').toBeUndefined();
  });
});

describe('validators of other schemas', () => {
  const modules = once(() => generateFor(testRegistry));
  afterAll(removeScratch);
  for (const [name, schema] of Object.entries(testRegistry)) agreesWithTypeBox(name, async () => schema, modules);

  it('puts array indexes in the path', async () => {
    const { validateOrder } = (await modules()).validators;
    const order = { id: 1, items: [{ sku: 'a', qty: 1 }, { sku: 'b', qty: 2 }, { sku: 'c', qty: 1.5 }], grid: [[1], [2, 'x']], priority: 'low', meta: { source: 's', strict: true }, empty: {} };
    expect(validateOrder(order)).toBe('/items/2/qty must be an integer');
    expect(validateOrder({ ...order, items: [] }), 'The path of a value inside nested arrays names both indexes').toBe('/grid/1/1 must be a number');
    expect(validateOrder({ ...order, items: [], grid: [], meta: { source: 's', strict: true, more: 1 } }), 'additionalProperties: false refuses an unknown key').toBe('/meta/more is not allowed');
  });
});
