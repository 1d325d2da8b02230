/**
 * Example documents shared by the tests: invalid documents with the error and byte offset the reference
 * gives each (reader.test.ts checks that they are errors, errors.test.ts which error where), what skip()
 * must do at a token, checked against the reference reader's token stream, and escaped names.
 */
import { JsonError, Token } from '@hotpath/api';
import type { ReferenceReading } from '@hotpath/api/json-reference';
import { expect } from 'vitest';
import { bytesOf, latin1, showBytes, showError, tokenName, type JsonReader } from './subject.ts';

const E = JsonError;

/**
 * Documents whose value at token 0, 1 or 2 is invalid or too deep: skip() there must answer Token.Error with
 * the error that reading token by token finds (skip.test.ts, errors.test.ts).
 */
export const BAD_SKIPPED_VALUES: Uint8Array[] = [
  `{"a":${'['.repeat(64)}${']'.repeat(64)}}`,
  `[${'{"k":'.repeat(64)}1${'}'.repeat(64)}]`,
  '{"a":[1,{"b":tru}],"c":1}',
  '{"a":{"b" 1}}',
  '[[1,],2]',
  latin1('{"a":["\xC0\xAF"]}'),
  '{"a":[1,2',
].map(bytesOf);

/** `depth` levels of arrays, then of objects (`{"a":` each), around an empty array: the no-recursion tests' documents. */
export function deepNesting(depth: number): Array<{ open: string; bytes: Uint8Array }> {
  return ['[', '{"a":'].map((open) => {
    const close = open === '[' ? ']' : '}';
    return { open, bytes: bytesOf(`${open.repeat(depth - 1)}[]${close.repeat(depth - 1)}`) };
  });
}

/** [document (a string, or bytes from latin1()), the error, its byte offset], by the rules in json-bytes.ts. */
export const INVALID: [string | Uint8Array, number, number][] = [
  ['', E.UnexpectedEnd, 0],
  [' \t\r\n', E.UnexpectedEnd, 4],
  ['{', E.UnexpectedEnd, 1],
  ['[1,', E.UnexpectedEnd, 3],
  ['{"a"', E.UnexpectedEnd, 4],
  ['{"a":', E.UnexpectedEnd, 5],
  ['"abc', E.UnexpectedEnd, 4],
  ['"ab\\', E.UnexpectedEnd, 4],
  ['"\\u12', E.UnexpectedEnd, 5],
  ['tru', E.UnexpectedEnd, 3],
  ['-', E.UnexpectedEnd, 1],
  ['1.', E.UnexpectedEnd, 2],
  ['1e+', E.UnexpectedEnd, 3],
  ['x', E.UnexpectedByte, 0],
  ['{,}', E.UnexpectedByte, 1],
  ['{"a" 1}', E.UnexpectedByte, 5],
  ['[1 2]', E.UnexpectedByte, 3],
  ['[1,]', E.UnexpectedByte, 3],
  ['{"a":1,}', E.UnexpectedByte, 7],
  ['[}', E.UnexpectedByte, 1],
  ['{"a":1]', E.UnexpectedByte, 6],
  ["{'a':1}", E.UnexpectedByte, 1],
  ['.5', E.UnexpectedByte, 0],
  ['+1', E.UnexpectedByte, 0],
  ['True', E.UnexpectedByte, 0],
  ['[\f]', E.UnexpectedByte, 1],
  [latin1('\xEF\xBB\xBF{}'), E.UnexpectedByte, 0],
  [latin1('[\xC3\xA9]'), E.UnexpectedByte, 1],
  ['trux', E.InvalidLiteral, 3],
  ['falsy', E.InvalidLiteral, 4],
  ['[nulL]', E.InvalidLiteral, 4],
  ['-x', E.InvalidNumber, 1],
  ['1.x', E.InvalidNumber, 2],
  ['1ex', E.InvalidNumber, 2],
  ['1e+x', E.InvalidNumber, 3],
  ['01', E.InvalidNumber, 1],
  ['-01', E.InvalidNumber, 2],
  ['-00', E.InvalidNumber, 2],
  ['1.e3', E.InvalidNumber, 2],
  ['-.5', E.InvalidNumber, 1],
  ['"\\x"', E.InvalidEscape, 2],
  ['"\\u12G4"', E.InvalidEscape, 5],
  ['"\\U0041"', E.InvalidEscape, 2],
  ['{"a\\0":1}', E.InvalidEscape, 4],
  ['"a\nb"', E.ControlCharacter, 2],
  ['"\t"', E.ControlCharacter, 1],
  ['"\u0000"', E.ControlCharacter, 1],
  ['{"\u001f":1}', E.ControlCharacter, 2],
  [latin1('"\xC0\xAF"'), E.InvalidUtf8, 1],
  [latin1('"a\xED\xA0\x80"'), E.InvalidUtf8, 2],
  [latin1('"\xF5\x80\x80\x80"'), E.InvalidUtf8, 1],
  [latin1('"ab\xE2\x82"'), E.InvalidUtf8, 3],
  [latin1('"\xF0\x9F'), E.InvalidUtf8, 1],
  [latin1('"\x80"'), E.InvalidUtf8, 1],
  [latin1('"\xF4\x90\x80\x80"'), E.InvalidUtf8, 1],
  [latin1('{"k\xFF":1}'), E.InvalidUtf8, 3],
  ['['.repeat(65), E.TooDeep, 64],
  [`${'{"a":'.repeat(64)}{`, E.TooDeep, 5 * 64],
  [`${'['.repeat(64)}1${']'.repeat(65)}`, E.TrailingData, 129],
  ['{}x', E.TrailingData, 2],
  ['{} {}', E.TrailingData, 3],
  ['1 2', E.TrailingData, 2],
  ['truex', E.TrailingData, 4],
  ['null,', E.TrailingData, 4],
  [latin1('"a"\xFF'), E.TrailingData, 3],
];

