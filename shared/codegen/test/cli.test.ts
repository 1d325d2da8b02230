/** `hotpath-generate`: an emitter that is not written yet costs its own file, not the others (lab 02's step 2 before step 3). */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main, USAGE } from '../src/cli.ts';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A package src/ with a plain JSON Schema registry, a working serializer emitter and a TODO validator emitter. */
function unfinishedPackage(): string {
  const src = join(mkdtempSync(join(tmpdir(), 'hotpath-cli-')), 'src');
  dirs.push(join(src, '..'));
  mkdirSync(join(src, 'codegen'), { recursive: true });
  writeFileSync(join(src, 'registry.ts'), `export const registry = { Point: { type: 'object', properties: { x: { type: 'number' } }, required: ['x'] } };\n`);
  writeFileSync(
    join(src, 'codegen', 'serializer.ts'),
    "export function emitSerializer(ctx: any, type: any) {\n  ctx.add(`export function ${type.serializer}(value: ${ctx.type(type.node)}): string {\\n  return '{}';\\n}`);\n}\n",
  );
  writeFileSync(join(src, 'codegen', 'validator.ts'), "export function emitValidator() {\n  throw new Error('TODO(step 3): write emitValidator');\n}\n");
  return src;
}

describe('hotpath-generate with an unfinished emitter', () => {
  it('writes the files that work, names the one that does not, and exits 1 (0 with --soft)', async () => {
    const src = unfinishedPackage();
    const errors: string[] = [];
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await main(['--src', src])).toBe(1);
    expect(readFileSync(join(src, 'generated', 'serializers.ts'), 'utf8')).toContain('export function serializePoint(value: Point): string');
    expect(existsSync(join(src, 'generated', 'types.ts'))).toBe(true);
    expect(existsSync(join(src, 'generated', 'validators.ts'))).toBe(false);
    expect(errors.join('\n')).toMatch(/validators\.ts not written: TODO\(step 3\)/);
    expect(await main(['--src', src, '--soft'])).toBe(0);
  });

  it('leaves a file whose emitter now fails as it was', async () => {
    const src = unfinishedPackage();
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    mkdirSync(join(src, 'generated'));
    writeFileSync(join(src, 'generated', 'validators.ts'), '// from an earlier, working emitter\n');
    await main(['--src', src]);
    expect(readFileSync(join(src, 'generated', 'validators.ts'), 'utf8')).toBe('// from an earlier, working emitter\n');
  });
});

describe('hotpath-generate command line', () => {
  it('refuses an unknown option, a stray word or a missing --src value with exit 2, the message and the usage', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    expect(await main(['--chek'])).toBe(2);
    expect(await main(['src'])).toBe(2);
    expect(await main(['--src'])).toBe(2);
    expect(errors.map((e) => e.split('\n')[0])).toEqual(['Unknown option --chek', 'Unknown option src', '--src needs a value']);
    for (const error of errors) expect(error).toContain(USAGE);
  });

  it('prints the usage for --help and -h', async () => {
    const logs: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void logs.push(line));
    expect(await main(['--help'])).toBe(0);
    expect(await main(['-h'])).toBe(0);
    expect(logs).toEqual([USAGE, USAGE]);
  });
});
