/**
 * What `pnpm lab bench NN` prints after the figures: one line per target — its state (✓ met, ✗ missed,
 * ? inconclusive), the learner's figure in the target's own direction, the bar, and the reference's verdict
 * from the same run beside it — then the counts, and, when a verdict is inconclusive, why (the reference
 * missed it too in this run; the machine was busy, with the fingerprint's reasons) and what to do about it.
 * Pure: it formats verdicts (verdict.ts `judgeRun`), so a test can feed it a fixture result.
 */
import { verdictCounts, type RunVerdict, type VerdictState } from '../verdict.ts';
import type { colours } from './context.ts';

type Paint = ReturnType<typeof colours>;

const MARK: Record<VerdictState, string> = { met: '✓ met', missed: '✗ missed', inconclusive: '? inconclusive' };
const WIDTH = Math.max(...Object.values(MARK).map((m) => m.length));

/** The mark of a state, padded to one width and coloured: green met, red missed, yellow inconclusive. */
export function stateMark(c: Paint, state: VerdictState, pad = true): string {
  const text = pad ? MARK[state].padEnd(WIDTH) : MARK[state];
  return state === 'met' ? c.green(text) : state === 'missed' ? c.red(text) : c.yellow(text);
}

/** "2.86× faster than JSON.stringify serializing one Todo (target ≥ 3×)", or the target and "not measured". */
export function learnerText(v: Pick<RunVerdict, 'learner' | 'targetShort' | 'words'>): string {
  return v.learner.ratio === null ? `not measured: ${v.words}` : `${v.learner.words} (target ${v.targetShort})`;
}

/** "reference: 3.41× faster — met", or undefined when the run measured no reference. */
export function referenceText(v: Pick<RunVerdict, 'reference'>): string | undefined {
  return v.reference ? `reference: ${v.reference.short} — ${v.reference.met ? 'met' : 'missed'}` : undefined;
}

export interface ReportOptions {
  /** The lab's two digits, for the commands it suggests. */
  nn: string;
  quick: boolean;
  /** The fingerprint's reasons for calling the machine busy ("1-minute load average 2.10 is above …"). */
  busyReasons?: readonly string[];
}

/** The verdict lines of a run, its counts, and the paragraphs on inconclusive and missed targets. */
export function verdictReport(verdicts: readonly RunVerdict[], c: Paint, options: ReportOptions): string[] {
  if (verdicts.length === 0) return [];
  const lines = verdicts.map((v) => {
    const reference = referenceText(v);
    return `${stateMark(c, v.state)}  ${learnerText(v)}${reference ? c.dim(`  ·  ${reference}`) : ''}`;
  });
  lines.push(`${verdictCounts(verdicts)}.`);

  const inconclusive = verdicts.filter((v) => v.state === 'inconclusive');
  if (inconclusive.length > 0) {
    const whyReference = inconclusive.filter((v) => v.reference && !v.reference.met).length;
    const busy = verdicts[0]!.busy;
    const reasons = options.busyReasons ?? [];
    const because = [
      ...(whyReference > 0
        ? [
            `the reference solution missed ${whyReference === inconclusive.length ? (whyReference === 1 ? 'it' : 'them') : `${whyReference} of them`} too in this same run, so the run, not your code, fell short`,
          ]
        : []),
      ...(busy ? [`the machine was busy during the run${reasons.length ? ` (${reasons.join('; ')})` : ''}, which slows every contestant unevenly`] : []),
    ];
    lines.push(
      '',
      `${c.yellow(`? Inconclusive (${inconclusive.length}):`)} this run cannot say whether your code meets ${inconclusive.length === 1 ? 'that target' : 'those targets'}: ${because.join('; and ')}.`,
      `  What to do: close other programs (browsers, builds, another benchmark), then run pnpm lab bench ${options.nn}${options.quick ? ' --quick' : ''} again;` +
        ` --rounds 5 gives each figure more rounds${options.quick ? `, and a full run (pnpm lab bench ${options.nn}, without --quick) measures longer` : ''}.`,
    );
  }
  const unmeasured = verdicts.filter((v) => v.state === 'missed' && v.learner.ratio === null);
  if (unmeasured.length > 0) {
    lines.push(
      '',
      `${c.red(`✗ Not measured (${unmeasured.length}):`)} the checkpoint found no figure of your code for ${unmeasured.length === 1 ? 'it' : 'them'} (the code ${unmeasured.length === 1 ? 'it measures' : 'they measure'} is not written yet, or it failed), which no busy machine explains: pnpm lab test ${options.nn} says what is missing.`,
    );
  }
  const missed = verdicts.filter((v) => v.state === 'missed' && v.learner.ratio !== null);
  if (missed.length > 0) {
    const referenceMet = missed.every((v) => v.reference?.met);
    lines.push(
      '',
      `${c.red(`✗ Missed (${missed.length}):`)} ${referenceMet ? `the reference met ${missed.length === 1 ? 'it' : 'them'} in this same run, on a machine the harness did not find busy:` : 'the harness did not find the machine busy:'} the gap is in your code (pnpm lab hint ${options.nn}, pnpm lab profile ${options.nn}).`,
    );
  }
  return lines;
}
