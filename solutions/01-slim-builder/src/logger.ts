/**
 * Lab 01's logger: structured JSON lines, and a level check that comes before any formatting.
 *
 * Seed 000's ILogger pitfall is a log call that builds its message (and boxes its values) even when the
 * level is off. Here an event is defined once — its level, message and field names fixed, the way .NET's
 * LoggerMessage.Define works — and each call passes only the values. A call whose level is off compares
 * two numbers and returns: no string, no object, no array is made. (The Logger itself — level and
 * output — comes from @hotpath/api's createLogger.)
 */
import { LOG_LEVEL_RANK, type Logger, type LogLevel } from '@hotpath/api';

export type LogValue = string | number | boolean | null;

type Fields = readonly [] | readonly [string] | readonly [string, string] | readonly [string, string, string];
export type LogEvent<F extends Fields> = (log: Logger, ...values: { [I in keyof F]: LogValue }) => void;

/**
 * Defines a log event: `const todoCreated = defineLogEvent('debug', 'todo created', 'id', 'title')`, then
 * `todoCreated(log, todo.id, todo.title)` writes `{"time":…,"level":"debug","msg":"todo created","id":…,"title":…}`.
 * At most three fields, passed as separate arguments (a rest parameter would allocate an array per call).
 */
export function defineLogEvent<const F extends Fields>(level: Exclude<LogLevel, 'silent'>, message: string, ...fields: F): LogEvent<F> {
  const rank = LOG_LEVEL_RANK[level];
  // Everything that does not change between calls is formatted once, here.
  const head = `,"level":${JSON.stringify(level)},"msg":${JSON.stringify(message)}`;
  const [keyA, keyB, keyC] = fields.map((field) => `,${JSON.stringify(field)}:`);
  const count = fields.length;

  function emit(log: Logger, a?: LogValue, b?: LogValue, c?: LogValue): void {
    if (rank < log.threshold) return; // disabled: nothing below this line runs
    let line = `{"time":${Date.now()}${head}`;
    if (count > 0) line += keyA + JSON.stringify(a ?? null);
    if (count > 1) line += keyB + JSON.stringify(b ?? null);
    if (count > 2) line += keyC + JSON.stringify(c ?? null);
    log.write(`${line}}\n`);
  }
  return emit as LogEvent<F>;
}
