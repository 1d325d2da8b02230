import type { ChartRun, ChartVerdict, LabData } from '../../plugins/checkpoint-data';
import { VERDICT_SIGN } from './ChartBars';

/** The harness's own busy warning (shared/harness): a chart says it in plain words instead. */
const BUSY_WARNING = /^The machine (looked|was) busy\b/;

/** What to do about an inconclusive verdict (the same advice `pnpm lab bench` prints). */
const RERUN = 'rerun with the machine quiet (close other programs; --rounds 5 gives each figure more rounds)';

function VerdictItem({ verdict, local }: { verdict: ChartVerdict; local: boolean }) {
  return (
    <li data-target={verdict.id} data-verdict={verdict.state}>
      <strong>{verdict.id}</strong> {verdict.words}:{' '}
      {verdict.lines.map((line, i) => (
        <span key={line.who} data-who={line.who} data-verdict={line.state}>
          {i > 0 && '; '}
          {local && (line.who === 'yours' ? 'yours: ' : 'the reference, in the same run: ')}
          <span className={`hp-${line.state}`}>{VERDICT_SIGN[line.state]}</span> {line.text}
        </span>
      ))}
      {verdict.state === 'inconclusive' && verdict.why && ` (inconclusive: ${verdict.why} — ${RERUN})`}
    </li>
  );
}

/** The lab's targets for the run's runtime, each judged; none for that runtime when the lab's are all for others. */
export function RunTargets({ lab, run }: { lab: LabData; run: ChartRun }) {
  if (lab.targets.length === 0) return null;
  if (run.targets.length === 0) {
    return (
      <p className="hp-targets" data-runtime={run.runtime.id}>
        No targets on {run.runtime.name}: this lab's targets are for other runtimes.
      </p>
    );
  }
  const verdicts = run.verdicts ?? [];
  const intro = `Targets on ${run.runtime.name}, the runtime of this run`;
  // A run built without verdicts (by hand) lists the targets only.
  if (verdicts.length === 0) {
    return (
      <p className="hp-targets" data-runtime={run.runtime.id}>
        {`${intro}: ${run.targets.join('; ')}.`}
      </p>
    );
  }
  const local = run.source === 'local';
  const counts = run.counts;
  return (
    <div className="hp-targets" data-runtime={run.runtime.id}>
      <p>
        {intro}
        {counts &&
          (local
            ? ` — yours: ${counts.own}${counts.reference ? `; the reference, in the same run: ${counts.reference}` : ''}`
            : ` — the reference solution: ${counts.own}`)}
        . Each is drawn on the chart where it judges (T1, T2 …), its verdict under the bar it judges.
      </p>
      <ul className="hp-verdict-list">
        {verdicts.map((v) => (
          <VerdictItem key={v.id} verdict={v} local={local} />
        ))}
      </ul>
    </div>
  );
}

/** The run of record of a chart: its file (linked), what was measured, on what, and the warnings about it. */
export function RunRecord({ run, name, ratios }: { run: ChartRun; name: string; ratios: string }) {
  const file = <code>{run.file}</code>;
  // The harness's "The machine looked busy: …" is said plainly above instead.
  const all = run.chartWarnings ?? run.warnings;
  const warnings = run.busy ? all.filter((w) => !BUSY_WARNING.test(w)) : all;
  return (
    <figcaption>
      <p className="hp-record" data-file={run.file}>
        Run of record: {run.fileRoute ? <a href={run.fileRoute}>{file}</a> : file} — {name} · {run.mode} run · {run.runtime.caption} · measured on{' '}
        {run.fingerprint}. {ratios}
      </p>
      {run.busy && (
        <p className="hp-busy" role="note">
          <strong>Measured while the machine was busy: figures may be low.</strong> A target missed in this run is inconclusive, not missed.
          {run.busyReasons && run.busyReasons.length > 0 ? ` The harness saw: ${run.busyReasons.join('; ')}.` : ''}
        </p>
      )}
      {warnings.length > 0 && (
        <ul className="hp-warnings">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </figcaption>
  );
}
