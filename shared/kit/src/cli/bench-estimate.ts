/**
 * How long a checkpoint will take, said before it starts (`pnpm lab bench NN` prints it). The time is the
 * harness's own plan: every load scenario is measured on every server (the subjects, plus peers served under
 * load) for `rounds` rounds, each on a fresh server with a warm-up before the measured seconds; then
 * `startupRuns` + 1 start-ups per server of the start-up section; the micro tasks of every contestant;
 * and the builds a definition prepares (lab 05). The plan comes from the lab's checkpoint.ts, evaluated per
 * subject exactly as the harness does (src/cli/bench.ts builds it).
 *
 * The per-step costs below come from measured runs on 2-core machines, quiet and busy (STEP_SECONDS).
 */
import type { CheckpointDefinition } from '@hotpath/harness';
import { RUN_DEFAULTS } from '@hotpath/harness/run-defaults';

/** What a checkpoint will run, counted from its definition. */
export interface BenchPlan {
  /** Servers measured under load: the subjects, and peers that are served under load. */
  loadServers: number;
  /** Load scenarios (GET /health is always one). */
  scenarios: number;
  /**
   * Server × scenario pairs measured under load: `loadServers × scenarios`, less the scenarios a peer leaves
   * out (`Peer.scenarios`, e.g. lab 05's Bun in GET /todos only). Absent: every server in every scenario.
   */
  loadRuns?: number;
  /** Servers of the start-up section (0 when the definition turns it off). */
  startupServers: number;
  /** Micro-benchmark runs: each task once per contestant (subjects and micro peers) that has it. */
  microRuns: number;
  /** Subjects whose definition builds first (`prepare`). */
  builds: number;
}

/** The harness's settings for a run, as its runCheckpoint() chooses them (quick or full, plus overrides). */
export interface HarnessSettings {
  rounds: number;
  durationSec: number;
  warmupSec: number;
  startupRuns: number;
  quick: boolean;
  /** The sections that run (`--only`): micro, load, startup. */
  sections: ReadonlyArray<'micro' | 'load' | 'startup'>;
}

/** runCheckpoint()'s defaults (shared/harness/src/checkpoint.ts), with the caller's overrides. */
export function harnessSettings(quick: boolean, overrides: Record<string, unknown> = {}): HarnessSettings {
  const num = (key: string, fallback: number) => (typeof overrides[key] === 'number' ? (overrides[key] as number) : fallback);
  const defaults = RUN_DEFAULTS[quick ? 'quick' : 'full'];
  return {
    rounds: num('rounds', defaults.rounds),
    durationSec: num('durationSec', defaults.durationSec),
    warmupSec: num('warmupSec', defaults.warmupSec),
    startupRuns: num('startupRuns', defaults.startupRuns),
    quick,
    sections: Array.isArray(overrides.only)
      ? (['micro', 'load', 'startup'] as const).filter((s) => (overrides.only as string[]).includes(s))
      : ['micro', 'load', 'startup'],
  };
}

/**
 * Seconds per step beyond the load generator's own seconds: starting and stopping a server around a round,
 * one start-up run, one micro task of one contestant (tinybench's rounds plus the bytes/op window), one
 * build of lab 05's binaries, and the fixed part (the definitions, the same-answers check, the fingerprint).
 * `quiet` fits the committed full runs of labs 02–05 (a quiet 2-core machine); `busy` fits a quick run on a
 * 2-core machine with a load average of 13, where every round ran twice and a tsx start-up took 2–5 s
 * (test/bench-estimate.test.ts keeps both honest).
 */
export const STEP_SECONDS = {
  quiet: { roundOverhead: 0.6, startupRun: 0.8, microQuick: 0.7, microFull: 2.8, build: 10, fixed: 8, retried: 0 },
  busy: { roundOverhead: 3.5, startupRun: 4, microQuick: 1.4, microFull: 5.6, build: 30, fixed: 8, retried: 1 },
} as const;

export interface BenchEstimate {
  /** On a quiet machine, and on a busy one (every round run twice, every start slow). */
  quietSec: number;
  busySec: number;
  loadRounds: number;
  startups: number;
  microRuns: number;
  builds: number;
}

