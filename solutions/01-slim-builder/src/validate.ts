/**
 * Validation as plain functions: what class-validator's decorators said about CreateTodoDto and IngestDto,
 * written out as `typeof` checks. Each returns the validated value, or the message of the first rule the
 * body breaks (a string) — no exception is thrown, no DTO instance is built, no metadata is looked up.
 * The messages are lab 00's (MESSAGES in @hotpath/api), so the API answers exactly as before.
 */
import { MAX_TITLE_LENGTH, MESSAGES, type CreateTodo, type IngestEvent, type PositiveIntegerField } from '@hotpath/api';

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** POST /todos: `title` a string of 1 to MAX_TITLE_LENGTH UTF-16 code units, `isComplete` absent or a boolean. */
export function validateCreateTodo(body: unknown): CreateTodo | string {
  if (!isObject(body)) return MESSAGES.notAnObject;
  const { title, isComplete } = body;
  if (title === undefined || title === null) return MESSAGES.titleRequired;
  if (typeof title !== 'string') return MESSAGES.titleNotString;
  if (title.length < 1 || title.length > MAX_TITLE_LENGTH) return MESSAGES.titleLength;
  if (isComplete !== undefined && typeof isComplete !== 'boolean') return MESSAGES.isCompleteNotBoolean;
  return isComplete === undefined ? { title } : { title, isComplete };
}

/** The message for a field that must be a positive safe integer, or undefined when it is one. */
function positiveSafeInteger(value: unknown, field: PositiveIntegerField): string | undefined {
  if (value === undefined || value === null) return MESSAGES.required(field);
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) return MESSAGES.notPositiveInteger(field);
  if (value > Number.MAX_SAFE_INTEGER) return MESSAGES.tooLarge(field);
  return undefined;
}

/** POST /ingest/v1: `itemCount` and `timestamp` positive safe integers; every other field is ignored. */
export function validateIngest(body: unknown): IngestEvent | string {
  if (!isObject(body)) return MESSAGES.notAnObject;
  const { itemCount, timestamp } = body;
  const problem = positiveSafeInteger(timestamp, 'timestamp') ?? positiveSafeInteger(itemCount, 'itemCount');
  if (problem !== undefined) return problem;
  return { itemCount: itemCount as number, timestamp: timestamp as number };
}
