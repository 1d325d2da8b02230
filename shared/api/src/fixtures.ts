/**
 * Fixtures: the request and response bodies every lab is tested and benchmarked with, loaded from
 * `shared/api/fixtures/` (written by `pnpm --filter @hotpath/api fixtures`, never edited by hand).
 *
 * - `todos.json`: the exact `GET /todos` response body (`JSON.stringify(seedTodos())`).
 * - `ingest-1k.json`, `ingest-64k.json`: realistic `POST /ingest/v1` bodies of exactly 1 KiB and 64 KiB,
 *   with `itemCount` and `timestamp` as the last two keys.
 * - `corpus.json`: malformed and edge-case requests with the answer the contract expects for each.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ErrorCode, Todo } from './index.ts';
import { mulberry32 } from './prng.ts';

const FIXTURES_DIR = new URL('../fixtures/', import.meta.url);

/** Absolute path of the fixtures folder. */
export const fixturesDir: string = fileURLToPath(FIXTURES_DIR);

/** Reads one fixture file's exact bytes. */
export function readFixtureBytes(file: string): Uint8Array {
  let buf: Buffer;
  try {
    buf = readFileSync(new URL(file, FIXTURES_DIR));
  } catch (cause) {
    throw new Error(`Missing fixture ${file}: run \`pnpm --filter @hotpath/api fixtures\``, { cause });
  }
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// ---------------------------------------------------------------------------------------------------
// Todos and ingest payloads
// ---------------------------------------------------------------------------------------------------

/** The exact body of `GET /todos` on a fresh app. */
export const todosJson: string = utf8.decode(readFixtureBytes('todos.json'));

/** The seeded todos, parsed from `todos.json` (a fresh copy on every call). */
export function todosFixture(): Todo[] {
  return JSON.parse(todosJson) as Todo[];
}

export interface IngestFixture {
  /** File name inside `fixtures/`. */
  readonly file: string;
  /** The exact request body. */
  readonly bytes: Uint8Array;
  /** The same body as a string. */
  readonly text: string;
  /** What the 202 answer and the sink must report for it. */
  readonly itemCount: number;
  readonly timestamp: number;
}

function loadIngest(file: string): IngestFixture {
  const bytes = readFixtureBytes(file);
  const text = utf8.decode(bytes);
  const { itemCount, timestamp } = JSON.parse(text) as { itemCount: number; timestamp: number };
  return Object.freeze({ file, bytes, text, itemCount, timestamp });
}

const INGEST_FILES = { '1k': 'ingest-1k.json', '64k': 'ingest-64k.json' } as const;
const ingestCache = new Map<string, IngestFixture>();

/** A realistic ingest body with its expected itemCount/timestamp. */
export function ingestFixture(size: keyof typeof INGEST_FILES): IngestFixture {
  let fixture = ingestCache.get(size);
  if (!fixture) ingestCache.set(size, (fixture = loadIngest(INGEST_FILES[size])));
  return fixture;
}

/** The exact bytes of `ingest-1k.json` (1,024 bytes). Treat as read-only. */
export const ingest1k: Uint8Array = ingestFixture('1k').bytes;
/** The exact bytes of `ingest-64k.json` (65,536 bytes). Treat as read-only. */
export const ingest64k: Uint8Array = ingestFixture('64k').bytes;

// ---------------------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------------------

export type CorpusRoute = '/ingest/v1' | '/todos';

/** The answer a corpus case must get. */
export interface CorpusExpect {
  status: 201 | 202 | 400 | 404 | 413 | 415;
  /** Error code, for every 4xx. */
  code?: ErrorCode;
  /** For validation_failed: the error message must contain this field name. */
  field?: string;
  /** For 202: the values the answer and the sink must carry. */
  itemCount?: number;
  timestamp?: number;
  /** For 201 (POST /todos): the created todo, whose id is 101 on a fresh app. */
  todo?: { title: string; isComplete: boolean };
}

/** Bodies too big to store, built when the corpus is loaded. */
export type CorpusGenerate =
  /**
   * `prefix` + a value nested `depth` levels deep + `suffix`. `open: "["` nests arrays (`[[…]]`), `open: "{"`
   * nests objects (`{"a":{"a":…{}}}`). With `unclosed`, the closing brackets are left out.
   */
  | { kind: 'nest'; open: '[' | '{'; depth: number; prefix?: string; suffix?: string; unclosed?: boolean }
  /** A valid ingest body `{"itemCount":1,"timestamp":1,"pad":"xxx…"}` of exactly `bytes` bytes. */
  | { kind: 'size'; bytes: number };

/** One case as stored in `corpus.json`. Exactly one of body / bodyBase64 / generate defines what is sent. */
export interface CorpusCaseSource {
  name: string;
  route: CorpusRoute;
  /** Content-Type header: absent means `application/json`, null means no header at all. */
  contentType?: string | null;
  /** The body, sent UTF-8 encoded. When bodyBase64 or generate is present this is only a readable rendering. */
  body: string;
  /** The exact bytes, for bodies that are not valid UTF-8 (shown in `body` with \xHH for such bytes). */
  bodyBase64?: string;
  generate?: CorpusGenerate;
  /** Why the case matters. */
  note?: string;
  expect: CorpusExpect;
}

export interface CorpusFile {
  description: string;
  cases: CorpusCaseSource[];
}

/** A corpus case ready to send. */
export interface CorpusCase {
  name: string;
  route: CorpusRoute;
  /** The Content-Type header to send, or null for none. */
  contentType: string | null;
  /** The exact request body. */
  body: Uint8Array;
  expect: CorpusExpect;
  note?: string;
  /** How the body is defined in corpus.json. */
  source: CorpusCaseSource;
}

/** Builds the body of a `generate` case. */
export function generateBody(gen: CorpusGenerate): string {
  if (gen.kind === 'size') {
    const head = '{"itemCount":1,"timestamp":1,"pad":"';
    const padding = gen.bytes - head.length - 2;
    if (padding < 0) throw new RangeError(`A size case needs at least ${head.length + 2} bytes`);
    return `${head}${'x'.repeat(padding)}"}`;
  }
  const open = gen.open === '[' ? '[' : '{"a":';
  const inner = gen.open === '[' ? '[]' : '{}';
  const close = gen.open === '[' ? ']' : '}';
  const levels = gen.depth - 1;
  const closing = gen.unclosed ? '' : close.repeat(levels);
  return `${gen.prefix ?? ''}${open.repeat(levels)}${gen.unclosed ? inner[0] : inner}${closing}${gen.suffix ?? ''}`;
}

const encoder = new TextEncoder();

/** Turns a stored case into one ready to send. */
export function materializeCase(source: CorpusCaseSource): CorpusCase {
  let body: Uint8Array;
  if (source.bodyBase64 !== undefined) body = new Uint8Array(Buffer.from(source.bodyBase64, 'base64'));
  else if (source.generate) body = encoder.encode(generateBody(source.generate));
  else body = encoder.encode(source.body);
  return {
    name: source.name,
    route: source.route,
    contentType: source.contentType === undefined ? 'application/json' : source.contentType,
    body,
    expect: source.expect,
    ...(source.note ? { note: source.note } : {}),
    source,
  };
}

let corpusFileCache: CorpusFile | undefined;

/** `corpus.json` as stored. */
export function corpusFile(): CorpusFile {
  corpusFileCache ??= JSON.parse(utf8.decode(readFixtureBytes('corpus.json'))) as CorpusFile;
  return corpusFileCache;
}

/** Every corpus case, bodies as bytes (fresh arrays on every call). */
export function corpus(): CorpusCase[] {
  return corpusFile().cases.map(materializeCase);
}

// ---------------------------------------------------------------------------------------------------
// Generated bodies (deterministic: seeded, never Math.random)
// ---------------------------------------------------------------------------------------------------

/**
 * A streamed ingest body made lazily, one chunk per pull: `{"itemCount":1,"timestamp":1,"pad":"xxx…"}` of
 * `total` bytes. `pulled()` says how many bytes the reader has taken so far.
 */
export function lazyIngestStream(total: number, chunk = 16 * 1024): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  const head = encoder.encode('{"itemCount":1,"timestamp":1,"pad":"');
  const tail = encoder.encode('"}');
  let made = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (made >= total) return controller.close();
        const bytes = new Uint8Array(Math.min(chunk, total - made)).fill(0x78);
        for (let i = 0; i < bytes.length; i++) {
          const at = made + i;
          if (at < head.length) bytes[i] = head[at]!;
          else if (at >= total - tail.length) bytes[i] = tail[at - (total - tail.length)]!;
        }
        made += bytes.length;
        controller.enqueue(bytes);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => made };
}

