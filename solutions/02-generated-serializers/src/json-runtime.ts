/**
 * The few run-time helpers the generated serializers, validators and writers call: quoting a string the
 * way JSON.stringify does (without JSON.stringify for the common string that needs no escape), writing a
 * number, telling a record from other values, and a UTF-8 writer over a reused buffer. Everything else is
 * decided at build time and is already in the generated source.
 */
import { number } from '@hotpath/api';

// Given, shared with every stage: number(), isRecord() and pointerToken() (@hotpath/api's json.ts).
export { isRecord, number, pointerToken } from '@hotpath/api';

/** A character JSON.stringify escapes: controls, `"`, `\` and any surrogate (lone ones become \udXXX). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be escaped
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** `value` as a JSON string literal, byte-identical to JSON.stringify(value). */
export function quote(value: string): string {
  // Most strings need no escape: one native scan, then a concatenation. The rest take the exact path.
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/** The UTF-8 bytes of a constant, made once when a generated module loads. */
export function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

const ZERO = 0x30;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const FIRST_PRINTABLE = 0x20;
const DELETE = 0x7f;
/** The most bytes one UTF-16 code unit can become in JSON: `\uXXXX`. */
const MAX_BYTES_PER_UNIT = 6;
/** Enough for any number JSON.stringify writes (`-1.2345678901234567e-308`). */
const MAX_NUMBER_BYTES = 24;

/**
 * UTF-8 output into one buffer that is reused from call to call (it grows when a value needs more, and
 * stays grown). `take()` copies the bytes out and rewinds, so the buffer never leaves the writer: the
 * generated writers allocate no string and no object, only the copy `take()` returns.
 */
export class Utf8Writer {
  buf: Buffer;
  pos = 0;

  constructor(initialBytes = 16 * 1024) {
    this.buf = Buffer.allocUnsafeSlow(initialBytes);
  }

  private grow(need: number): void {
    const next = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.pos + need));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** Copies constant bytes (a property name with its punctuation, say). */
  bytes(src: Uint8Array): void {
    const n = src.length;
    if (this.pos + n > this.buf.length) this.grow(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = src[i]!;
    this.pos = p;
  }

  byte(code: number): void {
    if (this.pos + 1 > this.buf.length) this.grow(1);
    this.buf[this.pos++] = code;
  }

  /** A number as JSON.stringify writes it; small non-negative integers digit by digit, no string made. */
  number(value: number): void {
    if (this.pos + MAX_NUMBER_BYTES > this.buf.length) this.grow(MAX_NUMBER_BYTES);
    if (value >= 0 && value <= 0xffffffff && value % 1 === 0) {
      let digits = 1;
      for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
      const buf = this.buf;
      const end = this.pos + digits;
      let at = end;
      do {
        buf[--at] = ZERO + (value % 10);
        value = Math.floor(value / 10);
      } while (value > 0);
      this.pos = end;
      return;
    }
    this.pos += this.buf.write(number(value), this.pos, 'latin1');
  }

  /** A JSON string: printable ASCII is copied unit by unit; anything else takes JSON.stringify's exact path. */
  string(value: string): void {
    const n = value.length;
    if (this.pos + MAX_BYTES_PER_UNIT * n + 2 > this.buf.length) this.grow(MAX_BYTES_PER_UNIT * n + 2);
    const buf = this.buf;
    const start = this.pos;
    let p = start;
    buf[p++] = QUOTE;
    for (let i = 0; i < n; i++) {
      const code = value.charCodeAt(i);
      if (code < FIRST_PRINTABLE || code === QUOTE || code === BACKSLASH || code >= DELETE) {
        this.pos = start + buf.write(JSON.stringify(value), start, 'utf8');
        return;
      }
      buf[p++] = code;
    }
    buf[p++] = QUOTE;
    this.pos = p;
  }

  /** The bytes written since the last take(), copied into a new Buffer; the writer starts over. */
  take(): Buffer {
    const out = Buffer.allocUnsafe(this.pos);
    this.buf.copy(out, 0, 0, this.pos);
    this.pos = 0;
    return out;
  }
}
