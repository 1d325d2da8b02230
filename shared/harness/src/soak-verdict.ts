/**
 * The soak's verdict and report (src/soak.ts, lab 04's `pnpm soak`), pure functions of what it measured.
 * Three states: PASS; FAIL — the code's: a buffer left outstanding, a 500 or many connection errors (always),
 * or RSS growth past the bound on a machine that was quiet; INCONCLUSIVE — RSS grew past the bound while the
 * machine was busy (at the start, during the load or at the end: src/busy.ts, the checkpoint's own test), so
 * the growth is a figure of the machine as much as of the code. Exit codes 0, 1 and 2 (64 for a bad option).
 */
import { busyDuring, judgeBusy, type BusyJudgement, type NoiseSample } from './busy.ts';

export type SoakVerdict = 'pass' | 'fail' | 'inconclusive';

/** The exit status of each verdict: 0 pass, 1 fail, 2 inconclusive. */
export const SOAK_EXIT: Readonly<Record<SoakVerdict, number>> = { pass: 0, fail: 1, inconclusive: 2 };
/** The exit status of a bad option (EX_USAGE): not 2, which is the inconclusive verdict's. */
export const SOAK_USAGE_EXIT = 64;

/** What the soak measured, for its verdict. */
export interface SoakFigures {
  /** Left-over app stats, as "group.outstanding = n". */
  outstanding: string[];
  rssEarlyPeak: number;
  rssLatePeak: number;
  maxRssGrowth: number;
  /** Whether, when and why the machine looked busy (soakBusy). */
  busy: BusyJudgement;
  status500: number;
  errors: number;
  requests: number;
}

/** Other CPU use in one second of the load (src/soak.ts samples it with the RSS), at `at` seconds into it. */
export interface SoakCpuSample {
  at: number;
  otherCpus: number | null;
}

/**
 * Whether the machine was busy during a soak, by the checkpoint's rule (busyDuring): each second of the load is
 * a window, noisy above `noiseCpus` other CPUs, grouped by third of the load — half or more of a third noisy is
 * busy (the RSS verdict compares the peaks of the first and the last third). With the start's and the end's
 * reasons (busyVerdict before the server starts, busyAfter once it stopped).
 */
export function soakBusy(parts: {
  start: readonly string[];
  samples: readonly SoakCpuSample[];
  seconds: number;
  noiseCpus: number;
  end: readonly string[];
}): BusyJudgement {
  const third = parts.seconds / 3;
  const which = (at: number) => (at <= third ? 'the first third' : at > parts.seconds - third ? 'the last third' : 'the middle third');
  const windows: NoiseSample[] = parts.samples.map((s) => ({
    kind: 'seconds of the load',
    group: which(s.at),
    otherCpus: s.otherCpus,
    noisy: s.otherCpus !== null && s.otherCpus > parts.noiseCpus,
  }));
  return judgeBusy({ start: parts.start, during: busyDuring(windows), end: parts.end });
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;

/**
 * The soak's verdict: failures (the code's), notes (reported only) and the state. A buffer left outstanding,
 * a 500 and connection errors always fail; RSS past `maxRssGrowth` fails on a quiet machine and is
 * inconclusive on a busy one; a busy machine with RSS within the bound still passes, with a note.
 */
export function soakVerdict(f: SoakFigures): { verdict: SoakVerdict; failures: string[]; notes: string[] } {
  const failures: string[] = [];
  const notes: string[] = [];
  for (const left of f.outstanding) failures.push(`after the load stopped, ${left}: something was rented and never returned`);
  if (f.status500 > 0) failures.push(`${f.status500} answers were 500`);
  if (f.errors > 0 && f.errors > f.requests / 1000) failures.push(`${f.errors} connection errors under load`);
  const growth = f.rssLatePeak / f.rssEarlyPeak - 1;
  let grewWhileBusy = false;
  if (growth > f.maxRssGrowth) {
    const grew = `RSS grew ${pct(growth)} from early in the load (peak ${mib(f.rssEarlyPeak)}) to late in it (peak ${mib(f.rssLatePeak)}), more than the ${pct(f.maxRssGrowth)} allowed`;
    if (!f.busy.busy) failures.push(`${grew}: memory kept per request (a buffer held after release, a listener never removed) grows like this`);
    else {
      grewWhileBusy = true;
      notes.push(`${grew} — not counted as a failure: the machine was busy, so RSS is a figure of the machine as much as of your code`);
    }
  }
  if (f.busy.busy) notes.push(`the machine was busy: ${f.busy.reasons.join('; ')}`);
  const verdict: SoakVerdict = failures.length > 0 ? 'fail' : grewWhileBusy ? 'inconclusive' : 'pass';
  return { verdict, failures, notes };
}

/** What the report's lines read (src/soak.ts's SoakResult). */
export interface SoakReport {
  verdict: SoakVerdict;
  failures: string[];
  notes: string[];
  seconds: number;
  requests: number;
  statusCodes: Record<string, number>;
  misbehaving: { oversized: number; aborted: number };
  rssAfterWarmup: number;
  rssAtEnd: number;
  rssMax: number;
  rssEarlyPeak: number;
  rssLatePeak: number;
  rssGrowth: number;
  appStats: Record<string, Record<string, number>>;
}

/** The soak's report, a few lines for a terminal, its verdict last (with what to do when it is not PASS). */
export function formatSoak(r: SoakReport): string {
  const lines = [
    `Hot Path soak: ${r.seconds} s, ${r.requests} requests by autocannon (${Object.entries(r.statusCodes)
      .map(([code, n]) => `${code}: ${n}`)
      .join(', ')}), ` + `${r.misbehaving.oversized} oversized uploads and ${r.misbehaving.aborted} aborted ones beside them`,
    `RSS: ${mib(r.rssAfterWarmup)} after the warm-up, ${mib(r.rssAtEnd)} at the end, at most ${mib(r.rssMax)}; ` +
      `peak ${mib(r.rssEarlyPeak)} in the first third of the load, ${mib(r.rssLatePeak)} in the last (${pct(r.rssGrowth)})`,
  ];
  for (const [name, group] of Object.entries(r.appStats)) {
    lines.push(
      `${name}: ${Object.entries(group)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  }
  for (const note of r.notes) lines.push(`note: ${note}`);
  if (r.verdict === 'pass') lines.push('PASS');
  else if (r.verdict === 'fail') lines.push(`FAIL (your code)\n${r.failures.map((f) => `- ${f}`).join('\n')}`);
  else {
    lines.push(
      'INCONCLUSIVE: RSS grew while the machine was busy, so this run cannot tell a leak from a crowded machine. ' +
        'Close other programs (browsers, builds, other tests), wait for the load to drop, and run the soak again.',
    );
  }
  return lines.join('\n');
}