const WS = ['', '', ' ', '\n', '\t', '\r\n  '];
const STRINGS = ['"x"', '""', '"é日🚀"', String.raw`"\"\\\/\b\f\n\r\t"`, String.raw`"\u00e9\uD83D\uDE80\uDBFF"`, String.raw`"{\"itemCount\":0}"`, '"[1,2"'];
const SCALARS = ['0', '-0', '1.5e-3', '-12', '1e400', '123456789012345678901234567890', '0.0', 'true', 'false', 'null', ...STRINGS];
const KEYS = ['"a"', '"itemCount"', '"timestamp"', String.raw`"item\u0043ount"`, '""', '"🔑"', '"__proto__"', '"constructor"'];

/** Random valid JSON text at most `depth` levels deep, with edge-case spellings, keys and whitespace. */
function randomJson(rand: () => number, depth: number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!; // index < length by construction
  const r = rand();
  if (depth === 0 || r < 0.45) return pick(SCALARS);
  const isArray = r < 0.7;
  const parts = Array.from({ length: Math.floor(rand() * 4) }, () =>
    isArray ? `${pick(WS)}${randomJson(rand, depth - 1)}${pick(WS)}` : `${pick(WS)}${pick(KEYS)}${pick(WS)}:${pick(WS)}${randomJson(rand, depth - 1)}`,
  );
  return isArray ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
}

