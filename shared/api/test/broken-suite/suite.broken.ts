/** The contract suite against an app that coerces strings and answers 404 in plain text (it must fail). */
import { contractSuite } from '../../src/contract.ts';
import { makeReferenceApp } from '../reference-app.ts';

contractSuite(() => makeReferenceApp({ flaws: ['coerces-strings', 'text-not-found'] }));
