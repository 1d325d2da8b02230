/**
 * The corpus cannot hold a wrong answer: every case's stored expectation is checked against the oracle
 * (fatal UTF-8 decoding that keeps the BOM + JSON.parse + the contract's rules). Also checks the corpus
 * covers what it promises, and that the fixture loaders return what the files hold.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, seedTodos } from '../src/index.ts';
import { corpus, corpusFile, fixturesDir, ingest1k, ingest64k, ingestFixture, todosFixture, todosJson } from '../src/fixtures.ts';
import { oracle, jsonDepth } from './oracle.ts';

const cases = corpus();

describe('corpus expectations agree with the oracle', () => {
  it.each(cases.map((c) => [`${c.route} ${c.name}`, c] as const))('%s', (_, c) => {
    const answer = oracle(c.route, c.contentType, c.body);
    const e = c.expect;
    expect(e.status, 'expected statuses are 201, 202 or 4xx, never 5xx').toBeLessThan(500);
    expect(e.status).toBe(answer.status);
    expect(e.code).toBe(answer.code);
    if (answer.code === 'validation_failed' && answer.fields!.length === 1) expect(e.field, 'one wrong field: the case must name it').toBe(answer.fields![0]);
    else expect(e.field, 'field only when exactly one field is wrong').toBeUndefined();
    if (answer.status === 202) expect([e.itemCount, e.timestamp]).toEqual([answer.itemCount, answer.timestamp]);
    else expect([e.itemCount, e.timestamp]).toEqual([undefined, undefined]);
    expect(e.todo).toEqual(answer.todo);
  });
});

describe('corpus shape and coverage', () => {
  const names = (pred: (c: (typeof cases)[number]) => boolean) => cases.filter(pred).map((c) => c.name);

  it('has at least 120 cases with unique names per route, and corpus.json stays under 200 KB', () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
    expect(new Set(cases.map((c) => `${c.route} ${c.name}`)).size).toBe(cases.length);
    expect(statSync(join(fixturesDir, 'corpus.json')).size).toBeLessThan(200_000);
  });

  it('defines each body exactly one way, and text bodies are what is sent', () => {
    for (const s of corpusFile().cases) {
      expect(typeof s.body, s.name).toBe('string');
      expect(s.bodyBase64 !== undefined && s.generate !== undefined, s.name).toBe(false);
    }
    for (const c of cases.filter((x) => !x.source.bodyBase64 && !x.source.generate)) {
      expect(new TextDecoder().decode(c.body), c.name).toBe(c.source.body);
    }
  });

  it('covers every status and code, in both routes', () => {
    const seen = new Set(cases.map((c) => `${c.route} ${c.expect.status} ${c.expect.code ?? ''}`));
    for (const want of ['202 ', '400 invalid_json', '400 validation_failed', '413 payload_too_large', '415 unsupported_media_type'])
      expect(seen).toContain(`/ingest/v1 ${want}`);
    for (const want of ['201 ', '400 invalid_json', '400 validation_failed', '413 payload_too_large', '415 unsupported_media_type'])
      expect(seen).toContain(`/todos ${want}`);
  });

  it('covers the byte-level cases', () => {
    const hex = cases.filter((c) => c.source.bodyBase64).map((c) => Buffer.from(c.body).toString('hex'));
    for (const seq of ['efbbbf', 'eda080', 'c0af', 'e080af', 'f08080af', 'f4908080', 'ff', '00'])
      expect(
        hex.some((h) => h.includes(seq)),
        seq,
      ).toBe(true);
    expect(names((c) => /truncated .*sequence/.test(c.name)).length).toBeGreaterThanOrEqual(3);
  });

  it('covers nesting at 64, 65, 10,000 and 100,000 levels', () => {
    const depths = cases
      .filter((c) => c.source.generate?.kind === 'nest')
      .map((c) => {
        const text = new TextDecoder().decode(c.body);
        return c.source.generate!.kind === 'nest' && c.source.generate!.unclosed ? -1 : jsonDepth(JSON.parse(text));
      });
    for (const d of [MAX_JSON_DEPTH, MAX_JSON_DEPTH + 1, 10_000, 100_000]) expect(depths).toContain(d);
  });

  it('covers the syntax and value cases the contract lists', () => {
    const all = cases.map((c) => new TextDecoder().decode(c.body));
    for (const s of [
      '{}x',
      '{} {}',
      '\\x41',
      '\\u12"',
      '\\uZZZZ',
      '\\uD800',
      ':01,',
      ':+1,',
      ':.5,',
      ':1.,',
      ':-,',
      ':1e,',
      'NaN',
      'Infinity',
      'undefined',
      "'",
      '//',
      '/*',
      ',}',
      '1e400',
      'item\\u0043ount',
      '🚀',
    ]) {
      expect(
        all.some((b) => b.includes(s)),
        s,
      ).toBe(true);
    }
    expect(names((c) => c.contentType === null).length).toBeGreaterThanOrEqual(2);
    for (const ct of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonx'])
      expect(
        cases.some((c) => c.contentType === ct),
        ct,
      ).toBe(true);
  });
});

describe('fixture loaders', () => {
  it('todos.json is JSON.stringify(seedTodos())', () => {
    expect(todosJson).toBe(JSON.stringify(seedTodos()));
    expect(todosFixture()).toStrictEqual(seedTodos());
  });

  it.each([['1k', ingest1k, 1024] as const, ['64k', ingest64k, 65536] as const])('ingest-%s.json is a realistic accepted body', (size, bytes, length) => {
    const f = ingestFixture(size);
    expect(bytes).toBe(f.bytes);
    expect(bytes.byteLength).toBe(length);
    const parsed = JSON.parse(f.text) as Record<string, unknown> & { items: unknown[] };
    expect(Object.keys(parsed).slice(-2), 'itemCount and timestamp are the last two keys').toEqual(['itemCount', 'timestamp']);
    expect(parsed.itemCount).toBe(parsed.items.length);
    expect(Object.keys(parsed).length).toBeGreaterThan(5);
    expect(oracle('/ingest/v1', 'application/json', bytes)).toEqual({ status: 202, itemCount: f.itemCount, timestamp: f.timestamp });
  });
});
