/**
 * What a chart says about its run, worked out at build time (checkpoint-data.ts): each target of the run's
 * runtime judged as `pnpm lab bench` judges it (the kit's verdict.ts: met / missed / inconclusive, in the
 * target's own words and direction) — a committed reference run by its own figures (inconclusive when the
 * run was busy-flagged), a learner's run by theirs with the reference's verdict from the same run beside it —
 * and which of the run's warnings belong beside the series a chart shows.
 */
import type { CheckpointTarget } from '@hotpath/workshop/manifest';
import { judgeRun, targetWords, verdictCounts, verdictLine, type RunVerdict, type VerdictState } from '@hotpath/kit/verdict';
import type { ChartVerdict } from './checkpoint-data.ts';

export type { VerdictState };

/** A target of the run's runtime, judged: its id on the chart ("T1"), its words, and the verdict on each bar it judges. */
export interface JudgedTarget {
  target: CheckpointTarget;
  id: string;
  /** "≥ 3×", as the verdict's words give it. */
  short: string;
  /** The verdict on each bar it judges: the reference solution's, and the learner's in a local run. */
  states: Partial<Record<'reference' | 'learner', VerdictState>>;
  verdict: ChartVerdict;
}

/** A verdict's state for one side of a run: met, else inconclusive on a busy run, else missed. */
const stateOf = (met: boolean, busy: boolean): VerdictState => (met ? 'met' : busy ? 'inconclusive' : 'missed');

/** The reference's verdict from the same run, beside yours, as `pnpm lab bench` prints it: "3.41× faster — met". */
function referenceLine(v: RunVerdict, state: VerdictState): string {
  return v.reference!.ratio === null ? `not measured — ${state}` : `${v.reference!.short} — ${state}`;
}

/**
 * Each of `runtimeTargets` (the lab's targets for the run's runtime, in the manifest's order) judged on
 * `result`: in a committed run (`source` 'reference') its subject is the reference solution; in a local run
 * the learner, with the reference measured beside them.
 */
export function judgeTargets(
  runtimeTargets: readonly CheckpointTarget[],
  result: Parameters<typeof judgeRun>[1],
  source: 'local' | 'reference' | 'baseline-only',
  busy: boolean,
): JudgedTarget[] {
  if (runtimeTargets.length === 0 || source === 'baseline-only') return [];
  const verdicts = judgeRun(runtimeTargets, result);
  return runtimeTargets.flatMap((target, i): JudgedTarget[] => {
    const v =
      verdicts.find((x) => x.target === target) ??
      verdicts.find((x) => x.target.label === target.label && x.target.scenario === target.scenario && x.target.metric === target.metric);
    if (!v) return [];
    const id = `T${i + 1}`;
    const words = targetWords(target);
    if (source === 'reference') {
      const verdict: ChartVerdict = {
        id,
        words,
        state: v.state,
        lines: [{ who: 'reference', state: v.state, text: verdictLine(v) }],
        ...(v.why ? { why: v.why } : {}),
      };
      return [{ target, id, short: v.targetShort, states: { reference: v.state }, verdict }];
    }
    const lines: ChartVerdict['lines'] = [{ who: 'yours', state: v.state, text: verdictLine(v) }];
    const states: JudgedTarget['states'] = { learner: v.state };
    if (v.reference) {
      states.reference = stateOf(v.reference.met, busy);
      lines.push({ who: 'reference', state: states.reference, text: referenceLine(v, states.reference) });
    }
    return [{ target, id, short: v.targetShort, states, verdict: { id, words, state: v.state, lines, ...(v.why ? { why: v.why } : {}) } }];
  });
}

/** "3 met, 1 inconclusive of 4 targets": the run's own subject's, and in a local run the reference's beside it. */
export function countsOf(judged: readonly JudgedTarget[]): { own: string; reference?: string } | undefined {
  if (judged.length === 0) return undefined;
  const own = verdictCounts(judged.map((j) => ({ state: j.verdict.state })));
  const reference = judged.flatMap((j) => (j.states.learner && j.states.reference ? [{ state: j.states.reference }] : []));
  return reference.length > 0 ? { own, reference: verdictCounts(reference) } : { own };
}

/**
 * The subject a harness warning is about — "GET /health (subject): autocannon used 92 % …" → 'subject',
 * "POST 1KB, constant 404 (floor) on peer:no-pool: …" → 'peer:no-pool' — or undefined for one about the whole
 * run (a busy machine, NODE_EXTRA_CA_CERTS).
 */
export function warningSubject(warning: string): string | undefined {
  const key = '(subject|baseline|reference|peer:[^):]+?)(?:@[\\w.-]+)?';
  return (new RegExp(`^[^:]*?\\(${key}\\):`).exec(warning) ?? new RegExp(`^[^:]*? on ${key}:`).exec(warning))?.[1];
}

/**
 * The warnings a chart shows: those about the series it draws (`shown`: the result's subject keys, and
 * `peer:<name>` for peers it draws) and those about the whole run — not another subject's (lab 00's chart,
 * drawn from lab 01's run, does not repeat lab 01's own "GET /health (subject): autocannon used 92 %").
 */
export function shownWarnings(warnings: readonly string[], shown: ReadonlySet<string>): string[] {
  return warnings.filter((w) => {
    const subject = warningSubject(w);
    return subject === undefined || shown.has(subject);
  });
}
