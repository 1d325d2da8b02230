/**
 * Corpus cases for `POST /todos`: what creates a todo (201, id 101 on a fresh app), what fails validation
 * (the message names the field), and the syntax, byte-level, media-type and size errors it shares with
 * the ingest route.
 */
import type { CorpusCaseSource } from '../src/fixtures.ts';
import { MAX_TITLE_LENGTH } from '../src/limits.ts';
import { TODOS, bytes, created, generated, invalid, invalidJson, text, tooLarge, unsupported, type Extra } from './corpus-helpers.ts';

const make = (name: string, body: string, title: string, isComplete = false, extra?: Extra) => text(TODOS, name, body, created(title, isComplete), extra);
const bad = (name: string, body: string, field?: string, extra?: Extra) => text(TODOS, name, body, invalid(field), extra);
const broken = (name: string, body: string) => text(TODOS, name, body, invalidJson);
const longest = 'a'.repeat(MAX_TITLE_LENGTH);
const emoji100 = '🚀'.repeat(MAX_TITLE_LENGTH / 2);

const createdCases: CorpusCaseSource[] = [
  make('title only', '{"title":"Buy milk"}', 'Buy milk'),
  make('title and isComplete true', '{"title":"Ship it","isComplete":true}', 'Ship it', true),
  make('title and isComplete false', '{"title":"Ship it","isComplete":false}', 'Ship it', false),
  make('isComplete before title', '{"isComplete":true,"title":"Reorder"}', 'Reorder', true),
  make('unknown fields ignored, client id ignored', '{"id":7,"title":"x","priority":3,"tags":["a"],"owner":{"name":"n"}}', 'x', false, {
    note: 'The server assigns ids; an id in the body is an unknown field.',
  }),
  make(`title of ${MAX_TITLE_LENGTH} characters`, JSON.stringify({ title: longest }), longest),
  make(`title of ${MAX_TITLE_LENGTH / 2} emoji (${MAX_TITLE_LENGTH} UTF-16 code units)`, JSON.stringify({ title: emoji100 }), emoji100, false, {
    note: 'Length is counted in UTF-16 code units, like String.prototype.length.',
  }),
  make('title with leading and trailing spaces is kept', '{"title":"  padded  "}', '  padded  ', false, { note: 'Titles are not trimmed.' }),
  make('title of a single space', '{"title":" "}', ' '),
  make('title with escapes', String.raw`{"title":"line\nbreak \"quoted\" back\\slash\ttab \/"}`, 'line\nbreak "quoted" back\\slash\ttab /'),
  make('title with \\u escapes', String.raw`{"title":"\u0041BC \u00e9"}`, 'ABC é'),
  make('title with an escaped NUL', String.raw`{"title":"a\u0000b"}`, 'a\u0000b'),
  make('title with an escaped lone surrogate', String.raw`{"title":"\uD800"}`, '\uD800', false, {
    note: 'JSON.parse accepts it; JSON.stringify writes it back as \\ud800.',
  }),
  make('title with emoji and CJK', '{"title":"🚀 出荷 👩‍💻"}', '🚀 出荷 👩‍💻'),
  make('title with HTML', '{"title":"</script><b>bold</b>"}', '</script><b>bold</b>'),
  make('duplicate title: the last one wins', '{"title":5,"title":"ok"}', 'ok'),
  make('escaped key t\\u0069tle', String.raw`{"t\u0069tle":"escaped key"}`, 'escaped key'),
  make('whitespace around the body', ' \n{ "title" : "spaced" }\r\n', 'spaced'),
  make('isComplete inside __proto__ is ignored', '{"__proto__":{"isComplete":true},"title":"x"}', 'x'),
  make('content type with charset', '{"title":"x"}', 'x', false, { contentType: 'application/json; charset=utf-8' }),
  make('content type in mixed case', '{"title":"x"}', 'x', false, { contentType: 'Application/JSON' }),
];

