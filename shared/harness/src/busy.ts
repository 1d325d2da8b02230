/**
 * Was the machine busy while a run measured? Pure functions of samples, shared by the checkpoint
 * (src/checkpoint.ts, recorded in `fingerprint.busy`, `busyReasons`, `busyAt`) and the soak (src/soak.ts):
 * busy at the start (other processes' CPU use in a one-second sample; the 1-minute load average above half
 * the cores only where no sample can be taken, since it also counts the run's own preparation — lab 05's build —
 * and a run that ended in the last minute), OR during the run (other processes kept using the CPUs in half or more of one contestant's load
 * rounds of a scenario, of the micro tasks, or of a third of the soak), OR at the end (other processes' CPU
 * use in a short sample after the run; the load average is left out there, since it counts the run itself).
 * "Other" always means the machine's busy time minus the run's own processes — the server, the load
 * generator pinned on the other core, the harness itself — so a run alone on a 2-core machine is quiet.
 */

/** A window (a load round, a micro task, a second of the soak) is noisy above this many other CPUs. */
export const NOISE_CPUS = 0.25;
/**
 * The one-second samples before and after a run call the machine busy above this many other CPUs. The run's
 * own launch is not subtracted there (pnpm and the bin's wrapper process settling): on a quiet machine lab
 * 04's soak read 0.23 before its server started, lab 00's micro run 0.23 after it; a competing program
 * worth worrying about uses a third of a core or more, and the checks during the run catch sustained load.
 */
export const SAMPLE_OTHER_CPUS = 0.35;

/**
 * CPUs' worth of time other processes used in a window: the machine's busy CPU seconds over the window's
 * wall seconds, minus what the run's own processes used (CPUs each: the server, the load generator, the
 * harness itself). Null without a figure for the machine, a wall time or any own process.
 */
export function otherCpusOf(machineBusySec: number | null, wallSec: number, own: ReadonlyArray<number | null | undefined>): number | null {
  if (machineBusySec === null || !(wallSec > 0) || own.some((x) => x == null || !Number.isFinite(x))) return null;
  const ours = own.reduce<number>((a, x) => a + (x as number), 0);
  return Math.max(0, machineBusySec / wallSec - ours);
}

/**
 * The verdict on a load average and a CPU sample taken before a run; [] when quiet. The sample decides when
 * there is one: the load average still counts the last minute's work, the run's own build included (lab 05's
 * runs were all called busy after their own `pnpm build`), and a learner's previous bench.
 */
export function busyVerdict(loadAverage1m: number, cores: number, otherCpus: number | null): string[] {
  const reasons: string[] = [];
  if (otherCpus === null && loadAverage1m > 0.5 * cores)
    reasons.push(`1-minute load average ${loadAverage1m.toFixed(2)} is above half the ${cores} cores (it also counts runs that ended in the last minute)`);
  if (otherCpus !== null && otherCpus > SAMPLE_OTHER_CPUS) reasons.push(`other processes were using ${otherCpus.toFixed(2)} CPUs before the run`);
  return reasons;
}

/** The verdict on a CPU sample taken after the run's own processes stopped; [] when quiet. */
export function busyAfter(otherCpus: number | null | undefined): string[] {
  return otherCpus != null && otherCpus > SAMPLE_OTHER_CPUS ? [`other processes were using ${otherCpus.toFixed(2)} CPUs after the run`] : [];
}

/** One measured window during a run. */
export interface NoiseSample {
  /** What kind of window, plural, as the reason names it: 'load rounds', 'micro tasks', 'seconds of the soak'. */
  kind: string;
  /** The windows one figure is a median (or a peak) of: 'GET /todos on baseline', 'micro', 'the last third'. */
  group: string;
  otherCpus: number | null;
  /** Other processes' use stayed above NOISE_CPUS (a load round: after its retry). */
  noisy: boolean;
}

const fmt = (x: number) => x.toFixed(2);

/**
 * The verdict on the windows measured during a run: busy when half or more of one group's windows were noisy
 * (a median over them, or the soak's peak over a third, is then a figure of the machine). One noisy load round
 * of five, retried and still noisy, is not enough: the median is a quiet round's. [] when quiet.
 */
