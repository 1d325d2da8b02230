/**
 * Steps 1 and 2 — the pull reader (src/json-reader.ts), by example: the token stream of a small document
 * (types, byte spans, depth, hasEscapes); the exact error and byte offset for each kind of invalid
 * document (every JsonError, by the rules in @hotpath/api's json-bytes.ts); what read() returns once the
 * document is over; that it never throws nor recurses, whatever the bytes; skip(); and reset().
 * textEquals() and numberValue() are checked in values.test.ts.
 */
import fc from 'fast-check';
import { corpus } from '@hotpath/api/fixtures';
import { JsonError, Token } from '@hotpath/api';
import { readAllTokens, type ReferenceReading } from '@hotpath/api/json-reference';
import { describe, expect, it } from 'vitest';
import { deepDocument, mutatedDocument, randomBytes, validDocument } from './support/arbitraries.ts';
import { bytesOf, errorName, latin1, newReader, readAll, showBytes, showError, tokenName, type JsonReader } from './support/subject.ts';

const T = Token;
const E = JsonError;

describe('read(): the token stream', () => {
  const doc = ' {"a": [1, -2.5e3, "x\\ny"], "b\\u0041": {"t": true, "f": false}, "n": null, "": []} ';
  // [type, start, end, depth after the token, hasEscapes (strings and names only)]
  const expected: [number, number, number, number, boolean?][] = [
    [T.StartObject, 1, 2, 1], [T.PropertyName, 3, 4, 1, false], [T.StartArray, 7, 8, 2], [T.Number, 8, 9, 2],
    [T.Number, 11, 17, 2], [T.String, 20, 24, 2, true], [T.EndArray, 25, 26, 1], [T.PropertyName, 29, 36, 1, true],
    [T.StartObject, 39, 40, 2], [T.PropertyName, 41, 42, 2, false], [T.True, 45, 49, 2], [T.PropertyName, 52, 53, 2, false],
    [T.False, 56, 61, 2], [T.EndObject, 61, 62, 1], [T.PropertyName, 65, 66, 1, false], [T.Null, 69, 73, 1],
    [T.PropertyName, 76, 76, 1, false], [T.StartArray, 79, 80, 2], [T.EndArray, 80, 81, 1], [T.EndObject, 81, 82, 0],
    [T.EndOfDocument, 83, 83, 0],
  ];

  it('returns each token with its type, byte span and depth', async () => {
    const reader = await newReader();
    reader.reset(bytesOf(doc));
    for (const [k, [type, start, end, depth, escapes]] of expected.entries()) {
      const got = reader.read();
      const at = `token #${k} of ${JSON.stringify(doc)}`;
      expect(tokenName(got), `${at}: return ${tokenName(type)}`).toBe(tokenName(type));
      expect(reader.tokenType, `${at}: set tokenType to what read() returns`).toBe(type);
      expect([reader.tokenStart, reader.tokenEnd], `${at}: set tokenStart..tokenEnd to ${start}..${end} (strings and names span the text between the quotes, containers their bracket, EndOfDocument the empty span at the length)`).toEqual([start, end]);
      expect(reader.depth, `${at}: depth counts the containers open after the token (1 after the top-level {, 0 after its })`).toBe(depth);
      if (escapes !== undefined) expect(reader.hasEscapes, `${at}: set hasEscapes when a string or name holds a backslash escape, and clear it when not`).toBe(escapes);
    }
    expect(reader.errorCode, 'Leave errorCode at JsonError.None for a valid document').toBe(E.None);
  });

  it('keeps returning EndOfDocument after the end, and Error after an error', async () => {
    const reader = await newReader();
    readAll(reader, bytesOf('[1] '));
    for (let k = 0; k < 3; k++) expect(tokenName(reader.read()), 'After EndOfDocument, read() returns EndOfDocument again').toBe('EndOfDocument');
    readAll(reader, bytesOf('[1,x,2]'));
    for (let k = 0; k < 3; k++) {
      expect(tokenName(reader.read()), 'After Error, read() returns Error again: the document is over').toBe('Error');
      expect(showError(reader.errorCode, reader.errorOffset), 'Keep errorCode and errorOffset of the first error').toBe(showError(E.UnexpectedByte, 3));
    }
  });
});

