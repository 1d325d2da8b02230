/**
 * A planted shortcut for probe.test.ts (never run): the harness loaded through a specifier built at run
 * time, which no bundler follows — the source still names it.
 */
import { createRequire } from 'node:module';

type Measurer = (op: (i: number) => unknown, options: { iterations: number }) => { bytesPerOp: number };
const load = createRequire(import.meta.url);

export function bytesPerOp(op: (i: number) => unknown, iterations = 20_000): number {
  const measurers = load(['@hotpath', 'harness'].join('/')) as Record<string, Measurer>;
  return measurers[`measure${'Bytes'}PerOp`]!(op, { iterations }).bytesPerOp;
}
