/**
 * Going further — serializers of schemas the API does not use: nested arrays, an optional property first,
 * objects whose properties are all optional (the comma before a property is then known only at run time:
 * `comma` parts), unions of literals, closed and empty objects, numbers that are not integers. The same
 * oracle as step 2: the generated text must be exactly JSON.stringify's.
 */
import { afterAll, describe } from 'vitest';
import { generateFor, once, removeScratch } from '../support/generated.ts';
import { sameAsJsonStringify } from '../support/oracles.ts';
import { testRegistry } from '../support/schemas.ts';

describe('serializers of other schemas (nested arrays, optional first, unions, closed and empty objects)', () => {
  const serializers = once(() => generateFor(testRegistry, 'serializers.ts'));
  afterAll(removeScratch);
  for (const [name, schema] of Object.entries(testRegistry)) sameAsJsonStringify(name, async () => schema, serializers);
});