/** [document (a string, or bytes from latin1()), the error, its byte offset] */
const INVALID: [string | Uint8Array, number, number][] = [
  ['', E.UnexpectedEnd, 0], [' \t\r\n', E.UnexpectedEnd, 4], ['{', E.UnexpectedEnd, 1], ['[1,', E.UnexpectedEnd, 3],
  ['{"a"', E.UnexpectedEnd, 4], ['{"a":', E.UnexpectedEnd, 5], ['"abc', E.UnexpectedEnd, 4], ['"ab\\', E.UnexpectedEnd, 4],
  ['"\\u12', E.UnexpectedEnd, 5], ['tru', E.UnexpectedEnd, 3], ['-', E.UnexpectedEnd, 1], ['1.', E.UnexpectedEnd, 2], ['1e+', E.UnexpectedEnd, 3],
  ['x', E.UnexpectedByte, 0], ['{,}', E.UnexpectedByte, 1], ['{"a" 1}', E.UnexpectedByte, 5], ['[1 2]', E.UnexpectedByte, 3],
  ['[1,]', E.UnexpectedByte, 3], ['{"a":1,}', E.UnexpectedByte, 7], ['[}', E.UnexpectedByte, 1], ['{"a":1]', E.UnexpectedByte, 6],
  ["{'a':1}", E.UnexpectedByte, 1], ['.5', E.UnexpectedByte, 0], ['+1', E.UnexpectedByte, 0], ['True', E.UnexpectedByte, 0],
  ['[\f]', E.UnexpectedByte, 1], [latin1('\xEF\xBB\xBF{}'), E.UnexpectedByte, 0], [latin1('[\xC3\xA9]'), E.UnexpectedByte, 1],
  ['trux', E.InvalidLiteral, 3], ['falsy', E.InvalidLiteral, 4], ['[nulL]', E.InvalidLiteral, 4],
  ['-x', E.InvalidNumber, 1], ['1.x', E.InvalidNumber, 2], ['1ex', E.InvalidNumber, 2], ['1e+x', E.InvalidNumber, 3], ['01', E.InvalidNumber, 1],
  ['-01', E.InvalidNumber, 2], ['-00', E.InvalidNumber, 2], ['1.e3', E.InvalidNumber, 2], ['-.5', E.InvalidNumber, 1],
  ['"\\x"', E.InvalidEscape, 2], ['"\\u12G4"', E.InvalidEscape, 5], ['"\\U0041"', E.InvalidEscape, 2], ['{"a\\0":1}', E.InvalidEscape, 4],
  ['"a\nb"', E.ControlCharacter, 2], ['"\t"', E.ControlCharacter, 1], ['"\u0000"', E.ControlCharacter, 1], ['{"\u001f":1}', E.ControlCharacter, 2],
  [latin1('"\xC0\xAF"'), E.InvalidUtf8, 1], [latin1('"a\xED\xA0\x80"'), E.InvalidUtf8, 2], [latin1('"\xF5\x80\x80\x80"'), E.InvalidUtf8, 1],
  [latin1('"ab\xE2\x82"'), E.InvalidUtf8, 3], [latin1('"\xF0\x9F'), E.InvalidUtf8, 1], [latin1('"\x80"'), E.InvalidUtf8, 1],
  [latin1('"\xF4\x90\x80\x80"'), E.InvalidUtf8, 1], [latin1('{"k\xFF":1}'), E.InvalidUtf8, 3],
  ['['.repeat(65), E.TooDeep, 64], ['{"a":'.repeat(64) + '{', E.TooDeep, 5 * 64], [`${'['.repeat(64)}1${']'.repeat(65)}`, E.TrailingData, 129],
  ['{}x', E.TrailingData, 2], ['{} {}', E.TrailingData, 3], ['1 2', E.TrailingData, 2], ['truex', E.TrailingData, 4],
  ['null,', E.TrailingData, 4], [latin1('"a"\xFF'), E.TrailingData, 3],
];

describe('read(): invalid documents', () => {
  it.each(INVALID.map(([doc, code, offset]) => [showBytes(bytesOf(doc), 40), errorName(code), offset, doc, code] as const))(
    '%s → %s at byte %i',
    async (_, name, offset, doc, code) => {
      const reader = await newReader();
      const bytes = bytesOf(doc);
      const reading = readAll(reader, bytes);
      expect(showError(reading.errorCode, reading.errorOffset), `For ${showBytes(bytes, 80)}, return Token.Error with JsonError.${name} at byte ${offset} (the rules are in json-bytes.ts's header)`).toBe(showError(code, offset));
    },
  );

  it('opens at most maxDepth containers (the constructor argument)', async () => {
    const reader = await newReader(2);
    const reading = readAll(reader, bytesOf('[{"a":[]}]'));
    expect(showError(reading.errorCode, reading.errorOffset), 'new JsonReader(2) reads two levels: return TooDeep at the third [ or {').toBe(showError(E.TooDeep, 6));
    expect(readAll(reader, bytesOf('[{"a":1}]')).errorCode, 'new JsonReader(2) accepts two levels').toBe(E.None);
  });
});

