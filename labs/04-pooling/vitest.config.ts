import { labTestConfig } from '@hotpath/kit/vitest';

export default labTestConfig(import.meta.url);
