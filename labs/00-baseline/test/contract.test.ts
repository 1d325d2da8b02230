/** This lab serves the shared API contract: its starting code already does, so these pass from the start. */
import { contractSuite } from '@hotpath/api/contract';

contractSuite(async () => (await import('#lab/app.ts')).createApp);