describe('read() never throws and never recurses', () => {
  it('reads every corpus body to EndOfDocument or Error', async () => {
    const reader = await newReader();
    for (const c of corpus()) {
      let reading: ReferenceReading;
      try {
        reading = readAll(reader, c.body);
      } catch (error) {
        if (String((error as Error).message).startsWith('TODO')) throw error;
        throw new Error(`Corpus case "${c.name}": ${(error as Error).message}. Never throw on bad input: return Token.Error`, { cause: error });
      }
      expect(reading.tokens.at(-1)?.type === T.EndOfDocument || reading.errorCode !== E.None, `${c.name}: end with EndOfDocument or Error`).toBe(true);
    }
  });

  it('reads 100,000 nested arrays and objects with a loop, not recursion', async () => {
    const depth = 100_000;
    const deep = await newReader(depth);
    for (const [open, close] of [['[', ']'], ['{"a":', '}']]) {
      const bytes = bytesOf(`${open.repeat(depth - 1)}[]${close.repeat(depth - 1)}`);
      let reading: ReferenceReading;
      try {
        reading = readAll(deep, bytes);
      } catch (error) {
        if (String((error as Error).message).startsWith('TODO')) throw error;
        throw new Error(`Reading ${depth} levels of ${open} threw ${(error as Error).message}: keep the open containers in an array, not on the call stack`, { cause: error });
      }
      expect(reading.tokens.length, `new JsonReader(${depth}) reads ${depth} levels of ${open}: keep the open containers in an array, not on the call stack`).toBe(open === '[' ? 2 * depth + 1 : 3 * depth);
      const limited = readAll(await newReader(), bytes);
      expect(showError(limited.errorCode, limited.errorOffset), 'The default reader stops at the 65th level').toBe(showError(E.TooDeep, 64 * open.length));
      deep.reset(bytes);
      deep.read();
      expect(tokenName(deep.skip()), 'skip() over 100,000 levels reaches the matching end').toBe(open === '[' ? 'EndArray' : 'EndObject');
    }
  });

  it('reads random bytes to EndOfDocument or Error without throwing', async () => {
    const reader = await newReader();
    fc.assert(fc.property(randomBytes, (bytes) => void readAll(reader, bytes)), { numRuns: 2000 });
  });
});

/** What skip() must do at reference token #k: the token it lands on, or the error inside the value. */
function expectedSkip(ref: ReferenceReading, k: number): { at: number } | 'error' {
  let j = ref.tokens[k]!.type === T.PropertyName ? k + 1 : k;
  const first = ref.tokens[j];
  if (!first) return 'error';
  if (first.type !== T.StartObject && first.type !== T.StartArray) return { at: j };
  for (let depth = 0; j < ref.tokens.length; j++) {
    const type = ref.tokens[j]!.type;
    if (type === T.StartObject || type === T.StartArray) depth++;
    else if (type === T.EndObject || type === T.EndArray) depth--;
    if (depth === 0) return { at: j };
  }
  return 'error';
}

const depthAfter = (ref: ReferenceReading, j: number) =>
  ref.tokens.slice(0, j + 1).reduce((d, t) => d + (t.type === T.StartObject || t.type === T.StartArray ? 1 : t.type === T.EndObject || t.type === T.EndArray ? -1 : 0), 0);

/** Reads up to reference token #k, skips, and checks where the reader lands and that reading goes on from there. */
function checkSkipAt(reader: JsonReader, bytes: Uint8Array, ref: ReferenceReading, k: number) {
  reader.reset(bytes);
  for (let i = 0; i <= k; i++) reader.read();
  const from = `In ${showBytes(bytes, 120)}, skip() after token #${k} (${tokenName(ref.tokens[k]!.type)})`;
  const got = reader.skip();
  const want = expectedSkip(ref, k);
  if (want === 'error') {
    expect(tokenName(got), `${from} passes over invalid bytes: return Token.Error, as reading token by token does`).toBe('Error');
    expect(showError(reader.errorCode, reader.errorOffset), `${from}: report the same error as reading token by token`).toBe(showError(ref.errorCode, ref.errorOffset));
    return;
  }
  const t = ref.tokens[want.at]!;
  expect([tokenName(got), tokenName(reader.tokenType), reader.tokenStart, reader.tokenEnd], `${from} should land on ${tokenName(t.type)} ${t.start}..${t.end}, the last token of the value`).toEqual([tokenName(t.type), tokenName(t.type), t.start, t.end]);
  expect(reader.depth, `${from}: depth is back to what it is after that token`).toBe(depthAfter(ref, want.at));
  const rest: number[] = [];
  for (let type = reader.read(); rest.push(type) <= ref.tokens.length && type !== T.EndOfDocument && type !== T.Error; type = reader.read());
  const restWanted = [...ref.tokens.slice(want.at + 1).map((x) => x.type), ...(ref.errorCode === E.None ? [] : [T.Error])];
  expect(rest.map(tokenName), `${from}: read() goes on with the tokens after the skipped value`).toEqual(restWanted.map(tokenName));
}

