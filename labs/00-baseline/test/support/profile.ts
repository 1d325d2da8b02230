/**
 * Test support for lab 00: records a CPU profile in-process (node:inspector) while an app serves requests,
 * and ranks npm packages by self time — the same reading a learner does in Chrome DevTools' Bottom-Up view.
 */
import { Session } from 'node:inspector/promises';

export interface PackageTime {
  name: string;
  selfMs: number;
  share: number;
}

/** The package a script URL belongs to: `class-validator`, `@hono/node-server`, `node` for built-ins, … */
export function packageOf(url: string): string | undefined {
  if (url === '') return undefined; // (program), (garbage collector), (idle), native code
  if (url.startsWith('node:')) return 'node';
  const match = /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (match) return match[1];
  const local = /\/(shared|labs|solutions)\/([^/]+)\//.exec(url);
  return local ? `@hotpath/${local[2]}` : 'other';
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  hitCount?: number;
}

/** Runs `work` under the V8 sampling profiler and returns packages by self time, highest first. */
export async function profilePackages(work: () => Promise<void>): Promise<PackageTime[]> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    await work();
    const { profile } = (await session.post('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };
    };
    const sampleMs = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
    const byPackage = new Map<string, number>();
    let total = 0;
    for (const node of profile.nodes) {
      const name = packageOf(node.callFrame.url);
      if (!name || !node.hitCount) continue;
      byPackage.set(name, (byPackage.get(name) ?? 0) + node.hitCount * sampleMs);
      total += node.hitCount * sampleMs;
    }
    return [...byPackage].map(([name, selfMs]) => ({ name, selfMs, share: selfMs / total })).sort((a, b) => b.selfMs - a.selfMs);
  } finally {
    await session.post('Profiler.disable').catch(() => {});
    session.disconnect();
  }
}
