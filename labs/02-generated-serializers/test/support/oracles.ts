/**
 * The two property tests of lab 02, shared by the core tests (the API's types) and going-further/ (schemas
 * the API does not use): a generated serializer must write exactly what JSON.stringify writes, and a
 * generated validator must judge exactly as TypeBox's own checker (Value.Check, which walks the schema at
 * run time: the reflection this lab removes from the server) and name a path TypeBox also reports.
 */
import fc from 'fast-check';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { describeSchema } from '@hotpath/codegen';
import { expect, it } from 'vitest';
import { nearlyValid, valueOf } from './arbitraries.ts';
import type { Module } from './generated.ts';

/** The API's body types, by the names lab 02 registers them under. */
export const API_TYPES = ['Todo', 'TodoList', 'CreateTodo', 'IngestEvent', 'IngestAccepted', 'ErrorBody', 'Health'];

/** A test: `serialize<name>(value) === JSON.stringify(value)` on values of the schema's shape. */
export function sameAsJsonStringify(name: string, schemaOf: () => Promise<unknown>, serializers: () => Promise<Module>, runs = 400) {
  it(`serialize${name} writes what JSON.stringify writes`, async () => {
    const schema = await schemaOf();
    if (schema === undefined) throw new Error(`Register ${name} in src/registry.ts (its schema is schemas.${name} in @hotpath/api/schemas)`);
    const node = describeSchema(name, schema);
    const serialize = (await serializers())[`serialize${name}`];
    expect(
      serialize,
      `Export serialize${name} from the generated serializers: emitSerializer must declare \`export function serialize${name}(value: ${name}): string\``,
    ).toBeTypeOf('function');
    fc.assert(
      fc.property(valueOf(node), (value) => {
        const mine = serialize(value);
        const expected = JSON.stringify(value);
        if (mine !== expected) {
          throw new Error(
            `serialize${name} wrote ${JSON.stringify(mine)}\nJSON.stringify wrote ${JSON.stringify(expected)}\nMake the generated code write exactly JSON.stringify's text for this value`,
          );
        }
      }),
      { numRuns: runs },
    );
  });
}

/** The pointer a message starts with ('' for "The body …"). */
const pointerOf = (message: string): string => (message.startsWith('The body ') ? '' : (message.split(' ', 1)[0] ?? ''));

/** A test: `validate<name>` accepts exactly what the schema allows, and names a path TypeBox reports. */
export function agreesWithTypeBox(name: string, schemaOf: () => Promise<unknown>, validators: () => Promise<Module>, runs = 600) {
  it(`validate${name} accepts exactly what the schema allows`, async () => {
    const schema = await schemaOf();
    if (schema === undefined) throw new Error(`Register ${name} in src/registry.ts (its schema is schemas.${name} in @hotpath/api/schemas)`);
    const validate = (await validators())[`validate${name}`];
    expect(
      validate,
      `Export validate${name} from the generated validators: emitValidator must declare \`export function validate${name}(value: unknown): string | undefined\``,
    ).toBeTypeOf('function');
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
          if (!related)
            throw new Error(
              `validate${name} said "${problem}" for ${JSON.stringify(value)}; start the message with the JSON Pointer of the wrong value (the schema finds problems at ${paths.join(', ')})`,
            );
        }
      }),
      { numRuns: runs },
    );
    expect(Math.min(valid, invalid), 'The generated values should be both valid and invalid (test self-check)').toBeGreaterThan(runs / 50);
  });
}
