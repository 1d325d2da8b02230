/**
 * `pnpm --dir labs/04-pooling soak [--reference] [--seconds N] [--warmup N] [--connections N]`: the harness's
 * soak run (`hotpath-soak`) against the app in this lab's src/ — or, with `--reference`, against the
 * reference solution, to see what a passing run looks like. The other options go to hotpath-soak as they are.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const reference = args.includes('--reference');
const dir = fileURLToPath(new URL(reference ? '../../../solutions/04-pooling/' : '../', import.meta.url));
if (args.includes('--help')) console.log('soak [--reference]: --reference soaks the reference solution instead of your src/');
// pnpm puts this package's node_modules/.bin (the harness's hotpath-soak) on PATH for its scripts.
const run = spawnSync(
  'hotpath-soak',
  args.filter((arg) => arg !== '--reference'),
  { cwd: dir, stdio: 'inherit' },
);
if (run.error) console.error(`soak: could not run hotpath-soak (${run.error.message}); run it as \`pnpm --dir labs/04-pooling soak\``);
process.exitCode = run.status ?? 1;
