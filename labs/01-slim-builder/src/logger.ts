/**
 * Lab 01 — your log events (step 1).
 *
 * An event is defined once, with its level, message and field names, and called with the values only:
 *   const todoCreated = defineLogEvent('debug', 'todo created', 'id', 'title');
 *   todoCreated(log, todo.id, todo.title);
 * and writes one JSON line: {"time":…,"level":"debug","msg":"todo created","id":101,"title":"…"}.
 * The Logger (its level and where lines go) comes from @hotpath/api's createLogger().
 *
 * This version works, but it has lab 00's flaw: every call builds the record, an array of the values and
 * the whole line before it asks whether the level is on. Most events are debug lines that are off in
 * production, so that work is thrown away on every request.
 *
 * TODO(step 1): make a call whose level is off allocate nothing.
 *   - Check the level first: return when the event's rank (LOG_LEVEL_RANK[level]) is below log.threshold.
 *   - Format what never changes once, in defineLogEvent (not in emit): the `"level"` and `"msg"` part
 *     and the `,"field":` keys.
 *   - Do not collect the values into an array or object: use the parameters a, b, c directly.
 */
import type { Logger, LogLevel } from '@hotpath/api';

export type LogValue = string | number | boolean | null;

type Fields = readonly [] | readonly [string] | readonly [string, string] | readonly [string, string, string];
export type LogEvent<F extends Fields> = (log: Logger, ...values: { [I in keyof F]: LogValue }) => void;

/** Defines a log event with up to three fields; see the top of this file. */
export function defineLogEvent<const F extends Fields>(level: Exclude<LogLevel, 'silent'>, message: string, ...fields: F): LogEvent<F> {
  function emit(log: Logger, a?: LogValue, b?: LogValue, c?: LogValue): void {
    const values = [a, b, c];
    const record: Record<string, LogValue | number> = { time: Date.now(), level, msg: message };
    fields.forEach((field, i) => {
      record[field] = values[i] ?? null;
    });
    const line = `${JSON.stringify(record)}\n`;
    if (!log.isEnabled(level)) return;
    log.write(line);
  }
  return emit as LogEvent<F>;
}