export function busyDuring(samples: readonly NoiseSample[]): string[] {
  const byKind = new Map<string, Map<string, NoiseSample[]>>();
  for (const s of samples) {
    const groups = byKind.get(s.kind) ?? new Map<string, NoiseSample[]>();
    groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
    byKind.set(s.kind, groups);
  }
  const parts: string[] = [];
  for (const [kind, groups] of byKind) {
    const busyGroups = [...groups].filter(([, list]) => {
      const noisy = list.filter((s) => s.noisy).length;
      return noisy > 0 && noisy * 2 >= list.length;
    });
    if (busyGroups.length === 0) continue;
    const all = [...groups.values()].flat();
    const noisy = all.filter((s) => s.noisy);
    const cpus = noisy.map((s) => s.otherCpus).filter((x): x is number => x !== null);
    const range = cpus.length ? ` (${fmt(Math.min(...cpus))}${Math.max(...cpus) > Math.min(...cpus) ? `–${fmt(Math.max(...cpus))}` : ''} other CPUs)` : '';
    const names = busyGroups.map(([g, list]) => `${g}: ${list.filter((s) => s.noisy).length} of ${list.length}`);
    const where =
      groups.size === 1
        ? ''
        : `, half or more of them in ${names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ')}`;
    parts.push(`other processes kept using the CPUs in ${noisy.length} of ${all.length} ${kind}${range}${where}`);
  }
  return parts;
}

/** The whole run's verdict, as a result records it (`fingerprint.busy`, `busyReasons`, `busyAt`). */
export interface BusyJudgement {
  busy: boolean;
  /** Every reason, each saying when: "at the start: …", "during the run: …", "at the end: …". */
  reasons: string[];
  at: { start: boolean; during: boolean; end: boolean };
}

/** Busy at the start, OR during the run, OR at the end. */
export function judgeBusy(parts: { start: readonly string[]; during: readonly string[]; end: readonly string[] }): BusyJudgement {
  const reasons = [
    ...parts.start.map((r) => `at the start: ${r}`),
    ...parts.during.map((r) => `during the run: ${r}`),
    ...parts.end.map((r) => `at the end: ${r}`),
  ];
  const at = { start: parts.start.length > 0, during: parts.during.length > 0, end: parts.end.length > 0 };
  return { busy: at.start || at.during || at.end, reasons, at };
}

/** The one warning line of a busy run: what was seen, and what to do. */
export function busyWarning(reasons: readonly string[]): string {
  return (
    `The machine was busy (${reasons.join('; ')}): other programs took CPU time from this run, so its figures and verdicts ` +
    "may be the machine's rather than the code's — close other programs (browsers, builds, other tests) and run it again."
  );
}

/** What a result holds that busyDuring reads: the load rounds and the micro tasks' noise. */
export interface NoiseSource {
  load?: {
    scenarios: ReadonlyArray<{ name: string; results: Record<string, { rounds: ReadonlyArray<{ otherCpus: number | null; noisy: boolean }> }> }>;
  } | null;
  micro?: { tasks: ReadonlyArray<{ name: string; otherCpus?: number | null; noisy?: boolean }> } | null;
}

/**
 * The windows of a checkpoint result: every measured load round (grouped by scenario and contestant) and every
 * micro task that recorded its noise (results written before that have none).
 */
export function noiseSamples(result: NoiseSource): NoiseSample[] {
  const samples: NoiseSample[] = [];
  for (const scenario of result.load?.scenarios ?? []) {
    for (const [key, summary] of Object.entries(scenario.results)) {
      for (const r of summary.rounds) samples.push({ kind: 'load rounds', group: `${scenario.name} on ${key}`, otherCpus: r.otherCpus, noisy: r.noisy });
    }
  }
  for (const task of result.micro?.tasks ?? []) {
    if (task.otherCpus === undefined) continue;
    samples.push({
      kind: 'micro tasks',
      group: 'micro',
      otherCpus: task.otherCpus,
      noisy: task.noisy ?? (task.otherCpus !== null && task.otherCpus > NOISE_CPUS),
    });
  }
  return samples;
}
