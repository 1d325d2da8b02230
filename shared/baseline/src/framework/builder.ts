/**
 * The "full builder": installs the whole middleware stack whether the API needs it or not — request ids,
 * Server-Timing, an access logger, CORS, secure headers, ETags and pretty JSON — the Node
 * counterpart of ASP.NET's WebApplication.CreateBuilder defaults. Lab 01 lists each piece and removes it.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { logger as accessLogger } from 'hono/logger';
import { prettyJSON } from 'hono/pretty-json';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { timing } from 'hono/timing';
import { exceptionFilter, NotFound } from './errors.ts';
import type { Logger } from './logger.ts';

/** Credentials never reach a log line, whatever the level. */
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization', 'set-cookie']);
const redactSecrets = (key: string, value: unknown) => (SECRET_HEADERS.has(key) ? '[redacted]' : value);

export function createFullBuilder(log: Logger): Hono {
  const app = new Hono();
  app.use(requestId());
  app.use(timing());
  app.use(accessLogger((line) => log.info(line)));
  app.use(async (c, next) => {
    // A per-request child logger, built eagerly for every request.
    const requestLog = log.child({ requestId: c.get('requestId'), method: c.req.method, path: c.req.path });
    requestLog.debug(`Handling ${c.req.method} ${c.req.url} with headers ${JSON.stringify(c.req.header(), redactSecrets)}`);
    await next();
    requestLog.debug(`Completed ${c.req.method} ${c.req.path} with ${c.res.status}`);
  });
  app.use(cors());
  app.use(secureHeaders());
  app.use(etag());
  app.use(prettyJSON());
  app.notFound((c) => exceptionFilter(NotFound(`No route for ${c.req.method} ${c.req.path}`), c));
  app.onError(exceptionFilter);
  return app;
}
