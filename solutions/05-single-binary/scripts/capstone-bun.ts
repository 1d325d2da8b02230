/**
 * The capstone's runtime peer: the final reference on Bun beside Node, in the same run. One load scenario
 * (GET /todos) gets a third contestant, `bun dist/server.cjs` — Bun running the very esbuild bundle the
 * single executable embeds — taking its turn in the same rotation, on the same pinned core, against the same
 * load generator as lab 00 and the binary (Node). No probe: the harness's probe counts V8's GCs, which Bun
 * (JavaScriptCore) has not, so this scenario compares requests/s, latency and RSS only. Without a Bun the
 * scenario is skipped with the reason and how to get one.
 */
import type { Launch } from './capstone-load.ts';
import { serverEnv } from './capstone-load.ts';
import type { LoadSummary } from './capstone-report.ts';
import { findBun, thisNode } from './runtime-peers.ts';

/** The scenario measured on both runtimes. */
export const BUN_SCENARIO = 'GET /todos';
/** The contestant's key in the rounds (moved out of `load` into the result's `onBun`). */
export const BUN_KEY = 'bun';

export interface BunPeer {
  /** The contestant, or undefined with `skipped` saying why. */
  contestant?: { key: string; launch: Launch };
  runtime?: string;
  skipped?: string;
}

/** The Bun contestant running `bundle` in `cwd`, or why there is none. */
export async function bunPeer(bundle: string, cwd: string): Promise<BunPeer> {
  const bun = findBun();
  if ('missing' in bun) return { skipped: `${bun.missing}: the ${BUN_SCENARIO} scenario on Bun is skipped` };
  return { runtime: bun.label, contestant: { key: BUN_KEY, launch: { command: bun.path, args: [bundle], cwd, env: serverEnv(), probe: false } } };
}

export interface OnBun {
  scenario: string;
  /** e.g. "Bun 1.4.5 running dist/server.cjs" against "Node 26.12.1: the binary". */
  bun: { runtime: string; runs: string } & Pick<LoadSummary, 'rps' | 'p50Us' | 'p99Us' | 'rssBytes' | 'errors' | 'timeouts' | 'non2xx'>;
  node: { runtime: string; runs: string } & Pick<LoadSummary, 'rps' | 'p50Us' | 'p99Us' | 'rssBytes'>;
  /** Bun's requests/s ÷ the binary's on Node. */
  rpsRatio: number;
}

/** Takes Bun's summary out of `load` (the lab 00 ÷ binary tables stay two-sided) and pairs it with the binary's. */
export function takeBunResult(load: Record<string, Record<string, LoadSummary>>, peer: BunPeer, bundleShown: string): OnBun | { skipped: string } {
  const scenario = load[BUN_SCENARIO];
  const bun = scenario?.[BUN_KEY];
  if (!scenario || !bun || !peer.runtime) return { skipped: peer.skipped ?? `the ${BUN_SCENARIO} scenario did not run` };
  delete scenario[BUN_KEY];
  const node = scenario.binary!;
  const pick = ({ rps, p50Us, p99Us, rssBytes }: LoadSummary) => ({ rps, p50Us, p99Us, rssBytes });
  return {
    scenario: BUN_SCENARIO,
    bun: { runtime: peer.runtime, runs: `bun ${bundleShown}`, ...pick(bun), errors: bun.errors, timeouts: bun.timeouts, non2xx: bun.non2xx },
    node: { runtime: thisNode().label, runs: 'the binary (SEA code cache)', ...pick(node) },
    rpsRatio: Math.round((bun.rps / node.rps) * 100) / 100,
  };
}

/** Two lines for the capstone's printed report. */
export function formatOnBun(onBun: OnBun | { skipped: string }): string {
  if ('skipped' in onBun) return `Runtime peer: ${onBun.skipped}.`;
  const k = (n: number) => (n >= 1e4 ? `${(n / 1e3).toFixed(1)}k` : `${(n / 1e3).toFixed(2)}k`);
  const side = (s: OnBun['bun'] | OnBun['node']) =>
    `${s.runtime}, ${s.runs}: ${k(s.rps)} req/s, p50 ${(s.p50Us / 1e3).toFixed(2)} ms, p99 ${(s.p99Us / 1e3).toFixed(2)} ms${s.rssBytes === null ? '' : `, RSS ${(s.rssBytes / 1024 / 1024).toFixed(1)} MiB`}`;
  return [
    `Runtime peer, ${onBun.scenario} in the same rotation (Bun ÷ Node requests/s: ${onBun.rpsRatio.toFixed(2)}×):`,
    `  ${side(onBun.node)}`,
    `  ${side(onBun.bun)}`,
  ].join('\n');
}
