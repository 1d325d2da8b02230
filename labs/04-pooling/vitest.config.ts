// Loaded with `--configLoader runner` (the test script's flag), so vitest transpiles the kit's TypeScript.
import { labTestConfig } from '@hotpath/kit/vitest';

export default labTestConfig(import.meta.url);
