/**
 * Another Node to measure on in the `--runtime` tests: a major other than the one running the tests, from
 * `resolveRuntime` of @hotpath/kit/runtimes (the copies under .hotpath/runtimes/ that .ci/run installs) when
 * that module is there, else from the same folders and /tmp/rt/ (where the kit's workshop machines keep them).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@hotpath/workshop/paths';
import { probeBinary } from '../src/runtime-info.ts';

export interface OtherNode {
  path: string;
  major: number;
}

const ownMajor = Number(process.versions.node.split('.')[0]);

/** Binaries to try when the kit cannot resolve runtimes. */
function candidates(): string[] {
  const found: string[] = [];
  const look = (dir: string, inner: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort().reverse()) {
      const bin = join(dir, name, inner);
      if (existsSync(bin)) found.push(bin);
    }
  };
  look(join(repoRoot, '.hotpath', 'runtimes'), join('bin', 'node'));
  look('/tmp/rt', join('package', 'bin', 'node'));
  return found;
}

/** A Node of another major (26 first), or the reason there is none (the tests then skip, saying it). */
export async function otherNode(): Promise<OtherNode | { missing: string }> {
  const specifier = '@hotpath/kit/runtimes';
  const kit = (await import(specifier).catch(() => undefined)) as
    | { resolveRuntime?: (spec: string) => { path: string; major: number; kind: string } }
    | undefined;
  if (kit?.resolveRuntime) {
    for (const major of [26, 24, 22, 20].filter((m) => m !== ownMajor)) {
      try {
        const info = kit.resolveRuntime(String(major));
        if (info.kind === 'node' && info.major !== ownMajor) return { path: info.path, major: info.major };
      } catch {
        /* not installed: try the next */
      }
    }
  }
  for (const path of candidates()) {
    try {
      const info = probeBinary(path);
      if (info.kind === 'node' && info.major !== ownMajor) return { path, major: info.major };
    } catch {
      /* not runnable here */
    }
  }
  return { missing: `no Node other than ${ownMajor} is installed: run pnpm lab runtime add 26 (or .ci/run) to measure on two runtimes` };
}
