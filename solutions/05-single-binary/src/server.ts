/**
 * The entry point of the bundle (dist/server.cjs) and of the plain and code-cache single executables: the
 * final app (lab 04's reference, re-exported by app.ts) served on 127.0.0.1:$PORT (default 3105) by the
 * kit's runServer(), which esbuild bundles in (no tsx). Given code.
 */
import { portFromEnv, runServer } from '@hotpath/api/serve';
import { createApp } from './app.ts';

void runServer(createApp(), { name: 'Hot Path lab 05', port: portFromEnv(3105) });
