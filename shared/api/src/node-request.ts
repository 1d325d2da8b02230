/**
 * The Node request behind a Hono request. Under @hono/node-server an app's fetch is called as
 * `fetch(request, { incoming, outgoing })`; the kit's apps pass their own state to Hono as `c.env`, so the
 * IncomingMessage is handed over here instead: `withNodeRequests(app)` records it for the duration of the
 * synchronous part of `fetch`, and a handler takes it with `nodeRequest()` before its first `await`. Read
 * after an await, it is undefined — never another request's — and the handler falls back to the Request's
 * own body stream, as it does for requests made in-process (app.request() in the tests). Lab 04 uses it to
 * stream bodies from the socket into pooled memory.
 */
import type { IncomingMessage } from 'node:http';
import type { HotPathApp } from './types.ts';

let current: IncomingMessage | undefined;

/** The IncomingMessage of the request being dispatched; only valid before the handler's first await. */
export function nodeRequest(): IncomingMessage | undefined {
  return current;
}

/** `app`, with each request's IncomingMessage made available to its handler through nodeRequest(). */
export function withNodeRequests(app: HotPathApp): HotPathApp {
  return {
    sink: app.sink,
    fetch(request: Request, node?: { incoming?: IncomingMessage }) {
      current = node?.incoming;
      try {
        return app.fetch(request);
      } finally {
        current = undefined;
      }
    },
  };
}
