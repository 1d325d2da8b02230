/** The seeded todo list: deterministic, so every lab serves byte-identical `GET /todos` responses. */
import type { Todo } from './types.ts';
import { SEEDED_TODO_COUNT } from './limits.ts';

const VERBS = ['Write', 'Measure', 'Profile', 'Review', 'Ship', 'Benchmark', 'Refactor', 'Document'] as const;
const THINGS = ['the slim builder', 'a serializer', 'the byte reader', 'the buffer pool', 'the binary', 'the baseline', 'a flame graph', 'the p99'] as const;

/** Returns a fresh copy of the 100 seeded todos (ids 1..100). */
export function seedTodos(): Todo[] {
  const todos: Todo[] = [];
  for (let id = 1; id <= SEEDED_TODO_COUNT; id++) {
    todos.push({
      id,
      title: `${VERBS[id % VERBS.length]} ${THINGS[Math.floor(id / VERBS.length) % THINGS.length]} #${id}`,
      isComplete: id % 3 === 0,
    });
  }
  return todos;
}

/** A todo id is 1 to 16 digits without a leading zero: "1.5", "01", "-1" and "abc" name no todo. */
const TODO_ID = /^[1-9][0-9]{0,15}$/;

/** The id a `/todos/:id` path segment names, or undefined when it cannot name a todo. */
export function parseTodoId(raw: string): number | undefined {
  return TODO_ID.test(raw) ? Number(raw) : undefined;
}
