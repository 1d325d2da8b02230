/**
 * Whether `pnpm start` must build the site first: when there is no build, or when one of the sources the build
 * reads is newer than it — the lab READMEs, site/src, site/plugins, site/static, the site's config, sidebars
 * and package.json, the lab manifest, and the committed results (solutions/<slug>/results/*.json). The
 * learner's .hotpath/ is not one: the site's server answers it live. After a build, a stamp in the build
 * folder records when it finished and how long it took, to say how long the next one may take.
 */
import { existsSync, readdirSync, readFileSync, type Stats, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const STAMP = '.hotpath-build.json';

/** The newest file under `path` (a file, or a folder walked), as [mtime, path]; [0, ''] when none. */
function newest(path: string): [number, string] {
  let best: [number, string] = [0, ''];
  const visit = (at: string) => {
    let stat: Stats;
    try {
      stat = statSync(at);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(at)) if (name !== 'node_modules') visit(join(at, name));
    } else if (stat.mtimeMs > best[0]) best = [stat.mtimeMs, at];
  };
  visit(path);
  return best;
}

/** The sources the build reads, under the repo holding `site`. */
export function buildSources(site: string): string[] {
  const root = join(site, '..');
  const inEach = (dir: string, rest: (name: string) => string[]) =>
    existsSync(join(root, dir)) ? readdirSync(join(root, dir)).flatMap((name) => rest(name).map((p) => join(root, dir, name, p))) : [];
  const results = (name: string) => {
    const dir = join(root, 'solutions', name, 'results');
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .map((f) => join('results', f))
      : [];
  };
  return [
    ...['src', 'plugins', 'static', 'docusaurus.config.ts', 'sidebars.ts', 'package.json'].map((p) => join(site, p)),
    join(root, 'shared', 'kit', 'src', 'manifest.ts'),
    ...inEach('labs', () => ['README.md']),
    ...inEach('solutions', results),
  ];
}

/** When the build in `site/build` was made: the stamp's time, else its index.html's; undefined without a build. */
function builtAt(site: string): number | undefined {
  const build = join(site, 'build');
  for (const file of [STAMP, 'index.html']) {
    if (existsSync(join(build, file))) return statSync(join(build, file)).mtimeMs;
  }
  return undefined;
}

/** Why the site must be built ("there is no build yet", "labs/01-slim-builder/README.md changed since the last build"), or null. */
export function buildNeed(site: string): string | null {
  const at = builtAt(site);
  if (at === undefined || !existsSync(join(site, 'build', 'index.html'))) return 'there is no build yet';
  let latest: [number, string] = [0, ''];
  for (const source of buildSources(site)) {
    const found = newest(source);
    if (found[0] > latest[0]) latest = found;
  }
  return latest[0] > at ? `${relative(join(site, '..'), latest[1])} changed since the last build` : null;
}

/** The last build's stamp: when it finished and how many seconds it took. */
export function readBuildStamp(site: string): { at: string; seconds: number } | undefined {
  try {
    const stamp = JSON.parse(readFileSync(join(site, 'build', STAMP), 'utf8')) as { at?: unknown; seconds?: unknown };
    return typeof stamp.at === 'string' && typeof stamp.seconds === 'number' ? { at: stamp.at, seconds: stamp.seconds } : undefined;
  } catch {
    return undefined;
  }
}

/** Stamps the build just made, dated when it started (a source saved during the build is newer than it). */
export function writeBuildStamp(site: string, seconds: number): void {
  const path = join(site, 'build', STAMP);
  writeFileSync(path, `${JSON.stringify({ at: new Date().toISOString(), seconds: Math.round(seconds * 10) / 10 })}\n`);
  const started = new Date(Date.now() - seconds * 1000);
  utimesSync(path, started, started);
}
