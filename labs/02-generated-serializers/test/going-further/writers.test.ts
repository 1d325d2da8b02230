/**
 * Going further — generated UTF-8 writers (`emitWriter` in src/codegen/writer.ts, writing
 * src/generated/writers.ts): the same parts as the serializers, written as bytes straight into one reused
 * buffer (a `Utf8Writer` class in src/json-runtime.ts: `new Utf8Writer()`, then `writeTodo(out, todo)`, then
 * `out.take()` copies the bytes out and starts over). For the API's types and the test-only schemas, the
 * bytes must be the UTF-8 of JSON.stringify's text, also when the writer is reused.
 */
import fc from 'fast-check';
import { pathToFileURL } from 'node:url';
import { describeSchema } from '@hotpath/codegen';
import { labSourcePath } from '@hotpath/workshop/paths';
import { afterAll, describe, expect, it } from 'vitest';
import { valueOf } from '../support/arbitraries.ts';
import { generateWithRuntime, loadEmitters, loadGenerated, once, removeScratch, type Module } from '../support/generated.ts';
import { API_TYPES } from '../support/oracles.ts';
import { testRegistry } from '../support/schemas.ts';

interface Writer {
  take(): Uint8Array;
}

/** A test: write<name>(out, value), then out.take(), is the UTF-8 of JSON.stringify(value), call after call on one writer. */
function writesJsonStringifyBytes(name: string, schemaOf: () => Promise<unknown>, load: () => Promise<{ generated: Module; runtime: Module }>) {
  it(`write${name} writes the UTF-8 of JSON.stringify's text`, async () => {
    const schema = await schemaOf();
    if (schema === undefined) throw new Error(`Register ${name} in src/registry.ts (its schema is schemas.${name} in @hotpath/api/schemas)`);
    const { generated, runtime } = await load();
    const write = generated[`write${name}`];
    expect(
      write,
      `Export write${name} from the generated writers: emitWriter must declare \`export function write${name}(out: Utf8Writer, value: ${name}): void\``,
    ).toBeTypeOf('function');
    expect(
      runtime.Utf8Writer,
      'Export class Utf8Writer from src/json-runtime.ts (a reused buffer; take() returns the bytes written and starts over)',
    ).toBeTypeOf('function');
    const out = new runtime.Utf8Writer() as Writer;
    fc.assert(
      fc.property(valueOf(describeSchema(name, schema)), (value) => {
        write(out, value);
        const mine = Buffer.from(out.take());
        const expected = Buffer.from(JSON.stringify(value));
        if (!mine.equals(expected))
          throw new Error(
            `write${name} wrote ${JSON.stringify(mine.toString('utf8'))} (${mine.length} bytes)\nJSON.stringify wrote ${JSON.stringify(expected.toString('utf8'))} (${expected.length} bytes)`,
          );
      }),
      { numRuns: 300 },
    );
  });
}

describe('writers of the registered types', () => {
  const load = once(async () => ({
    generated: await loadGenerated('writers.ts'),
    runtime: (await import(pathToFileURL(labSourcePath('json-runtime.ts')).href)) as Module,
  }));
  const registry = once(async () => (await loadEmitters()).registry);
  for (const name of API_TYPES) writesJsonStringifyBytes(name, async () => (await registry())[name], load);
});

describe('writers of other schemas', () => {
  const load = once(() => generateWithRuntime(testRegistry, 'writers.ts'));
  afterAll(removeScratch);
  for (const [name, schema] of Object.entries(testRegistry)) writesJsonStringifyBytes(name, async () => schema, load);
});
