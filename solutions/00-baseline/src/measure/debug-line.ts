/**
 * Lab 00, step 2 (reference solution): what does a debug line cost when debug is off?
 *
 * The baseline builds its log messages before the logger looks at the level, so a disabled debug line
 * still stringifies a whole event. Measure both ways of writing the same line with your probe.
 */
import { Logger } from '@hotpath/baseline/logger';
import { sampleEvent, type DebugLineOps } from '#given';
import { bytesPerOp } from './bytes-per-op.ts';

export function debugLineOps(log: Logger): DebugLineOps {
  return {
    eager: (i) => log.debug(`Received event ${i}: ${JSON.stringify(sampleEvent)}`),
    guarded: (i) => {
      if (log.isEnabled('debug')) log.debug(`Received event ${i}: ${JSON.stringify(sampleEvent)}`);
    },
  };
}

/** Heap bytes per call of each op, with debug disabled (level 'warn'), measured with your probe. */
export function measureDebugLine(): { eager: number; guarded: number } {
  const ops = debugLineOps(new Logger('warn', () => {}));
  return { eager: bytesPerOp(ops.eager, 5_000), guarded: bytesPerOp(ops.guarded) };
}
