/**
 * A small, correct implementation of the contract (Hono + JSON.parse), used to prove the contract suite:
 * the suite must pass against it, and must fail against each deliberately broken variant (`flaws`).
 *
 * Body handling: 415 unless isJsonContentType; 413 from Content-Length, else by counting streamed bytes and
 * stopping at the limit (or hono/body-limit with `limiter: 'hono'`); a fatal TextDecoder that keeps the BOM
 * (so a BOM is a syntax error); JSON.parse; then a depth scan of the text (iterative, no recursion).
 */
import type { IncomingMessage } from 'node:http';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  BODY_LIMIT_BYTES,
  ERROR_STATUS,
  MAX_JSON_DEPTH,
  MAX_TITLE_LENGTH,
  RETRY_AFTER_SECONDS,
  createBoundedSink,
  errorBody,
  concatBytes,
  isJsonContentType,
  jsonTextDepth,
  seedTodos,
  type CreateApp,
  type ErrorCode,
  type Todo,
} from '../src/index.ts';

/** Bugs a lab could have; each must make at least one contract check fail. */
export const FLAWS = [
  'coerces-strings', // itemCount "3" is read as 3
  'accepts-fractions', // itemCount 1.5 is accepted (finite > 0 instead of safe integer)
  'no-depth-limit', // any nesting is accepted
  'lenient-utf8', // invalid UTF-8 becomes U+FFFD instead of invalid_json
  'strips-bom', // a UTF-8 BOM is skipped
  'content-type-prefix', // startsWith('application/json'): application/jsonx passes
  'trusts-content-length', // only the header is checked: a chunked body is read whole
  'buffers-then-limits', // the whole body is read, then its size is checked
  'drops-when-full', // 202 even when the sink refused the event
  'text-errors', // errors as text/plain
  'text-not-found', // Hono's default 404
  'trims-title', // titles are trimmed
  'shared-state', // todos live in module scope, shared by every app
  'pretty-todos', // GET /todos is pretty-printed
  'stale-todo-list', // GET /todos is cached once and never rebuilt
  'parse-int-id', // /todos/1.5 answers todo 1
  'no-location', // 201 without Location
  'node-headers', // Content-Type and Content-Length from incoming.headers (first 1,000 lines, first of two)
  'late-413', // Content-Length ignored: 413 only once the streamed bytes pass the limit
] as const;
export type Flaw = (typeof FLAWS)[number];

export interface ReferenceOptions {
  flaws?: readonly Flaw[];
  /** 'own': a streaming counter that stops at the limit; 'hono': hono/body-limit. */
  limiter?: 'own' | 'hono';
}

class TooLarge extends Error {}

/** Reads a body, refusing (TooLarge) as soon as it passes `limit` bytes. */
async function readLimited(req: Request, length: string | undefined, limit: number, flaws: Set<Flaw>): Promise<Uint8Array> {
  if (length !== undefined && Number(length) > limit && !flaws.has('late-413')) throw new TooLarge();
  if (!req.body) return new Uint8Array(0);
  if (flaws.has('trusts-content-length')) return new Uint8Array(await req.arrayBuffer());
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit && !flaws.has('buffers-then-limits')) {
      await reader.cancel();
      throw new TooLarge();
    }
    chunks.push(value);
  }
  if (size > limit) throw new TooLarge();
  return concatBytes(chunks, size);
}

const isSafePositive = (v: unknown, flaws: Set<Flaw>): boolean => {
  const n = flaws.has('coerces-strings') && typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number') return false;
  return flaws.has('accepts-fractions') ? Number.isFinite(n) && n > 0 : Number.isSafeInteger(n) && n > 0;
};

const sharedTodos = new Map<number, Todo>(seedTodos().map((t) => [t.id, t]));

