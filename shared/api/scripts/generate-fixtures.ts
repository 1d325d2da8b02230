/**
 * Writes shared/api/fixtures/ (run: `pnpm --filter @hotpath/api fixtures`). Deterministic: running it twice
 * changes nothing, which test/drift.test.ts checks. `--out <dir>` writes somewhere else instead.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixtures } from './build-fixtures.ts';

const outFlag = process.argv.indexOf('--out');
const outDir = outFlag === -1 ? fileURLToPath(new URL('../fixtures/', import.meta.url)) : resolve(process.argv[outFlag + 1] ?? '.');

mkdirSync(outDir, { recursive: true });
for (const [file, content] of buildFixtures()) {
  writeFileSync(join(outDir, file), content);
  console.log(`${file.padEnd(16)} ${Buffer.byteLength(content).toLocaleString('en-US').padStart(9)} bytes`);
}
console.log(`Fixtures written to ${outDir}`);
