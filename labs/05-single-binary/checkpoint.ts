/**
 * Lab 05's checkpoint: the package's own build, started the way it ships. Before measuring, the harness
 * runs the package's build (`pnpm build`: the bundle and the three single executables in its dist/); the
 * package is then served by dist/server-sea-codecache, while the baseline — lab 00, the manifest's default —
 * runs as learners first run it, `pnpm start` through tsx. Start-up (time to the first 200 on GET /health,
 * peak RSS) is the lesson, so the start-up section also measures, as peers: a raw node:http server (the
 * floor: Node itself starting), `node dist/server.cjs`, the plain and the snapshot binary, and lab 04's
 * reference under tsx (the same app before packaging). Load: GET /todos and POST /ingest/v1 with the 1 KB
 * body, binary against lab 00, so the table shows the whole course's gain on the way it ships.
 */
import { join } from 'node:path';
import { ingestFixture } from '@hotpath/api/fixtures';
import { repoRoot } from '@hotpath/workshop/paths';
import { buildAll, type BuildReport } from '@hotpath/kit/sea-build';
import { defineCheckpoint, type Peer, type ServeCommand } from '@hotpath/harness';

/** The binary the package is measured as: the one with V8's code cache. */
const SHIPPED = 'server-sea-codecache';
/** A raw node:http hello server: what the manifest's "TTFR ≤ 1.75× raw node:http" is measured against. */
const RAW_HELLO = join(repoRoot, 'solutions/05-single-binary/scripts/raw-hello.cjs');
/** The same app before packaging: lab 04's reference, served by the kit's launcher through tsx. */
const LAB04 = join(repoRoot, 'solutions/04-pooling');

/** A built file of `dist`, served from `dist` (the binaries need nothing else there). */
function served(dist: string, label: string, file: string, viaNode = false): ServeCommand {
  return viaNode
    ? { command: process.execPath, args: [join(dist, file)], cwd: dist, label: `node ${label}/dist/${file}` }
    : { command: join(dist, file), cwd: dist, label: `${label}/dist/${file}` };
}

/** Builds src/ into dist/ and insists on the binary the checkpoint serves. */
async function build(dir: string, label: string): Promise<void> {
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

  const dist = join(subject.dir, 'dist');
  const startupOnly = ['startup'] as const;
  const peers: Peer[] =
    subject.key === 'subject'
      ? [
          { name: 'raw node:http', serve: { command: process.execPath, args: [RAW_HELLO], cwd: dist, label: 'node raw-hello.cjs' }, sections: startupOnly },
          { name: 'node server.cjs', serve: served(dist, subject.label, 'server.cjs', true), sections: startupOnly },
          { name: 'SEA plain', serve: served(dist, subject.label, 'server-sea'), sections: startupOnly },
          { name: 'SEA snapshot', serve: served(dist, subject.label, 'server-sea-snapshot'), sections: startupOnly },
          { name: 'tsx lab 04', dir: LAB04, sections: startupOnly },
        ]
      : [];
  return {
    scenarios,
    serve: served(dist, subject.label, SHIPPED),
    prepare: () => build(subject.dir, subject.label),
    peers,
  };
});