export function makeReferenceApp(options: ReferenceOptions = {}): CreateApp {
  const flaws = new Set(options.flaws ?? []);
  const decoder = new TextDecoder('utf-8', { fatal: !flaws.has('lenient-utf8'), ignoreBOM: !flaws.has('strips-bom') });
  const isJson = (ct: string | undefined) => (flaws.has('content-type-prefix') ? (ct ?? '').startsWith('application/json') : isJsonContentType(ct));

  return (appOptions = {}) => {
    const sink = createBoundedSink(appOptions.sinkCapacity);
    const todos = flaws.has('shared-state') ? sharedTodos : new Map<number, Todo>(seedTodos().map((t) => [t.id, t]));
    let nextId = flaws.has('shared-state') ? Math.max(...todos.keys()) + 1 : 101;
    const app = new Hono();

    const fail = (c: Context, code: ErrorCode, message: string, headers?: Record<string, string>) =>
      flaws.has('text-errors') ? c.text(`${code}: ${message}`, ERROR_STATUS[code], headers) : c.json(errorBody(code, message), ERROR_STATUS[code], headers);

    /** A request header; with 'node-headers', as Node's incoming.headers has it when served over a socket. */
    const header = (c: Context, name: string): string | undefined => {
      const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
      if (flaws.has('node-headers') && incoming) return incoming.headers[name] as string | undefined;
      return c.req.header(name);
    };

    /** The POST pipeline: media type, size, UTF-8, JSON, depth, then an object. */
    async function readJsonObject(c: Context): Promise<Record<string, unknown> | Response> {
      if (!isJson(header(c, 'content-type'))) return fail(c, 'unsupported_media_type', 'Send the body as application/json');
      let bytes: Uint8Array;
      try {
        bytes =
          options.limiter === 'hono'
            ? new Uint8Array(await c.req.arrayBuffer())
            : await readLimited(c.req.raw, header(c, 'content-length'), BODY_LIMIT_BYTES, flaws);
      } catch (error) {
        if (error instanceof TooLarge) return fail(c, 'payload_too_large', `The body is larger than ${BODY_LIMIT_BYTES} bytes`);
        throw error;
      }
      let text: string;
      let value: unknown;
      try {
        text = decoder.decode(bytes);
        value = JSON.parse(text);
      } catch {
        return fail(c, 'invalid_json', 'The body is not valid JSON (UTF-8, no BOM)');
      }
      if (!flaws.has('no-depth-limit') && jsonTextDepth(text) > MAX_JSON_DEPTH) {
        return fail(c, 'invalid_json', `The body nests deeper than ${MAX_JSON_DEPTH} levels`);
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail(c, 'validation_failed', 'The body must be a JSON object');
      return value as Record<string, unknown>;
    }

    if (options.limiter === 'hono') {
      const requireJson: MiddlewareHandler = async (c, next) =>
        isJson(c.req.header('content-type')) ? next() : fail(c, 'unsupported_media_type', 'Send application/json');
      const limit = bodyLimit({ maxSize: BODY_LIMIT_BYTES, onError: (c) => fail(c, 'payload_too_large', `The body is larger than ${BODY_LIMIT_BYTES} bytes`) });
      app.on('POST', ['/todos', '/ingest/v1'], requireJson, limit);
    }

    app.get('/health', (c) => c.json({ status: 'ok' }));
    let staleList: string | undefined;
    app.get('/todos', (c) => {
      if (flaws.has('stale-todo-list')) {
        staleList ??= JSON.stringify([...todos.values()]);
        return c.body(staleList, 200, { 'content-type': 'application/json' });
      }
      const list = [...todos.values()];
      return c.body(flaws.has('pretty-todos') ? JSON.stringify(list, null, 1) : JSON.stringify(list), 200, { 'content-type': 'application/json' });
    });
    app.get('/todos/:id', (c) => {
      const raw = c.req.param('id');
      const id = flaws.has('parse-int-id') ? parseInt(raw, 10) : /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : NaN;
      const todo = todos.get(id);
      return todo ? c.json(todo) : fail(c, 'not_found', `No todo with id ${raw}`);
    });
    app.post('/todos', async (c) => {
      const body = await readJsonObject(c);
      if (body instanceof Response) return body;
      const title = flaws.has('trims-title') && typeof body.title === 'string' ? body.title.trim() : body.title;
      if (typeof title !== 'string' || title.length < 1 || title.length > MAX_TITLE_LENGTH) {
        return fail(c, 'validation_failed', `title must be a string of 1 to ${MAX_TITLE_LENGTH} characters`);
      }
      if (body.isComplete !== undefined && typeof body.isComplete !== 'boolean') return fail(c, 'validation_failed', 'isComplete must be a boolean');
      const todo: Todo = { id: nextId++, title, isComplete: body.isComplete === true };
      todos.set(todo.id, todo);
      return c.json(todo, 201, flaws.has('no-location') ? {} : { Location: `/todos/${todo.id}` });
    });
    app.post('/ingest/v1', async (c) => {
      const body = await readJsonObject(c);
      if (body instanceof Response) return body;
      for (const field of ['itemCount', 'timestamp'] as const) {
        if (!isSafePositive(body[field], flaws)) return fail(c, 'validation_failed', `${field} must be a positive safe integer`);
      }
      const itemCount = Number(body.itemCount);
      const timestamp = Number(body.timestamp);
      if (!sink.offer(itemCount, timestamp) && !flaws.has('drops-when-full')) {
        return fail(c, 'sink_full', 'The ingest queue is full; retry shortly', { 'Retry-After': String(RETRY_AFTER_SECONDS) });
      }
      return c.json({ accepted: true, itemCount, timestamp }, 202);
    });
    // An upload cut off mid-body (the contract's slow-body check) is not worth a stack trace: Hono's default logs one.
    app.onError((_error, c) => c.json({ error: { code: 'internal_error', message: 'Internal server error' } }, 500));
    if (!flaws.has('text-not-found')) app.notFound((c) => fail(c, 'not_found', `No route for ${c.req.method} ${c.req.path}`));

    return { fetch: app.fetch, sink };
  };
}

/** The correct reference app. */
export const createReferenceApp: CreateApp = makeReferenceApp();
