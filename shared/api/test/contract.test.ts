/** The contract suite passes against the reference app, with its own streaming limit and with hono/body-limit. */
import { contractSuite } from '../src/contract.ts';
import { createReferenceApp, makeReferenceApp } from './reference-app.ts';

contractSuite(() => createReferenceApp);
contractSuite(async () => makeReferenceApp({ limiter: 'hono' }), { title: 'API contract (reference app on hono/body-limit)' });
