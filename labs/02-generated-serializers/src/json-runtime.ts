/**
 * The run-time helpers your generated serializers and validators call. Everything else is decided at build
 * time and written into src/generated/ as plain code.
 */
// Given, shared with every stage: number(), isRecord() and pointerToken() (@hotpath/api's json.ts).
export { isRecord, number, pointerToken } from '@hotpath/api';

/**
 * `value` as a JSON string literal, byte-identical to JSON.stringify(value).
 *
 * TODO(lab 02, step 2): make the common case fast. Most strings need no escape at all: find out with one
 * scan (a regular expression for the characters JSON.stringify treats specially — controls below U+0020,
 * `"`, `\` and any UTF-16 surrogate, because a lone one becomes \udXXX) and then just add the quotes. Let
 * JSON.stringify handle the rare string that does need escaping: it is exact. (That call, with one string
 * that needs escaping, is the only JSON.stringify the serving test allows.)
 */
export function quote(value: string): string {
  throw new Error('TODO(lab 02, step 2): write quote() in src/json-runtime.ts');
}