const validationCases: CorpusCaseSource[] = [
  bad('missing title', '{}', 'title'),
  bad('missing title, isComplete present', '{"isComplete":true}', 'title'),
  bad('empty title', '{"title":""}', 'title'),
  bad(`title of ${MAX_TITLE_LENGTH + 1} characters`, JSON.stringify({ title: `${longest}b` }), 'title'),
  bad(`title of ${MAX_TITLE_LENGTH / 2 + 1} emoji (${MAX_TITLE_LENGTH + 2} UTF-16 code units)`, JSON.stringify({ title: `${emoji100}🚀` }), 'title'),
  ...['5', 'null', 'true', '["x"]', '{"text":"x"}'].map((v) => bad(`title is ${v}`, `{"title":${v}}`, 'title')),
  bad('title key in the wrong case', '{"Title":"x"}', 'title'),
  bad('title only inside __proto__', '{"__proto__":{"title":"x"}}', 'title'),
  ...['"true"', '"false"', '1', '0', 'null', '[]', '{}'].map((v) => bad(`isComplete is ${v}`, `{"title":"x","isComplete":${v}}`, 'isComplete')),
  bad('duplicate isComplete: the last one is a string', '{"title":"x","isComplete":true,"isComplete":"yes"}', 'isComplete'),
  bad('title and isComplete both wrong', '{"title":1,"isComplete":"no"}'),
  ...['null', '[]', '[{"title":"x"}]', '"x"', '1', 'true'].map((v) => bad(`top-level ${v}`, v)),
  generated(TODOS, 'body of exactly 1 MiB without a title', { kind: 'size', bytes: 1024 * 1024 }, invalid('title')),
];

const errorCases: CorpusCaseSource[] = [
  broken('empty body', ''),
  broken('truncated document', '{"title":"x"'),
  broken('trailing garbage', '{"title":"x"}x'),
  broken('single-quoted title', `{"title":'x'}`),
  broken('unquoted key', '{title:"x"}'),
  broken('trailing comma', '{"title":"x",}'),
  broken('comment', '{"title":"x" /* c */}'),
  broken('raw newline in the title', '{"title":"a\nb"}'),
  broken('bad escape in the title', String.raw`{"title":"\q"}`),
  bytes(TODOS, 'UTF-8 BOM before the document', [[0xef, 0xbb, 0xbf], '{"title":"x"}'], invalidJson),
  bytes(TODOS, 'UTF-8-encoded surrogate ED A0 80 in the title', ['{"title":"', [0xed, 0xa0, 0x80], '"}'], invalidJson),
  bytes(TODOS, 'overlong C0 AF in the title', ['{"title":"', [0xc0, 0xaf], '"}'], invalidJson),
  bytes(TODOS, 'NUL byte in the title', ['{"title":"a', [0x00], '"}'], invalidJson),
  generated(TODOS, 'nesting depth 65 in an unknown field', { kind: 'nest', open: '[', depth: 64, prefix: '{"title":"x","deep":', suffix: '}' }, invalidJson),
  generated(TODOS, 'nesting depth 64 in an unknown field', { kind: 'nest', open: '[', depth: 63, prefix: '{"title":"x","deep":', suffix: '}' }, created('x')),
  generated(TODOS, 'nesting depth 100,000', { kind: 'nest', open: '[', depth: 100_000 }, invalidJson),
  text(TODOS, 'content type text/plain', '{"title":"x"}', unsupported, { contentType: 'text/plain' }),
  text(TODOS, 'no content type', '{"title":"x"}', unsupported, { contentType: null }),
  text(TODOS, 'form-encoded body', 'title=x', unsupported, { contentType: 'application/x-www-form-urlencoded' }),
  text(TODOS, 'content type application/jsonx', '{"title":"x"}', unsupported, { contentType: 'application/jsonx' }),
  generated(TODOS, 'body of 1 MiB + 1 byte', { kind: 'size', bytes: 1024 * 1024 + 1 }, tooLarge),
];

export const todoCases: CorpusCaseSource[] = [...createdCases, ...validationCases, ...errorCases];
