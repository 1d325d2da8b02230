/**
 * Lab 01 — your app. It starts as lab 00's: the controller-style baseline, re-exported from
 * @hotpath/baseline, so the API already answers correctly (the contract tests pass) but every request goes
 * through the full middleware stack, the DI container, class-transformer and class-validator.
 *
 * TODO(step 4): replace the re-export below with your own createApp(), in this file:
 *   - once, at module level: `new Hono<AppEnv>()`, register every entry of `routes` (routes.ts) with
 *     `router.on(route.method, route.path, route.handler)`, and set `router.notFound(...)` (your 404
 *     not_found, responses.ts) and `router.onError(...)` (your internalError(): a 500 is a bug, but its body
 *     is still JSON) so every answer is JSON. No `app.use(...)`: this API needs no middleware.
 *     A 500 is a bug someone must see: in onError, log it at error level with an event defined once
 *     (step 1), e.g. its method, path and String(error). Only bugs reach onError: an upload the client cut
 *     off is answered by the given readBodyBytes() and logged at debug level.
 *   - per call of createApp(options): the state one app owns (AppState, #given) — createTodoStore(),
 *     createTodoListCache(todos), createBoundedSink(options.sinkCapacity), sinkRefusing: false,
 *     createLogger(options), all from @hotpath/api but the cache — and return
 *     `{ sink, fetch: (request) => router.fetch(request, state) }`: Hono hands `state` to every handler
 *     as `c.env`.
 * When nothing imports @hotpath/baseline any more, the module-graph test passes.
 */
export { createApp } from '@hotpath/baseline';
