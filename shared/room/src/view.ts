/**
 * What the room page shows, computed from each learner's latest reports (pure: the server sends it as JSON
 * and again on every change): the learner × lab grid (not started / red / green / checkpoint met), per lab
 * the failing message most learners are stuck on and how many, per lab and target the best ratio with the
 * machine it was measured on, and each learner's last activity.
 */
import type { LatestReports } from './store.ts';

export type CellState = 'not started' | 'red' | 'green' | 'met';

export interface RoomLab {
  slug: string;
  number: number;
  title: string;
}

export interface Cell {
  state: CellState;
  /** Core tests passing / total, when tested. */
  core?: { passed: number; total: number };
  /** Checkpoint targets met / judged, when benched. */
  targets?: { met: number; total: number };
  at?: string;
}

export interface BestRatio {
  target: string;
  /** The learner's figure in the target's words ("2.9× faster"), and how far past the target it is (higher better). */
  figure: string;
  score: number;
  learner: string;
  machine: string;
  runtime: string;
  met: boolean;
}

export interface RoomView {
  room: string;
  generatedAt: string;
  labs: RoomLab[];
  learners: Array<{ id: string; name: string; lastSeen: string; cells: Record<string, Cell> }>;
  /** Per lab: the most common failing message among the learners whose latest test of it is red. */
  stuck: Record<string, { message: string; learners: number; red: number } | undefined>;
  /** Per lab: the best ratio of each target across the room's latest checkpoints. */
  best: Record<string, BestRatio[]>;
}

/** The state of one learner's lab from their latest test and bench reports. */
export function cellOf(lab: LatestReports['labs'][string] | undefined): Cell {
  const test = lab?.test;
  const bench = lab?.bench;
  if (!test && !bench) return { state: 'not started' };
  const judged = bench?.verdicts ?? [];
  const met = judged.filter((v) => v.state === 'met').length;
  const targets = bench ? { targets: { met, total: judged.length } } : {};
  if (!test) return { state: judged.length > 0 && met === judged.length ? 'met' : 'red', ...targets, at: bench!.at };
  const green = test.core.failed === 0 && test.core.passed > 0 && test.typecheck !== 'errors';
  const state: CellState = !green ? 'red' : judged.length > 0 && met === judged.length ? 'met' : 'green';
  const at = bench && bench.at > test.at ? bench.at : test.at;
  return { state, core: { passed: test.core.passed, total: test.core.passed + test.core.failed }, ...targets, at };
}

/** The machine a checkpoint ran on, in a few words: "AMD EPYC 7B13 × 2". */
const machineOf = (f: { cpuModel: string; cores: number }) => `${f.cpuModel.replace(/\s+/g, ' ').trim()} × ${f.cores}`;

/**
 * The room's view. `known` are the kit's labs (the manifest); a lab a checkout reports that the room's kit does
 * not list (another version of the kit) gets a column of its own after them, named by its slug.
 */
export function roomView(room: string, known: readonly RoomLab[], latest: readonly LatestReports[], now = new Date()): RoomView {
  const reported = [...new Set(latest.flatMap((l) => Object.keys(l.labs)))].filter((slug) => !known.some((k) => k.slug === slug)).sort();
  const labs = [...known, ...reported.map((slug) => ({ slug, number: Number(slug.slice(0, 2)), title: slug.slice(3) }))];
  const stuck: RoomView['stuck'] = {};
  const best: RoomView['best'] = {};
  for (const lab of labs) {
    const counts = new Map<string, number>();
    let red = 0;
    const ratios = new Map<string, BestRatio>();
    for (const { learner, labs: mine } of latest) {
      const test = mine[lab.slug]?.test;
      if (test && cellOf(mine[lab.slug]).state === 'red') {
        red++;
        for (const message of new Set(test.failing)) counts.set(message, (counts.get(message) ?? 0) + 1);
      }
      const bench = mine[lab.slug]?.bench;
      for (const v of bench?.verdicts ?? []) {
        if (v.score === null || v.figure === null) continue;
        const seen = ratios.get(v.target);
        if (!seen || v.score > seen.score) {
          ratios.set(v.target, {
            target: v.target,
            figure: v.figure,
            score: v.score,
            learner: learner.name,
            machine: machineOf(bench!.fingerprint),
            runtime: bench!.runtime,
            met: v.state === 'met',
          });
        }
      }
    }
    const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    stuck[lab.slug] = top ? { message: top[0], learners: top[1], red } : undefined;
    best[lab.slug] = [...ratios.values()];
  }
  return {
    room,
    generatedAt: now.toISOString(),
    labs: labs.map((l) => ({ slug: l.slug, number: l.number, title: l.title })),
    learners: latest.map(({ learner, labs: mine }) => ({
      id: learner.id,
      name: learner.name,
      lastSeen: learner.lastSeen,
      cells: Object.fromEntries(labs.map((lab) => [lab.slug, cellOf(mine[lab.slug])])),
    })),
    stuck,
    best,
  };
}
