/**
 * fast-check arbitraries built from a schema (read with @hotpath/codegen's describeSchema):
 * `valueOf` gives values of the schema's shape whose strings and numbers are the hard cases of JSON
 * (quotes, backslashes, controls, non-ASCII, emoji, lone surrogates, -0, 1e21, NaN, ±Infinity) — what a
 * serializer must write exactly as JSON.stringify does; `nearlyValid` gives values that are mostly right
 * and sometimes wrong in one place (a missing or extra key, a wrong type, a bound crossed) — what a
 * validator must judge exactly as the schema does.
 */
import fc from 'fast-check';
import type { SchemaNode } from '@hotpath/codegen';

/** Characters JSON.stringify treats specially, and some that it does not. */
const TRICKY = ['"', '\\', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u001f', '\u007f', '/', 'é', '€', '\u2028', '😀', '\ud800', '\udfff', 'a', ' '];

export const trickyString = (maxLength = 30): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.array(fc.constantFrom(...TRICKY), { maxLength }).map((chars) => chars.join('')),
  );

export const trickyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-0, 0, 1e21, 1e-7, 5e-324, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, NaN, Infinity, -Infinity),
);

/** A string of the allowed length when the schema bounds it, often enough; tricky otherwise. */
function stringFor(node: Extract<SchemaNode, { kind: 'string' }>): fc.Arbitrary<string> {
  const max = node.maxLength ?? 30;
  return fc.oneof({ arbitrary: fc.string({ minLength: node.minLength ?? 0, maxLength: max }), weight: 2 }, { arbitrary: trickyString(max), weight: 2 });
}

/** Values of `node`'s shape (numbers and strings include the hard cases). */
export function valueOf(node: SchemaNode): fc.Arbitrary<unknown> {
  switch (node.kind) {
    case 'string':
      return stringFor(node);
    case 'integer':
      return fc.oneof({ arbitrary: fc.integer({ min: node.minimum ?? -1e6, max: node.maximum ?? 1e6 }), weight: 4 }, { arbitrary: trickyNumber, weight: 1 });
    case 'number':
      return fc.oneof({ arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 2 }, { arbitrary: trickyNumber, weight: 2 });
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constant(node.value);
    case 'enum':
      return fc.constantFrom(...node.values);
    case 'array':
      return fc.array(valueOf(node.items), { minLength: node.minItems ?? 0, maxLength: Math.min(node.maxItems ?? 6, 6) });
    case 'object': {
      const entries = node.properties.map((p) => {
        const value = valueOf(p.node);
        // An optional property is absent, undefined, or set: JSON.stringify writes only the last.
        return [p.key, p.required ? value : fc.oneof(value, fc.constant(undefined))] as const;
      });
      return fc.record(Object.fromEntries(entries), { requiredKeys: node.properties.filter((p) => p.required).map((p) => p.key) });
    }
  }
}

/** Any JSON value, small. */
const anyJson = fc.jsonValue({ maxDepth: 2 });

/** Values that JSON.parse could return: right in most places, sometimes wrong in one. */
export function nearlyValid(node: SchemaNode): fc.Arbitrary<unknown> {
  const wrongSometimes = (right: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: right, weight: 8 }, { arbitrary: anyJson, weight: 1 });
  switch (node.kind) {
    case 'string':
      return wrongSometimes(fc.string({ minLength: Math.max(0, (node.minLength ?? 0) - 1), maxLength: (node.maxLength ?? 20) + 1 }));
    case 'integer':
    case 'number': {
      const lo = node.minimum ?? node.exclusiveMinimum ?? -1000;
      const hi = node.maximum ?? node.exclusiveMaximum ?? 1000;
      const edges = [lo - 1, lo, hi, hi + 1, 0.5, 1.5, -0, 2 ** 53, Number.MAX_SAFE_INTEGER];
      return wrongSometimes(
        fc.oneof(
          fc.integer({ min: Math.max(lo - 2, -1e9), max: Math.min(hi + 2, 1e9) }),
          fc.constantFrom(...edges),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
        ),
      );
    }
    case 'boolean':
      return wrongSometimes(fc.boolean());
    case 'literal':
      return wrongSometimes(fc.constant(node.value));
    case 'enum':
      return wrongSometimes(fc.constantFrom(...node.values));
    case 'array':
      return wrongSometimes(fc.array(nearlyValid(node.items), { maxLength: Math.min((node.maxItems ?? 4) + 1, 6) }));
    case 'object': {
      const known = node.properties.map((p) => [p.key, nearlyValid(p.node)] as const);
      const record = fc.record(Object.fromEntries(known), { requiredKeys: [] });
      // Usually every required key is present; sometimes one is missing or an unknown key is added.
      const shaped = fc.tuple(record, fc.boolean(), fc.option(fc.constantFrom('extra', 'other'), { nil: undefined })).map(([value, fillRequired, extra]) => {
        const out: Record<string, unknown> = { ...value };
        if (fillRequired) for (const p of node.properties) if (p.required && !(p.key in out)) out[p.key] = 1;
        if (extra) out[extra] = true;
        return out;
      });
      return wrongSometimes(fc.oneof({ arbitrary: valueOf(node).filter((v) => v !== null), weight: 2 }, { arbitrary: shaped, weight: 3 }));
    }
  }
}
