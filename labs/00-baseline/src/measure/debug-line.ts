/**
 * Lab 00, step 2: what does a debug line cost when debug is off?
 *
 * The baseline builds its log messages before the logger looks at the level, so a disabled debug line
 * still stringifies a whole event (`sampleEvent`, from #given). Write the guarded version and measure both
 * with your probe.
 */
import type { Logger } from '@hotpath/baseline/logger';
import { sampleEvent, type DebugLineOps } from '#given';
import { bytesPerOp } from './bytes-per-op.ts';

export function debugLineOps(log: Logger): DebugLineOps {
  return {
    eager: (i) => log.debug(`Received event ${i}: ${JSON.stringify(sampleEvent)}`),
    // TODO(lab 00): write the same line, but build nothing unless debug is enabled (Logger has isEnabled()).
    guarded: (i) => log.debug(`Received event ${i}: ${JSON.stringify(sampleEvent)}`),
  };
}

/** Heap bytes per call of each op, with debug disabled (level 'warn'), measured with your probe. */
export function measureDebugLine(): { eager: number; guarded: number } {
  // TODO(lab 00): measure both ops of debugLineOps(new Logger('warn', () => {})) with bytesPerOp.
  void bytesPerOp;
  return { eager: Number.NaN, guarded: Number.NaN };
}
