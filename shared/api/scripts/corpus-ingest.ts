/**
 * Corpus cases for `POST /ingest/v1` that are valid JSON: what is accepted (value semantics of numbers,
 * duplicate keys, escaped keys, unknown fields, unicode), what fails validation, which content types are
 * refused, and the body-size boundary. Syntax errors and byte-level cases are in corpus-syntax.ts.
 */
import type { CorpusCaseSource } from '../src/fixtures.ts';
import { INGEST, accepted, event, generated, invalid, text, tooLarge, unsupported, type Extra } from './corpus-helpers.ts';

const T = 1717171717171;
const ok = (name: string, body: string, itemCount: number, timestamp: number, extra?: Extra) =>
  text(INGEST, name, body, accepted(itemCount, timestamp), extra);
const bad = (name: string, body: string, field?: string, extra?: Extra) => text(INGEST, name, body, invalid(field), extra);
const valueNote = { note: 'Numbers are judged by the value JSON.parse gives them, not by how they are spelled.' };

const acceptedCases: CorpusCaseSource[] = [
  ok('minimal event', event(3), 3, T),
  ok('spec example with items and unknown fields', `{"source":"sensor-17","timestamp":${T},"itemCount":3,"items":[{"sku":"A-1","qty":2,"price":9.99,"tags":["x"]}],"extra":{"nested":[1,2,3]}}`, 3, T),
  ok('timestamp before itemCount', `{"timestamp":${T},"itemCount":1}`, 1, T),
  ok('smallest values: itemCount 1, timestamp 1', event(1, 1), 1, 1),
  ok('itemCount spelled 1e3 (value 1000)', event('1e3'), 1000, T, valueNote),
  ok('itemCount spelled 1E3', event('1E3'), 1000, T),
  ok('itemCount spelled 1e+3', event('1e+3'), 1000, T),
  ok('itemCount spelled 1.0 (value 1)', event('1.0'), 1, T, valueNote),
  ok('itemCount spelled 10e-1 (value 1)', event('10e-1'), 1, T),
  ok('itemCount spelled 0.1e1 (value 1)', event('0.1e1'), 1, T),
  ok('itemCount spelled 0.0001e4 (value 1)', event('0.0001e4'), 1, T),
  ok('itemCount spelled 2.50e1 (value 25)', event('2.50e1'), 25, T),
  ok('itemCount 1.00000000000000001 parses to exactly 1', event('1.00000000000000001'), 1, T, valueNote),
  ok('timestamp 9007199254740991 (largest safe integer)', event(1, '9007199254740991'), 1, 9007199254740991),
  ok('timestamp spelled 9.007199254740991e15', event(1, '9.007199254740991e15'), 1, 9007199254740991),
  ok('timestamp spelled 90071992547409910e-1', event(1, '90071992547409910e-1'), 1, 9007199254740991),
  ok('timestamp spelled 1717171717171.000', event(2, '1717171717171.000'), 2, T),
  ok('whitespace everywhere (space, tab, CR, LF)', `\r\n\t{ "itemCount" :\t3 ,\n"timestamp"\r: 5 }\n`, 3, 5),
  ok('trailing newline', `${event(1, 2)}\n`, 1, 2),
  ok('duplicate itemCount: the last (valid) one wins', `{"itemCount":0,"timestamp":7,"itemCount":2}`, 2, 7, { note: 'JSON.parse keeps the last duplicate.' }),
  ok('duplicate itemCount: string first, number last', `{"itemCount":"3","itemCount":3,"timestamp":7}`, 3, 7),
  ok('duplicate timestamp: the last one wins', `{"timestamp":1,"itemCount":1,"timestamp":99}`, 1, 99),
  ok('escaped key item\\u0043ount is itemCount', String.raw`{"item\u0043ount":4,"timestamp":8}`, 4, 8, { note: 'Keys are compared after unescaping.' }),
  ok('fully escaped key timestamp', String.raw`{"itemCount":4,"\u0074\u0069\u006d\u0065\u0073\u0074\u0061\u006d\u0070":8}`, 4, 8),
  ok('escaped duplicate key overrides the plain one', String.raw`{"itemCount":1,"timestamp":8,"item\u0043ount":6}`, 6, 8),
  ok('nested itemCount/timestamp are ignored', `{"itemCount":3,"timestamp":5,"nested":{"itemCount":"x","timestamp":-1}}`, 3, 5),
  ok('itemCount inside items is ignored', `{"items":[{"itemCount":0,"timestamp":0}],"itemCount":2,"timestamp":5}`, 2, 5),
  ok('key text inside a string value is ignored', String.raw`{"note":"\"itemCount\":0,\"timestamp\":0","itemCount":2,"timestamp":5}`, 2, 5),
  ok('itemCount is not checked against items.length', `{"items":[],"itemCount":5,"timestamp":5}`, 5, 5),
  ok('items that is not an array is skipped', `{"items":"none","source":42,"itemCount":1,"timestamp":5}`, 1, 5),
  ok('unknown fields of every JSON type', `{"s":"x","n":-1.5e-10,"t":true,"f":false,"z":null,"a":[],"o":{},"aa":[[1,[2,[3]]],{"k":[{}]}],"itemCount":1,"timestamp":5}`, 1, 5),
  ok('1e400 and -1e400 in skipped fields are valid JSON', `{"big":1e400,"neg":-1e400,"tiny":1e-400,"itemCount":1,"timestamp":5}`, 1, 5),
  ok('30-digit integer in a skipped field', `{"id":123456789012345678901234567890,"itemCount":1,"timestamp":5}`, 1, 5),
  ok('-0 in skipped fields', `{"z":-0,"zf":-0.0e0,"itemCount":1,"timestamp":5}`, 1, 5),
  ok('every escape in a skipped string', String.raw`{"s":"\" \\ \/ \b \f \n \r \t \u0000 \u001f \u00e9 \uFFFF","itemCount":1,"timestamp":5}`, 1, 5),
  ok('escaped lone high surrogate \\uD800', String.raw`{"s":"\uD800","itemCount":1,"timestamp":5}`, 1, 5, { note: 'JSON.parse accepts escaped lone surrogates.' }),
  ok('escaped lone low surrogate \\uDC00', String.raw`{"s":"\udc00","itemCount":1,"timestamp":5}`, 1, 5),
  ok('escaped surrogates in the wrong order', String.raw`{"s":"\uDE00\uD83D","itemCount":1,"timestamp":5}`, 1, 5),
  ok('escaped surrogate pair \\uD83D\\uDE00', String.raw`{"s":"\uD83D\uDE00","itemCount":1,"timestamp":5}`, 1, 5),
  ok('escaped lone surrogate in a key', String.raw`{"\uD800":1,"itemCount":1,"timestamp":5}`, 1, 5),
  ok('emoji in a string (incl. ZWJ sequence)', `{"s":"🚚📦 ok 👩‍👩‍👧","itemCount":1,"timestamp":5}`, 1, 5),
  ok('CJK, Hebrew and combining marks in a string', `{"s":"日本語 עברית e\u0301 ñ","itemCount":1,"timestamp":5}`, 1, 5),
  ok('emoji as a key', `{"🔑":"v","itemCount":1,"timestamp":5}`, 1, 5),
  ok('empty key', `{"":0,"itemCount":1,"timestamp":5}`, 1, 5),
  ok('raw DEL (0x7F) in a string is allowed', `{"s":"a\u007fb","itemCount":1,"timestamp":5}`, 1, 5),
  ok('raw U+2028 and U+2029 in a string are allowed', `{"s":"a\u2028b\u2029c","itemCount":1,"timestamp":5}`, 1, 5),
  ok('raw U+FEFF inside a string is allowed', `{"s":"\ufeff","itemCount":1,"timestamp":5}`, 1, 5),
  ok('U+FFFD, U+FFFF and U+10FFFF in a string', `{"s":"\ufffd\uffff\u{10ffff}","itemCount":1,"timestamp":5}`, 1, 5),
  ok('__proto__ key set to null', `{"__proto__":null,"itemCount":1,"timestamp":5}`, 1, 5),
  ok('constructor, toString and hasOwnProperty keys', `{"constructor":1,"toString":"x","hasOwnProperty":null,"itemCount":1,"timestamp":5}`, 1, 5),
  ok('content type with charset', event(1, 2), 1, 2, { contentType: 'application/json; charset=utf-8' }),
  ok('content type in mixed case', event(1, 2), 1, 2, { contentType: 'Application/JSON' }),
  ok('content type in capitals with parameter', event(1, 2), 1, 2, { contentType: 'APPLICATION/JSON;CHARSET=UTF-8' }),
  ok('content type with spaces before the parameter', event(1, 2), 1, 2, { contentType: 'application/json ; charset=utf-8' }),
  generated(INGEST, 'nesting depth 64: object + 63 arrays', { kind: 'nest', open: '[', depth: 63, prefix: '{"deep":', suffix: ',"itemCount":1,"timestamp":1}' }, accepted(1, 1), { note: 'The top-level object is depth 1; 64 levels are allowed.' }),
  generated(INGEST, 'nesting depth 64: 64 objects', { kind: 'nest', open: '{', depth: 63, prefix: '{"deep":', suffix: ',"itemCount":1,"timestamp":1}' }, accepted(1, 1)),
  generated(INGEST, 'body of exactly 1 MiB', { kind: 'size', bytes: 1024 * 1024 }, accepted(1, 1), { note: 'BODY_LIMIT_BYTES itself is allowed.' }),
];

