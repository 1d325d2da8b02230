/** Lab 00, step 2: the cost of a disabled debug line, measured (src/measure/debug-line.ts). */
import { Logger } from '@hotpath/baseline/logger';
import { measureBytesPerOp } from '@hotpath/harness';
import { describe, expect, it } from 'vitest';
import { debugLineOps, measureDebugLine } from '#lab/measure/debug-line.ts';

const withoutTime = (line: string) => ({ ...JSON.parse(line), time: undefined });

describe('lab 00 · step 2: what a disabled debug line costs', () => {
  it('writes the same line both ways when debug is on', () => {
    const lines: string[] = [];
    const ops = debugLineOps(new Logger('debug', (line) => lines.push(line)));
    ops.eager(7);
    ops.guarded(7);
    expect(lines.length, 'The guarded version must still log when debug is enabled').toBe(2);
    expect(withoutTime(lines[1]!), 'The guarded version must write exactly the same line as the eager one').toEqual(withoutTime(lines[0]!));
  });

  it('allocates nothing for a guarded debug line when debug is off', () => {
    const ops = debugLineOps(new Logger('warn', () => {}));
    const guarded = measureBytesPerOp(ops.guarded, { iterations: 20_000 }).bytesPerOp;
    expect(guarded, 'Check log.isEnabled("debug") before building the message: a disabled line must allocate nothing').toBeLessThanOrEqual(16);
  });

  it('reports figures that match an independent measurement', () => {
    const ops = debugLineOps(new Logger('warn', () => {}));
    const expectedEager = measureBytesPerOp(ops.eager, { iterations: 5_000 }).bytesPerOp;
    const reported = measureDebugLine();
    expect(Number.isFinite(reported.eager), 'Measure both ops with your bytesPerOp in measureDebugLine()').toBe(true);
    expect(
      Math.abs(reported.eager - expectedEager),
      `The eager line allocates about ${expectedEager.toFixed(0)} B: report what your probe measures`,
    ).toBeLessThan(Math.max(16, expectedEager * 0.1));
    expect(reported.guarded, 'Your probe should find the guarded line free when debug is off').toBeLessThanOrEqual(16);
  });
});
