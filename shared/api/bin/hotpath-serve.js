#!/usr/bin/env node
/**
 * `pnpm start` of every lab and solution package: loads ./src/app.ts from the current package folder and
 * serves createApp() on 127.0.0.1:$PORT (default 3100 + the lab number) with runServer() from src/serve.ts —
 * the same code lab 05 bundles into its single executables. The TypeScript runs on the runtime's own type
 * stripping where it has it, through tsx on Node 20 or when the app reaches lab 00's decorator baseline
 * (typescript-loader.js).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadTypeScript } from '@hotpath/workshop/typescript-loader';

await loadTypeScript([join(process.cwd(), 'src', 'app.ts')]);
const { describeLabDir, defaultPort, appModule } = await import('@hotpath/workshop/paths');
const { portFromEnv, runServer } = await import('../src/serve.ts');

const dir = process.cwd();
const lab = describeLabDir(dir);
const port = portFromEnv(lab ? defaultPort(lab.number) : 3100);

const { createApp } = await import(pathToFileURL(appModule(dir)).href);
await runServer(createApp(), { name: `Hot Path ${lab ? `${lab.side}/${lab.slug}` : dir}`, port });
