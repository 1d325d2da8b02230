// A relative import: vitest bundles its config with this file, and would not transpile a workspace package.
import { labTestConfig } from '../../shared/kit/src/vitest.ts';

export default labTestConfig(import.meta.url);
