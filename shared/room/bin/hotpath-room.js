#!/usr/bin/env node
/**
 * `pnpm room` (the instructor): the room server for a workshop — see src/cli.ts. The TypeScript runs on the
 * runtime's own type stripping where it has it, through tsx on Node 20 (typescript-loader.js).
 */
import { loadTypeScript } from '@hotpath/workshop/typescript-loader';

await loadTypeScript();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
