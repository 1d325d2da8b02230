/**
 * Steps 1–3 end to end: `pnpm build` (buildAll from @hotpath/kit/sea-build, run once and cached by
 * support/build.ts) makes the bundle and three single executables, and each one, copied alone into an empty
 * folder outside the repo — no node_modules, no sources — serves the whole API contract over a real port
 * (checkOverHttp: the routes byte for byte, the corpus, 413 with and without Content-Length). And each one is
 * this build's own: the bundle was made from this package's src/server.ts, and every binary carries the bundle
 * this build wrote (a binary or bundle copied from another build — the reference's — does not).
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { labSourcePath } from '@hotpath/kit/paths';
import type { SeaResult } from '@hotpath/kit/sea-given';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkOverHttp } from '@hotpath/kit/http-check';
import { absoluteInputs, BUILD_TIMEOUT_MS, builtOnce, describeBuild, type Built } from './support/build.ts';
import { aloneInEmptyDir, startServer } from './support/servers.ts';

/** Copying a ~95 MiB binary, starting it and running every contract check. */
const RUN_TIMEOUT_MS = 90_000;

/** A startup snapshot holds a whole heap (Node's own included): megabytes, where a script blob is the script's size. */
const SNAPSHOT_MIN_BYTES = 1_000_000;

/** What each binary needs, said as the step to do. */
const HOW = {
  'server-sea':
    'Step 2: in src/sea.ts write the SEA config and make the binary the way options.method says: node --build-sea <config> (Node ≥ 25.5), or node --experimental-sea-config, a copy of process.execPath and postject (NODE_SEA_BLOB, --sentinel-fuse NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2)',
  'server-sea-codecache': 'Step 2: pass useCodeCache through to the SEA config in src/sea.ts',
  'server-sea-snapshot':
    'Step 3: pass useSnapshot through to the SEA config, and in src/snapshot.ts create the app at the top level and serve it from the function given to v8.startupSnapshot.setDeserializeMainFunction(), importing @hotpath/kit/serve only inside it (node:http cannot load while the snapshot is built)',
} as const;
type BinaryName = keyof typeof HOW;

/** Which bundle each binary runs: its SEA config's `main`. */
const MAIN: Record<BinaryName, 'server.cjs' | 'snapshot.cjs'> = {
  'server-sea': 'server.cjs',
  'server-sea-codecache': 'server.cjs',
  'server-sea-snapshot': 'snapshot.cjs',
};

/**
 * Whether `binary` holds the text of `script`: a plain or code-cache blob stores its main script as is (UTF-8),
 * a start-up snapshot keeps it as a V8 string (one byte per character, or UTF-16 once it has any non-Latin-1
 * character).
 */
function carriesScript(binary: Buffer, script: string): boolean {
  return binary.includes(Buffer.from(script, 'utf8')) || binary.includes(Buffer.from(script, 'latin1')) || binary.includes(Buffer.from(script, 'utf16le'));
}

/** Whether esbuild's metafile lists `entry` (an absolute path) among its inputs: the bundle was built from it. */
function bundledFrom(metafile: Metafile, entry: string): boolean {
  return absoluteInputs(metafile, entry).includes(entry);
}

/** The end of a long error (the snapshot builder's output ends with the exception). */
const tail = (text = '', max = 1_500) => (text.length > max ? `…${text.slice(-max)}` : text);

let built: Built;
beforeAll(async () => {
  built = await builtOnce();
}, BUILD_TIMEOUT_MS);

function binary(name: BinaryName): string {
  expect(built.error, `Make the build work first: ${describeBuild(built)}`).toBeUndefined();
  const outcome = built.report!.binaries.find((b) => b.name === name);
  expect(outcome, `${HOW[name]} — buildAll() made no ${name}`).toBeDefined();
  const error = 'error' in outcome! ? outcome.error : undefined;
  expect(error === undefined, `${HOW[name]}. Building ${name} failed:\n${tail(error)}`).toBe(true);
  return join(built.dir, name);
}

