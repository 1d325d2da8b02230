#!/usr/bin/env node
/**
 * `hotpath-soak` (lab 04's `pnpm soak`): a bounded soak of the package in the current folder under mixed
 * load on loopback — see src/soak.ts. The server runs in a child (the kit's launcher), so this process loads
 * only the harness's own TypeScript: natively where the runtime can (the kit's typescript-loader.js).
 */
import { loadTypeScript } from '@hotpath/workshop/typescript-loader';

await loadTypeScript();
const { soakMain } = await import('../src/soak.ts');
process.exitCode = await soakMain(process.argv.slice(2));
