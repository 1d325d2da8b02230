/**
 * Step 2 — validation without reflection. `validateCreateTodo` and `validateIngest` in src/validate.ts take
 * the parsed body and return the valid value, or the error message (a string). The oracle is lab 00
 * itself: its DTOs run through its validation pipe (class-transformer + class-validator) on thousands of
 * generated bodies, and your functions must accept the same bodies and answer with the same messages.
 */
import { MAX_TITLE_LENGTH } from '@hotpath/api';
import { IngestDto } from '@hotpath/baseline/dto/ingest';
import { CreateTodoDto } from '@hotpath/baseline/dto/todo';
import { validationMessage } from '@hotpath/baseline/validation';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCreateTodo, validateIngest } from '#lab/validate.ts';

/** Values a field might hold in a parsed body, weighted towards the edges of the rules. */
const edgy = fc.oneof(
  fc.constantFrom(undefined, null, 0, -0, 1, -1, 1.5, 2 ** 53 - 1, 2 ** 53, 1e400, -1e400, -(2 ** 60), '', '3', true, false, [], {}),
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
const show = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (v === undefined ? '(undefined)' : v));

/**
 * Runs `validate` and lab 00's pipe on `dto` over 2,000 generated bodies with these `keys`: where lab 00
 * accepts, `validate` must return `wanted(value)` (`returns` says it in words); where it refuses, lab 00's message.
 */
function agreesWithLab00(
  validate: (value: unknown) => unknown,
  dto: Parameters<typeof validationMessage>[0],
  keys: string[],
  returns: string,
  wanted: (value: unknown) => unknown,
) {
  fc.assert(
    fc.property(body(keys), (value) => {
      const result = validate(value);
      const lab00 = validationMessage(dto, value);
      if (lab00 === undefined) expect(result, `Accept ${show(value)} and ${returns}`).toEqual(wanted(value));
      else expect(result, `Refuse ${show(value)} with lab 00's message (return it as a string, do not throw)`).toBe(lab00);
    }),
    { numRuns: 2_000 },
  );
}

describe('validateIngest', () => {
  it("accepts the bodies lab 00 accepts, and refuses the others with lab 00's message", () => {
    agreesWithLab00(validateIngest, IngestDto, ['itemCount', 'timestamp', 'source'], 'return { itemCount, timestamp }', (value) => {
      const { itemCount, timestamp } = value as { itemCount: number; timestamp: number };
      return { itemCount, timestamp };
    });
  });

  it('says what to send', () => {
    expect(validateIngest({ timestamp: 5 }), 'Say that a missing field is required').toBe('itemCount is required');
    expect(validateIngest({ itemCount: 1.5, timestamp: 5 }), 'Say what a wrong number must be').toBe('itemCount must be a positive integer');
    expect(validateIngest({ itemCount: '3', timestamp: 5 }), 'Refuse strings: "3" is not a number').toBe('itemCount must be a positive integer');
    expect(validateIngest({ itemCount: 1, timestamp: 2 ** 53 }), 'Give the largest value allowed').toBe(`timestamp must be at most ${Number.MAX_SAFE_INTEGER}`);
    expect(validateIngest({ itemCount: 0, timestamp: null }), 'Check timestamp before itemCount, as lab 00 does').toBe('timestamp is required');
    expect(validateIngest([1, 2]), 'Refuse anything but a JSON object').toBe('The body must be a JSON object');
  });
});

describe('validateCreateTodo', () => {
  it("accepts the bodies lab 00 accepts, and refuses the others with lab 00's message", () => {
    agreesWithLab00(validateCreateTodo, CreateTodoDto, ['title', 'isComplete', 'id'], 'return { title, isComplete? } (ignore other fields)', (value) => {
      const { title, isComplete } = value as { title: string; isComplete?: boolean };
      return isComplete === undefined ? { title } : { title, isComplete };
    });
  });

  it('says what to send', () => {
    expect(validateCreateTodo({}), 'Say that title is required').toBe('title is required');
    expect(validateCreateTodo({ title: 42 }), 'Say that title must be a string').toBe('title must be a string');
    expect(validateCreateTodo({ title: '' }), 'Give the allowed length').toBe(`title must be 1 to ${MAX_TITLE_LENGTH} characters long`);
    expect(validateCreateTodo({ title: 'x', isComplete: 'yes' }), 'Say what isComplete must be').toBe('isComplete must be true or false');
    expect(validateCreateTodo({ title: 'x', isComplete: null }), 'Refuse isComplete: null (absent is fine, null is not)').toBe(
      'isComplete must be true or false',
    );
    expect(validateCreateTodo(null), 'Refuse anything but a JSON object').toBe('The body must be a JSON object');
  });
});
