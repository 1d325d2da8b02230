/**
 * The contract test suite: checks that a lab's `createApp()` serves the Hot Path API exactly — routes,
 * statuses, headers, exact bodies, the error shape, the body limit, the sink, and every corpus case.
 *
 * A lab's test file is one line:
 *   contractSuite(async () => (await import('#lab/app.ts')).createApp);
 *
 * Everything runs in-process through `app.fetch(new Request(...))` with a fresh app per test, except the
 * `socket` group (contract-socket.ts): the app served on 127.0.0.1 with the kit's server policy. Each check is
 * also exported as a plain async function (`contractChecks()`, `runContract()`) that throws on failure,
 * so the suite itself can be tested against deliberately broken apps.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES, RETRY_AFTER_SECONDS, SEEDED_TODO_COUNT, seedTodos } from './index.ts';
import type { CreateApp, IngestEvent } from './index.ts';
import { corpus, generateBody, ingestFixture, lazyIngestStream, numberSpellings, randomIngestBodies, todosJson, type CorpusCase } from './fixtures.ts';
import {
  acceptedBody,
  enc,
  eventBody,
  expectAccepted,
  expectError,
  expectJson,
  freshApp,
  send,
  type ContractCheck,
  type ContractOptions,
} from './contract-support.ts';
import { socketChecks } from './contract-socket.ts';

export { expectError, freshApp, send };
export { exchange, expectRawError, parseResponses, serveOverSocket, socketChecks, CONTRACT_POLICY, SOCKET_BOUND_MS } from './contract-socket.ts';
export type { RawExchange, RawResponse, SocketServer } from './contract-socket.ts';
export type { Answer, ContractCheck, ContractOptions, SendInit } from './contract-support.ts';

// ---------------------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------------------

type Run = (createApp: CreateApp) => Promise<void>;
const checks: ContractCheck[] = [];
const check = (group: string, name: string, run: Run) => checks.push({ id: `${group} > ${name}`, group, name, run });

check('health', 'GET /health answers 200 {"status":"ok"}', async (createApp) => {
  const a = await send(freshApp(createApp), 'GET', '/health');
  expectJson(a, 200, 'Answer 200 to GET /health');
  expect(a.text, 'Answer GET /health with exactly {"status":"ok"}').toBe('{"status":"ok"}');
});

check('todos', 'GET /todos answers the 100 seeded todos, byte for byte', async (createApp) => {
  const a = await send(freshApp(createApp), 'GET', '/todos');
  expect(expectJson(a, 200, 'Answer 200 to GET /todos'), `Answer GET /todos with the ${SEEDED_TODO_COUNT} todos of seedTodos()`).toStrictEqual(seedTodos());
  expect(a.text, 'Answer GET /todos with exactly the bytes of JSON.stringify(seedTodos())').toBe(todosJson);
});

check('todos', 'GET /todos/:id answers the todo as JSON.stringify writes it', async (createApp) => {
  const app = freshApp(createApp);
  for (const id of [1, 2, 42, 99, SEEDED_TODO_COUNT]) {
    const a = await send(app, 'GET', `/todos/${id}`);
    expectJson(a, 200, `Answer 200 to GET /todos/${id}`);
    expect(a.text, `Answer GET /todos/${id} with exactly JSON.stringify(todo)`).toBe(JSON.stringify(seedTodos()[id - 1]));
  }
});

check('todos', 'GET /todos/:id answers 404 not_found for ids that do not exist', async (createApp) => {
  const app = freshApp(createApp);
  for (const id of ['0', '101', '999', '-1', 'abc', '1.5', '99999999999999999999']) {
    expectError(await send(app, 'GET', `/todos/${id}`), 'not_found', `GET /todos/${id} names no todo`);
  }
});

check('todos', 'POST /todos answers 201 with Location and the todo, then GET /todos/:id finds it', async (createApp) => {
  const app = freshApp(createApp);
  const wanted = [
    { id: 101, title: 'Write the contract', isComplete: false },
    { id: 102, title: 'Run it', isComplete: true },
  ];
  for (const todo of wanted) {
    const body = todo.isComplete ? { title: todo.title, isComplete: true } : { title: todo.title };
    const a = await send(app, 'POST', '/todos', { body: JSON.stringify(body) });
    const created = expectJson(a, 201, `Answer 201 to a valid POST /todos (${JSON.stringify(body)})`);
    expect(created, 'Answer 201 with the created todo {id,title,isComplete}').toStrictEqual(todo);
    expect(a.headers.get('location'), `Send Location: /todos/${todo.id} with the 201 (ids start at 101)`).toBe(`/todos/${todo.id}`);
  }
  for (const todo of wanted) {
    const a = await send(app, 'GET', `/todos/${todo.id}`);
    expectJson(a, 200, `Answer 200 to GET /todos/${todo.id} once it was created`);
    expect(a.text, `Answer GET /todos/${todo.id} with exactly JSON.stringify of the created todo`).toBe(JSON.stringify(todo));
  }
});

check('todos', 'GET /todos lists created todos after the seeded ones, every time it changes', async (createApp) => {
  const app = freshApp(createApp);
  const list = seedTodos();
  expect((await send(app, 'GET', '/todos')).text, 'Answer GET /todos with the seeded todos').toBe(todosJson);
  for (const title of ['first created', 'second created']) {
    expectJson(await send(app, 'POST', '/todos', { body: JSON.stringify({ title }) }), 201, 'Answer 201 to a valid POST /todos');
    list.push({ id: list.length + 1, title, isComplete: false });
    const a = await send(app, 'GET', '/todos');
    expect(a.text, `List the todo "${title}" in GET /todos once it is created (rebuild a cached list after every change)`).toBe(JSON.stringify(list));
  }
});

check('todos', 'each app has its own todos and its own sink', async (createApp) => {
  const first = freshApp(createApp);
  const second = freshApp(createApp);
  expectJson(await send(first, 'POST', '/todos', { body: '{"title":"only in the first app"}' }), 201, 'Answer 201 to a valid POST /todos');
  await expectAccepted(first, eventBody({ itemCount: 1, timestamp: 1 }), { itemCount: 1, timestamp: 1 }, 'the event is valid');
  expectError(await send(second, 'GET', '/todos/101'), 'not_found', 'another app created todo 101 (keep state inside createApp, not in module scope)');
  expect(second.sink.size, 'Give each app its own sink (create it inside createApp)').toBe(0);
  const a = await send(second, 'POST', '/todos', { body: '{"title":"second"}' });
  expect(a.headers.get('location'), 'Start ids at 101 in every new app').toBe('/todos/101');
  const listOf = async (app: typeof first) => (await send(app, 'GET', '/todos')).text;
  expect(await listOf(first), "List the first app's own todo in its GET /todos (a cached list belongs to one app)").toContain('"only in the first app"');
  expect(await listOf(second), "List only the second app's todos in its GET /todos (keep cached lists per app, not in module scope)").not.toContain(
    '"only in the first app"',
  );
  expect(await listOf(second), "List the second app's own todo in its GET /todos").toContain('"second"');
});

check('errors', 'unknown routes answer 404 not_found as JSON', async (createApp) => {
  const app = freshApp(createApp);
  for (const path of ['/nope', '/', '/todos/1/extra', '/ingest', '/ingest/v2', '/health/x']) {
    expectError(await send(app, 'GET', path), 'not_found', `GET ${path} matches no route`);
  }
  expectError(await send(app, 'POST', '/nope', { body: '{}' }), 'not_found', 'POST /nope matches no route');
});

check('ingest', 'POST /ingest/v1 answers 202 with the exact body and queues the event', async (createApp) => {
  const app = freshApp(createApp);
  const e = { itemCount: 3, timestamp: 1717171717171 };
  await expectAccepted(app, eventBody(e, '"source":"sensor-17","items":[{"sku":"A-1","qty":2,"price":9.99,"tags":["x"]}],'), e, 'the event is valid');
  expect(app.sink.drain(), 'Offer each accepted event to app.sink as {itemCount, timestamp}').toEqual([e]);
});

check('ingest', 'the 1 KiB and 64 KiB fixtures are accepted', async (createApp) => {
  const app = freshApp(createApp);
  for (const size of ['1k', '64k'] as const) {
    const f = ingestFixture(size);
    await expectAccepted(app, f.bytes, f, `the body is fixtures/${f.file}`);
    expect(app.sink.drain(), `Queue the event of fixtures/${f.file}`).toEqual([{ itemCount: f.itemCount, timestamp: f.timestamp }]);
  }
});

check('ingest', 'accepted events reach the sink once each, in order', async (createApp) => {
  const app = freshApp(createApp);
  const events = Array.from({ length: 50 }, (_, i) => ({ itemCount: i + 1, timestamp: 1717171717171 + i * 7919 }));
  for (const e of events) await expectAccepted(app, eventBody(e), e, 'events arrive one after another');
  expect(app.sink.drain(), 'Queue accepted events in the order they were accepted, each exactly once').toEqual(events);
  expect(app.sink.drain(), 'drain() must empty the sink').toEqual([]);
});

check('ingest', 'concurrent requests are each accepted exactly once', async (createApp) => {
  const app = freshApp(createApp);
  const events = Array.from({ length: 64 }, (_, i) => ({ itemCount: i + 1, timestamp: 1000 + i }));
  const answers = await Promise.all(events.map(async (e) => ({ e, a: await send(app, 'POST', '/ingest/v1', { body: eventBody(e) }) })));
  for (const { e, a } of answers) expect(a.text, 'Answer each concurrent request with its own event').toBe(acceptedBody(e));
  const drained = app.sink.drain().sort((x, y) => x.itemCount - y.itemCount);
  expect(drained, 'Queue every concurrently accepted event exactly once').toEqual(events);
});

check('ingest', 'unknown fields holding any valid JSON are skipped', async (createApp) => {
  const app = freshApp(createApp);
  const samples = randomIngestBodies(200, 0x5eed);
  for (const { body, itemCount, timestamp } of samples) await expectAccepted(app, body, { itemCount, timestamp }, `the body is valid JSON: ${body}`);
  expect(app.sink.size, 'Queue every accepted event').toBe(samples.length);
});

check('ingest', 'numbers are judged by their value, however they are spelled', async (createApp) => {
  const app = freshApp(createApp);
  for (const { spelled, value } of numberSpellings(200, 0xc0ffee)) {
    const a = await send(app, 'POST', '/ingest/v1', { body: `{"itemCount":${spelled},"timestamp":5}` });
    if (Number.isSafeInteger(value) && value > 0) {
      expectJson(a, 202, `Accept itemCount ${spelled}: JSON.parse reads it as the positive safe integer ${value}`);
      expect(a.text, `Report the value JSON.parse gives itemCount ${spelled}`).toBe(acceptedBody({ itemCount: value, timestamp: 5 }));
    } else {
      const error = expectError(a, 'validation_failed', `itemCount is ${spelled} (value ${value}, not a positive safe integer)`);
      expect(error.message, 'Name the field in the validation message').toContain('itemCount');
    }
  }
});

check('ingest', 'every truncation of a valid body is invalid_json', async (createApp) => {
  const app = freshApp(createApp);
  const small = enc.encode(String.raw`{"s":"é🚀\u00e9\"","a":[1,-2.5e3,true,null,{}],"itemCount":12,"timestamp":1717171717171}`);
  const big = ingestFixture('1k').bytes;
  const cuts = [
    ...Array.from({ length: small.length }, (_, i) => small.subarray(0, i)),
    ...Array.from({ length: big.length / 8 }, (_, i) => big.subarray(0, i * 8 + 3)),
  ];
  for (const body of cuts) {
    expectError(await send(app, 'POST', '/ingest/v1', { body }), 'invalid_json', `the body is cut short after ${body.length} bytes`);
  }
  expect(app.sink.size, 'Queue nothing when the body is not valid JSON').toBe(0);
});

const TWO_MIB = 2 * 1024 * 1024;
check('limits', '413 for a 2 MiB body with Content-Length', async (createApp) => {
  for (const route of ['/ingest/v1', '/todos']) {
    const app = freshApp(createApp);
    const a = await send(app, 'POST', route, { body: generateBody({ kind: 'size', bytes: TWO_MIB }) });
    expectError(a, 'payload_too_large', `${route} gets a body over BODY_LIMIT_BYTES (${BODY_LIMIT_BYTES}) with Content-Length: ${TWO_MIB}`);
    expect(app.sink.size, 'Queue nothing from a refused body').toBe(0);
  }
});

check('limits', '413 for a 2 MiB chunked body without Content-Length', async (createApp) => {
  const app = freshApp(createApp);
  const { stream } = lazyIngestStream(TWO_MIB);
  const a = await send(app, 'POST', '/ingest/v1', { body: stream });
  expectError(a, 'payload_too_large', 'a streamed body without Content-Length grows past BODY_LIMIT_BYTES (count the bytes as they arrive)');
  expect(app.sink.size, 'Queue nothing from a refused body').toBe(0);
});

check('limits', 'a POST is judged route first, then media type, then size', async (createApp) => {
  const app = freshApp(createApp);
  const big = generateBody({ kind: 'size', bytes: TWO_MIB });
  expectError(await send(app, 'POST', '/nope', { body: big }), 'not_found', 'a 2 MiB body goes to an unknown route (check the route before the size)');
  expectError(
    await send(app, 'POST', '/ingest/v1', { body: big, contentType: 'text/plain' }),
    'unsupported_media_type',
    'a 2 MiB text/plain body arrives with Content-Length (check the media type before the size)',
  );
  const { stream, pulled } = lazyIngestStream(64 * 1024 * 1024);
  expectError(
    await send(app, 'POST', '/ingest/v1', { body: stream, contentType: 'text/plain' }),
    'unsupported_media_type',
    'a streamed text/plain body arrives (check the media type before reading any of it)',
  );
  expect(pulled(), 'Refuse a non-JSON body without reading it').toBeLessThan(4 * 1024 * 1024);
});

check('limits', '413 before reading a 64 MiB stream to the end', async (createApp) => {
  const { stream, pulled } = lazyIngestStream(64 * 1024 * 1024);
  const a = await send(freshApp(createApp), 'POST', '/ingest/v1', { body: stream });
  expectError(a, 'payload_too_large', 'a streamed body grows past BODY_LIMIT_BYTES');
  expect(pulled(), 'Stop reading the body as soon as it passes BODY_LIMIT_BYTES: do not buffer it all first').toBeLessThan(4 * 1024 * 1024);
});

check('sink', 'a full sink answers 503 sink_full with Retry-After, then drains in order', async (createApp) => {
  const app = freshApp(createApp, { sinkCapacity: 3 });
  expect(app.sink.capacity, 'Create the sink with options.sinkCapacity').toBe(3);
  const event = (i: number) => ({ itemCount: i, timestamp: 1717171717171 + i });
  const events = [event(1), event(2), event(3)];
  const refused = event(4);
  for (const e of events) await expectAccepted(app, eventBody(e), e, 'the sink has room');
  const full = await send(app, 'POST', '/ingest/v1', { body: eventBody(refused) });
  expectError(full, 'sink_full', 'the sink is full (never answer 202 for an event the sink did not take)');
  expect(full.headers.get('retry-after'), `Send Retry-After: ${RETRY_AFTER_SECONDS} with the 503`).toBe(String(RETRY_AFTER_SECONDS));
  expect(app.sink.drain(), 'Keep the three accepted events, in order, and not the refused one').toEqual(events);
  expect(app.sink.drain(), 'Hand out each event once: drain() empties the sink').toEqual([]);
  await expectAccepted(app, eventBody(refused), refused, 'the sink was drained and has room again');
  expect(app.sink.drain(), 'Queue the event accepted after the drain').toEqual([refused]);
});

/** Runs one corpus case against a fresh app. */
export async function checkCorpusCase(createApp: CreateApp, c: CorpusCase): Promise<void> {
  const app = freshApp(createApp);
  const a = await send(app, 'POST', c.route, { body: c.body, contentType: c.contentType });
  const when = `POST ${c.route} gets "${c.name}"${c.note ? ` — ${c.note}` : ''}`;
  const e = c.expect;
  if (e.code) {
    const error = expectError(a, e.code, when);
    if (e.field) expect(error.message, `Name the field "${e.field}" in the validation message when ${when}`).toContain(e.field);
  } else if (e.status === 202) {
    expectJson(a, 202, `Answer 202 when ${when}`);
    expect(a.text, `Answer exactly {"accepted":true,"itemCount":N,"timestamp":T} when ${when}`).toBe(acceptedBody(e as IngestEvent));
  } else if (e.status === 201) {
    const todo = { id: 101, ...e.todo };
    expect(expectJson(a, 201, `Answer 201 when ${when}`), `Answer 201 with the created todo when ${when}`).toStrictEqual(todo);
    expect(a.headers.get('location'), 'Send Location: /todos/101 for the first todo an app creates').toBe('/todos/101');
    const got = expectJson(await send(app, 'GET', '/todos/101'), 200, 'Serve the created todo at GET /todos/101');
    expect(got, 'Serve the created todo at GET /todos/101 unchanged').toStrictEqual(todo);
  }
  if (c.route === '/ingest/v1') {
    const queued = app.sink.drain();
    if (e.status === 202) expect(queued, `Queue the accepted event exactly once when ${when}`).toEqual([{ itemCount: e.itemCount, timestamp: e.timestamp }]);
    else expect(queued, `Queue nothing when the request is refused (${when})`).toEqual([]);
  }
}

