/**
 * Step 4 — every type that crosses HTTP is registered, and the app uses only the generated code. Each route
 * declares what it accepts and returns; the check refuses an unregistered type, naming the type and the
 * fix; while the app serves every route (successes and errors), JSON.stringify is never called — by that
 * name or any other a module took when it loaded — except by quote()'s exact fallback for a string that
 * needs escaping; and a validation error carries the path of the wrong value.
 */
import { MAX_TITLE_LENGTH, type CreateApp } from '@hotpath/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '#lab/app.ts';
import { unregisteredTypes } from '#lab/check-registry.ts';
import * as routesModule from '#lab/routes.ts';

/** The body types of each route. */
const EXPECTED: Record<string, { accepts?: string; returns: string[] }> = {
  'GET /health': { returns: ['Health'] },
  'GET /todos': { returns: ['TodoList'] },
  'GET /todos/:id': { returns: ['Todo', 'ErrorBody'] },
  'POST /todos': { accepts: 'CreateTodo', returns: ['Todo', 'ErrorBody'] },
  'POST /ingest/v1': { accepts: 'IngestEvent', returns: ['IngestAccepted', 'ErrorBody'] },
};

interface Declared {
  method: string;
  path: string;
  accepts?: string;
  returns?: readonly string[];
}

const json = { 'content-type': 'application/json' };
const post = (path: string, body: unknown) => new Request(`http://lab${path}`, { method: 'POST', headers: json, body: JSON.stringify(body) });

describe('the route table', () => {
  const table = (routesModule as { routes?: readonly Declared[] }).routes ?? [];
  it.each(Object.entries(EXPECTED))('%s declares its body types', (name, expected) => {
    const route = table.find((r) => `${r.method} ${r.path}` === name);
    expect(route, `Keep ${name} in the routes table of src/routes.ts`).toBeDefined();
    const declared = { accepts: route?.accepts, returns: [...(route?.returns ?? [])].sort() };
    expect(
      declared,
      `Declare ${name}'s bodies: ${expected.accepts ? `accepts: '${expected.accepts}', ` : ''}returns: [${expected.returns.map((t) => `'${t}'`).join(', ')}]`,
    ).toEqual({
      accepts: expected.accepts,
      returns: [...expected.returns].sort(),
    });
  });
});

describe('the registry check', () => {
  const registered = ['Todo', 'TodoList', 'CreateTodo', 'ErrorBody', 'Health'];
  const routes: Declared[] = [
    { method: 'GET', path: '/todos', returns: ['TodoList'] },
    { method: 'POST', path: '/todos', accepts: 'TodoDraft', returns: ['Todo', 'ErrorBody'] },
    { method: 'GET', path: '/stats', returns: ['TodoStats'] },
  ];

  it('finds every unregistered type, naming the route, the type and the fix', () => {
    const problems = unregisteredTypes(routes, registered);
    expect(problems, 'Return one problem per unregistered type (TodoDraft accepted by POST /todos, TodoStats returned by GET /stats)').toHaveLength(2);
    const [draft, stats] = problems;
    for (const [problem, route, type] of [
      [draft, 'POST /todos', 'TodoDraft'],
      [stats, 'GET /stats', 'TodoStats'],
    ] as const) {
      expect(problem, `Name the route in the message: ${route}`).toContain(route);
      expect(problem, `Name the type in the message: ${type}`).toContain(type);
      expect(problem, 'Say how to fix it: register the type in src/registry.ts and run pnpm generate').toMatch(/registry[\s\S]*pnpm generate/);
    }
  });

  it('passes a table whose types are all registered', () => {
    expect(unregisteredTypes(routes.slice(0, 1), registered), 'Report nothing when every declared type is registered').toEqual([]);
  });

  it("passes the app's own route table", () => {
    const table = (routesModule as { routes?: readonly Declared[] }).routes ?? [];
    const everyApiType = [...new Set(Object.values(EXPECTED).flatMap((e) => [...e.returns, ...(e.accepts ? [e.accepts] : [])]))];
    expect(unregisteredTypes(table, everyApiType), "Declare only the API's own types on its routes").toEqual([]);
  });
});

/** What quote() may hand to JSON.stringify: one string that needs escaping (its documented, exact fallback). */
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;
const isQuoteFallback = (args: unknown[]) => args.length === 1 && typeof args[0] === 'string' && NEEDS_ESCAPE.test(args[0]);

