/**
 * Lab 01 — your validation (step 2): the rules lab 00 declared with class-validator decorators
 * (shared/baseline/src/dto/), written as plain functions. Each takes the parsed body and returns the
 * valid value, or the message of the first rule it breaks, as a string: no exception, no DTO class, no
 * metadata. Lab 00's messages are MESSAGES in @hotpath/api: use them, so the API answers exactly as before.
 */
import type { CreateTodo, IngestEvent } from '@hotpath/api';

/**
 * TODO(step 2): POST /todos, checked in this order. The body must be a JSON object (MESSAGES.notAnObject);
 * `title` is required — neither absent nor null — (titleRequired), a string (titleNotString) of 1 to
 * MAX_TITLE_LENGTH UTF-16 code units (titleLength); `isComplete` is absent or a boolean
 * (isCompleteNotBoolean — null is not absent). Return `{ title }` or `{ title, isComplete }`.
 */
export function validateCreateTodo(body: unknown): CreateTodo | string {
  throw new Error(`TODO(lab 01, step 2): validate the POST /todos body ${JSON.stringify(body)} in src/validate.ts`);
}

/**
 * TODO(step 2): POST /ingest/v1. The body must be a JSON object; then `timestamp`, then `itemCount`, each
 * present — neither absent nor null — (MESSAGES.required(field)), an integer above 0 — a number, not the
 * string "3" — (notPositiveInteger(field)) and at most Number.MAX_SAFE_INTEGER (tooLarge(field)). Every
 * other field is ignored. Return `{ itemCount, timestamp }`.
 */
export function validateIngest(body: unknown): IngestEvent | string {
  throw new Error(`TODO(lab 01, step 2): validate the POST /ingest/v1 body ${JSON.stringify(body)} in src/validate.ts`);
}
