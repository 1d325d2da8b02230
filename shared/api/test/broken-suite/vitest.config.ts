/** Config of the child vitest run by contract-fails.test.ts: runs the contract against a broken app. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The cache goes to the temp folder: this run must leave nothing behind in the source tree.
export default defineConfig({ cacheDir: join(tmpdir(), 'hotpath-broken-suite-vite'), test: { include: ['*.broken.ts'], environment: 'node' } });
