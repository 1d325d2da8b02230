/**
 * Validation as plain functions: what class-validator's decorators said about CreateTodoDto and IngestDto,
 * written out as `typeof` checks. Each returns the validated value, or the message of the first rule the
 * body breaks (a string) — no exception is thrown, no DTO instance is built, no metadata is looked up.
 * The messages are lab 00's, so the API answers exactly as before.
 */
import { MAX_TITLE_LENGTH, type CreateTodo, type IngestEvent } from '@hotpath/api';

/** A body that is not a JSON object (an array, a string, null…). */
export const NOT_AN_OBJECT = 'The body must be a JSON object';

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** POST /todos: `title` a string of 1 to MAX_TITLE_LENGTH UTF-16 code units, `isComplete` absent or a boolean. */
export function validateCreateTodo(body: unknown): CreateTodo | string {
  if (!isObject(body)) return NOT_AN_OBJECT;
  const { title, isComplete } = body;
  if (title === undefined || title === null) return 'title is required';
  if (typeof title !== 'string') return 'title must be a string';
  if (title.length < 1 || title.length > MAX_TITLE_LENGTH) return `title must be 1 to ${MAX_TITLE_LENGTH} characters long`;
  if (isComplete !== undefined && typeof isComplete !== 'boolean') return 'isComplete must be true or false';
  return isComplete === undefined ? { title } : { title, isComplete };
}

/** The message for a field that must be a positive safe integer, or undefined when it is one. */
function positiveSafeInteger(value: unknown, field: 'itemCount' | 'timestamp'): string | undefined {
  if (value === undefined || value === null) return `${field} is required`;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) return `${field} must be a positive integer`;
  if (value > Number.MAX_SAFE_INTEGER) return `${field} must be at most ${Number.MAX_SAFE_INTEGER}`;
  return undefined;
}

/** POST /ingest/v1: `itemCount` and `timestamp` positive safe integers; every other field is ignored. */
export function validateIngest(body: unknown): IngestEvent | string {
  if (!isObject(body)) return NOT_AN_OBJECT;
  const { itemCount, timestamp } = body;
  const problem = positiveSafeInteger(timestamp, 'timestamp') ?? positiveSafeInteger(itemCount, 'itemCount');
  if (problem !== undefined) return problem;
  return { itemCount: itemCount as number, timestamp: timestamp as number };
}
