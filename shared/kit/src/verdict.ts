/**
 * The verdict vocabulary of the whole kit (`@hotpath/kit/verdict`): a checkpoint target and a measured figure
 * said in the target's own direction — "2.86× faster than JSON.stringify serializing one Todo (target ≥ 3×)
 * — missed", never a bare time ratio against a speed target — and a run judged for the learner with the
 * reference's verdict from the same run beside it. A target the learner misses is `inconclusive`, not
 * `missed`, when the reference missed it too in that run or the harness saw the machine busy: a learner's
 * "missed" then always means their code. `pnpm lab bench`, `pnpm lab list`, the history and the site all
 * speak through these functions (the words themselves: verdict-words.ts). Pure: no Node built-ins, so the
 * site's build can bundle it.
 */
import type { CheckpointTarget } from '@hotpath/workshop/manifest';
import { runtimeOf, targetsFor, type RunRuntime, type RuntimeOfRun } from '@hotpath/workshop/target-runtime';
import { figureShort, figureWords, targetLabel, targetShort, targetWords } from '@hotpath/workshop/verdict-words';

export { figureShort, figureWords, formatAbsolute, targetLabel, targetShort, targetWords, type TargetLike } from '@hotpath/workshop/verdict-words';

export type VerdictState = 'met' | 'missed' | 'inconclusive';

/** The parts of a harness result's ratio entry a verdict reads (see shared/harness/SCHEMA.md). */
export interface RatioLike {
  section: string;
  name: string;
  metric: string;
  subjectKey: string;
  /** The figure of `subjectKey` (the baseline's is in the harness's `baseline` field). */
  subject: number | null;
  ratio: number | null;
  /** The figure's unit ('B', 'µs', 'req/s', …). */
  unit?: string;
}
/** What judge() reads of a result: its ratios, and the runtime they were measured on. */
export interface RunLike extends RuntimeOfRun {
  ratios: readonly RatioLike[];
}
/** One target judged for one contestant of a run. */
export interface TargetVerdict {
  target: CheckpointTarget;
  /** The judged figure: the ratio, or for an `absolute` target the package's own figure (in `unit`). */
  ratio: number | null;
  met: boolean;
  /** The figure's unit, for an `absolute` target ('B', 'µs', …) when the result gives it. */
  unit?: string;
}

/**
 * The results key of a micro peer in the harness (`peerKey` of @hotpath/harness), on the runtime of `subjectKey`:
 * a contestant measured on another runtime of the run is `<key>@<runtime id>` (`subject@node26`).
 */
const peerKey = (name: string, subjectKey = 'subject') => `peer:${name}${subjectKey.includes('@') ? subjectKey.slice(subjectKey.indexOf('@')) : ''}`;

/**
 * The ratio engine. Each target for the run's runtime (`targetsFor`; given bare ratios, no runtime is known and
 * only the targets for every runtime are judged) against the run: the ratio this package / the lab's baseline;
 * or, for a target with `vs`, this package's figure / that peer's figure in the same run (null when either is
 * missing or the peer's is 0); or, for an `absolute` target, this package's own figure (the ratio entry's
 * `subject`), compared with atMost/atLeast as it is (null when missing). `runtime` overrides the run's, for a
 * contestant measured on another runtime of the run (`subjectKey` 'subject@node26').
 */
export function judge(
  targets: readonly CheckpointTarget[],
  run: RunLike | readonly RatioLike[],
  subjectKey = 'subject',
  runtime?: RunRuntime,
): TargetVerdict[] {
  const ratios: readonly RatioLike[] = Array.isArray(run) ? run : (run as RunLike).ratios;
  runtime ??= Array.isArray(run) ? undefined : runtimeOf(run as RunLike);
  return targetsFor(targets, runtime).map((target) => {
    const find = (key: string) => ratios.find((r) => r.subjectKey === key && r.name === target.scenario && r.metric === target.metric);
    const own = find(subjectKey);
    let ratio = own?.ratio ?? null;
    if (target.absolute) {
      const figure = own?.subject;
      ratio = figure == null || !Number.isFinite(figure) ? null : figure;
    } else if (target.vs !== undefined) {
      const mine = own?.subject;
      const theirs = find(peerKey(target.vs, subjectKey))?.subject;
      ratio = mine == null || theirs == null || !Number.isFinite(mine) || !Number.isFinite(theirs) || theirs === 0 ? null : mine / theirs;
    }
    const met = ratio !== null && (target.atLeast === undefined || ratio >= target.atLeast) && (target.atMost === undefined || ratio <= target.atMost);
    return target.absolute && own?.unit !== undefined ? { target, ratio, met, unit: own.unit } : { target, ratio, met };
  });
}

