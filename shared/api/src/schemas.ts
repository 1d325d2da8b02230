/**
 * The schemas of every JSON body the API accepts or returns: the one source of truth from lab 02 on.
 *
 * Written with TypeBox, so each schema is plain JSON Schema (what fast-json-stringify and any other JSON
 * Schema tool reads) and its TypeScript type is derived from it (`Static<typeof …>`; types.ts does that), so
 * the two cannot disagree. Lab 02's generator reads these objects at build time and writes serializers and
 * validators from them; at run time nothing looks at a schema. Import them from `@hotpath/api/schemas`
 * (build-time code and tests only), never from a request handler.
 *
 * Lengths are counted like `String.prototype.length` (UTF-16 code units), as lab 00's validator and
 * TypeBox do; JSON Schema itself counts code points. The kit's generator follows TypeBox.
 */
import { Type } from '@sinclair/typebox';
import { ERROR_STATUS } from './errors.ts';
import { MAX_TITLE_LENGTH } from './limits.ts';

/** A positive safe integer: what `itemCount`, `timestamp` and todo ids are. */
const PositiveSafeInteger = () => Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

/** A todo as the API returns it. */
export const TodoSchema = Type.Object({
  id: PositiveSafeInteger(),
  title: Type.String({ minLength: 1, maxLength: MAX_TITLE_LENGTH }),
  isComplete: Type.Boolean(),
});

/** The body of GET /todos. */
export const TodoListSchema = Type.Array(TodoSchema);

/** The body of POST /todos: other properties are ignored, as in lab 00. */
export const CreateTodoSchema = Type.Object({
  title: Type.String({ minLength: 1, maxLength: MAX_TITLE_LENGTH }),
  isComplete: Type.Optional(Type.Boolean()),
});

/** What POST /ingest/v1 reads of its body: the two fields it validates; every other property is ignored. */
export const IngestEventSchema = Type.Object({
  itemCount: PositiveSafeInteger(),
  timestamp: PositiveSafeInteger(),
});

/** The 202 body of POST /ingest/v1. */
export const IngestAcceptedSchema = Type.Object({
  accepted: Type.Literal(true),
  itemCount: PositiveSafeInteger(),
  timestamp: PositiveSafeInteger(),
});

type ErrorCodeKey = keyof typeof ERROR_STATUS;
const errorCodes = Object.keys(ERROR_STATUS) as ErrorCodeKey[];

/** Every error body: `{"error":{"code","message"}}`. */
export const ErrorBodySchema = Type.Object({
  error: Type.Object({
    code: Type.Union(errorCodes.map((code) => Type.Literal(code))),
    message: Type.String(),
  }),
});

/** The body of GET /health. */
export const HealthSchema = Type.Object({ status: Type.Literal('ok') });

/** Every schema above by the name lab 02's registry gives it. */
export const schemas = {
  Todo: TodoSchema,
  TodoList: TodoListSchema,
  CreateTodo: CreateTodoSchema,
  IngestEvent: IngestEventSchema,
  IngestAccepted: IngestAcceptedSchema,
  ErrorBody: ErrorBodySchema,
  Health: HealthSchema,
} as const;
