#!/usr/bin/env node
/**
 * `hotpath-soak` (lab 04's `pnpm soak`): a bounded soak of the package in the current folder under mixed
 * load on loopback — see src/soak.ts. Loads the TypeScript harness through tsx, like hotpath-bench.
 */
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

process.env.TSX_TSCONFIG_PATH ??= fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url));
register();
const { soakMain } = await import('../src/soak.ts');
process.exitCode = await soakMain(process.argv.slice(2));
