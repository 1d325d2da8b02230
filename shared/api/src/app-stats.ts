/**
 * App-reported stats: counters a lab app publishes for the harness's in-server probe (@hotpath/harness/probe) to read, without a
 * route and without depending on the harness. An app imports this module alone:
 *
 *   import { registerAppStats } from '@hotpath/api/app-stats';
 *   registerAppStats('pool', () => ({ hits: pool.hits, misses: pool.misses, size: pool.size }));
 *
 * The convention is a plain global, so any copy of this module (the app's, the probe's — the probe is loaded
 * in its own tsx namespace, so it gets a separate module instance) sees the same registry, and an app could
 * even fill it without this file: `globalThis[Symbol.for('hotpath.appStats')]` holds a
 * `Map<string, () => Record<string, number>>`, group name → a function returning that group's counters.
 * The probe calls every function when a measuring window stops and when the harness asks for `stats`.
 *
 * Deliberately dependency-free (no imports): importing it must not pull the harness into an app.
 */

/** A group's counters: finite numbers, read when the probe asks (keep it cheap: it runs on the event loop). */
export type AppStatsSource = () => Record<string, number>;

/** The global key of the registry: `Symbol.for('hotpath.appStats')`. */
export const APP_STATS_KEY: unique symbol = Symbol.for('hotpath.appStats');

type WithRegistry = { [APP_STATS_KEY]?: Map<string, AppStatsSource> };

/** The process-wide registry (created on first use). */
export function appStatsRegistry(): Map<string, AppStatsSource> {
  const holder = globalThis as WithRegistry;
  let registry = holder[APP_STATS_KEY];
  if (!(registry instanceof Map)) {
    registry = new Map<string, AppStatsSource>();
    holder[APP_STATS_KEY] = registry;
  }
  return registry;
}

/**
 * Publishes a group of counters under `name` (replacing a group of the same name, e.g. when an app is
 * created twice in one process). Returns a function that removes it again (only if it is still this one).
 */
export function registerAppStats(name: string, fn: AppStatsSource): () => void {
  const registry = appStatsRegistry();
  registry.set(name, fn);
  return () => {
    if (registry.get(name) === fn) registry.delete(name);
  };
}

/**
 * Every registered group's counters now. Only finite numbers are kept; a group whose function throws or
 * returns something other than an object is left out (reading stats must never break a measurement).
 */
export function readAppStats(): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  const registry = (globalThis as WithRegistry)[APP_STATS_KEY];
  if (!(registry instanceof Map)) return out;
  for (const [name, fn] of registry) {
    let values: unknown;
    try {
      values = typeof fn === 'function' ? fn() : undefined;
    } catch {
      continue;
    }
    if (!values || typeof values !== 'object') continue;
    const group: Record<string, number> = {};
    for (const [key, value] of Object.entries(values)) if (typeof value === 'number' && Number.isFinite(value)) group[key] = value;
    out[String(name)] = group;
  }
  return out;
}
