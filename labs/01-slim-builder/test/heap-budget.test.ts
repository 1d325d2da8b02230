/**
 * Step 4 — allocate per request only what the request needs. GET /health and GET /todos go through
 * `app.fetch` in-process; the heap an app adds to a bare Request/Response round trip must stay within
 * APP_HEAP_BUDGET. Measured on Node 20.20 (2026-11-25): the reference solution adds ~1.5 KiB to either
 * route, lab 00's app ~55 KiB to GET /health and ~490 KiB to GET /todos. A GET /todos that serializes the
 * 100 todos again on every request adds ~10 KiB, so the budget also proves the list is cached.
 */
import { createApp as createBaselineApp } from '@hotpath/baseline';
import { todosJson } from '@hotpath/api/fixtures';
import { describe, expect, it } from 'vitest';
import { createApp } from '#lab/app.ts';
import { heapPerGet, kb } from './support/heap.ts';

/** What a slim app may add per GET on top of undici's own Request/Response (~16 KiB). */
const APP_HEAP_BUDGET = 4 * 1024;

const silent = { logWrite: () => {} };

describe('heap per request', () => {
  it(`GET /health adds at most ${kb(APP_HEAP_BUDGET)} to a bare request`, async () => {
    const yours = await heapPerGet(createApp(silent), '/health', '{"status":"ok"}');
    // Lab 00's figure is only for the message, so it is measured only when the budget is missed.
    const lab00 = yours.app > APP_HEAP_BUDGET ? await heapPerGet(createBaselineApp(silent), '/health', '{"status":"ok"}') : undefined;
    expect(
      yours.app,
      `GET /health adds ${kb(yours.app)} per request${lab00 ? ` (lab 00: ${kb(lab00.app)})` : ''}. Serve it from a module-level handler ` +
        'with a body built once, and drop the middleware the API does not need (request id, timing, logger, CORS, ETag…)',
    ).toBeLessThanOrEqual(APP_HEAP_BUDGET);
  });

  it(`GET /todos adds at most ${kb(APP_HEAP_BUDGET)} to a bare request: the list is serialized once, not per request`, async () => {
    const yours = await heapPerGet(createApp(silent), '/todos', todosJson);
    expect(
      yours.app,
      `GET /todos adds ${kb(yours.app)} per request. Keep the JSON of the list and reuse it until a POST /todos changes the ` +
        'list (compare store.version); no instanceToPlain, no copy of the list per request',
    ).toBeLessThanOrEqual(APP_HEAP_BUDGET);
  });

  it('GET /todos stays within budget after the list changed (rebuilt once, then cached again)', async () => {
    const app = createApp(silent);
    const created = await app.fetch(
      new Request('http://127.0.0.1/todos', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"cache me"}' }),
    );
    expect(created.status, 'Answer 201 to a valid POST /todos').toBe(201);
    const list = await (await app.fetch(new Request('http://127.0.0.1/todos'))).text();
    expect(list.includes('"cache me"'), 'List the new todo in GET /todos after POST /todos').toBe(true);
    const yours = await heapPerGet(app, '/todos', list);
    expect(
      yours.app,
      `GET /todos adds ${kb(yours.app)} per request after a POST. Rebuild the cached body once per change, not per request`,
    ).toBeLessThanOrEqual(APP_HEAP_BUDGET);
  });
});
