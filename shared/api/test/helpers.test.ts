/** The shared helpers the slim labs build on: the limited body reader, the JSON depth scan and the todo store. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTodoStore, jsonTextDepth, readBodyWithin, seedTodos, TOO_LARGE, MAX_CREATED_TODOS, SEEDED_TODO_COUNT } from '../src/index.ts';
import { lazyIngestStream } from '../src/fixtures.ts';

/** Depth of a parsed value, the slow and obvious way. */
function valueDepth(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Object.values(value);
  return 1 + (children.length === 0 ? 0 : Math.max(...children.map(valueDepth)));
}

describe('jsonTextDepth', () => {
  it('agrees with the depth of the parsed value for any JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.boolean(), (value, spaced) => {
        const text = JSON.stringify(value, null, spaced ? 1 : undefined);
        expect(jsonTextDepth(text)).toBe(valueDepth(JSON.parse(text)));
      }),
      { numRuns: 500 },
    );
  });

  it('skips brackets and escaped quotes inside strings, and does not recurse', () => {
    expect(jsonTextDepth(String.raw`{"a":"[[[{\"\\","b":[1]}`)).toBe(2);
    expect(jsonTextDepth('['.repeat(100_000) + ']'.repeat(100_000))).toBe(100_000);
  });
});

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://127.0.0.1/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('readBodyWithin', () => {
  it('reads a body with Content-Length, and refuses a longer declared one before reading', async () => {
    const bytes = new TextEncoder().encode('{"a":1}');
    expect(await readBodyWithin(post(bytes, { 'content-length': '7' }), 7)).toEqual(bytes);
    expect(await readBodyWithin(post(bytes, { 'content-length': '7' }), 6)).toBe(TOO_LARGE);
  });

  it('counts a streamed body and stops reading soon after the limit', async () => {
    const { stream, pulled } = lazyIngestStream(64 * 1024 * 1024);
    expect(await readBodyWithin(post(stream), 1024 * 1024)).toBe(TOO_LARGE);
    expect(pulled()).toBeLessThan(4 * 1024 * 1024);
    const small = lazyIngestStream(100_000);
    const body = await readBodyWithin(post(small.stream), 1024 * 1024);
    expect(body instanceof Uint8Array && body.byteLength).toBe(100_000);
  });

  it('answers an empty body for a request without one', async () => {
    expect(await readBodyWithin(new Request('http://127.0.0.1/x', { method: 'POST' }), 10)).toEqual(new Uint8Array(0));
  });
});

describe('createTodoStore', () => {
  it('starts with the seeded todos, adds from 101, bumps version and stays bounded', () => {
    const store = createTodoStore();
    expect([...store.values()]).toEqual(seedTodos());
    const v = store.version;
    expect(store.add('x', true)).toEqual({ id: SEEDED_TODO_COUNT + 1, title: 'x', isComplete: true });
    expect(store.version).toBeGreaterThan(v);
    for (let i = 0; i < MAX_CREATED_TODOS + 5; i++) store.add(`t${i}`, false);
    expect(store.size).toBe(SEEDED_TODO_COUNT + MAX_CREATED_TODOS);
    expect(store.find(SEEDED_TODO_COUNT + 1)).toBeUndefined();
    expect(store.find(1)).toEqual(seedTodos()[0]);
  });
});
