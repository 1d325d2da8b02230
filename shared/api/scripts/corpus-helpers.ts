/**
 * Small builders the corpus case lists are written with, so each case is one readable line: a route, a
 * name, a body (text, raw bytes or a generated shape) and the answer the contract expects.
 */
import type { CorpusCaseSource, CorpusExpect, CorpusGenerate, CorpusRoute } from '../src/fixtures.ts';
import { concatBytes } from '../src/body.ts';

export const INGEST: CorpusRoute = '/ingest/v1';
export const TODOS: CorpusRoute = '/todos';

/** Extra fields of a case: a non-default Content-Type (null = no header) and a note. */
export interface Extra {
  contentType?: string | null;
  note?: string;
}

export const invalidJson: CorpusExpect = { status: 400, code: 'invalid_json' };
export const unsupported: CorpusExpect = { status: 415, code: 'unsupported_media_type' };
export const tooLarge: CorpusExpect = { status: 413, code: 'payload_too_large' };

export function accepted(itemCount: number, timestamp: number): CorpusExpect {
  return { status: 202, itemCount, timestamp };
}

/** 400 validation_failed; `field` when exactly one field is wrong (the message must name it). */
export function invalid(field?: string): CorpusExpect {
  return field ? { status: 400, code: 'validation_failed', field } : { status: 400, code: 'validation_failed' };
}

export function created(title: string, isComplete = false): CorpusExpect {
  return { status: 201, todo: { title, isComplete } };
}

/** Builds a case with its keys in a fixed, readable order. */
function build(
  route: CorpusRoute,
  name: string,
  body: string,
  how: Pick<CorpusCaseSource, 'bodyBase64' | 'generate'>,
  expect: CorpusExpect,
  extra?: Extra,
): CorpusCaseSource {
  return {
    name,
    route,
    ...(extra?.contentType !== undefined ? { contentType: extra.contentType } : {}),
    body,
    ...how,
    ...(extra?.note ? { note: extra.note } : {}),
    expect,
  };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A case whose body is text (sent UTF-8 encoded). The text must be well-formed UTF-16. */
export function text(route: CorpusRoute, name: string, body: string, expect: CorpusExpect, extra?: Extra): CorpusCaseSource {
  if (strictUtf8.decode(new TextEncoder().encode(body)) !== body) throw new Error(`Case "${name}": text body has lone surrogates; use bytes()`);
  return build(route, name, body, {}, expect, extra);
}

/** Text (UTF-8 encoded) and raw byte values, as one run of bytes. */
function partsToBytes(parts: readonly (string | readonly number[])[]): Uint8Array {
  const chunks = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : Uint8Array.from(p)));
  return concatBytes(
    chunks,
    chunks.reduce((n, c) => n + c.length, 0),
  );
}

/** A case whose body is raw bytes: text parts are UTF-8 encoded, number arrays are bytes as is. */
export function bytes(route: CorpusRoute, name: string, parts: readonly (string | readonly number[])[], expect: CorpusExpect, extra?: Extra): CorpusCaseSource {
  const raw = partsToBytes(parts);
  return build(route, name, renderBytes(raw), { bodyBase64: Buffer.from(raw).toString('base64') }, expect, extra);
}

/** A case whose body is generated when the corpus is loaded; `body` gets a short readable rendering. */
export function generated(route: CorpusRoute, name: string, generate: CorpusGenerate, expect: CorpusExpect, extra?: Extra): CorpusCaseSource {
  let shown: string;
  if (generate.kind === 'size') {
    shown = `{"itemCount":1,"timestamp":1,"pad":"x…x"} (${generate.bytes} bytes in all)`;
  } else {
    const open = generate.open === '[' ? '[' : '{"a":';
    const close = generate.unclosed ? '' : `${generate.open === '[' ? ']' : '}'}×${generate.depth}`;
    shown = `${generate.prefix ?? ''}${open}×${generate.depth}${close}${generate.suffix ?? ''}`;
  }
  return build(route, name, shown, { generate }, expect, extra);
}

/** Renders bytes for reading: valid UTF-8 as text (except the BOM and C0 controls), any other byte as \xHH. */
export function renderBytes(raw: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const b = raw[i]!;
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 1;
    const isBom = len === 3 && b === 0xef && raw[i + 1] === 0xbb && raw[i + 2] === 0xbf;
    if (b >= 0x20 && b < 0x7f) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    if (len > 1 && !isBom) {
      try {
        out += strictUtf8.decode(raw.subarray(i, i + len));
        i += len;
        continue;
      } catch {
        // not a valid sequence: shown byte by byte
      }
    }
    out += `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
    i++;
  }
  return out;
}

/** `{"itemCount":<itemCount>,"timestamp":<timestamp>}` with the values spelled exactly as given. */
export function event(itemCount: string | number, timestamp: string | number = 1717171717171): string {
  return `{"itemCount":${itemCount},"timestamp":${timestamp}}`;
}
