/**
 * requestHeader(): the one header policy for code that reads the IncomingMessage — the same value Fetch's
 * Headers (and Hono's c.req.header()) give for the same raw header block.
 */
import { describe, expect, it } from 'vitest';
import { requestHeader } from '../src/node-request.ts';

function fetchHeader(raw: string[], name: string): string | undefined {
  const headers = new Headers();
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers.get(name) ?? undefined;
}

describe('requestHeader', () => {
  const cases: Record<string, string[]> = {
    'one Content-Type': ['Host', 'a', 'Content-Type', 'application/json'],
    'two conflicting Content-Types': ['Content-Type', 'application/json', 'content-type', 'text/plain'],
    'Content-Type after 999 other headers': [...Array.from({ length: 999 }, (_, i) => [`x-f${i}`, 'a']).flat(), 'CONTENT-TYPE', 'application/json'],
    'no Content-Type': ['Host', 'a'],
  };
  for (const [name, raw] of Object.entries(cases)) {
    it(`reads ${name} as Fetch's Headers do`, () => {
      expect(requestHeader({ rawHeaders: raw }, 'content-type')).toBe(fetchHeader(raw, 'content-type'));
    });
  }

  it('joins every occurrence in order with ", "', () => {
    expect(requestHeader({ rawHeaders: ['Content-Type', 'application/json', 'Content-Type', 'text/plain'] }, 'content-type')).toBe(
      'application/json, text/plain',
    );
    expect(requestHeader({ rawHeaders: ['Content-Length', '10'] }, 'content-type')).toBeUndefined();
  });
});
