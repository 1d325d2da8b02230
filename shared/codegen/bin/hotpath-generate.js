#!/usr/bin/env node
/**
 * `pnpm generate` in lab 02 (and later stages): runs @hotpath/codegen's CLI, which imports the package's
 * TypeScript registry and emitters as they are — natively where the runtime strips types, through tsx
 * otherwise (the kit's typescript-loader.js decides from the files it will import).
 */
import { join, resolve } from 'node:path';
import { loadTypeScript } from '@hotpath/workshop/typescript-loader';

const at = process.argv.indexOf('--src');
const srcDir = resolve(at !== -1 && process.argv[at + 1] ? process.argv[at + 1] : 'src');
await loadTypeScript(['registry.ts', 'codegen/serializer.ts', 'codegen/validator.ts', 'codegen/writer.ts'].map((file) => join(srcDir, file)));
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
