/**
 * Steps 1–3 end to end: `pnpm build` (buildAll from @hotpath/kit/sea-build, run once and cached by
 * support/build.ts) makes the bundle and three single executables, and each one, copied alone into an empty
 * folder outside the repo — no node_modules, no sources — serves the whole API contract over a real port
 * (checkOverHttp: the routes byte for byte, the corpus, 413 with and without Content-Length).
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkOverHttp } from '../../../shared/kit/src/http-check.ts';
import { BUILD_TIMEOUT_MS, builtOnce, describeBuild, type Built } from './support/build.ts';
import { aloneInEmptyDir, startServer } from './support/servers.ts';

/** Copying a ~100 MB binary, starting it and running every contract check. */
const RUN_TIMEOUT_MS = 90_000;

/** A startup snapshot holds a whole heap (Node's own included): megabytes, where a script blob is the script's size. */
const SNAPSHOT_MIN_BYTES = 1_000_000;

/** What each binary needs, said as the step to do. */
const HOW = {
  'server-sea': 'Step 2: in src/sea.ts write the SEA config, run node --experimental-sea-config, copy process.execPath and inject the blob with postject (NODE_SEA_BLOB, --sentinel-fuse NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2)',
  'server-sea-codecache': 'Step 2: pass useCodeCache through to the SEA config in src/sea.ts',
  'server-sea-snapshot':
    'Step 3: pass useSnapshot through to the SEA config, and in src/snapshot.ts create the app at the top level and serve it from the function given to v8.startupSnapshot.setDeserializeMainFunction(), importing @hotpath/kit/serve only inside it (node:http cannot load while the snapshot is built)',
} as const;
type BinaryName = keyof typeof HOW;

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
    expect(server.bytes, 'Step 1: report the bundle size from the metafile (outputs[outfile].bytes): it is the file size').toBe(statSync(join(built.dir, 'server.cjs')).size);
    expect(existsSync(server.metafilePath), 'Step 1: write esbuild\'s metafile (metafile: true) beside the bundle, e.g. dist/server.meta.json').toBe(true);
  });

  it.each(Object.keys(HOW) as BinaryName[])('makes %s, an executable a little larger than node', (name) => {
    const path = binary(name);
    expect(() => accessSync(path, constants.X_OK), `${name} must be executable: copy process.execPath and keep its mode`).not.toThrow();
    expect(statSync(path).size, `${name} is a copy of node with the blob injected: at least node's size`).toBeGreaterThanOrEqual(statSync(process.execPath).size);
  });
});

describe('what each blob carries', () => {
  const blobBytes = (name: BinaryName) => {
    binary(name);
    return (built.report!.binaries.find((b) => b.name === name) as { blobBytes: number }).blobBytes;
  };

  it('server-sea-codecache ships V8\'s code cache: its blob is larger than the plain one', () => {
    expect(blobBytes('server-sea-codecache'), 'Pass useCodeCache: true in the SEA config of server-sea-codecache (the blob then holds compiled code beside the script)').toBeGreaterThan(blobBytes('server-sea'));
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