/** What skip() must do at reference token #k: the token it lands on, or the error inside the value. */
function expectedSkip(ref: ReferenceReading, k: number): { at: number } | 'error' {
  let j = ref.tokens[k]!.type === Token.PropertyName ? k + 1 : k;
  const first = ref.tokens[j];
  if (!first) return 'error';
  if (first.type !== Token.StartObject && first.type !== Token.StartArray) return { at: j };
  for (let depth = 0; j < ref.tokens.length; j++) {
    const type = ref.tokens[j]!.type;
    if (type === Token.StartObject || type === Token.StartArray) depth++;
    else if (type === Token.EndObject || type === Token.EndArray) depth--;
    if (depth === 0) return { at: j };
  }
  return 'error';
}

const depthAfter = (ref: ReferenceReading, j: number) =>
  ref.tokens
    .slice(0, j + 1)
    .reduce(
      (d, t) => d + (t.type === Token.StartObject || t.type === Token.StartArray ? 1 : t.type === Token.EndObject || t.type === Token.EndArray ? -1 : 0),
      0,
    );

/**
 * Reads up to reference token #k, skips, and checks where the reader lands and that reading goes on from
 * there; a value with an error in it must end in Token.Error (`exact`: with the reference's code and offset).
 */
export function checkSkipAt(reader: JsonReader, bytes: Uint8Array, ref: ReferenceReading, k: number, exact = false): void {
  reader.reset(bytes);
  for (let i = 0; i <= k; i++) reader.read();
  const from = `In ${showBytes(bytes, 120)}, skip() after token #${k} (${tokenName(ref.tokens[k]!.type)})`;
  const got = reader.skip();
  const want = expectedSkip(ref, k);
  if (want === 'error') {
    expect(tokenName(got), `${from} passes over invalid bytes: return Token.Error, as reading token by token does`).toBe('Error');
    if (exact)
      expect(showError(reader.errorCode, reader.errorOffset), `${from}: report the same error as reading token by token`).toBe(
        showError(ref.errorCode, ref.errorOffset),
      );
    return;
  }
  const t = ref.tokens[want.at]!;
  expect(
    [tokenName(got), tokenName(reader.tokenType), reader.tokenStart, reader.tokenEnd],
    `${from} should land on ${tokenName(t.type)} ${t.start}..${t.end}, the last token of the value`,
  ).toEqual([tokenName(t.type), tokenName(t.type), t.start, t.end]);
  expect(reader.depth, `${from}: depth is back to what it is after that token`).toBe(depthAfter(ref, want.at));
  const rest: number[] = [];
  for (let type = reader.read(); rest.push(type) <= ref.tokens.length && type !== Token.EndOfDocument && type !== Token.Error; type = reader.read());
  const restWanted = [...ref.tokens.slice(want.at + 1).map((x) => x.type), ...(ref.errorCode === E.None ? [] : [Token.Error])];
  expect(rest.map(tokenName), `${from}: read() goes on with the tokens after the skipped value`).toEqual(restWanted.map(tokenName));
}

/** [the text between the quotes, as written in JSON; the expected text; equal?] — escapes and surrogates. */
export const ESCAPED_TEXT_CASES: [string, string, boolean][] = [
  ['item\\u0043ount', 'itemCount', true],
  ['item\\u0043ount', 'itemCoun', false],
  ['item\\u0043ount', 'itemCounts', false],
  ['item\\u0063ount', 'itemCount', false],
  ['item\\u0043oun', 'itemCount', false],
  ['item\\u0043ount\\u0000', 'itemCount', false],
  ['item\\u0043ount\\u0000', 'itemCount\u0000', true],
  ['\\u0074\\u0069\\u006d\\u0065\\u0073\\u0074\\u0061\\u006d\\u0070', 'timestamp', true],
  ['\\u0074\\u0069\\u006D\\u0065\\u0073\\u0074\\u0061\\u006D\\u0070', 'timestamp', true],
  ['\\u0074\\u0069\\u006d\\u0065\\u0073\\u0074\\u0061\\u006d\\u0070', 'timestampx', false],
  ['a\\/b', 'a/b', true],
  ['a\\/b', 'a\\/b', false],
  ['\\"\\\\\\/\\b\\f\\n\\r\\t', '"\\/\b\f\n\r\t', true],
  ['ab\\n', 'ab', false],
  ['caf\\u00e9', 'café', true],
  ['\\u20AC', '€', true],
  ['\\uD83D\\uDE00', '😀', true],
  ['\\ud83d\\ude00', '😀', true],
  ['x\\uD83D\\uDE00y', 'x😀y', true],
  ['\\uD83D\\uDE00', '😁', false],
  ['\\uD83D\\uDE00', '\uFFFD', false],
  ['\\uDE00\\uD83D', '😀', false],
  ['\\uDE00\\uD83D', '\uFFFD\uFFFD', false],
  ['\\uD800', '\uFFFD', false],
  ['\\uD800', '', false],
  ['\\uD83Dx', '\uFFFDx', false],
  ['\\uD83D', '\ud83d', false],
];
