/**
 * Ways of starting that this machine cannot run: a definition's peer with `unavailable` is refused without a
 * reason, and a served peer whose discarded start fails is left out of the startup section and listed with
 * the first lines of its error — while a subject that fails still fails the section. Real processes: a
 * one-line node:http server on 127.0.0.1, one measured start each.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPeers } from '../src/define.ts';
import { measureStartup, startFailure } from '../src/startup.ts';

const dir = mkdtempSync(join(tmpdir(), 'hotpath-unavailable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hello = join(dir, 'hello.cjs');
writeFileSync(
  hello,
  "const s = require('node:http').createServer((q, r) => r.end('{}')); s.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + s.address().port));",
);
const broken = join(dir, 'broken.cjs');
writeFileSync(broken, "throw new Error('SyntaxError: this runtime cannot load the bundle');");

describe('unavailable peers', () => {
  it('needs a reason', () => {
    const serve = { command: process.execPath, args: [hello] };
    expect(checkPeers([{ name: 'strip', serve, unavailable: 'Node 20 does not strip types: run on Node 26' }])[0]!.unavailable).toContain('Node 26');
    expect(() => checkPeers([{ name: 'strip', serve, unavailable: ' ' }])).toThrow('peer strip: unavailable must say why this machine cannot run it');
  });

  it('leaves out a served peer whose discarded start fails, with the error, and measures the rest', { timeout: 30_000 }, async () => {
    const result = await measureStartup(
      [
        { key: 'subject', dir, serve: { command: process.execPath, args: [hello], cwd: dir } },
        { key: 'peer:broken', dir, serve: { command: process.execPath, args: [broken], cwd: dir }, optional: true },
        { key: 'peer:missing', dir, serve: { command: join(dir, 'no-such-binary'), cwd: dir }, optional: true },
      ],
      { runs: 1 },
    );
    expect(Object.keys(result.results)).toEqual(['subject']);
    expect(result.results.subject!.runs).toBe(1);
    const [brokenRow, missingRow] = result.unavailable ?? [];
    expect(result.unavailable?.map((u) => u.name)).toEqual(['broken', 'missing']);
    expect(brokenRow?.reason).toMatch(/^did not start: .*this runtime cannot load the bundle/);
    expect(missingRow?.reason).toMatch(/^did not start: .*ENOENT/);
  });

  it('still fails the section when a subject does not start', { timeout: 30_000 }, async () => {
    await expect(measureStartup([{ key: 'subject', dir, serve: { command: process.execPath, args: [broken], cwd: dir } }], { runs: 1 })).rejects.toThrow(
      /before answering GET \/health/,
    );
  });

  it('keeps the first error lines of a failure', () => {
    expect(startFailure(new Error('x exited with code 1\n\n  at foo\nTypeError: bad\n  at bar\n  at baz'))).toBe('TypeError: bad at bar');
  });
});
