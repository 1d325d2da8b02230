/** The committed fixtures are exactly what the generator writes, and the generator is deterministic. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../src/fixtures.ts';
import { buildFixtures } from '../scripts/build-fixtures.ts';

describe('fixtures drift', () => {
  it('the committed files match what buildFixtures() builds, byte for byte', () => {
    const built = buildFixtures();
    expect(readdirSync(fixturesDir).sort()).toEqual([...built.keys()].sort());
    for (const [file, content] of built) {
      expect(readFileSync(join(fixturesDir, file), 'utf8') === content, `fixtures/${file} is stale: run pnpm --filter @hotpath/api fixtures`).toBe(true);
    }
  });

  it('building twice gives the same bytes', () => {
    expect([...buildFixtures()]).toEqual([...buildFixtures()]);
  });

  it('the generator script writes the same files', () => {
    const out = mkdtempSync(join(tmpdir(), 'hotpath-fixtures-'));
    try {
      const script = fileURLToPath(new URL('../scripts/generate-fixtures.ts', import.meta.url));
      execFileSync(process.execPath, ['--import', 'tsx', script, '--out', out], { stdio: 'pipe', cwd: fileURLToPath(new URL('..', import.meta.url)) });
      for (const file of readdirSync(fixturesDir)) {
        expect(readFileSync(join(out, file)).equals(readFileSync(join(fixturesDir, file))), `${file} differs when regenerated`).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
