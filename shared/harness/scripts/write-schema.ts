/**
 * Writes checkpoint.schema.json from the TypeBox schema in src/result.ts (`pnpm --dir shared/harness schema`):
 * a draft 2020-12 JSON Schema where each named part (`Def`) sits once under `$defs` and is referred to by
 * `$ref`. test/schema-file.test.ts fails when the committed file differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CheckpointResultSchema, RESULT_DEFS } from '../src/result.ts';

export const schemaFile: string = fileURLToPath(new URL('../checkpoint.schema.json', import.meta.url));

const HEADER = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://hotpath.local/shared/harness/checkpoint.schema.json',
  title: 'Hot Path checkpoint result',
};

/**
 * TypeBox writes a union as `anyOf`. A union of bare types becomes `type: [...]` (`"type": ["number", "null"]`);
 * any other becomes `oneOf`, which is the same here: the result's unions are of disjoint alternatives (null or
 * an object, a string or a number), so a value matches exactly one whenever it matches any.
 */
function unions(body: Record<string, unknown>): Record<string, unknown> {
  const { anyOf, ...rest } = body;
  if (!Array.isArray(anyOf)) return body;
  const bare = anyOf.every((alt) => Object.keys(alt as object).length === 1 && typeof (alt as { type?: unknown }).type === 'string');
  return bare ? { ...rest, type: anyOf.map((alt) => (alt as { type: string }).type) } : { ...rest, oneOf: anyOf };
}

/** The schema as JSON: TypeBox's symbols dropped, every part with an `$id` moved to `$defs` and referred to. */
export function schemaDocument(): Record<string, unknown> {
  const defs: Record<string, Record<string, unknown>> = {};
  const plain = (node: unknown, top = false): unknown => {
    if (Array.isArray(node)) return node.map((item) => plain(item));
    if (!node || typeof node !== 'object') return node;
    const { $id, ...rest } = node as Record<string, unknown>;
    const body = unions(Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, plain(value)])));
    const def = typeof $id === 'string' && !top ? RESULT_DEFS.get($id) : undefined;
    if (!def || typeof $id !== 'string') return body;
    defs[$id] ??= plain(def, true) as Record<string, unknown>;
    // What this use changes (a description, a required key) stays beside the reference.
    const changed = Object.entries(body).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(defs[$id]?.[key]));
    return { ...Object.fromEntries(changed), $ref: `#/$defs/${$id}` };
  };
  const root = plain(CheckpointResultSchema, true) as Record<string, unknown>;
  const sortedDefs = Object.fromEntries(Object.entries(defs).sort(([a], [b]) => a.localeCompare(b)));
  return { ...HEADER, ...root, $defs: sortedDefs };
}

/** The file's text: the document, two-space indented, with a final newline. */
export const schemaText = (): string => `${JSON.stringify(schemaDocument(), null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(schemaFile, schemaText());
  console.log(`wrote ${schemaFile}`);
}
