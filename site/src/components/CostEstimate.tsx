/**
 * The capstone's cost estimate, editable: instances needed for a target request rate, each run at the
 * committed headroom of the requests/s one process measured, and what they cost a month, for lab 00 and
 * for the final binary, with the saving. Rendered on the server with the run's own assumptions; in the
 * browser the reader can change the price per instance-month, the target rate and the headroom and the figures
 * recompute (capstone-cost.ts: @hotpath/harness/cost's arithmetic).
 */
import type React from 'react';
import { useId, useState } from 'react';
import type { CapstoneData } from '../../plugins/lab-results';
import { parseInput, recomputeCost } from './capstone-cost';
import { usd, whole } from './result-format';

/** The editable assumptions, as typed. */
type Inputs = Record<'price' | 'target' | 'headroom', string>;

const FIELDS: ReadonlyArray<{ name: keyof Inputs; label: string; inputMode: 'decimal' | 'numeric'; min: string; max?: string }> = [
  { name: 'price', label: 'Price per instance-month, USD', inputMode: 'decimal', min: '0' },
  { name: 'target', label: 'Target, requests/s', inputMode: 'numeric', min: '1' },
  { name: 'headroom', label: 'Headroom, % of measured requests/s', inputMode: 'numeric', min: '1', max: '100' },
];

export default function CostEstimate({ data }: { data: CapstoneData & { cost: NonNullable<CapstoneData['cost']> } }): React.ReactElement {
  const cost = data.cost;
  const initial: Inputs = {
    price: String(cost.assumptions.pricePerMonthUsd),
    target: String(cost.assumptions.targetRps),
    headroom: String(Math.round(cost.assumptions.headroom * 100)),
  };
  const [inputs, setInputs] = useState(initial);
  const id = useId();
  const result = recomputeCost(cost, {
    pricePerMonthUsd: parseInput(inputs.price),
    targetRps: parseInput(inputs.target),
    headroom: parseInput(inputs.headroom) / 100,
  });
  const ok = 'error' in result ? undefined : result;
  const headroom = ok ? Math.round(ok.assumptions.headroom * 100) : Number(initial.headroom);
  const rows = [
    { label: data.labels.lab00, estimate: ok?.before, rps: cost.beforeRps },
    { label: data.labels.binary, estimate: ok?.after, rps: cost.afterRps },
  ];
  const saving = ok
    ? ok.savingMonthlyUsd >= 0
      ? `Saving ${usd(ok.savingMonthlyUsd)}/month (${usd(ok.savingYearlyUsd)}/year): ${(ok.changeRatio * 100).toFixed(0)} % spend.`
      : `Costing ${usd(-ok.savingMonthlyUsd)}/month more: +${(ok.changeRatio * 100).toFixed(0)} % spend.`
    : (result as { error: string }).error;
  return (
    <div className="hp-cost">
      <p>
        Instances needed to serve a target rate when each is run at {headroom} % of the requests/s one process measured ({cost.basedOn}), and what they cost a
        month. The run assumed {whole(cost.assumptions.targetRps)} requests/s at {usd(cost.assumptions.pricePerMonthUsd)} per instance-month; change them (and
        the headroom) to see the estimate for your own.
      </p>
      <form className="hp-cost-inputs" onSubmit={(event) => event.preventDefault()}>
        {FIELDS.map((field) => (
          <div className="hp-field" key={field.name}>
            <label htmlFor={`${id}-${field.name}`}>{field.label}</label>
            <input
              id={`${id}-${field.name}`}
              name={field.name}
              type="number"
              inputMode={field.inputMode}
              min={field.min}
              max={field.max}
              step="any"
              value={inputs[field.name]}
              onChange={(event) => setInputs({ ...inputs, [field.name]: event.target.value })}
            />
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary button--sm"
          disabled={FIELDS.every((field) => inputs[field.name] === initial[field.name])}
          onClick={() => setInputs(initial)}
        >
          Back to the run's assumptions
        </button>
      </form>
      <table className="hp-results hp-cost-table">
        <caption>
          Cost estimate:{' '}
          {ok ? `${whole(ok.assumptions.targetRps)} requests/s at ${usd(ok.assumptions.pricePerMonthUsd)} per instance-month` : 'enter a price and a target'},
          each instance planned at {headroom} % of its measured requests/s.
        </caption>
        <thead>
          <tr>
            <th scope="col">server</th>
            <th scope="col">measured requests/s per instance</th>
            <th scope="col">planned requests/s per instance</th>
            <th scope="col">instances</th>
            <th scope="col">monthly cost, USD</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{whole(row.rps)}</td>
              <td>{whole((row.rps * headroom) / 100)}</td>
              <td className="hp-instances">{row.estimate ? row.estimate.instances.toLocaleString('en-US') : '–'}</td>
              <td className="hp-monthly">{row.estimate ? row.estimate.monthlyUsd.toLocaleString('en-US', { maximumFractionDigits: 2 }) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <output htmlFor={`${id}-price ${id}-target ${id}-headroom`} aria-live="polite" className="hp-saving">
          {saving}
        </output>
      </p>
      <p className="hp-notes">
        Assumes {cost.assumption}. For scale: {cost.context}.
      </p>
    </div>
  );
}
