#!/usr/bin/env node
/**
 * `pnpm start` at the repo root: prints the lab menu from the manifest, builds the docs site (site/) when there
 * is no build or one of its sources is newer than it (server/freshness.ts: which one, and how long a build took
 * here last time), then serves it with the site's own server (site/server/serve.ts: the build, plus
 * /api/progress, so the Progress page, the sidebar's marks and the charts follow .hotpath/ live) on
 * http://127.0.0.1:3000 (PORT and HOST to change), saying where to begin; Ctrl+C stops it. Labs' own APIs are
 * served with `pnpm --dir labs/NN-slug start` (3100 + the lab number).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTypeScript } from '@hotpath/workshop/typescript-loader';

// The manifest, and the site's server (typescript-loader.js). Under tsx (Node 20) the site's plugins, which
// the server reuses, load as CommonJS (site/ has no "type": "module"; Docusaurus needs it so): tsx's CommonJS
// hook too, so a require() of a .ts file is compiled rather than handed to Node as it is.
if ((await loadTypeScript()) === 'tsx') (await import('tsx/cjs/api')).register();
const { labs } = await import('@hotpath/workshop/manifest');

const current = labs.find((lab) => lab.status === 'ready');
if (!current) throw new Error('No lab is ready yet: see shared/workshop/src/manifest.ts');
const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);

console.log(`\n${bold('Hot Path')} — make a TypeScript HTTP API fast and lean, one measured stage at a time.\n`);
for (const lab of labs) {
  const mark = lab.status === 'ready' ? 'ready  ' : 'planned';
  console.log(`  ${String(lab.number).padStart(2, '0')}  ${mark}  ${lab.title}`);
}
console.log(`
Start with lab ${String(current.number).padStart(2, '0')}:
  read      labs/${current.slug}/README.md
  work      pnpm lab start ${String(current.number).padStart(2, '0')}          (its tests in watch mode; pnpm lab list shows your progress)
  stuck?    pnpm lab hint ${String(current.number).padStart(2, '0')}
  bench     pnpm lab bench ${String(current.number).padStart(2, '0')} --quick
  machine   pnpm lab doctor
`);

// The site: built when missing or older than its sources, then served by its own server on 127.0.0.1:3000.
const site = fileURLToPath(new URL('..', import.meta.url));
const docusaurus = join(site, 'node_modules', '.bin', 'docusaurus');
if (!existsSync(docusaurus)) {
  console.error('The site is not installed: run pnpm install --frozen-lockfile at the repo root, then pnpm start again.');
  process.exit(1);
}
// Node ≥ 22 warns once per site plugin the server reuses that site/ has no "type" (Docusaurus needs none): not
// the learner's business, so that warning alone is dropped.
const emitWarning = process.emitWarning;
process.emitWarning = function quietTypeless(warning, ...rest) {
  const code = typeof rest[0] === 'object' ? rest[0]?.code : rest[1];
  if (code === 'MODULE_TYPELESS_PACKAGE_JSON' && String(warning).includes(site)) return;
  return emitWarning.call(this, warning, ...rest);
};
const { startSiteServer, listenOptions } = await import('../server/serve.ts');
const { buildNeed, readBuildStamp, writeBuildStamp } = await import('../server/freshness.ts');
let listen;
try {
  listen = listenOptions();
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

const need = buildNeed(site);
if (need) {
  const last = readBuildStamp(site);
  const usual = last ? `the last build here took ${Math.round(last.seconds)} s` : 'about a minute on 2 cores; longer on a busy machine';
  console.log(`Building the site: ${need} (${usual}) …`);
  const started = performance.now();
  const code = await new Promise((done) => {
    const child = spawn(docusaurus, ['build'], { cwd: site, stdio: 'inherit', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } });
    const stop = (signal) => child.kill(signal);
    process.once('SIGINT', stop).once('SIGTERM', stop);
    child.on('exit', (status, signal) => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      done(status ?? (signal ? 130 : 1));
    });
  });
  if (code !== 0) {
    console.error('The site did not build: its error is above. pnpm start builds it again next time.');
    process.exit(code);
  }
  writeBuildStamp(site, (performance.now() - started) / 1000);
} else {
  console.log('The site is built and up to date with its sources: serving it (no build).');
}

let running;
try {
  running = await startSiteServer(listen);
} catch (error) {
  const inUse = error && error.code === 'EADDRINUSE';
  console.error(
    inUse
      ? `Port ${listen.port} is in use on ${listen.host}: PORT=${listen.port + 1} pnpm start serves the site elsewhere (pnpm lab doctor says what holds it).`
      : `The site's server did not start: ${error.message}`,
  );
  process.exit(1);
}
console.log(`\nThe site: ${running.url}/ — begin at ${running.url}/labs/${current.slug} (your progress, live: ${running.url}/progress; Ctrl+C stops it)\n`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await running.close();
    process.exit(0);
  });
}
