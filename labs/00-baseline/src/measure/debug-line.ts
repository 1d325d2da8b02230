/**
 * Lab 00, step 2: what does a debug line cost when debug is off?
 *
 * The baseline builds its log messages before the logger looks at the level, so a disabled debug line
 * still stringifies a whole event. Write the guarded version and measure both with your probe.
 */
import type { Logger } from '@hotpath/baseline/logger';
import { bytesPerOp } from './bytes-per-op.ts';

/** A parsed ingest event, the kind of object the baseline logs. */
const event = {
  source: 'sensor-17',
  items: [
    { sku: 'A-1', qty: 2, price: 9.99, tags: ['x'] },
    { sku: 'B-7', qty: 1, price: 24.5, tags: ['y', 'z'] },
  ],
  itemCount: 2,
  timestamp: 1717171717171,
};

export interface DebugLineOps {
  /** The baseline's way: the message is built first, then dropped if debug is off. */
  eager(i: number): void;
  /** The same line, written so that nothing is built when debug is off. */
  guarded(i: number): void;
}

export function debugLineOps(log: Logger): DebugLineOps {
  return {
    eager: (i) => log.debug(`Received event ${i}: ${JSON.stringify(event)}`),
    // TODO(lab 00): write the same line, but build nothing unless debug is enabled (Logger has isEnabled()).
    guarded: (i) => log.debug(`Received event ${i}: ${JSON.stringify(event)}`),
  };
}

/** Heap bytes per call of each op, with debug disabled (level 'warn'), measured with your probe. */
export function measureDebugLine(): { eager: number; guarded: number } {
  // TODO(lab 00): measure both ops of debugLineOps(new Logger('warn', () => {})) with bytesPerOp.
  void bytesPerOp;
  return { eager: Number.NaN, guarded: Number.NaN };
}
