/**
 * Step 1 — a log call that is off costs nothing. `defineLogEvent(level, message, ...fields)` in
 * src/logger.ts returns a function `(log, a, b, c)`; called while its level is off it must allocate
 * nothing (seed 000's ILogger pitfall), and while on it must write one JSON line.
 */
import { createLogger } from '@hotpath/api';
import { measureBytesPerOp } from '@hotpath/harness';
import { describe, expect, it } from 'vitest';
import { defineLogEvent } from '#lab/logger.ts';

/** A disabled call may cost at most one boxed number: V8 sometimes boxes a double argument. */
const DISABLED_CALL_BUDGET = 16;

function capture(level: 'debug' | 'info' | 'warn') {
  const lines: string[] = [];
  return { lines, log: createLogger({ logLevel: level, logWrite: (line) => lines.push(line) }) };
}

describe('defineLogEvent', () => {
  it(`allocates at most ${DISABLED_CALL_BUDGET} B per call while its level is off`, () => {
    const todoCreated = defineLogEvent('debug', 'todo created', 'id', 'title', 'isComplete');
    const { log, lines } = capture('warn');
    const bytes = measureBytesPerOp((i) => todoCreated(log, i, 'Measure the logger', i % 2 === 0), { iterations: 50_000 }).bytesPerOp;
    expect(lines, "Write nothing while the event's level is below the logger's level").toEqual([]);
    expect(
      bytes,
      `A disabled call allocated ${bytes.toFixed(1)} B. Check log.threshold (or log.isEnabled) first and return before building the record, the values array or the line`,
    ).toBeLessThanOrEqual(DISABLED_CALL_BUDGET);
  });

  it('writes one JSON line with time, level, msg and the fields, in order, while its level is on', () => {
    const todoCreated = defineLogEvent('info', 'todo created', 'id', 'title', 'isComplete');
    const { log, lines } = capture('debug');
    const before = Date.now();
    const title = 'say "hi" \\ twice\nthen \u0000 and a lone \ud800';
    todoCreated(log, 7, title, false);
    expect(lines.length, 'Write exactly one line per enabled call').toBe(1);
    expect(lines[0]!.endsWith('}\n'), 'End each line with a newline (JSON Lines)').toBe(true);
    expect(lines[0]!.slice(0, -1).includes('\n'), 'Keep a record on one line').toBe(false);
    const record = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(record), 'Write the keys time, level, msg, then the fields in the order they were defined').toEqual([
      'time',
      'level',
      'msg',
      'id',
      'title',
      'isComplete',
    ]);
    expect(
      record,
      'Write the values given to the call, escaped with JSON.stringify (quotes, backslashes, newlines, control characters, lone surrogates)',
    ).toMatchObject({
      level: 'info',
      msg: 'todo created',
      id: 7,
      title,
      isComplete: false,
    });
    expect(record.time, 'Write time as Date.now() (milliseconds)').toBeGreaterThanOrEqual(before);
  });

  it('follows the logger level: events at or above it are written, below it are not', () => {
    const { log, lines } = capture('info');
    defineLogEvent('debug', 'below')(log);
    defineLogEvent('info', 'at')(log);
    defineLogEvent('warn', 'above', 'n')(log, 1);
    defineLogEvent('error', 'error', 'why')(log, null);
    expect(
      lines.map((line) => (JSON.parse(line) as { msg: string }).msg),
      'Compare the event level with the logger level',
    ).toEqual(['at', 'above', 'error']);
  });
});
