/**
 * A result measured on more than one runtime (`--runtime`): every contestant's result is tagged with the
 * runtime it ran on; `resultOnRuntime` gives the result as if that runtime had run it alone (keys without the
 * `@<id>` suffix, so existing readers — the table, the site, `judge` — work on it unchanged); and
 * `computeRuntimeRatios` gives each runtime's usual ratios plus each contestant's figure on it divided by
 * its figure on the primary runtime.
 */
import { peerKey } from './define.ts';
import { computeRatios, figuresAgainst, ratio, type CheckpointResult, type Push, type Ratio } from './report.ts';
import { keyOn, splitKey } from './runtime-info.ts';

type Keyed<T> = Record<string, T>;

/** Sets `runtime` on every micro, load and startup result: the `@` suffix of its key, else the primary's id. */
export function tagRuntimes(result: CheckpointResult): void {
  const primary = result.runtime?.id;
  if (!primary) return;
  const ids = (result.runtimes ?? []).map((r) => r.id);
  const tag = (results: Keyed<{ runtime?: string }>) => {
    for (const [key, value] of Object.entries(results)) value.runtime = splitKey(key, ids).runtime ?? primary;
  };
  for (const task of result.micro?.tasks ?? []) tag(task.results);
  for (const scenario of result.load?.scenarios ?? []) tag(scenario.results);
  if (result.startup) tag(result.startup.results);
}

/** The entries of `results` measured on runtime `id`, under their keys without the suffix. */
function onRuntime<T>(results: Keyed<T>, id: string | undefined, ids: readonly string[]): Keyed<T> {
  const out: Keyed<T> = {};
  for (const [full, value] of Object.entries(results)) {
    const { key, runtime } = splitKey(full, ids);
    if (runtime === id) out[key] = value;
  }
  return out;
}

/**
 * The result as measured on runtime `id` alone (`undefined` or the primary's id: the primary's figures):
 * sections with only that runtime's contestants, keyed as usual; `ratios` its own within-runtime ratios;
 * `runtime` that runtime; no `runtimes` or `runtimeRatios`.
 */
export function resultOnRuntime(result: CheckpointResult, id: string | undefined): CheckpointResult {
  const ids = (result.runtimes ?? []).map((r) => r.id);
  const wanted = id === result.runtime?.id ? undefined : id;
  const other = result.runtimes?.find((r) => r.id === wanted);
  if (wanted !== undefined && !other)
    throw new Error(`no runtime ${wanted} in this result (it has ${[result.runtime?.id, ...ids].filter(Boolean).join(', ')})`);
  const view: CheckpointResult = {
    ...result,
    micro: result.micro && { tasks: result.micro.tasks.map((t) => ({ ...t, results: onRuntime(t.results, wanted, ids) })) },
    load: result.load && { ...result.load, scenarios: result.load.scenarios.map((s) => ({ ...s, results: onRuntime(s.results, wanted, ids) })) },
    startup: result.startup && { ...result.startup, results: onRuntime(result.startup.results, wanted, ids) },
  };
  delete view.runtimes;
  delete view.runtimeRatios;
  if (other) {
    const { path: _path, ...runtime } = other;
    view.runtime = runtime;
    view.ratios = computeRatios(view);
  }
  return view;
}

/**
 * For each other runtime, in `runtimes` order: its within-runtime ratios (as `computeRatios` on
 * `resultOnRuntime`, tagged `runtime`), then the cross-runtime ratios: for every subject (the baseline
 * included) and peer, each figure on that runtime / the same figure on the primary (`runtime`, `across`).
 */
export function computeRuntimeRatios(result: CheckpointResult): Ratio[] {
  const primary = result.runtime?.id;
  if (!primary || !result.runtimes?.length) return [];
  const out: Ratio[] = [];
  for (const other of result.runtimes) {
    for (const r of computeRatios(resultOnRuntime(result, other.id))) out.push({ ...r, runtime: other.id });
    const keys = [...result.subjects.map((s) => s.key), ...(result.peers ?? []).map(peerKey)];
    for (const key of keys) {
      const there = keyOn(key, other.id);
      const push: Push = (r) => out.push({ ...r, subjectKey: key, ratio: ratio(r.subject, r.baseline), runtime: other.id, across: primary });
      figuresAgainst(result, there, key, push);
    }
  }
  return out;
}
