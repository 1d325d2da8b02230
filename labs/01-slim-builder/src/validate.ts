/**
 * Lab 01 — your validation (step 2): the rules lab 00 declared with class-validator decorators
 * (shared/baseline/src/dto/), written as plain functions. Each takes the parsed body and returns the
 * valid value, or the message of the first rule it breaks, as a string: no exception, no DTO class, no
 * metadata. Keep lab 00's messages, so the API answers exactly as before.
 */
import type { CreateTodo, IngestEvent } from '@hotpath/api';

/**
 * TODO(step 2): POST /todos. The body must be a JSON object ('The body must be a JSON object'); `title` is
 * required ('title is required'), a string ('title must be a string') of 1 to MAX_TITLE_LENGTH UTF-16 code
 * units ('title must be 1 to 200 characters long'); `isComplete` is absent or a boolean ('isComplete must be
 * true or false' — null is not absent). Return `{ title }` or `{ title, isComplete }`.
 */
export function validateCreateTodo(body: unknown): CreateTodo | string {
  throw new Error(`TODO(lab 01, step 2): validate the POST /todos body ${JSON.stringify(body)} in src/validate.ts`);
}

/**
 * TODO(step 2): POST /ingest/v1. The body must be a JSON object; `timestamp`, then `itemCount`, must be
 * present ('itemCount is required'), a positive integer — a number, not the string "3"
 * ('itemCount must be a positive integer') — and at most Number.MAX_SAFE_INTEGER
 * ('itemCount must be at most 9007199254740991'). Every other field is ignored. Return
 * `{ itemCount, timestamp }`.
 */
export function validateIngest(body: unknown): IngestEvent | string {
  throw new Error(`TODO(lab 01, step 2): validate the POST /ingest/v1 body ${JSON.stringify(body)} in src/validate.ts`);
}
