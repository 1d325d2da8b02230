/**
 * The Node request behind a Hono request. Under @hono/node-server an app's fetch is called as
 * `fetch(request, { incoming, outgoing })`; the kit's apps pass their own state to Hono as `c.env`, so the
 * IncomingMessage is handed over here instead: `withNodeRequests(app)` records it for the duration of the
 * synchronous part of `fetch`, and a handler takes it with `nodeRequest()` before its first `await`. Read
 * after an await, it is undefined — never another request's — and the handler falls back to the Request's
 * own body stream, as it does for requests made in-process (app.request() in the tests). Lab 04 uses it to
 * stream bodies from the socket into pooled memory.
 *
 * `requestHeader()` is the kit's one header policy for code that reads the IncomingMessage: a field's value
 * as Fetch's `Headers` (and so Hono's `c.req.header()`, which labs 00–03 use) give it — every occurrence in
 * the raw header block, in order, joined with ", ". `incoming.headers` differs on purpose in Node: it keeps
 * the first of two Content-Types and only the first 1,000 header lines, so a second, conflicting
 * Content-Type or one placed after 999 other headers would be judged differently from lab to lab.
 */
import type { IncomingMessage } from 'node:http';
import type { HotPathApp } from './types.ts';

let current: IncomingMessage | undefined;

/**
 * The value of header `name` (lower case) as Fetch's Headers give it: every occurrence in
 * `incoming.rawHeaders`, in order, joined with ", "; undefined when the request has none. Two conflicting
 * Content-Types come back as "application/json, text/plain", which no media-type check accepts.
 */
export function requestHeader(incoming: Pick<IncomingMessage, 'rawHeaders'>, name: string): string | undefined {
  const raw = incoming.rawHeaders;
  let value: string | undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const field = raw[i]!;
    if (field.length !== name.length || field.toLowerCase() !== name) continue;
    value = value === undefined ? raw[i + 1]! : `${value}, ${raw[i + 1]!}`;
  }
  return value;
}

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
