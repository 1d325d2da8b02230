/**
 * Step 2 — validation without reflection. `validateCreateTodo` and `validateIngest` in src/validate.ts take
 * the parsed body and return the valid value, or the error message (a string). The rules are lab 00's
 * DTO decorators; property tests compare your functions with the rules written out below.
 */
import { MAX_TITLE_LENGTH } from '@hotpath/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCreateTodo, validateIngest } from '#lab/validate.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const positiveSafe = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/** Values a field might hold in a parsed body, weighted towards the edges of the rules. */
const edgy = fc.oneof(
  fc.constantFrom(undefined, null, 0, -0, 1, -1, 1.5, 2 ** 53 - 1, 2 ** 53, 1e400, -1e400, '', '3', true, false, [], {}),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: MAX_TITLE_LENGTH + 5 }),
  fc.string({ minLength: MAX_TITLE_LENGTH - 1, maxLength: MAX_TITLE_LENGTH + 1 }),
  fc.jsonValue({ maxDepth: 2 }),
);
const body = (keys: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.record(Object.fromEntries(keys.map((k) => [k, edgy])), { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  );

describe('validateIngest', () => {
  it('accepts exactly the bodies whose itemCount and timestamp are positive safe integers', () => {
    fc.assert(
      fc.property(body(['itemCount', 'timestamp', 'source']), (value) => {
        const result = validateIngest(value);
        const valid = isObject(value) && positiveSafe(value.itemCount) && positiveSafe(value.timestamp);
        if (valid) {
          expect(result, `Accept ${JSON.stringify(value)} and return { itemCount, timestamp }`).toEqual({ itemCount: value.itemCount, timestamp: value.timestamp });
        } else {
          expect(typeof result, `Refuse ${JSON.stringify(value)}: return the message (a string), do not throw`).toBe('string');
          if (isObject(value)) {
            const named = (result as string).includes('itemCount') ? 'itemCount' : (result as string).includes('timestamp') ? 'timestamp' : undefined;
            expect(named, `Name the field at fault in the message for ${JSON.stringify(value)}, got "${String(result)}"`).toBeDefined();
            expect(positiveSafe(value[named!]), `Name a field that really breaks the rules for ${JSON.stringify(value)}, got "${String(result)}"`).toBe(false);
          }
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('says what to send', () => {
    expect(validateIngest({ timestamp: 5 }), 'Say that a missing field is required').toBe('itemCount is required');
    expect(validateIngest({ itemCount: 1.5, timestamp: 5 }), 'Say what a wrong number must be').toBe('itemCount must be a positive integer');
    expect(validateIngest({ itemCount: '3', timestamp: 5 }), 'Refuse strings: "3" is not a number').toBe('itemCount must be a positive integer');
    expect(validateIngest({ itemCount: 1, timestamp: 2 ** 53 }), 'Give the largest value allowed').toBe(`timestamp must be at most ${Number.MAX_SAFE_INTEGER}`);
    expect(validateIngest([1, 2]), 'Refuse anything but a JSON object').toBe('The body must be a JSON object');
  });
});

describe('validateCreateTodo', () => {
  it(`accepts a title of 1 to ${MAX_TITLE_LENGTH} characters and an optional boolean isComplete, and nothing else`, () => {
    fc.assert(
      fc.property(body(['title', 'isComplete', 'id']), (value) => {
        const result = validateCreateTodo(value);
        const valid =
          isObject(value) &&
          typeof value.title === 'string' &&
          value.title.length >= 1 &&
          value.title.length <= MAX_TITLE_LENGTH &&
          (value.isComplete === undefined || typeof value.isComplete === 'boolean');
        if (valid) {
          const wanted = value.isComplete === undefined ? { title: value.title } : { title: value.title, isComplete: value.isComplete };
          expect(result, `Accept ${JSON.stringify(value)} and return { title, isComplete? } (ignore other fields)`).toEqual(wanted);
        } else {
          expect(typeof result, `Refuse ${JSON.stringify(value)}: return the message (a string), do not throw`).toBe('string');
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('says what to send', () => {
    expect(validateCreateTodo({}), 'Say that title is required').toBe('title is required');
    expect(validateCreateTodo({ title: 42 }), 'Say that title must be a string').toBe('title must be a string');
    expect(validateCreateTodo({ title: '' }), 'Give the allowed length').toBe(`title must be 1 to ${MAX_TITLE_LENGTH} characters long`);
    expect(validateCreateTodo({ title: 'x', isComplete: 'yes' }), 'Say what isComplete must be').toBe('isComplete must be true or false');
    expect(validateCreateTodo({ title: 'x', isComplete: null }), 'Refuse isComplete: null (absent is fine, null is not)').toBe('isComplete must be true or false');
    expect(validateCreateTodo(null), 'Refuse anything but a JSON object').toBe('The body must be a JSON object');
  });
});
