/**
 * The validation pipe: read the whole body, decode it, JSON.parse it, map the plain object onto a DTO
 * class with class-transformer and validate it with class-validator — the reflection-driven path of
 * NestJS's ValidationPipe. Correct, and allocation-heavy: a string of the whole body, a tree of plain
 * objects, a second tree of DTO instances, validation metadata lookups and error objects.
 */
import { MAX_JSON_DEPTH, MESSAGES } from '@hotpath/api';
import { plainToInstance } from 'class-transformer';
import { validate, validateSync, type ValidationError } from 'class-validator';
import type { Context } from 'hono';
import type { Constructor } from './decorators.ts';
import { InvalidJson, ValidationFailed } from './errors.ts';

/** Fatal: invalid UTF-8 is an error, not U+FFFD. ignoreBOM: a BOM stays in the text, so JSON.parse rejects it. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads and parses the body; the route's guards have already checked its media type and size. */
export async function readJson(c: Context): Promise<unknown> {
  const bytes = await c.req.arrayBuffer();
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw InvalidJson(MESSAGES.invalidUtf8);
  }
  if (text.length === 0) throw InvalidJson(MESSAGES.emptyBody);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw InvalidJson(MESSAGES.invalidJson((error as Error).message));
  }
  if (!withinDepthDroppingProtoKeys(value)) throw InvalidJson(MESSAGES.tooDeep);
  return value;
}

const MACHINERY_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * Walks the parsed tree without recursion (a 100,000-deep body must not overflow the stack): returns false
 * when arrays/objects nest deeper than MAX_JSON_DEPTH (the top-level container is depth 1), and deletes own
 * keys that class-transformer mistakes for machinery on the way: `__proto__` would swap a DTO's prototype,
 * and a `constructor` key makes plainToInstance call `new value.constructor()` and throw. This API only ever
 * skips such keys, so dropping them changes no answer.
 */
export function withinDepthDroppingProtoKeys(root: unknown): boolean {
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_JSON_DEPTH) return false;
    for (const key of MACHINERY_KEYS) if (Object.hasOwn(value, key)) delete (value as Record<string, unknown>)[key];
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return true;
}

/** How the pipe runs class-validator: the first failing rule of the first failing property decides. */
const VALIDATION = { forbidUnknownValues: false, stopAtFirstError: true, validationError: { target: false } } as const;

export async function transformAndValidate<T extends object>(dto: Constructor<T>, plain: unknown): Promise<T> {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) throw ValidationFailed(MESSAGES.notAnObject);
  const instance = plainToInstance(dto, plain);
  const errors = await validate(instance, VALIDATION);
  if (errors.length > 0) throw ValidationFailed(describe(errors));
  return instance;
}

/**
 * The pipe's verdict on a parsed body, synchronously and without throwing: undefined when `dto` accepts
 * it, else the message the API answers with. Lab 01's tests use it as the oracle for plain validators.
 */
export function validationMessage(dto: Constructor<object>, plain: unknown): string | undefined {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) return MESSAGES.notAnObject;
  const copy = structuredClone(plain);
  withinDepthDroppingProtoKeys(copy);
  const errors = validateSync(plainToInstance(dto, copy), VALIDATION);
  return errors.length > 0 ? describe(errors) : undefined;
}

function describe(errors: ValidationError[]): string {
  const [first] = errors;
  const messages = Object.values(first!.constraints ?? {});
  return messages.length > 0 ? messages.join('; ') : `${first!.property} is invalid`;
}