const field = (f: string, values: string[], make: (v: string) => string): CorpusCaseSource[] =>
  values.map((v) => bad(`${f} is ${v}`, make(v), f));

const validationCases: CorpusCaseSource[] = [
  bad('missing itemCount', `{"timestamp":5}`, 'itemCount'),
  bad('missing timestamp', `{"itemCount":1}`, 'timestamp'),
  bad('empty object', '{}'),
  bad('only unknown fields', `{"source":"x","items":[]}`),
  bad('both fields are strings', `{"itemCount":"3","timestamp":"5"}`),
  bad('itemCount key in the wrong case', `{"itemcount":1,"timestamp":5}`, 'itemCount'),
  bad('itemCount key with a trailing space', `{"itemCount ":1,"timestamp":5}`, 'itemCount'),
  bad('itemCount key with an escaped trailing NUL', String.raw`{"itemCount\u0000":1,"timestamp":5}`, 'itemCount'),
  bad('duplicate itemCount: the last one is a string', `{"itemCount":3,"timestamp":1,"itemCount":"3"}`, 'itemCount'),
  bad('duplicate itemCount: the last one is null', `{"itemCount":3,"timestamp":1,"itemCount":null}`, 'itemCount'),
  bad('duplicate timestamp: the last one is 0', `{"timestamp":1,"itemCount":3,"timestamp":0}`, 'timestamp'),
  bad('itemCount only inside __proto__', `{"__proto__":{"itemCount":3},"timestamp":5}`, 'itemCount'),
  ...field('itemCount', ['"3"', '"1e3"', '""', 'true', 'false', 'null', '[3]', '[]', '{}', '{"value":3}', '1.5', '0', '-0', '0.0', '-1', '-1e3', '1e-7',
    '5e-324', '4503599627370495.5', '9007199254740992', '9007199254740993', '1e16', '1e400', '-1e400', '1e-400'], (v) => event(v)),
  ...field('timestamp', ['"1717171717171"', 'true', 'null', '[]', '{}', '1717171717171.5', '0.5', '0', '-0', '-1717171717171', '9007199254740992', '1e400'], (v) => event(1, v)),
  bad('top-level null', 'null'),
  bad('top-level null with whitespace', ' null\n'),
  bad('top-level empty array', '[]'),
  bad('top-level array holding a valid event', `[${event(1, 2)}]`),
  bad('top-level number', '3'),
  bad('top-level -0', '-0'),
  bad('top-level string', '"event"'),
  bad('top-level true', 'true'),
  bad('top-level false', 'false'),
  generated(INGEST, 'top-level array nested 64 deep', { kind: 'nest', open: '[', depth: 64 }, invalid(), { note: 'Deep but allowed: parsed, then refused for not being an object.' }),
];

const body = event(1, 2);
const contentTypeCases: CorpusCaseSource[] = [
  ...['text/plain', 'text/plain;charset=utf-8', 'application/x-www-form-urlencoded', 'application/jsonx', 'text/json', 'multipart/form-data; boundary=x',
    'application/xml', '', 'json', 'application/vnd.api+json', 'application/json-patch+json', 'application/*', '*/*'].map((ct) =>
    text(INGEST, `content type ${JSON.stringify(ct)}`, body, unsupported, { contentType: ct })),
  text(INGEST, 'no content type', body, unsupported, { contentType: null }),
  text(INGEST, 'no content type and an empty body', '', unsupported, { contentType: null }),
  text(INGEST, 'text/plain with a body that is not JSON', 'not json', unsupported, { contentType: 'text/plain', note: 'The media type is checked before the body is parsed.' }),
  generated(INGEST, 'body of 1 MiB + 1 byte', { kind: 'size', bytes: 1024 * 1024 + 1 }, tooLarge),
];

export const ingestCases: CorpusCaseSource[] = [...acceptedCases, ...validationCases, ...contentTypeCases];
