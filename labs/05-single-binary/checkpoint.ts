/**
 * Lab 05's checkpoint: the package's own build, started the way it ships. Before measuring, the harness
 * runs the package's build (`pnpm build`: the bundle and the three single executables in its dist/, and the
 * two `bun build --compile` binaries when there is a Bun); the package is then served by
 * dist/server-sea-codecache, while the baseline — lab 00, the manifest's default — runs as learners first run
 * it, `pnpm start` through tsx. Load: GET /todos and POST /ingest/v1 with the 1 KB body, binary against lab
 * 00 — with the start-up section and the footprint (what has to be shipped), the capstone of the course.
 *
 * Start-up (time to the first 200 on GET /health, peak RSS) is the lesson, so the start-up section also
 * measures every other way of starting the same server, as peers: a raw node:http server (the floor: Node
 * itself starting; the target is measured against it), lab 04 under tsx, `node src/server.ts` (type
 * stripping), `node dist/server.cjs` without and with the compile cache, the plain and the snapshot binary,
 * and on Bun the same bundle, the TypeScript directly and `bun build --compile` (plain and --bytecode). A way
 * this node or machine cannot run is recorded as unavailable with the reason and how to get what it needs.
 *
 * The final reference on another runtime: Bun running the same bundle also takes its turns in GET /todos,
 * in the same rotation as lab 00 and the binary — without the in-server probe, which counts V8's heap and
 * collections (Bun runs JavaScriptCore), so that scenario compares requests/s, latency and RSS.
 */
import { spawnSync } from 'node:child_process';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestFixture } from '@hotpath/api/fixtures';
import { repoRoot } from '@hotpath/workshop/paths';
import { hasNativeTypeStripping, resolveRuntime, type RuntimeInfo } from '@hotpath/workshop/runtimes';
import { buildAll, type BuildReport } from '@hotpath/kit/sea-build';
import { defineCheckpoint, kitServeBin, type Peer, type ServeCommand } from '@hotpath/harness';

/** The binary the package is measured as: the one with V8's code cache. */
const SHIPPED = 'server-sea-codecache';
/** A raw node:http hello server: what the manifest's "TTFR ≤ 1.75× raw node:http" is measured against. */
const RAW_HELLO = join(import.meta.dirname, 'raw-hello.cjs');
/** The same app before packaging: lab 04's reference, started by the kit's launcher through tsx. */
const LAB04 = join(repoRoot, 'solutions/04-pooling');
const KIT_SERVE = kitServeBin;
/** How to get what a row needs. */
const GET_NODE_26 = 'run the bench on Node 26 (pnpm lab runtime add 26, then pnpm bench --runtime 26, or put its bin/ first on PATH)';
/** The load scenario Bun runs beside the binary (the capstone's runtime peer). */
const BUN_LOAD_SCENARIO = 'GET /todos';
const BUN_BINARIES = { 'bun --compile': 'server-bun', 'bun --compile --bytecode': 'server-bun-bytecode' } as const;

/** A built file of `dist`, served from `dist` (the binaries need nothing else there). */
function served(dist: string, label: string, file: string, viaNode = false): ServeCommand {
  return viaNode
    ? { command: process.execPath, args: [join(dist, file)], cwd: dist, label: `node ${label}/dist/${file}` }
    : { command: join(dist, file), cwd: dist, label: `${label}/dist/${file}` };
}

/** Builds src/ into dist/ and insists on the binary the checkpoint serves; then Bun's binaries, when there is a Bun. */
async function build(dir: string, label: string, bun: RuntimeInfo | undefined): Promise<void> {
  let report: BuildReport;
  try {
    report = await buildAll(join(dir, 'dist'), join(dir, 'src'));
  } catch (error) {
    throw new Error(`pnpm build failed in ${label} — make \`pnpm test\` pass first (steps 1-3). ${(error as Error).message}`);
  }
  const shipped = report.binaries.find((b) => b.name === SHIPPED);
  if (!shipped || 'error' in shipped) {
    throw new Error(`pnpm build made no ${SHIPPED} in ${label}/dist: ${shipped && 'error' in shipped ? shipped.error : 'not built'}`);
  }
  // A Bun binary that fails to build fails its discarded start: the harness records it as unavailable.
  for (const [flags, file] of [
    [[], BUN_BINARIES['bun --compile']],
    [['--bytecode'], BUN_BINARIES['bun --compile --bytecode']],
  ] as const) {
    if (bun) spawnSync(bun.path, ['build', '--compile', ...flags, join(dir, 'dist', 'server.cjs'), '--outfile', join(dir, 'dist', file)], { stdio: 'ignore' });
  }
}