/** Valid ingest bodies whose unknown top-level fields (`x0`, `x1`, …) hold random JSON up to 7 levels deep. */
export function randomIngestBodies(count: number, seed: number): { body: string; itemCount: number; timestamp: number }[] {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => {
    const extras = Array.from({ length: Math.floor(rand() * 4) }, (_, k) => `"x${k}":${WS[i % WS.length]}${randomJson(rand, 6)}`);
    const itemCount = 1 + Math.floor(rand() * 1e6);
    const timestamp = 1 + Math.floor(rand() * Number.MAX_SAFE_INTEGER);
    const fields = `"itemCount":${itemCount},"timestamp":${timestamp}`;
    const body = i % 2 ? `{${extras.map((x) => `${x},`).join('')}${fields}}` : `{${fields}${extras.map((x) => `,${x}`).join('')}}`;
    return { body, itemCount, timestamp };
  });
}

const SPELLINGS = ['n', 'n.0', 'ne0', 'n0e-1', 'nE+0', 'n.5', '-n', 'ne3', '0.n', 'n00e-2'];

/** Numbers spelled many ways, with the value JSON.parse gives each: `1.0`, `10e-1`, `-5`, `0.7`, huge ones… */
export function numberSpellings(count: number, seed: number): { spelled: string; value: number }[] {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => {
    const n = i % 3 === 0 ? Number.MAX_SAFE_INTEGER - Math.floor(rand() * 8) : 1 + Math.floor(rand() * 10 ** (1 + (i % 15)));
    const spelled = SPELLINGS[i % SPELLINGS.length]!.replace('n', String(n));
    return { spelled, value: JSON.parse(spelled) as number };
  });
}
