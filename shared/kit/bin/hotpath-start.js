#!/usr/bin/env node
/**
 * `pnpm start` at the repo root: prints the lab menu from the manifest, builds the docs site (site/) and
 * serves it on http://127.0.0.1:3000 (PORT to change), saying where to begin. Labs' own APIs are served
 * with `pnpm --dir labs/NN-slug start` (3100 + the lab number).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTypeScript } from './typescript-loader.js';

await loadTypeScript(); // the manifest only (typescript-loader.js)
const { labs } = await import('../src/manifest.ts');

const current = labs.find((lab) => lab.status === 'ready');
if (!current) throw new Error('No lab is ready yet: see shared/kit/src/manifest.ts');
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

// The site: rebuilt each time (it also shows your own .hotpath results), then served on 127.0.0.1:3000.
const site = fileURLToPath(new URL('../../../site', import.meta.url));
const docusaurus = join(site, 'node_modules', '.bin', 'docusaurus');
const port = process.env.PORT ?? '3000';
if (!existsSync(docusaurus)) {
  console.error('The site is not installed: run pnpm install --frozen-lockfile at the repo root, then pnpm start again.');
  process.exit(1);
}
const run = (args) =>
  new Promise((done) => {
    const child = spawn(docusaurus, args, { cwd: site, stdio: 'inherit', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } });
    for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => child.kill(signal));
    child.on('exit', (code) => done(code ?? 0));
  });
console.log('Building the site (about 10 s) …');
const built = await run(['build']);
if (built !== 0) process.exit(built);
console.log(`\nThe site: http://127.0.0.1:${port}/ — begin at http://127.0.0.1:${port}/labs/${current.slug} (Ctrl+C stops it)\n`);
process.exit(await run(['serve', '--host', '127.0.0.1', '--port', port, '--no-open']));
