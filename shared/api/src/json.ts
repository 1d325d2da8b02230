/**
 * Small JSON helpers that generated code calls at run time (lab 02 onwards): a number written as
 * JSON.stringify writes it, a test for a plain JSON object, and a property name as a JSON Pointer segment.
 */

/** A number as JSON.stringify writes it: NaN and ±Infinity become null, -0 becomes 0. */
export function number(value: number): string {
  return Number.isFinite(value) ? `${value}` : 'null';
}

/** True for a plain JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A property name as one JSON Pointer segment (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