describe('skip()', () => {
  it('after a PropertyName skips its value; after StartObject or StartArray, to the matching end', async () => {
    const reader = await newReader();
    const docs = ['{"a":{"b":[1,2,{"c":"d"}]},"e":[[],[3]],"f":7,"g":"h"}', `{"a":${'['.repeat(63)}${']'.repeat(63)}}`];
    for (const bytes of docs.map(bytesOf)) {
      const ref = readAllTokens(bytes);
      for (let k = 0; k < ref.tokens.length; k++) {
        const type = ref.tokens[k]!.type;
        if (type === T.PropertyName || type === T.StartObject || type === T.StartArray) checkSkipAt(reader, bytes, ref, k);
      }
    }
  });

  it('stops at the same TooDeep error as read(), and at the same invalid byte', async () => {
    const reader = await newReader();
    const docs = [`{"a":${'['.repeat(64)}${']'.repeat(64)}}`, `[${'{"k":'.repeat(64)}1${'}'.repeat(64)}]`, '{"a":[1,{"b":tru}],"c":1}', '{"a":{"b" 1}}', '[[1,],2]', latin1('{"a":["\xC0\xAF"]}')];
    for (const bytes of docs.map(bytesOf)) {
      const ref = readAllTokens(bytes);
      for (const k of [0, 1, 2]) checkSkipAt(reader, bytes, ref, k);
    }
  });

  it('on a scalar is a no-op that returns its type', async () => {
    const reader = await newReader();
    reader.reset(bytesOf('["h", 7, true]'));
    reader.read();
    for (const type of [T.String, T.Number, T.True]) {
      reader.read();
      const [start, end] = [reader.tokenStart, reader.tokenEnd];
      expect(tokenName(reader.skip()), 'skip() on a string, number or literal returns its type and reads nothing').toBe(tokenName(type));
      expect([reader.tokenType, reader.tokenStart, reader.tokenEnd], 'skip() on a scalar leaves the token as it is').toEqual([type, start, end]);
    }
    expect(tokenName(reader.read()), 'After skip() on a scalar, read() returns the next token').toBe('EndArray');
  });

  it('lands where reading token by token does, or on the same error, for valid and mutated documents', async () => {
    const reader = await newReader();
    const doc = fc.oneof(validDocument.map((d) => d.bytes), mutatedDocument, deepDocument);
    fc.assert(
      fc.property(doc, fc.nat(), (bytes, pick) => {
        const ref = readAllTokens(bytes);
        const starts = ref.tokens.flatMap((t, k) => (t.type === T.PropertyName || t.type === T.StartObject || t.type === T.StartArray ? [k] : []));
        for (const k of starts.length > 3 ? [starts[0]!, starts[pick % starts.length]!, starts.at(-1)!] : starts) checkSkipAt(reader, bytes, ref, k);
      }),
      { numRuns: 300 },
    );
  });
});

describe('reset()', () => {
  it('reuses one reader: after any state, reading document B gives B\'s tokens exactly', async () => {
    const reader = await newReader();
    const fresh = await newReader();
    const docs = ['{"a":[1,{"b":"c\\n"}]}', '[1,x', '"\\u0041"', '[[[[', '  null  ', '{"deep":' + '['.repeat(70)].map(bytesOf);
    for (const a of docs) {
      for (const b of docs) {
        for (let stop = 0; stop < 4; stop++) {
          reader.reset(a);
          for (let k = 0; k < stop; k++) reader.read();
          reader.reset(b);
          expect([reader.tokenType, reader.depth, reader.errorCode], 'reset() starts over: tokenType None, depth 0, errorCode None').toEqual([T.None, 0, E.None]);
          expect(readAll(reader, b), `Reading ${showBytes(b)} after ${stop} tokens of ${showBytes(a)}: reset() must clear everything the last document left`).toEqual(readAll(fresh, b));
        }
      }
    }
  });
});
