/**
 * Step 5 — one pass, counted (no clock). Most of an ingest body is skipped, so skip() is where the time
 * goes: it must pass over a skipped value in its own loop, not by returning every token of it through
 * read(). That shows without timing anything — count the reader's calls while the 64 KB fixture is read:
 * its top-level object has 10 members, so one pass calls read() and records a token (the given token())
 * a few times per member; a reader that skips token by token does it for each of the ~11,500 tokens inside.
 * Counted for readIngest() on a reader of yours, and for the whole POST /ingest/v1 handler through the app
 * (the reader made at module level, counted on its class) — which also catches a handler that reads the
 * body twice. The planted shortcuts at the end show the check failing a token-by-token skip() and a
 * two-pass readIngest, both correct in every other test, and passing a one-pass reader.
 */
import { Token, type TokenType } from '@hotpath/api';
import { ingestFixture } from '@hotpath/api/fixtures';
import { readAllTokens, type TokenRecord } from '@hotpath/api/json-reference';
import { escapedTextEquals, numberFromText } from '@hotpath/api/json-reader-base';
import { ITEM_COUNT, IngestRead, TIMESTAMP, type IngestFields, type IngestReadOutcome } from '@hotpath/api/ingest-fields';
import { describe, expect, it } from 'vitest';
import { loadAppModule, loadIngestModule, loadReaderModule, newReader } from './support/subject.ts';

interface Calls {
  read: number;
  skip: number;
  /** Tokens recorded with the given token() (a reader that skips in its own loop records only the last). */
  tokens: number;
}

const COUNTED = ['read', 'skip', 'token'] as const;

/** Runs `run` with read(), skip() and token() counted on `target`: a reader, or a reader class's prototype. */
async function counting<T>(target: object, run: () => T | Promise<T>): Promise<{ result: T; calls: Calls }> {
  const calls: Calls = { read: 0, skip: 0, tokens: 0 };
  const host = target as Record<string, unknown>;
  const saved = COUNTED.map((name) => ({ name, own: Object.getOwnPropertyDescriptor(host, name) }));
  for (const name of COUNTED) {
    const original = host[name] as (...args: unknown[]) => unknown;
    const key = name === 'token' ? 'tokens' : name;
    host[name] = function (this: unknown, ...args: unknown[]) {
      calls[key]++;
      return original.apply(this, args);
    };
  }
  try {
    return { result: await run(), calls };
  } finally {
    for (const { name, own } of saved) {
      if (own) Object.defineProperty(host, name, own);
      else delete host[name];
    }
  }
}

const fixture = ingestFixture('64k');
const tokensInFixture = readAllTokens(fixture.bytes).tokens;
/** Top-level members of the 64 KB fixture: PropertyName tokens at depth 1. */
const MEMBERS = (() => {
  let depth = 0;
  let members = 0;
  for (const t of tokensInFixture) {
    if (t.type === Token.PropertyName && depth === 1) members++;
    if (t.type === Token.StartObject || t.type === Token.StartArray) depth++;
    if (t.type === Token.EndObject || t.type === Token.EndArray) depth--;
  }
  return members;
})();
/** One pass: a name and a value read per member, the object's ends, the end of the document — with room to spare. */
const BUDGET = 4 * MEMBERS + 4;

/** What is wrong with these counts for reading the 64 KB fixture once, or undefined when they are one pass. */
function onePassProblem(calls: Calls, what: string): string | undefined {
  if (calls.read <= BUDGET && calls.tokens <= BUDGET) return undefined;
  return (
    `${what} called read() ${calls.read} times and recorded ${calls.tokens} tokens for the 64 KB fixture, whose top-level object has ${MEMBERS} members ` +
    `(${tokensInFixture.length} tokens in all); one pass needs at most ${BUDGET} of each. Read the body once, and make skip() pass over a skipped value ` +
    `in its own loop — scanning and checking bytes, recording only the last token — instead of calling read() for each token inside (pnpm lab hint 03 --step 5)`
  );
}

describe('the handler reads the body in one pass', () => {
  it(`readIngest() reads the 64 KB fixture with at most ${BUDGET} read() calls and token records`, async () => {
    const { readIngest } = await loadIngestModule();
    const reader = await newReader();
    const fields: IngestFields = { itemCount: undefined, timestamp: undefined };
    const { result, calls } = await counting(reader, () => readIngest(reader, fixture.bytes, fields));
    expect([result, fields.itemCount, fields.timestamp], 'Read the 64 KB fixture to IngestRead.Fields with its itemCount and timestamp first (step 4)').toEqual(
      [IngestRead.Fields, fixture.itemCount, fixture.timestamp],
    );
    const problem = onePassProblem(calls, 'readIngest()');
    expect(problem, problem).toBeUndefined();
  });

  it('POST /ingest/v1 reads the 64 KB body with your JsonReader, in one pass', async () => {
    const { JsonReader } = await loadReaderModule();
    const app = (await loadAppModule()).createApp();
    const post = () =>
      app.fetch(
        new Request('http://localhost/ingest/v1', { method: 'POST', headers: { 'content-type': 'application/json' }, body: fixture.bytes } as RequestInit),
      );
    await (await post()).text(); // warm-up: the first request loads the route
    const { result, calls } = await counting(JsonReader.prototype, async () => (await post()).status);
    expect(result, 'POST /ingest/v1 with the 64 KB fixture answers 202').toBe(202);
    expect(
      calls.read,
      "The handler answered without calling read() on a JsonReader: read the body's bytes with readIngest(reader, bytes, fields) and a reader made once at module level (step 4)",
    ).toBeGreaterThan(0);
    const problem = onePassProblem(calls, 'The handler');
    expect(problem, problem).toBeUndefined();
  });
});

