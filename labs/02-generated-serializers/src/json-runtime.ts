/**
 * The run-time helpers your generated serializers and validators call. Everything else is decided at build
 * time and written into src/generated/ as plain code.
 */

/**
 * `value` as a JSON string literal, byte-identical to JSON.stringify(value).
 *
 * TODO(lab 02, step 2): make the common case fast. Most strings need no escape at all: find out with one
 * scan (a regular expression for the characters JSON.stringify treats specially — controls below U+0020,
 * `"`, `\` and any UTF-16 surrogate, because a lone one becomes \udXXX) and then just add the quotes. Let
 * JSON.stringify handle the rare string that does need escaping: it is exact.
 */
export function quote(value: string): string {
  throw new Error('TODO(lab 02, step 2): write quote() in src/json-runtime.ts');
}

/** A number as JSON.stringify writes it: NaN and ±Infinity become null, -0 becomes 0. */
export function number(value: number): string {
  return Number.isFinite(value) ? '' + value : 'null';
}

/** True for a plain JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A property name as one JSON Pointer segment (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
