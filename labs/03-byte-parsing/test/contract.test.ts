/** Lab 00 serves the shared API contract (the baseline already does: these pass from the start). */
import { contractSuite } from '@hotpath/api/contract';

contractSuite(async () => (await import('#lab/app.ts')).createApp);
