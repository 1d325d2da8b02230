/**
 * The registry: every type whose JSON crosses this API's HTTP boundary, by name — the JsonSerializerContext
 * of the kit (seeds 002 and 003: `[JsonSerializable(typeof(Todo))]` on a context class). `pnpm generate`
 * writes a serializer and a validator for each entry into src/generated/; a route can only name a type
 * listed here (routes.ts), and lab 02's registry test fails on one that is not.
 *
 * Build-time only: the server imports the generated code, never this file, so no schema object and no
 * TypeBox code is in the running app.
 */
import { schemas } from '@hotpath/api/schemas';

export const registry = {
  Todo: schemas.Todo,
  TodoList: schemas.TodoList,
  CreateTodo: schemas.CreateTodo,
  IngestEvent: schemas.IngestEvent,
  IngestAccepted: schemas.IngestAccepted,
  ErrorBody: schemas.ErrorBody,
  Health: schemas.Health,
};
