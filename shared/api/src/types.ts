/** The API's data shapes and the interface every lab's `createApp()` returns. */
import type { Static } from '@sinclair/typebox';
import type { CreateTodoSchema, IngestAcceptedSchema, IngestEventSchema, TodoSchema } from './schemas.ts';

// The body types are derived from the schemas (schemas.ts), so a type and its schema cannot disagree.

/** A todo as the API returns it. */
export type Todo = Static<typeof TodoSchema>;

/** The body of `POST /todos`. `isComplete` defaults to false. */
export type CreateTodo = Static<typeof CreateTodoSchema>;

/** What the ingest endpoint keeps of an accepted event: the two fields it validates. */
export type IngestEvent = Static<typeof IngestEventSchema>;

/** The 202 body of `POST /ingest/v1`. */
export type IngestAccepted = Static<typeof IngestAcceptedSchema>;

/** A bounded queue of accepted events. `offer` returns false when full: the caller answers 503, never drops. */
export interface IngestSink {
  readonly capacity: number;
  readonly size: number;
  offer(itemCount: number, timestamp: number): boolean;
  /** Removes and returns up to `max` events, oldest first. */
  drain(max?: number): IngestEvent[];
  /**
   * Removes up to `max` events, oldest first, handing each to `visit` (when given) as two numbers instead of
   * an object; answers how many it removed. The server's consumer uses it, so publishing allocates nothing.
   */
  consume(max?: number, visit?: (itemCount: number, timestamp: number) => void): number;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface AppOptions {
  /** Capacity of the ingest sink (default SINK_CAPACITY). Tests use small values to reach 503. */
  sinkCapacity?: number;
  /** Minimum level that is written (default from LOG_LEVEL, else 'warn'). */
  logLevel?: LogLevel;
  /** Where log lines go (default: process.stdout). */
  logWrite?: (line: string) => void;
}

/**
 * What a lab's `createApp()` returns: something with a WHATWG fetch handler (a Hono app is one) and the sink
 * its ingest route writes to, so tests can drain it.
 */
export interface HotPathApp {
  // biome-ignore lint/suspicious/noExplicitAny: Hono's fetch takes (request, env, executionCtx) of its own types
  fetch(request: Request, ...rest: any[]): Response | Promise<Response>;
  readonly sink: IngestSink;
}

export type CreateApp = (options?: AppOptions) => HotPathApp;
