/**
 * The entry point of the bundle (dist/server.cjs) and of the plain and code-cache single executables: the
 * final app (lab 04's reference, re-exported by app.ts) served on 127.0.0.1:$PORT. Given code.
 */
import { createApp } from './app.ts';
import { portFromEnv, serveApp } from './serve.ts';

serveApp(createApp(), portFromEnv());
