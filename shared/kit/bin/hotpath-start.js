#!/usr/bin/env node
/**
 * `pnpm start` at the repo root: prints the lab menu from the manifest and serves the first ready lab — where
 * a new learner begins — on 127.0.0.1:3100 + its number. (The Docusaurus site takes this over later.)
 */
import { register } from 'tsx/esm/api';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

process.env.TSX_TSCONFIG_PATH ??= fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url));
register();
const { labs } = await import('../src/manifest.ts');
const { labDir, defaultPort } = await import('../src/paths.ts');

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

const child = spawn(process.execPath, [fileURLToPath(new URL('./hotpath-serve.js', import.meta.url))], {
  cwd: labDir(current.slug),
  env: { ...process.env, PORT: process.env.PORT ?? String(defaultPort(current.number)) },
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