/** Every check: the fixed ones, then one per corpus case (group 'corpus'). */
export function contractChecks(cases: CorpusCase[] = corpus()): ContractCheck[] {
  const fromCorpus = cases.map<ContractCheck>((c) => {
    const name = `POST ${c.route}: ${c.name}`;
    return { id: `corpus > ${name}`, group: 'corpus', name, run: (createApp) => checkCorpusCase(createApp, c) };
  });
  return [...checks, ...socketChecks(), ...fromCorpus];
}

export interface ContractFailure {
  id: string;
  message: string;
}

/** Runs the checks one after another outside of vitest's describe/it and returns the ones that failed. */
export async function runContract(createApp: CreateApp, filter: (check: ContractCheck) => boolean = () => true): Promise<ContractFailure[]> {
  const failures: ContractFailure[] = [];
  for (const c of contractChecks().filter(filter)) {
    try {
      await c.run(createApp);
    } catch (error) {
      failures.push({ id: c.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return failures;
}

/** Declares the contract as a vitest suite: one `describe` per group, one test per check and per corpus case. */
export function contractSuite(load: () => CreateApp | Promise<CreateApp>, options: ContractOptions = {}): void {
  describe(options.title ?? 'API contract', () => {
    let createApp: CreateApp | undefined;
    beforeAll(async () => {
      createApp = await load();
      if (typeof createApp !== 'function') throw new TypeError('contractSuite(load): load() must return the createApp function');
    });
    const groups = new Map<string, ContractCheck[]>();
    for (const c of contractChecks().filter(options.filter ?? (() => true))) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
    for (const [group, list] of groups) {
      describe(group, () => {
        for (const c of list) it(c.name, () => c.run(createApp!), options.timeoutMs);
      });
    }
  });
}