/** A Bun to run the Bun rows on, or why there is none (the kit's resolver ends its sentence with what to run). */
function findBun(): RuntimeInfo | { missing: string } {
  try {
    return resolveRuntime('bun');
  } catch (error) {
    return { missing: (error as Error).message };
  }
}

/** The start-up section's other ways of starting the server (see the header). */
function startupPeers(dir: string, label: string, bun: RuntimeInfo | { missing: string }): Peer[] {
  const dist = join(dir, 'dist');
  const startupOnly = ['startup'] as const;
  const node = process.version.slice(1);
  const peer = (name: string, serve: ServeCommand, unavailable?: string, under?: Pick<Peer, 'sections' | 'scenarios'>): Peer => ({
    name,
    serve,
    sections: startupOnly,
    ...under,
    ...(unavailable ? { unavailable } : {}),
  });
  const compileCache = 'enableCompileCache' in nodeModule;
  const peers = [
    peer('raw node:http', { command: process.execPath, args: [RAW_HELLO], cwd: dist, label: 'node raw-hello.cjs' }),
    // HOTPATH_TYPESCRIPT=tsx: on a node that strips types the launcher would not use tsx; this row is tsx's.
    peer('tsx lab 04', {
      command: process.execPath,
      args: [KIT_SERVE],
      cwd: LAB04,
      label: 'pnpm start (tsx) in solutions/04-pooling',
      env: { HOTPATH_TYPESCRIPT: 'tsx' },
      ships: null,
    }),
    peer(
      'node src/server.ts (type stripping)',
      { command: process.execPath, args: [join(dir, 'src', 'server.ts')], cwd: dir, label: `node ${label}/src/server.ts`, ships: null },
      hasNativeTypeStripping() ? undefined : `Node ${node} does not strip TypeScript types (Node ≥ 22.18 does): ${GET_NODE_26}`,
    ),
    peer('node server.cjs', served(dist, label, 'server.cjs', true)),
    peer(
      'node server.cjs, compile cache (warm)',
      // A fresh cache folder per run: the discarded start fills it, the measured starts read it.
      { ...served(dist, label, 'server.cjs', true), env: { NODE_COMPILE_CACHE: join(tmpdir(), `hotpath-compile-cache-${process.pid}`) } },
      compileCache ? undefined : `Node ${node} has no compile cache (NODE_COMPILE_CACHE, Node ≥ 22.1): ${GET_NODE_26}`,
    ),
    peer('SEA plain', served(dist, label, 'server-sea')),
    peer('SEA snapshot', served(dist, label, 'server-sea-snapshot')),
  ];
  const missing = 'missing' in bun ? bun.missing : undefined;
  const path = 'missing' in bun ? 'bun' : bun.path;
  const runtime = 'missing' in bun ? undefined : bun.label;
  const onBun = (name: string, serve: ServeCommand, under?: Pick<Peer, 'sections' | 'scenarios'>) =>
    peer(name, { ...serve, ...(runtime ? { runtime } : {}) }, missing, under);
  return [
    ...peers,
    onBun(
      'bun server.cjs',
      { command: path, args: [join(dist, 'server.cjs')], cwd: dist, label: `bun ${label}/dist/server.cjs`, ships: join(dist, 'server.cjs'), probe: false },
      { sections: ['startup', 'load'], scenarios: [BUN_LOAD_SCENARIO] },
    ),
    onBun('bun src/server.ts', { command: path, args: [join(dir, 'src', 'server.ts')], cwd: dir, label: `bun ${label}/src/server.ts`, ships: null }),
    ...Object.entries(BUN_BINARIES).map(([name, file]) => onBun(name, served(dist, label, file))),
  ];
}

export default defineCheckpoint((subject) => {
  const scenarios = [
    { name: 'GET /todos', method: 'GET' as const, path: '/todos' },
    {
      name: 'POST /ingest/v1 1KB',
      method: 'POST' as const,
      path: '/ingest/v1',
      body: ingestFixture('1k').bytes,
      headers: { 'content-type': 'application/json' },
    },
  ];
  // The baseline (lab 00) runs from its sources, as `pnpm start` runs it.
  if (subject.key === 'baseline') return { scenarios };
  const bun = subject.key === 'subject' ? findBun() : { missing: 'not measured for the reference' };
  return {
    scenarios,
    serve: served(join(subject.dir, 'dist'), subject.label, SHIPPED),
    prepare: () => build(subject.dir, subject.label, 'missing' in bun ? undefined : bun),
    peers: subject.key === 'subject' ? startupPeers(subject.dir, subject.label, bun) : [],
    footprint: true,
  };
});