/**
 * A planted reader for the shortcut tests: the reference's tokens replayed one read() at a time. Its skip()
 * either calls read() for every token of the skipped value (`tokenByToken`: correct, but slow) or jumps to
 * the value's last token at once, recording only that one (what a one-pass skip() does).
 */
class ReplayReader {
  tokenType: TokenType = Token.None;
  tokenStart = 0;
  tokenEnd = 0;
  hasEscapes = false;
  depth = 0;
  private tokens: TokenRecord[] = [];
  private next = 0;
  private bytes: Uint8Array = new Uint8Array(0);
  private readonly tokenByToken: boolean;

  constructor(tokenByToken: boolean) {
    this.tokenByToken = tokenByToken;
  }

  reset(bytes: Uint8Array): void {
    [this.bytes, this.tokens, this.next, this.depth, this.tokenType] = [bytes, readAllTokens(bytes).tokens, 0, 0, Token.None];
  }
  read(): TokenType {
    const t = this.tokens[this.next++];
    return t ? this.token(t) : (this.tokenType = Token.Error);
  }
  token(t: TokenRecord): TokenType {
    if (t.type === Token.StartObject || t.type === Token.StartArray) this.depth++;
    if (t.type === Token.EndObject || t.type === Token.EndArray) this.depth--;
    [this.tokenType, this.tokenStart, this.tokenEnd] = [t.type, t.start, t.end];
    this.hasEscapes = this.bytes.subarray(t.start, t.end).includes(0x5c);
    return t.type;
  }
  skip(): TokenType {
    let type = this.tokenType;
    if (type === Token.PropertyName) type = this.read();
    if (type !== Token.StartObject && type !== Token.StartArray) return type;
    const outside = this.depth - 1;
    if (this.tokenByToken) {
      while ((type = this.read()) !== Token.Error && this.depth > outside);
      return type;
    }
    let depth = this.depth;
    let k = this.next;
    for (; k < this.tokens.length; k++) {
      const t = this.tokens[k]!.type;
      depth += t === Token.StartObject || t === Token.StartArray ? 1 : t === Token.EndObject || t === Token.EndArray ? -1 : 0;
      if (depth === outside) break;
    }
    this.depth = depth + 1; // token() below closes the container
    this.next = k + 1;
    return k < this.tokens.length ? this.token(this.tokens[k]!) : (this.tokenType = Token.Error);
  }
  textEquals(expected: Uint8Array): boolean {
    return escapedTextEquals(this.bytes, this.tokenStart, this.tokenEnd, expected);
  }
  numberValue(): number {
    return numberFromText(this.bytes, this.tokenStart, this.tokenEnd);
  }
}

/** The reference's readIngest, written against any reader; `passes: 2` first reads the whole document to validate it. */
function plantedReadIngest(reader: ReplayReader, bytes: Uint8Array, fields: IngestFields, passes = 1): IngestReadOutcome {
  if (passes === 2) {
    reader.reset(bytes);
    while (reader.read() < Token.EndOfDocument);
    if (reader.tokenType === Token.Error) return IngestRead.InvalidJson;
  }
  [fields.itemCount, fields.timestamp] = [undefined, undefined];
  reader.reset(bytes);
  if (reader.read() !== Token.StartObject) return IngestRead.NotAnObject;
  const value = () => (reader.read() === Token.Number ? reader.numberValue() : (reader.skip(), null));
  for (let token = reader.read(); token !== Token.EndObject; token = reader.read()) {
    if (token !== Token.PropertyName) return IngestRead.InvalidJson;
    if (reader.textEquals(ITEM_COUNT)) fields.itemCount = value();
    else if (reader.textEquals(TIMESTAMP)) fields.timestamp = value();
    else reader.skip();
  }
  return reader.read() === Token.EndOfDocument ? IngestRead.Fields : IngestRead.InvalidJson;
}

describe('the one-pass check catches the shortcuts (planted)', () => {
  async function check(reader: ReplayReader, passes: number): Promise<string | undefined> {
    const fields: IngestFields = { itemCount: undefined, timestamp: undefined };
    const { result, calls } = await counting(reader, () => plantedReadIngest(reader, fixture.bytes, fields, passes));
    expect([result, fields.itemCount, fields.timestamp], 'The planted reader reads the fixture correctly').toEqual([
      IngestRead.Fields,
      fixture.itemCount,
      fixture.timestamp,
    ]);
    return onePassProblem(calls, 'The planted readIngest()');
  }

  it('reports a skip() that calls read() for every token (planted shortcut)', async () => {
    expect(await check(new ReplayReader(true), 1), 'The check reports it').toMatch(/called read\(\) \d+ times/);
  });

  it('reports a readIngest() that reads the body twice (planted shortcut)', async () => {
    expect(await check(new ReplayReader(false), 2), 'The check reports it').toMatch(/called read\(\) \d+ times/);
  });

  it('passes one pass with a skip() that jumps over the value (planted control)', async () => {
    expect(await check(new ReplayReader(false), 1), 'The check accepts a one-pass reader').toBeUndefined();
  });
});
