/**
 * Before a checkpoint ranks the learner's server, it must answer exactly like the reference solution: an
 * optimisation that changes the output is not an optimisation. This sends the same requests — the routes,
 * the committed ingest fixtures and every corpus case — to both apps in-process and compares status, the
 * headers the contract defines and the body, stopping at the first difference. Success bodies must match
 * byte for byte; error bodies must carry the same error code (the contract fixes codes, not wording: a
 * byte-level parser in lab 03 words a syntax error differently from JSON.parse, and that is allowed).
 */
import type { CreateApp, HotPathApp } from '@hotpath/api';
import { corpus, ingestFixture } from '@hotpath/api/fixtures';

export interface ProbeRequest {
  name: string;
  method: string;
  path: string;
  body?: Uint8Array;
  contentType?: string | null;
}

export interface OutputDifference {
  request: ProbeRequest;
  what: string;
  reference: string;
  yours: string;
}

const enc = new TextEncoder();
const COMPARED_HEADERS = ['content-type', 'location', 'retry-after'];

/** The requests both apps answer, in order (one app per side for the whole sequence). */
export function probeRequests(): ProbeRequest[] {
  const gets = ['/health', '/todos', '/todos/1', '/todos/7', '/todos/100', '/todos/0', '/todos/abc', '/nope'];
  const requests: ProbeRequest[] = gets.map((path) => ({ name: `GET ${path}`, method: 'GET', path }));
  requests.push({ name: 'POST /nope', method: 'POST', path: '/nope', body: enc.encode('{}'), contentType: 'application/json' });
  requests.push({ name: 'POST /todos', method: 'POST', path: '/todos', body: enc.encode('{"title":"same output"}'), contentType: 'application/json' });
  requests.push({ name: 'GET /todos after POST', method: 'GET', path: '/todos' });
  for (const size of ['1k', '64k'] as const) {
    requests.push({
      name: `POST /ingest/v1 (${ingestFixture(size).file})`,
      method: 'POST',
      path: '/ingest/v1',
      body: ingestFixture(size).bytes,
      contentType: 'application/json',
    });
  }
  for (const c of corpus()) requests.push({ name: `POST ${c.route}: ${c.name}`, method: 'POST', path: c.route, body: c.body, contentType: c.contentType });
  return requests;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

async function ask(app: HotPathApp, r: ProbeRequest): Promise<Answer> {
  const headers = new Headers();
  if (r.contentType) headers.set('content-type', r.contentType);
  if (r.body) headers.set('content-length', String(r.body.byteLength));
  let res: Response;
  try {
    res = await app.fetch(new Request(`http://127.0.0.1${r.path}`, { method: r.method, headers, body: r.body as BodyInit | undefined }));
  } catch (error) {
    return { status: 0, headers: {}, body: enc.encode(`threw: ${String(error)}`) };
  }
  const picked: Record<string, string> = {};
  for (const name of COMPARED_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) picked[name] = value;
  }
  return { status: res.status, headers: picked, body: new Uint8Array(await res.arrayBuffer()) };
}

function errorCode(body: Uint8Array): string | undefined {
  try {
    return (JSON.parse(new TextDecoder().decode(body)) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

const shown = (bytes: Uint8Array) => {
  const text = new TextDecoder().decode(bytes);
  return text.length > 300 ? `${text.slice(0, 300)}… (${bytes.byteLength} bytes)` : text;
};

/** The first request the two apps answer differently, or undefined when they agree on all of them. */
export async function firstDifference(reference: CreateApp, yours: CreateApp): Promise<OutputDifference | undefined> {
  const silent = { logWrite: () => {} };
  const a = reference(silent);
  const b = yours(silent);
  for (const request of probeRequests()) {
    const [want, got] = await Promise.all([ask(a, request), ask(b, request)]);
    if (want.status !== got.status) return { request, what: 'status', reference: String(want.status), yours: String(got.status) };
    for (const name of COMPARED_HEADERS) {
      if (want.headers[name] !== got.headers[name])
        return { request, what: `${name} header`, reference: want.headers[name] ?? '(none)', yours: got.headers[name] ?? '(none)' };
    }
    if (want.status < 400 ? Buffer.compare(want.body, got.body) !== 0 : errorCode(want.body) !== errorCode(got.body)) {
      return { request, what: want.status < 400 ? 'body' : 'error code', reference: shown(want.body), yours: shown(got.body) };
    }
    a.sink.drain();
    b.sink.drain();
  }
  return undefined;
}
