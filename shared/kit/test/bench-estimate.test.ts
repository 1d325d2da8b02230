/**
 * The duration `pnpm lab bench` prints before it starts (src/cli/bench-estimate.ts): its settings are the
 * harness's, its plan counts what the harness will run, and its per-step costs fit real runs — the committed
 * full runs of labs 02–05 (a quiet 2-core machine) and a quick run measured on a busy 2-core machine. No clock
 * is read here: the recorded durations are data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from '@hotpath/harness';
import type { CheckpointDefinition } from '@hotpath/harness';
import { estimateBench, formatDuration, formatEstimate, harnessSettings, planFromDefinitions, type BenchPlan } from '../src/cli/bench-estimate.ts';
import { repoRoot } from '@hotpath/workshop/paths';

interface Committed {
  mode: string;
  durationMs: number;
  servedBy?: Record<string, string>;
  load: { config: { rounds: number; durationSec: number; warmupSec: number }; scenarios: Array<{ results: Record<string, unknown> }> };
  startup: { config: { runs: number }; results: Record<string, unknown> } | null;
  micro: { tasks: Array<{ results: Record<string, unknown> }> } | null;
}
const committed = (slug: string) => JSON.parse(readFileSync(join(repoRoot, 'solutions', slug, 'results', 'checkpoint.json'), 'utf8')) as Committed;

/** What a committed run ran, counted from its result. */
function planOf(result: Committed): BenchPlan {
  return {
    loadServers: Math.max(...result.load.scenarios.map((s) => Object.keys(s.results).length)),
    scenarios: result.load.scenarios.length,
    loadRuns: result.load.scenarios.reduce((n, s) => n + Object.keys(s.results).length, 0),
    startupServers: result.startup ? Object.keys(result.startup.results).length : 0,
    microRuns: (result.micro?.tasks ?? []).reduce((n, t) => n + Object.keys(t.results).length, 0),
    builds: Object.keys(result.servedBy ?? {}).length,
  };
}

describe('the bench estimate', () => {
  it("uses the harness's settings: its quick ones as its usage states them, its full ones as a committed run recorded them", () => {
    const quick = harnessSettings(true);
    expect(USAGE).toContain(`${quick.rounds} load rounds x ${quick.durationSec} s (${quick.warmupSec} s warm-up), ${quick.startupRuns} startup runs`);
    const full = harnessSettings(false);
    const run = committed('02-generated-serializers');
    expect({ rounds: full.rounds, durationSec: full.durationSec, warmupSec: full.warmupSec, startupRuns: full.startupRuns }).toEqual({
      ...run.load.config,
      connections: undefined,
      startupRuns: run.startup!.config.runs,
    });
    expect(harnessSettings(true, { rounds: 1, durationSec: 4, only: ['startup'] })).toMatchObject({
      rounds: 1,
      durationSec: 4,
      warmupSec: 1,
      sections: ['startup'],
    });
  });

  it('counts servers, scenarios, start-ups, micro runs and builds from the definitions, as the harness reads them', () => {
    const micro = [{ name: 'a', fn: () => 0 }];
    const lab04: Map<string, CheckpointDefinition> = new Map([
      ['subject', { scenarios: [{ name: 'POST 1KB', method: 'POST', path: '/ingest/v1' }], micro, peers: [{ name: 'no-pool', dir: '/x' }] }],
      ['reference', { micro }],
      ['baseline', { micro }],
    ]);
    expect(planFromDefinitions(lab04)).toEqual({ loadServers: 4, scenarios: 2, loadRuns: 8, startupServers: 4, microRuns: 3, builds: 0 });
    const serve = { command: 'node' };
    const lab05: Map<string, CheckpointDefinition> = new Map([
      [
        'subject',
        {
          serve,
          prepare: async () => {},
          scenarios: [
            { name: 'GET /health', method: 'GET', path: '/health' },
            { name: 'GET /todos', method: 'GET', path: '/todos' },
          ],
          peers: [
            { name: 'raw', serve, sections: ['startup'] },
            { name: 'fjs', micro },
            // In one scenario of two (lab 05's Bun): one load run per round, not two.
            { name: 'bun', serve, sections: ['startup', 'load'], scenarios: ['GET /todos'] },
          ],
        },
      ],
      ['baseline', {}],
    ]);
    expect(planFromDefinitions(lab05)).toEqual({ loadServers: 3, scenarios: 2, loadRuns: 5, startupServers: 4, microRuns: 1, builds: 1 });
    expect(planFromDefinitions(new Map([['subject', { startup: false }]]))).toEqual({
      loadServers: 1,
      scenarios: 3,
      loadRuns: 3,
      startupServers: 0,
      microRuns: 0,
      builds: 0,
    });
  });

  it.each(['02-generated-serializers', '03-byte-parsing', '04-pooling', '05-single-binary'])('fits the committed full run of %s within 15 %', (slug) => {
    const run = committed(slug);
    expect(run.mode).toBe('full');
    const { quietSec } = estimateBench(planOf(run), harnessSettings(false));
    expect(
      quietSec / (run.durationMs / 1000),
      `estimate ${quietSec.toFixed(0)} s against the recorded ${(run.durationMs / 1000).toFixed(0)} s`,
    ).toBeGreaterThan(0.85);
    expect(quietSec / (run.durationMs / 1000), `estimate ${quietSec.toFixed(0)} s against the recorded ${(run.durationMs / 1000).toFixed(0)} s`).toBeLessThan(
      1.15,
    );
  });

  it('fits a quick run measured on a busy 2-core machine', () => {
    // Lab 01's reference against lab 00, --quick, load average 13 on 2 cores (the machine shared with six
    // test runs): every one of the 18 rounds was disturbed and run again; it took 228 s.
    const plan: BenchPlan = { loadServers: 2, scenarios: 3, startupServers: 2, microRuns: 6, builds: 0 };
    const { quietSec, busySec } = estimateBench(plan, harnessSettings(true));
    expect(busySec / 228).toBeGreaterThan(0.85);
    expect(busySec / 228).toBeLessThan(1.15);
    expect(quietSec).toBeLessThan(busySec / 2);
  });

  it('says it in minutes, with what the run is made of', () => {
    expect(formatDuration(35)).toBe('about 40 s');
    expect(formatDuration(125)).toBe('about 2 min');
    expect(formatDuration(125, true)).toBe('about 3 min');
    const plan: BenchPlan = { loadServers: 3, scenarios: 3, startupServers: 3, microRuns: 9, builds: 0 };
    expect(formatEstimate(plan, harnessSettings(true))).toBe(
      'This checkpoint takes about 2 min on a quiet 2-core machine, up to 6 min on a busy one (a round another program disturbs runs again): ' +
        '27 load rounds (3 servers × 3 scenarios × 3 rounds of 1 s warm-up + 2 s, each on a fresh server), 18 start-ups, 9 micro-benchmarks.',
    );
    expect(formatEstimate(plan, harnessSettings(true, { only: ['startup'] }))).toMatch(/about \d+ s on a quiet .*: 18 start-ups\.$/);
  });
});
