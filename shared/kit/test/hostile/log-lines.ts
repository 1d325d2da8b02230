/**
 * What the hostile-client suite counts as an error-level log line of a server process (issue 18: an aborted
 * upload must produce none on labs 01–05), as @hotpath/api's logging.ts defines it for anything reading a
 * server's output: a JSON line whose `level` is "error", and anything on stderr (where lab 00's exception
 * filter prints its stack traces). Also counted, to be safe: level "fatal" (or pino's numbers, 50 and up) and
 * a stack frame (`    at …`) wherever it is printed. pnpm's own stdout lines ("> pkg start") are not errors.
 */

/** pino's numeric levels: error and above. */
const PINO_ERROR = 50;
const ERROR_LEVELS = new Set(['error', 'fatal']);
const STACK_FRAME = /^\s{4}at /;

export function isErrorLine(line: string, stream: 'stdout' | 'stderr'): boolean {
  if (line.trim() === '') return false;
  if (stream === 'stderr') return true;
  if (STACK_FRAME.test(line)) return true;
  if (!line.trimStart().startsWith('{')) return false;
  try {
    const level: unknown = (JSON.parse(line) as { level?: unknown }).level;
    return typeof level === 'number' ? level >= PINO_ERROR : typeof level === 'string' && ERROR_LEVELS.has(level.toLowerCase());
  } catch {
    return false;
  }
}
