/**
 * What the hostile-client suite counts as an error-level log line of a server process (issue 18: an aborted
 * upload must produce none on labs 01–05). The labs' own aborted-upload tests count JSON lines whose level is
 * "error" or "fatal" and anything passed to console.error; seen from outside the process that is: any line
 * on stderr, and a JSON line on stdout at error or fatal (as a word, or pino's numbers: 50 error, 60 fatal).
 * A stack frame (`    at …`) counts wherever it is printed. pnpm's own stdout lines ("> pkg start") do not.
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
