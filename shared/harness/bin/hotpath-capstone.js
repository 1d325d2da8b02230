#!/usr/bin/env node
/** `hotpath-capstone` (lab 05's `pnpm capstone`, after its bench): the capstone and cost estimate of a result. See src/capstone-report.ts. */
import { loadTypeScript } from '@hotpath/workshop/typescript-loader';

await loadTypeScript([]);
const { main } = await import('../src/capstone-report.ts');
process.exitCode = main(process.argv.slice(2));
