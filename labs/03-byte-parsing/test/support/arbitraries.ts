/**
 * fast-check arbitraries for lab 03's property tests: valid JSON documents spelled many ways (random
 * whitespace between tokens, `\uXXXX` and `\/` escapes, numbers with exponents and fractions), byte-level
 * mutations of them (replace, insert, delete a byte, truncate — bytes chosen to hit every rule: quotes,
 * brackets, digits, controls, UTF-8 lead and continuation bytes), and JSON-ish noise.
 */
import fc from 'fast-check';

/** A small seeded PRNG (mulberry32): the spelling of a value is a pure function of (value, seed). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WHITESPACE = [' ', '\t', '\n', '\r'];
const hex4 = (unit: number, upper: boolean) => {
  const digits = unit.toString(16).padStart(4, '0');
  return `\\u${upper ? digits.toUpperCase() : digits}`;
};

/** JSON text for `value` with random whitespace between tokens and random (valid) escapes and spellings. */
export function spell(value: unknown, seed: number): string {
  const rand = prng(seed);
  const chance = (p: number) => rand() < p;
  const ws = () => {
    if (chance(0.6)) return '';
    let out = '';
    for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) out += WHITESPACE[Math.floor(rand() * 4)];
    return out;
  };
  const str = (s: string) => {
    let out = '"';
    for (const ch of s) {
      const cp = ch.codePointAt(0)!;
      const lone = cp >= 0xd800 && cp <= 0xdfff;
      if (lone || chance(0.08)) {
        for (let k = 0; k < ch.length; k++) out += hex4(ch.charCodeAt(k), chance(0.5));
      } else if (ch === '"' || ch === '\\' || cp < 0x20) {
        out += JSON.stringify(ch).slice(1, -1);
      } else if (ch === '/' && chance(0.5)) {
        out += '\\/';
      } else {
        out += ch;
      }
    }
    return `${out}"`;
  };
  const num = (n: number) => {
    const r = rand();
    if (r < 0.6 || !Number.isFinite(n)) return JSON.stringify(n);
    if (r < 0.8) return n.toExponential().replace('e', chance(0.5) ? 'e' : 'E');
    return Number.isInteger(n) && Math.abs(n) < 1e15 ? `${n}.0` : n.toPrecision(1 + Math.floor(rand() * 21));
  };
  const val = (v: unknown): string => {
    if (v === null || typeof v === 'boolean') return String(v);
    if (typeof v === 'number') return num(v);
    if (typeof v === 'string') return str(v);
    if (Array.isArray(v)) return v.length === 0 ? `[${ws()}]` : `[${v.map((e) => `${ws()}${val(e)}${ws()}`).join(',')}]`;
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 0) return `{${ws()}}`;
    return `{${entries.map(([k, e]) => `${ws()}${str(k)}${ws()}:${ws()}${val(e)}${ws()}`).join(',')}}`;
  };
  return `${ws()}${val(value)}${ws()}`;
}

/** JSON values (well under 64 levels) with ASCII, any-code-unit and grapheme strings. */
export const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }),
  fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }),
  fc.jsonValue({ maxDepth: 4, stringUnit: 'grapheme' }),
);

/** A valid document: a value, its spelling, and its UTF-8 bytes. */
export interface Document {
  value: unknown;
  text: string;
  bytes: Uint8Array;
}

const encoder = new TextEncoder();
export const validDocument: fc.Arbitrary<Document> = fc.tuple(jsonValue, fc.integer(), fc.boolean()).map(([value, seed, compact]) => {
  const text = compact ? JSON.stringify(value) : spell(value, seed);
  return { value, text, bytes: encoder.encode(text) };
});

/** Nesting around the limit: 60 to 70 levels of `[` and `{"k":`, a value inside, closed (or not) properly. */
export const deepDocument: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.array(fc.boolean(), { minLength: 60, maxLength: 70 }), fc.constantFrom('1', '"s"', '[]', '{}', 'null'), fc.boolean())
  .map(([objects, inside, closed]) => {
    const open = objects.map((o) => (o ? '{"k":' : '[')).join('');
    const close = objects
      .map((o) => (o ? '}' : ']'))
      .reverse()
      .join('');
    return encoder.encode(`${open}${inside}${closed ? close : close.slice(0, close.length >> 1)}`);
  });

/** Bytes that matter to a JSON reader: structure, digits, letters of literals, controls, UTF-8 leads and tails. */
const INTERESTING_BYTES = [
  0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0x20, 0x09, 0x0a, 0x0d, 0x0c, 0x00, 0x1f, 0x7f, 0x2d, 0x2b, 0x2e, 0x30, 0x31, 0x39, 0x65, 0x45, 0x75, 0x74,
  0x66, 0x6e, 0x2f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff,
];
export const interestingByte: fc.Arbitrary<number> = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...INTERESTING_BYTES));

export interface Mutation {
  kind: 'replace' | 'insert' | 'delete' | 'truncate';
  /** Position, taken modulo the length. */
  at: number;
  byte: number;
}
export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('replace', 'insert', 'delete', 'truncate'),
  at: fc.nat(),
  byte: interestingByte,
});

/** `bytes` with `mutations` applied in order (a fresh array). */
export function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let out = Array.from(bytes);
  for (const m of mutations) {
    const at = m.at % (out.length + 1);
    if (m.kind === 'insert') out.splice(at, 0, m.byte);
    else if (m.kind === 'truncate') out = out.slice(0, at);
    else if (at < out.length) {
      if (m.kind === 'replace') out[at] = m.byte;
      else out.splice(at, 1);
    }
  }
  return Uint8Array.from(out);
}

/** A valid document with one to three byte-level mutations. */
export const mutatedDocument: fc.Arbitrary<Uint8Array> = fc
  .tuple(validDocument, fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([doc, mutations]) => mutate(doc.bytes, mutations));

/** Short strings of JSON's own characters (and a few intruders), UTF-8 encoded: noise that is often almost JSON. */
export const jsonishBytes: fc.Arbitrary<Uint8Array> = fc
  .string({ unit: fc.constantFrom(...'{}[]":,0123456789eE.+-tfnrulsa \t\n\r\\/u'.split(''), 'é', '\u0000', '\u001f', '😀'), maxLength: 40 })
  .map((s) => encoder.encode(s));

/** Any bytes at all. */
export const randomBytes: fc.Arbitrary<Uint8Array> = fc.uint8Array({ maxLength: 64 });