export function estimateBench(plan: BenchPlan, settings: HarnessSettings): BenchEstimate {
  const runs = (section: 'micro' | 'load' | 'startup') => settings.sections.includes(section);
  const loadRounds = runs('load') ? (plan.loadRuns ?? plan.loadServers * plan.scenarios) * settings.rounds : 0;
  const startups = runs('startup') ? plan.startupServers * (settings.startupRuns + 1) : 0;
  const microRuns = runs('micro') ? plan.microRuns : 0;
  const seconds = (step: (typeof STEP_SECONDS)['quiet' | 'busy']) =>
    step.fixed +
    loadRounds * (settings.warmupSec + settings.durationSec * (1 + step.retried) + step.roundOverhead) +
    startups * step.startupRun +
    microRuns * (settings.quick ? step.microQuick : step.microFull) +
    plan.builds * step.build;
  return { quietSec: seconds(STEP_SECONDS.quiet), busySec: seconds(STEP_SECONDS.busy), loadRounds, startups, microRuns, builds: plan.builds };
}

/** "about 2 min", "about 40 s": to the nearest minute past one minute (`up` rounds up instead). */
export function formatDuration(seconds: number, up = false): string {
  if (seconds < 60) return `about ${Math.max(10, Math.ceil(seconds / 10) * 10)} s`;
  return `about ${up ? Math.ceil(seconds / 60) : Math.max(1, Math.round(seconds / 60))} min`;
}

/** The line `pnpm lab bench` prints before it starts. */
export function formatEstimate(plan: BenchPlan, settings: HarnessSettings): string {
  const e = estimateBench(plan, settings);
  const parts = [
    ...(e.loadRounds === 0
      ? []
      : [
          `${e.loadRounds} load rounds (${plan.loadServers} servers × ${plan.scenarios} scenarios × ${settings.rounds} rounds of ${settings.warmupSec} s warm-up + ${settings.durationSec} s, each on a fresh server)`,
        ]),
    ...(e.startups ? [`${e.startups} start-ups`] : []),
    ...(e.microRuns ? [`${e.microRuns} micro-benchmarks`] : []),
    ...(e.builds ? [`${e.builds} builds`] : []),
  ];
  return `This checkpoint takes ${formatDuration(e.quietSec)} on a quiet 2-core machine, up to ${formatDuration(e.busySec, true).replace('about ', '')} on a busy one (a round another program disturbs runs again): ${parts.join(', ')}.`;
}

/**
 * The plan of a run from each subject's definition (what the lab's checkpoint.ts returned for it; `{}` for a
 * lab without one), as the harness reads them: scenarios and peers from the benchmarked package's own.
 */
export function planFromDefinitions(definitions: ReadonlyMap<string, CheckpointDefinition>, subjectKey = 'subject'): BenchPlan {
  const own = definitions.get(subjectKey) ?? {};
  const subjects = definitions.size;
  const peers = own.peers ?? [];
  const served = peers.filter((p) => p.dir !== undefined || p.serve !== undefined);
  const loadPeers = served.filter((p) => !p.sections || p.sections.includes('load'));
  const underLoad = loadPeers.length;
  const atStartup = served.filter((p) => !p.sections || p.sections.includes('startup')).length;
  const scenarios = own.scenarios ? own.scenarios.length + (own.scenarios.some((s) => s.name === 'GET /health') ? 0 : 1) : 3;
  // The harness measures a micro task once per contestant that defines it: subjects and peers alike.
  const microRuns = [...definitions.values()].reduce((n, d) => n + (d.micro?.length ?? 0), 0) + peers.reduce((n, p) => n + (p.micro?.length ?? 0), 0);
  const scenarioNames = own.scenarios ? [...new Set(['GET /health', ...own.scenarios.map((s) => s.name)])] : undefined;
  // A peer in some scenarios only runs in those; without the definition's scenarios, every peer runs in all.
  const peerRuns = loadPeers.reduce((n, p) => n + (p.scenarios && scenarioNames ? p.scenarios.filter((x) => scenarioNames.includes(x)).length : scenarios), 0);
  return {
    loadServers: subjects + underLoad,
    scenarios,
    loadRuns: subjects * scenarios + peerRuns,
    startupServers: own.startup === false ? 0 : subjects + atStartup,
    microRuns,
    builds: [...definitions.values()].filter((d) => d.prepare !== undefined).length,
  };
}
