/**
 * The baseline's logger. Callers format their message first (template literals, JSON.stringify of whole
 * DTOs) and only then does the logger look at the level, so a disabled `debug()` call still pays for the
 * string it was handed — seed 000's ILogger pitfall in Node form. Lab 01 replaces it with a logger that
 * checks the level before anything is formatted.
 */
import { LOG_LEVEL_RANK as RANK, type LogLevel } from '@hotpath/api';

export class Logger {
  constructor(
    readonly level: LogLevel,
    private readonly write: (line: string) => void,
    private readonly context: Record<string, unknown> = {},
  ) {}

  /** A child logger that adds fields to every line (allocated per request by the baseline). */
  child(fields: Record<string, unknown>): Logger {
    return new Logger(this.level, this.write, { ...this.context, ...fields });
  }

  /** True when a line at `level` would be written. Nothing in the baseline calls it; lab 00 does. */
  isEnabled(level: LogLevel): boolean {
    return RANK[level] >= RANK[this.level];
  }

  debug(message: string, fields?: Record<string, unknown>): void {
    this.log('debug', message, fields);
  }

  info(message: string, fields?: Record<string, unknown>): void {
    this.log('info', message, fields);
  }

  warn(message: string, fields?: Record<string, unknown>): void {
    this.log('warn', message, fields);
  }

  error(message: string, fields?: Record<string, unknown>): void {
    this.log('error', message, fields);
  }

  private log(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
    // The record is assembled before the level check: the "structured" part allocates even when disabled.
    const record = { time: new Date().toISOString(), level, msg: message, ...this.context, ...fields };
    if (!this.isEnabled(level)) return;
    this.write(`${JSON.stringify(record)}\n`);
  }
}
