#!/usr/bin/env node
/**
 * `pnpm start` of every lab and solution package: loads ./src/app.ts (TypeScript, through tsx) from the
 * current package folder and serves createApp() on 127.0.0.1:$PORT (default 3100 + the lab number) with
 * runServer() from src/serve.ts — the same code lab 05 bundles into its single executables.
 */
import { register } from 'tsx/esm/api';
import { fileURLToPath, pathToFileURL } from 'node:url';

// tsx applies a tsconfig only to the files it includes; the base config covers the whole repo (decorators
// in shared/baseline included).
process.env.TSX_TSCONFIG_PATH ??= fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url));
register();
const { describeLabDir, defaultPort, appModule } = await import('../src/paths.ts');
const { portFromEnv, runServer } = await import('../src/serve.ts');

const dir = process.cwd();
const lab = describeLabDir(dir);
const port = portFromEnv(lab ? defaultPort(lab.number) : 3100);

const { createApp } = await import(pathToFileURL(appModule(dir)).href);
await runServer(createApp(), { name: `Hot Path ${lab ? `${lab.side}/${lab.slug}` : dir}`, port });
