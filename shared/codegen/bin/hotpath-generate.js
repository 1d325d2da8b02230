#!/usr/bin/env node
/**
 * `pnpm generate` in lab 02 (and later stages): runs @hotpath/codegen's CLI through tsx, so the package's
 * TypeScript registry and emitters load as they are.
 */
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

process.env.TSX_TSCONFIG_PATH ??= fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url));
register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
