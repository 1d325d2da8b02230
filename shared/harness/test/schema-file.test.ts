/**
 * checkpoint.schema.json is generated from the TypeBox schema in src/result.ts: the committed file must be
 * exactly what scripts/write-schema.ts writes, so the schema, the types and the file cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaFile, schemaText } from '../scripts/write-schema.ts';

describe('checkpoint.schema.json', () => {
  it('is what scripts/write-schema.ts writes from src/result.ts', () => {
    expect(readFileSync(schemaFile, 'utf8'), 'checkpoint.schema.json is generated: run `pnpm --dir shared/harness schema` and commit the file').toBe(
      schemaText(),
    );
  });

  it('names each shared part once, under $defs, and refers to it elsewhere', () => {
    const text = schemaText();
    const document = JSON.parse(text) as { $defs: Record<string, unknown> };
    expect(Object.keys(document.$defs)).toEqual(expect.arrayContaining(['fingerprint', 'load', 'ratio', 'runtime', 'startup']));
    expect(text).toContain('"$ref": "#/$defs/ratio"');
    expect(text).not.toContain('"$id": "ratio"');
  });
});
