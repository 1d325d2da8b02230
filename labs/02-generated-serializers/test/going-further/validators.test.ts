/**
 * Going further — validators of schemas the API does not use: numbers that are not integers, exclusive
 * bounds, item counts, a string with one bound, unions of literals, nested arrays (two indexes in the path)
 * and closed objects (additionalProperties: false). The same oracle as step 3: TypeBox's verdict, and a path
 * it reports.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generateFor, once, removeScratch } from '../support/generated.ts';
import { agreesWithTypeBox } from '../support/oracles.ts';
import { testRegistry } from '../support/schemas.ts';

describe('validators of other schemas', () => {
  const validators = once(() => generateFor(testRegistry, 'validators.ts'));
  afterAll(removeScratch);
  for (const [name, schema] of Object.entries(testRegistry)) agreesWithTypeBox(name, async () => schema, validators);

  it('puts array indexes in the path', async () => {
    const { validateOrder } = await validators();
    const order = {
      id: 1,
      items: [
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: 2 },
        { sku: 'c', qty: 1.5 },
      ],
      grid: [[1], [2, 'x']],
      priority: 'low',
      meta: { source: 's', strict: true },
      empty: {},
    };
    expect(validateOrder(order)).toBe('/items/2/qty must be an integer');
    expect(validateOrder({ ...order, items: [] }), 'The path of a value inside nested arrays names both indexes').toBe('/grid/1/1 must be a number');
    expect(
      validateOrder({ ...order, items: [], grid: [], meta: { source: 's', strict: true, more: 1 } }),
      'additionalProperties: false refuses an unknown key',
    ).toBe('/meta/more is not allowed');
  });
});
