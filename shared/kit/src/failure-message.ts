/**
 * What a failed test says, for the learner's to-do list: the message of the error it threw, without vitest's
 * stack. A fast-check failure says "Property failed after 1 tests" and hides the test's own message in the
 * error's `cause` (fast-check 4), or in a "Got error: …" line (with `includeErrorInReport`, or fast-check 3);
 * this returns that message and, apart, fast-check's counterexample (shortened). An assertion with a message of
 * its own (`expect(x, 'TODO (step 2): …').toBe(y)`) is split into that message — the instruction, which
 * the to-do list groups by — and vitest's detail (`expected -1 to be 5 // Object.is equality`).
 */
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

/** The message lines before any stack frame, trimmed, at most MAX_LINES. */
function messageLines(text: string): string {
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
    got: got === undefined ? undefined : assertion !== undefined ? describeError({ name: 'AssertionError', message: assertion }) : { message: messageLines(got) },
  };
}

function isRawError(value: unknown): value is RawError {
  return typeof value === 'object' && value !== null && ('message' in value || 'stack' in value);
}

/** The learner-facing text of one error a failed test threw. */
export function failureText(error: RawError): FailureText {
  const text = error.message ?? '';
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