describe('pnpm build', () => {
  it('bundles src/server.ts into server.cjs and writes its metafile', () => {
    expect(built.error, `Step 1: make bundle() in src/bundle.ts work — ${describeBuild(built)}`).toBeUndefined();
    const { server } = built.report!.bundles;
    expect(existsSync(join(built.dir, 'server.cjs')), 'Step 1: bundle() must write the bundle to options.outfile (dist/server.cjs)').toBe(true);
    expect(server.bytes, 'Step 1: report the bundle size from the metafile (outputs[outfile].bytes): it is the file size').toBe(
      statSync(join(built.dir, 'server.cjs')).size,
    );
    expect(existsSync(server.metafilePath), "Step 1: write esbuild's metafile (metafile: true) beside the bundle, e.g. dist/server.meta.json").toBe(true);
    const metafile = JSON.parse(readFileSync(server.metafilePath, 'utf8')) as Metafile;
    expect(
      bundledFrom(metafile, labSourcePath('server.ts')),
      `Step 1: bundle() must run esbuild on options.entry (${labSourcePath('server.ts')}), not copy a bundle made elsewhere: its metafile lists no such input`,
    ).toBe(true);
  });

  it.each(Object.keys(HOW) as BinaryName[])('makes %s the way the build chose for this node (options.method)', (name) => {
    binary(name);
    const outcome = built.report!.binaries.find((b) => b.name === name) as SeaResult;
    const chosen = built.report!.seaMethod;
    const how =
      chosen === 'build-sea'
        ? `run node --build-sea on the config (this node, ${process.version}, has it)`
        : `use postject (this node, ${process.version}, has no --build-sea)`;
    expect(outcome.method, `Step 2: buildSea() must follow options.method ('${chosen}'): ${how}, and answer method: options.method`).toBe(chosen);
  });

  it.each(Object.keys(HOW) as BinaryName[])('makes %s, an executable a little larger than node', (name) => {
    const path = binary(name);
    expect(() => accessSync(path, constants.X_OK), `${name} must be executable: copy process.execPath and keep its mode`).not.toThrow();
    expect(statSync(path).size, `${name} is a copy of node with the blob injected: at least node's size`).toBeGreaterThanOrEqual(
      statSync(process.execPath).size,
    );
  });
});

describe('what each blob carries', () => {
  it.each(Object.keys(HOW) as BinaryName[])("%s carries this build's own bundle", (name) => {
    const path = binary(name);
    const script = readFileSync(join(built.dir, MAIN[name]), 'utf8');
    expect(
      carriesScript(readFileSync(path), script),
      `${HOW[name]}: ${name} does not hold this build's ${MAIN[name]}. Make it from options.main (node --build-sea, or node --experimental-sea-config and postject); a binary copied from another build is not yours`,
    ).toBe(true);
  });

  it('the two checks above catch a bundle or a binary made elsewhere (planted shortcuts)', () => {
    const name: BinaryName = 'server-sea';
    const path = binary(name);
    const script = readFileSync(join(built.dir, MAIN[name]), 'utf8');
    // This build's bundle with one line more, as another build of the same app differs (its path comments).
    const elsewhere = script.replace('\n', '\n// bundled in another package folder\n');
    expect(carriesScript(readFileSync(path), elsewhere), "a binary holding another build's bundle must be reported").toBe(false);
    expect(carriesScript(readFileSync(process.execPath), script), 'a bare copy of node must be reported').toBe(false);
    const metafile = JSON.parse(readFileSync(built.report!.bundles.server.metafilePath, 'utf8')) as Metafile;
    const moved = JSON.parse(JSON.stringify(metafile).replaceAll('src/server.ts', 'src/elsewhere.ts')) as Metafile;
    expect(bundledFrom(moved, labSourcePath('server.ts')), 'a metafile of a bundle built from another entry must be reported').toBe(false);
  });

  const blobBytes = (name: BinaryName) => {
    binary(name);
    return (built.report!.binaries.find((b) => b.name === name) as { blobBytes: number }).blobBytes;
  };

  it("server-sea-codecache ships V8's code cache: its blob is larger than the plain one", () => {
    expect(
      blobBytes('server-sea-codecache'),
      'Pass useCodeCache: true in the SEA config of server-sea-codecache (the blob then holds compiled code beside the script)',
    ).toBeGreaterThan(blobBytes('server-sea'));
  });

  it('server-sea-snapshot ships a heap snapshot: its blob is megabytes, not a script', () => {
    expect(
      blobBytes('server-sea-snapshot'),
      'Pass useSnapshot: true in the SEA config of server-sea-snapshot: without it the blob holds snapshot.cjs as a plain script, and nothing is warmed at build time',
    ).toBeGreaterThan(SNAPSHOT_MIN_BYTES);
  });
});

const SUBJECTS: Array<{ label: string; file: () => string; command: (path: string) => [string, string[]] }> = [
  {
    label: 'node server.cjs',
    file: () => {
      expect(built.error, `Step 1: ${describeBuild(built)}`).toBeUndefined();
      return join(built.dir, 'server.cjs');
    },
    command: (path) => [process.execPath, [path]],
  },
  ...(Object.keys(HOW) as BinaryName[]).map((name) => ({
    label: name,
    file: () => binary(name),
    command: (path: string): [string, string[]] => [path, []],
  })),
];

describe.each(SUBJECTS)('$label, copied alone into an empty folder', ({ label, file, command }) => {
  it('serves the whole API contract on $PORT', { timeout: RUN_TIMEOUT_MS }, async () => {
    const alone = aloneInEmptyDir(file());
    const [cmd, args] = command(alone.path);
    try {
      const server = await startServer(cmd, args, alone.dir);
      try {
        const failures = await checkOverHttp(server.url);
        expect(failures, `${label} must answer every contract check like the reference, with nothing but itself in its folder`).toEqual([]);
      } finally {
        await server.stop();
      }
    } finally {
      alone.remove();
    }
  });
});
