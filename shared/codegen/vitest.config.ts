/** Vitest config of the code generator's plumbing tests. */
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { environment: 'node' } });
