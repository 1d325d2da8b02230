#!/usr/bin/env node
/**
 * `pnpm start` of every lab and solution package: loads ./src/app.ts (TypeScript, through tsx) from the
 * current package folder and serves createApp() on 127.0.0.1:$PORT (default 3100 + the lab number).
 */
import { register } from 'tsx/esm/api';
import { fileURLToPath, pathToFileURL } from 'node:url';

// tsx applies a tsconfig only to the files it includes; the base config covers the whole repo (decorators
// in shared/baseline included).
process.env.TSX_TSCONFIG_PATH ??= fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url));
register();
const { describeLabDir, defaultPort, appModule } = await import('../src/paths.ts');
const { serveApp } = await import('../src/serve.ts');

const dir = process.cwd();
const lab = describeLabDir(dir);
const port = Number(process.env.PORT ?? (lab ? defaultPort(lab.number) : 3100));
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${JSON.stringify(process.env.PORT)}`);
  process.exit(2);
}

const { createApp } = await import(pathToFileURL(appModule(dir)).href);
const running = await serveApp(createApp(), {
  port,
  host: '127.0.0.1', // loopback only, whatever the environment says
  onListen: (url) => {
    const what = lab ? `${lab.side}/${lab.slug}` : dir;
    console.log(`Hot Path ${what} listening on ${url} (pid ${process.pid}); Ctrl+C stops it.`);
  },
}).catch((error) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: stop the other server or set PORT.` : error);
  process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    running.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
