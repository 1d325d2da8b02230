/**
 * The oracle: what the contract says a POST should get, computed the plainest way possible — a fatal
 * TextDecoder that keeps the BOM, JSON.parse, a walk of the parsed value for depth, and the validation
 * rules written out. The corpus test checks every stored expectation against it, so the corpus cannot hold
 * a wrong answer; the fuzz test checks the reference app against it.
 */
import { BODY_LIMIT_BYTES, MAX_JSON_DEPTH, MAX_TITLE_LENGTH, isJsonContentType, type ErrorCode } from '../src/index.ts';
import type { CorpusRoute } from '../src/fixtures.ts';

export interface OracleAnswer {
  status: number;
  code?: ErrorCode;
  /** For validation_failed: the fields that are wrong. */
  fields?: string[];
  itemCount?: number;
  timestamp?: number;
  todo?: { title: string; isComplete: boolean };
}

/** Depth of a parsed JSON value: a primitive is 0, `[]` and `{}` are 1. Iterative, so any depth is fine. */
export function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const depth = d + 1;
    if (depth > max) max = depth;
    for (const child of Object.values(v)) stack.push([child, depth]);
  }
  return max;
}

const isPositiveSafeInteger = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

const error = (code: ErrorCode, status: number, fields?: string[]): OracleAnswer => (fields ? { status, code, fields } : { status, code });

export function oracle(route: CorpusRoute, contentType: string | null, body: Uint8Array): OracleAnswer {
  if (!isJsonContentType(contentType)) return error('unsupported_media_type', 415);
  if (body.byteLength > BODY_LIMIT_BYTES) return error('payload_too_large', 413);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body));
  } catch {
    return error('invalid_json', 400);
  }
  if (jsonDepth(value) > MAX_JSON_DEPTH) return error('invalid_json', 400);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return error('validation_failed', 400, []);
  const obj = value as Record<string, unknown>;

  if (route === '/ingest/v1') {
    const fields = ['itemCount', 'timestamp'].filter((f) => !Object.hasOwn(obj, f) || !isPositiveSafeInteger(obj[f]));
    if (fields.length > 0) return error('validation_failed', 400, fields);
    return { status: 202, itemCount: obj.itemCount as number, timestamp: obj.timestamp as number };
  }

  const fields: string[] = [];
  const title = Object.hasOwn(obj, 'title') ? obj.title : undefined;
  if (typeof title !== 'string' || title.length < 1 || title.length > MAX_TITLE_LENGTH) fields.push('title');
  const hasComplete = Object.hasOwn(obj, 'isComplete');
  if (hasComplete && typeof obj.isComplete !== 'boolean') fields.push('isComplete');
  if (fields.length > 0) return error('validation_failed', 400, fields);
  return { status: 201, todo: { title: title as string, isComplete: hasComplete ? (obj.isComplete as boolean) : false } };
}