/** Every route, successes and errors, and a title quote() must escape. */
const SERVED: Array<[string, () => Request]> = [
  ['POST /todos', () => new Request('http://lab/todos', { method: 'POST', headers: json, body: '{"title":"Generate the serializers"}' })],
  ['POST /todos with a title to escape', () => new Request('http://lab/todos', { method: 'POST', headers: json, body: '{"title":"a \\"quoted\\" title"}' })],
  ['GET /todos (after a change)', () => new Request('http://lab/todos')],
  ['GET /todos/3', () => new Request('http://lab/todos/3')],
  ['POST /todos with a number title', () => new Request('http://lab/todos', { method: 'POST', headers: json, body: '{"title":5}' })],
  ['POST /ingest/v1', () => new Request('http://lab/ingest/v1', { method: 'POST', headers: json, body: '{"itemCount":3,"timestamp":1700000000000}' })],
  ['POST /ingest/v1 with a fraction', () => new Request('http://lab/ingest/v1', { method: 'POST', headers: json, body: '{"itemCount":1.5,"timestamp":1}' })],
  ['POST /todos with broken JSON', () => new Request('http://lab/todos', { method: 'POST', headers: json, body: '{"title":' })],
];

/**
 * The requests during which JSON.stringify ran (other than quote()'s fallback) while `load()`'s app served
 * SERVED. The counting JSON.stringify goes in *before* the app's modules load (vi.resetModules, then
 * `load()` imports them afresh), so a module that keeps the function under another name when it loads
 * (`const write = JSON.stringify`) keeps the counting one. Calls while the modules load (a body made once)
 * are not counted.
 */
async function stringifyCallsWhileServing(load: () => Promise<{ createApp: CreateApp }>): Promise<string[]> {
  const original = JSON.stringify;
  const calls: string[] = [];
  let now: string | undefined;
  JSON.stringify = function (this: unknown, ...args: Parameters<typeof JSON.stringify>) {
    if (now !== undefined && !isQuoteFallback(args)) calls.push(now);
    return original.apply(JSON, args);
  } as typeof JSON.stringify;
  try {
    vi.resetModules();
    const app = (await load()).createApp({ logWrite: () => {} });
    // undici clones its global options with JSON.stringify the first time it is used: get that done first.
    await (await app.fetch(new Request('http://lab/health'))).text();
    for (const [name, make] of SERVED) {
      const request = make();
      now = name;
      await (await app.fetch(request)).text();
      now = `after ${name}`;
    }
  } finally {
    JSON.stringify = original;
  }
  return [...new Set(calls)];
}

describe('serving with the generated code', () => {
  afterEach(() => vi.restoreAllMocks());

  it('never calls JSON.stringify while serving, by any name', async () => {
    const calls = await stringifyCallsWhileServing(() => import('#lab/app.ts'));
    expect(
      calls,
      'Serialize every body with the generated code (jsonContext.<Type>.serialize), also error bodies and the GET /todos cache: JSON.stringify ran while serving (only quote() may call it, for a string that needs escaping)',
    ).toEqual([]);
  });

  it('catches a generated module that took JSON.stringify under another name when it loaded (planted shortcut)', async () => {
    const calls = await stringifyCallsWhileServing(() => import('./support/planted/app.ts'));
    expect(calls, "The check must see the planted module's captured JSON.stringify").toContain('GET /todos/3');
    // A spy installed after the module loaded (the old check) sees nothing: why the counting one goes in first.
    vi.resetModules();
    const { createApp: plantedApp } = await import('./support/planted/app.ts');
    const spy = vi.spyOn(JSON, 'stringify');
    await (await plantedApp().fetch(new Request('http://lab/todos/3'))).text();
    expect(spy).not.toHaveBeenCalled();
  });

  it('answers a validation error with the path of the wrong value', async () => {
    const app = createApp({ logWrite: () => {} });
    const cases: Array<[Request, string]> = [
      [post('/todos', { title: 5 }), '/title must be a string'],
      [post('/todos', { title: 'x'.repeat(MAX_TITLE_LENGTH + 1) }), `/title must be 1 to ${MAX_TITLE_LENGTH} characters long`],
      [post('/todos', { title: 'ok', isComplete: 'yes' }), '/isComplete must be true or false'],
      [post('/ingest/v1', { itemCount: 1.5, timestamp: 1 }), '/itemCount must be an integer'],
      [post('/ingest/v1', { itemCount: 1 }), '/timestamp is required'],
    ];
    for (const [request, message] of cases) {
      const response = await app.fetch(request);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(response.status).toBe(400);
      expect(body.error, `Answer validation_failed with the generated validator's message ("${message}")`).toEqual({ code: 'validation_failed', message });
    }
  });
});
