/**
 * Log levels and the logger every slim lab writes its events to. Deciding what a line contains, and when
 * it is formatted, is the lab's job (labs/01-slim-builder/src/logger.ts); this is only the sink and the
 * level. Lab 00's baseline keeps its own eager logger class.
 *
 * What a line looks like, for anything that reads a server's output: each is one JSON object on one line,
 * `{"time":<ms since epoch>,"level":"debug"|"info"|"warn"|"error","msg":…, …fields}`, on stdout by default.
 * An error-level line is one whose `level` is "error" — and anything on stderr, where lab 00's exception
 * filter prints whole stack traces (an aborted upload among them: lab 00's listed naive behaviour).
 */
import type { AppOptions, LogLevel } from './types.ts';

/** Higher is more severe; a logger writes a line when the line's rank is at least its own level's rank. */
export const LOG_LEVEL_RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** `value` when it names a level (LOG_LEVEL=debug), else `fallback`. */
export function parseLogLevel(value: string | undefined, fallback: LogLevel): LogLevel {
  return value !== undefined && Object.hasOwn(LOG_LEVEL_RANK, value) ? (value as LogLevel) : fallback;
}

export interface Logger {
  readonly level: LogLevel;
  /** The rank of `level`: lines ranked below it are not written. */
  readonly threshold: number;
  /** True when a line at `level` would be written. */
  isEnabled(level: LogLevel): boolean;
  /** Writes one finished line, newline included. */
  write(line: string): void;
}

/** A logger at `options.logLevel` (else LOG_LEVEL, else 'warn') writing to `options.logWrite` (else stdout). */
export function createLogger(options: Pick<AppOptions, 'logLevel' | 'logWrite'> = {}): Logger {
  const level = options.logLevel ?? parseLogLevel(process.env.LOG_LEVEL, 'warn');
  const threshold = LOG_LEVEL_RANK[level];
  return {
    level,
    threshold,
    isEnabled: (at) => LOG_LEVEL_RANK[at] >= threshold,
    write: options.logWrite ?? ((line) => void process.stdout.write(line)),
  };
}
