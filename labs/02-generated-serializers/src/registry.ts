/**
 * The registry: every type whose JSON crosses this API's HTTP boundary, by name — the JsonSerializerContext
 * of the kit (seeds 002 and 003: `[JsonSerializable(typeof(Todo))]` on a context class). `pnpm generate`
 * writes a serializer and a validator for each entry into src/generated/.
 *
 * Build-time only: the server must import the generated code, never this file.
 */
import { schemas } from '@hotpath/api/schemas';

// TODO(lab 02, step 1): register every type a route accepts or returns. The schemas are in
// @hotpath/api/schemas (`schemas.TodoList`, `schemas.CreateTodo`, …); the names you give them here are
// the names of the generated functions (serializeTodoList) and types.
export const registry = {
  Todo: schemas.Todo,
};
