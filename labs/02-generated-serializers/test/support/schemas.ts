/**
 * Schemas the API does not use, registered only in the going-further tests, so the emitters are checked on
 * what a real API has and ours lacks: nested arrays, an optional property first, all-optional objects,
 * unions of literals, closed objects (additionalProperties: false), empty objects, numbers that are not
 * integers.
 */
import { Type } from '@sinclair/typebox';

const Line = Type.Object({ sku: Type.String({ minLength: 1, maxLength: 12 }), qty: Type.Integer({ minimum: 1, maximum: 1000 }) });

export const testRegistry = {
  Order: Type.Object({
    note: Type.Optional(Type.String({ maxLength: 40 })),
    id: Type.Integer({ minimum: 1 }),
    items: Type.Array(Line, { maxItems: 20 }),
    grid: Type.Array(Type.Array(Type.Number())),
    priority: Type.Union([Type.Literal('low'), Type.Literal('high')]),
    express: Type.Optional(Type.Boolean()),
    meta: Type.Object({ source: Type.String(), strict: Type.Boolean() }, { additionalProperties: false }),
    empty: Type.Object({}),
  }),
  Line,
  Tags: Type.Array(Type.String(), { minItems: 1 }),
  Flags: Type.Object({ first: Type.Optional(Type.Boolean()), second: Type.Optional(Type.Integer()), third: Type.Optional(Type.String()) }),
  Ratio: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
};
