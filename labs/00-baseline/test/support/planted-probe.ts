/**
 * A planted shortcut for probe.test.ts (never used as a probe): a "probe" that hands the work to the
 * harness's measurer, which passes the accuracy tests because they compare with that same measurer.
 */
import { measureBytesPerOp } from '@hotpath/harness';

export function bytesPerOp(op: (i: number) => unknown, iterations = 20_000): number {
  return measureBytesPerOp(op, { iterations }).bytesPerOp;
}
