/**
 * Step 3 — generated validators accept exactly what the schema allows, and say where a value is wrong.
 * TypeBox's own checker (Value.Check, which walks the schema at run time: the reflection this lab removes
 * from the server) is the oracle: on values JSON.parse could return, mostly valid and sometimes wrong in
 * one place, the generated validator of each API type must give the same verdict, and its message must
 * start with a path TypeBox also reports. (Schemas the API does not use are in going-further/.)
 */
import { MAX_TITLE_LENGTH } from '@hotpath/api';
import { describe, expect, it } from 'vitest';
import { loadEmitters, loadGenerated, once } from './support/generated.ts';
import { API_TYPES, agreesWithTypeBox } from './support/oracles.ts';

describe('validators of the registered types', () => {
  const validators = once(() => loadGenerated('validators.ts'));
  const registry = once(async () => (await loadEmitters()).registry);
  for (const name of API_TYPES) agreesWithTypeBox(name, async () => (await registry())[name], validators);

  it("names the wrong value by its path, in the API's words", async () => {
    const { validateCreateTodo, validateIngestEvent } = await validators();
    expect(validateCreateTodo, 'Register CreateTodo and emit its validator').toBeTypeOf('function');
    expect(validateIngestEvent, 'Register IngestEvent and emit its validator').toBeTypeOf('function');
    expect(validateCreateTodo({ title: 5 }), 'Report a wrong type as "<path> must be a string"').toBe('/title must be a string');
    expect(validateCreateTodo({}), 'Report a missing required property as "<path> is required"').toBe('/title is required');
    expect(validateCreateTodo([]), 'Report a body that is not an object as "The body must be an object"').toBe('The body must be an object');
    expect(validateCreateTodo({ title: '' }), `Report a string outside its bounds as "<path> must be 1 to ${MAX_TITLE_LENGTH} characters long"`).toBe(
      `/title must be 1 to ${MAX_TITLE_LENGTH} characters long`,
    );
    expect(validateCreateTodo({ title: 'ok', isComplete: 'yes' }), 'Report a wrong boolean as "<path> must be true or false"').toBe(
      '/isComplete must be true or false',
    );
    expect(validateIngestEvent({ itemCount: 1.5, timestamp: 1 }), 'Report a fraction as "<path> must be an integer"').toBe('/itemCount must be an integer');
    expect(validateIngestEvent({ itemCount: 2, timestamp: 0 }), 'Report a number below the minimum as "<path> must be at least <minimum>"').toBe(
      '/timestamp must be at least 1',
    );
    expect(validateIngestEvent({ itemCount: 2, timestamp: 1, extra: [1, { deep: true }] }), 'Ignore properties the schema does not name').toBeUndefined();
  });
});
