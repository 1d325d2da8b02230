/**
 * This lab serves the shared API contract, and answers an aborted upload without an error-level line (the
 * given pipeline does: a 400 and the debug event 'request aborted'). Its starting code already does both,
 * so these pass from the start.
 */
import { contractSuite } from '@hotpath/api/contract';
import { abortedUploadSuite } from '@hotpath/kit/aborted-uploads';

const load = async () => (await import('#lab/app.ts')).createApp;
contractSuite(load);
abortedUploadSuite(load);
