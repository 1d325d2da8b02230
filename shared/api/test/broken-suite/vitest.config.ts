/** Config of the child vitest run by contract-fails.test.ts: runs the contract against a broken app. */
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['*.broken.ts'], environment: 'node' } });
