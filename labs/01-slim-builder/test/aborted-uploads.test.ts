/**
 * Step 4: an aborted upload is not an error. Lab 00 prints a whole stack trace for every client that drops
 * its connection mid-body (7 lines each); your app answers it 400, counts it with the debug event
 * 'request aborted' (the given readBodyBytes does both) and keeps error-level lines for real bugs, which
 * your onError logs. Over a real socket, then without one; the checks are in @hotpath/kit/aborted-uploads (shared/kit/src/aborted-uploads.ts).
 */
import { abortedUploadSuite } from '@hotpath/kit/aborted-uploads';

abortedUploadSuite(async () => (await import('#lab/app.ts')).createApp);
