/**
 * Step 3 — an explicit route table. src/routes.ts lists every route of the API with a handler function
 * (the counterpart of minimal APIs' app.MapGet), for src/app.ts to register: nothing is discovered by
 * scanning classes. (That the app serves them is the contract's job; that nothing else is loaded, the
 * module graph's; that nothing is built per request, the heap budget's.)
 */
import { describe, expect, it } from 'vitest';
import { routes } from '#lab/routes.ts';

const API = ['GET /health', 'GET /todos', 'GET /todos/:id', 'POST /todos', 'POST /ingest/v1'];

describe('the route table', () => {
  it('lists the five routes of the API, once each', () => {
    const listed = routes.map((route) => `${route.method} ${route.path}`);
    expect([...listed].sort(), `List exactly ${API.join(', ')} in routes (src/routes.ts)`).toEqual([...API].sort());
  });

  it('gives every route a handler function', () => {
    for (const route of routes) {
      expect(typeof route.handler, `Give ${route.method} ${route.path} a handler: a module-level function (c) => Response`).toBe('function');
    }
  });
});