/** One contestant's figure for a target, judged and in words. */
export interface Judged {
  ratio: number | null;
  met: boolean;
  /** The figure in the target's direction ("2.86× faster than JSON.stringify serializing one Todo"). */
  words: string;
  /** The same without whom and what ("2.86× faster"). */
  short: string;
  unit?: string;
}
/** A target judged for a run: the learner's figure, the reference's from the same run, and the state. */
export interface RunVerdict {
  target: CheckpointTarget;
  state: VerdictState;
  /** The target in its own words (`targetWords`). */
  words: string;
  /** "≥ 3×", "at most 1.25× slower", "≤ 1,100 B". */
  targetShort: string;
  learner: Judged;
  /** Absent when the run measured no reference (lab 00, or a run judged as the reference itself). */
  reference?: Judged;
  /** The harness saw the machine busy during the run. */
  busy: boolean;
  /** Why an inconclusive verdict is one: the reference missed it too, the machine was busy (with its reasons). */
  why?: string;
}
/** A result as judgeRun reads it: ratios, runtime and the fingerprint's busy flag and reasons. */
export interface JudgedRunLike extends RunLike {
  fingerprint?: { node?: string; busy?: boolean; busyReasons?: readonly string[] };
}
export interface JudgeRunOptions {
  /** The contestant judged (default 'subject'). */
  subject?: string;
  /** The contestant whose verdict goes beside it (default 'reference'); null: none. */
  reference?: string | null;
  /** The runtime of `subject`, when it is not the run's (`subject@node26`). */
  runtime?: RunRuntime;
}

const judged = (v: TargetVerdict): Judged => {
  const unit = v.unit;
  return { ratio: v.ratio, met: v.met, words: figureWords(v.target, v.ratio, unit), short: figureShort(v.target, v.ratio, unit), ...(unit ? { unit } : {}) };
};

/**
 * Every target for the run's runtime judged for `subject`, beside the reference's verdict from the same run.
 * `met` when the subject met it; else `inconclusive` when the reference missed the same target in that run or
 * the run was busy (`result.fingerprint.busy`) — unless the subject's figure was not measured at all, which no
 * load explains; else `missed`. Judging a committed reference run as the
 * subject (no reference beside it), a busy run's miss is inconclusive.
 */
export function judgeRun(targets: readonly CheckpointTarget[], result: JudgedRunLike, options: JudgeRunOptions = {}): RunVerdict[] {
  const subject = options.subject ?? 'subject';
  const referenceKey = options.reference === undefined ? 'reference' : options.reference;
  const hasReference = referenceKey !== null && referenceKey !== subject && result.ratios.some((r) => r.subjectKey === referenceKey);
  const learner = judge(targets, result, subject, options.runtime);
  const reference = hasReference ? judge(targets, result, referenceKey!, options.runtime) : undefined;
  const busy = result.fingerprint?.busy === true;
  const reasons = (result.fingerprint?.busyReasons ?? []).filter((r) => typeof r === 'string' && r !== '');
  return learner.map((v, i) => {
    const ref = reference?.[i];
    const whys: string[] = [];
    if (!v.met && ref && !ref.met) whys.push(`the reference missed it too in this run (${figureShort(ref.target, ref.ratio, ref.unit)})`);
    // A busy machine slows figures; it does not take one away: a figure of the subject's not measured stays a miss.
    if (!v.met && busy && v.ratio !== null) whys.push(`the machine was busy during the run${reasons.length ? ` (${reasons.join('; ')})` : ''}`);
    const state: VerdictState = v.met ? 'met' : whys.length > 0 ? 'inconclusive' : 'missed';
    return {
      target: v.target,
      state,
      words: targetWords(v.target),
      targetShort: targetShort(v.target),
      learner: judged(v),
      ...(ref ? { reference: judged(ref) } : {}),
      busy,
      ...(state === 'inconclusive' ? { why: whys.join(', and ') } : {}),
    };
  });
}

/** "2.86× faster than JSON.stringify serializing one Todo (target ≥ 3×) — missed". */
export function verdictLine(v: Pick<RunVerdict, 'target' | 'state' | 'targetShort' | 'learner'>): string {
  if (v.learner.ratio === null) return `not measured: ${targetLabel(v.target)} — ${v.state}`;
  return `${v.learner.words} (target ${v.targetShort}) — ${v.state}`;
}

/** How many targets of a run are in each state. */
export interface VerdictCounts {
  met: number;
  missed: number;
  inconclusive: number;
  total: number;
}
export function countVerdicts(vs: ReadonlyArray<{ state: VerdictState }>): VerdictCounts {
  const n = (state: VerdictState) => vs.filter((v) => v.state === state).length;
  return { met: n('met'), missed: n('missed'), inconclusive: n('inconclusive'), total: vs.length };
}
/**
 * "2 met, 1 missed, 1 inconclusive of 4 targets" (a state no target is in is left out, but never met):
 * of run verdicts, or of counts (a history entry's). `separator` joins the counts (`pnpm lab list`: " · ").
 */
export function verdictCounts(vs: ReadonlyArray<{ state: VerdictState }> | VerdictCounts, separator = ', '): string {
  const c = Array.isArray(vs) ? countVerdicts(vs) : (vs as VerdictCounts);
  const parts = [`${c.met} met`, ...(c.missed ? [`${c.missed} missed`] : []), ...(c.inconclusive ? [`${c.inconclusive} inconclusive`] : [])];
  return `${parts.join(separator)} of ${c.total} target${c.total === 1 ? '' : 's'}`;
}

/** The exit status of a judged run: 0 every target met, 1 any missed, 2 none missed but some inconclusive. */
export const verdictExitCode = (vs: ReadonlyArray<{ state: VerdictState }>): 0 | 1 | 2 =>
  vs.some((v) => v.state === 'missed') ? 1 : vs.some((v) => v.state === 'inconclusive') ? 2 : 0;
