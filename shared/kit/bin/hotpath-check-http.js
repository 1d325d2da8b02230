#!/usr/bin/env node
/**
 * Checks a running Hot Path server over its real port: `node shared/kit/bin/hotpath-check-http.js
 * http://127.0.0.1:3101` after `PORT=3101 pnpm --dir solutions/01-slim-builder start`. Exit 0 when every
 * check passed, 1 with the failures listed otherwise, 2 on a usage error. Loopback addresses only.
 */
import { loadTypeScript } from '@hotpath/workshop/typescript-loader';

await loadTypeScript(); // the kit's own code only (typescript-loader.js)
const { checkOverHttp } = await import('../src/http-check.ts');

const url = process.argv[2];
if (!url || !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+\/?$/.test(url)) {
  console.error('Usage: hotpath-check-http http://127.0.0.1:<port>   (a server started with pnpm start; loopback only)');
  process.exit(2);
}
try {
  const failures = await checkOverHttp(url, (part) => console.error(`checking ${part}…`));
  if (failures.length === 0) {
    console.log(`${url}: every check passed (routes, corpus, 413 with and without Content-Length).`);
  } else {
    console.log(`${url}: ${failures.length} check(s) failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exit(1);
  }
} catch (error) {
  console.error(`${url}: could not complete the checks: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
