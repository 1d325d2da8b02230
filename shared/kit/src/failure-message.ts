/**
 * What a failed test says, for the learner's to-do list: the message of the error it threw, without vitest's
 * stack. A fast-check failure says "Property failed after 1 tests" and hides the test's own message in the
 * error's `cause` (fast-check 4), or in a "Got error: …" line (with `includeErrorInReport`, or fast-check 3);
 * this returns that message and, apart, fast-check's counterexample (shortened). An assertion with a message of
 * its own (`expect(x, 'TODO (step 2): …').toBe(y)`) is split into that message — the instruction, which
 * the to-do list groups by — and vitest's detail (`expected -1 to be 5 // Object.is equality`). Every text it
 * returns is without ANSI escape codes (vite colours its code frames whatever FORCE_COLOR says), and a file that
 * did not compile ("Transform failed with 1 error: …") reads as `src/pool.ts:27:17: [PARSE_ERROR] …` and a few
 * lines of the code frame, without the frame's box drawing.
 */
import { stripVTControlCharacters } from 'node:util';
import type { RawError } from './vitest-outcome-reporter.ts';

export interface FailureText {
  /** The instruction: the assertion's own message, or the error's (a few lines at most). */
  message: string;
  /** What vitest adds to an assertion's own message: `expected -1 to be 5 // Object.is equality`. */
  detail?: string;
  /** fast-check's shrunk counterexample, e.g. `[Uint8Array.from([0,93])]`, at most COUNTEREXAMPLE_CHARS long. */
  counterexample?: string;
}

const MAX_LINES = 6;
export const COUNTEREXAMPLE_CHARS = 160;
const PROPERTY_FAILED = /^Property failed after \d+ tests?/;
/** How many lines of a code frame a compile error keeps (the line at fault and its marker, with one around). */
const FRAME_LINES = 4;

/** `text` without ANSI escape codes: colours, bold, cursor moves (Node's own stripVTControlCharacters). */
export const stripAnsi = (text: string): string => stripVTControlCharacters(text);

const TRANSFORM_FAILED = /^Transform failed with (\d+) errors?:?\s*$/;

/**
 * vite's "Transform failed with N error(s):" (a syntax error in a file it compiles), readably: the location
 * first (`src/pool.ts:27:17: [PARSE_ERROR] Unexpected token`), then at most FRAME_LINES lines of the code frame
 * — the numbered source line and the marker under the column — without the box drawing around them; the first
 * error only, and how many more there are. Undefined for any other text. `text` has no ANSI codes left.
 */
export function compileErrorText(text: string): string | undefined {
  const lines = text.split('\n').map((line) => line.trimEnd());
  const header = TRANSFORM_FAILED.exec(lines[0] ?? '');
  if (!header) return undefined;
  let location: string | undefined;
  const said: string[] = [];
  const frame: string[] = [];
  for (const line of lines.slice(1)) {
    if (/^\s+at /.test(line)) break;
    const at = /^\s*╭─+\[\s*(.+?)\s*\]$/.exec(line);
    if (at) {
      if (location !== undefined) break; // the next error's frame
      location = at[1];
      continue;
    }
    const framed = /^(\s*\d*\s*)│(.*)$/.exec(line);
    if (framed) {
      const content = framed[2]!.trim();
      // Keep the source lines, the column markers (┬) and their labels; drop bare rulers (│, ╰──).
      const bare = /^[│╰─\s]*$/.test(content);
      if (!bare && frame.length < FRAME_LINES) frame.push(line);
      continue;
    }
    if (/^[\s─╯╰╭┬│]*$/.test(line)) continue;
    if (location !== undefined) break; // the next error's own message
    said.push(line.trim());
  }
  const message = said.join(' ') || 'the file does not compile';
  const more = Number(header[1]) - 1;
  const first = location === undefined ? message : `${location}: ${message}`;
  const why = `(${location?.replace(/(:\d+)+$/, '') ?? 'the file'} does not compile: fix this first, no test that imports it can run)`;
  // Shift the frame so its ruler sits two spaces in, whatever vite indented it by.
  const margin = Math.min(...frame.map((line) => /^\s*/.exec(line)![0].length));
  const body = frame.map((line) => `  ${line.slice(margin)}`);
  return [first, ...body, ...(more > 0 ? [`(and ${more} more error${more === 1 ? '' : 's'} in this file)`] : []), why].join('\n');
}

/** The message lines before any stack frame, trimmed, at most MAX_LINES; a compile error as compileErrorText says. */
function messageLines(raw: string): string {
  const text = stripAnsi(raw);
  const compiled = compileErrorText(text);
  if (compiled !== undefined) return compiled;
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\s+at /.test(line)) break;
    lines.push(line.trimEnd());
  }
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  const kept = lines.slice(0, MAX_LINES);
  if (lines.length > MAX_LINES) kept.push('…');
  return kept.join('\n');
}

/**
 * `TypeError: x is not a function` keeps its name; a plain Error shows only its message; an AssertionError
 * with a message of its own is that message, vitest's "expected … to …" apart.
 */
function describeError(error: RawError): FailureText {
  const message = messageLines(error.message ?? error.stack ?? String(error));
  if (error.name === 'AssertionError') {
    const at = message.lastIndexOf(': expected ');
    return at > 0 ? { message: message.slice(0, at), detail: message.slice(at + 2) } : { message };
  }
  const name = error.name && error.name !== 'Error' ? `${error.name}: ` : '';
  return { message: `${name}${message}` };
}

/** Shortens a counterexample to `max` characters: its head, an ellipsis and how long it really is. */
export function shorten(text: string, max = COUNTEREXAMPLE_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}… (${text.length} characters)`;
}

/** fast-check's report in `text`: its counterexample and the "Got error: …" message when it has one. */
function readPropertyReport(text: string): { counterexample?: string; got?: FailureText } {
  const counterexample = /^Counterexample: (.*)$/m.exec(text)?.[1];
  // "Got error: TODO …" (an Error: fast-check rewrites "Error: " as "error: ") or "Got AssertionError: …".
  const got = /^Got (?:error: )?([\s\S]*)$/m.exec(text)?.[1]?.replace(/\n\nHint: [\s\S]*$/, '');
  const assertion = got === undefined ? undefined : /^AssertionError: ([\s\S]*)$/.exec(got)?.[1];
  return {
    counterexample: counterexample === undefined ? undefined : shorten(counterexample),
    got:
      got === undefined ? undefined : assertion !== undefined ? describeError({ name: 'AssertionError', message: assertion }) : { message: messageLines(got) },
  };
}

function isRawError(value: unknown): value is RawError {
  return typeof value === 'object' && value !== null && ('message' in value || 'stack' in value);
}

/** The learner-facing text of one error a failed test threw. */
export function failureText(error: RawError): FailureText {
  const text = stripAnsi(error.message ?? '');
  if (!PROPERTY_FAILED.test(text)) return describeError(error);
  const report = readPropertyReport(text);
  const own = (isRawError(error.cause) ? failureText(error.cause) : undefined) ?? report.got ?? { message: messageLines(text).split('\n')[0]! };
  const counterexample = report.counterexample ?? own.counterexample;
  return { ...own, ...(counterexample === undefined ? {} : { counterexample }) };
}

/** The text of a test's errors: the first one decides (vitest lists more only for soft assertions). */
export function failureOf(errors: readonly RawError[]): FailureText {
  return errors.length === 0 ? { message: 'failed without an error message' } : failureText(errors[0]!);
}
