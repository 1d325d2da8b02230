/**
 * Another Node to measure on in the `--runtime` tests: a major other than the one running the tests, as
 * `resolveRuntime` of @hotpath/workshop/runtimes finds it (the copies under .hotpath/runtimes/ that
 * `pnpm lab runtime add` and .ci/run install, or one on PATH).
 */
import { resolveRuntime } from '@hotpath/workshop/runtimes';

export interface OtherNode {
  path: string;
  major: number;
}

const ownMajor = Number(process.versions.node.split('.')[0]);

/** A Node of another major (26 first), or the reason there is none (the tests then skip, saying it). */
export async function otherNode(): Promise<OtherNode | { missing: string }> {
  for (const major of [26, 24, 22, 20].filter((m) => m !== ownMajor)) {
    try {
      const info = resolveRuntime(String(major));
      if (info.kind === 'node' && info.major !== ownMajor) return { path: info.path, major: info.major };
    } catch {
      /* not installed: try the next */
    }
  }
  return { missing: `no Node other than ${ownMajor} is installed: run pnpm lab runtime add 26 (or .ci/run) to measure on two runtimes` };
}
