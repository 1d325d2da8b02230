/**
 * The in-memory todo store of the slim labs (01 onwards): plain objects in a Map, seeded with seedTodos(),
 * ids from 101, bounded by MAX_CREATED_TODOS. `version` changes on every write, so a response built from
 * the list can be cached and rebuilt only when the list changed. (Lab 00's baseline keeps its own
 * decorated repository of DTO instances.)
 */
import { MAX_CREATED_TODOS, SEEDED_TODO_COUNT } from './limits.ts';
import { seedTodos } from './todos.ts';
import type { Todo } from './types.ts';

export interface TodoStore {
  /** Increases on every add: compare it to know whether the list changed. */
  readonly version: number;
  readonly size: number;
  /** The todos in id order. */
  values(): IterableIterator<Todo>;
  find(id: number): Todo | undefined;
  add(title: string, isComplete: boolean): Todo;
}

export function createTodoStore(): TodoStore {
  const todos = new Map<number, Todo>();
  for (const todo of seedTodos()) todos.set(todo.id, todo);
  let nextId = SEEDED_TODO_COUNT + 1;
  let version = 0;
  return {
    get version() {
      return version;
    },
    get size() {
      return todos.size;
    },
    values: () => todos.values(),
    find: (id) => todos.get(id),
    add(title, isComplete) {
      const todo: Todo = { id: nextId++, title, isComplete };
      todos.set(todo.id, todo);
      // Bounded: past MAX_CREATED_TODOS the oldest created todo is forgotten (a Map keeps insertion order).
      if (todos.size > SEEDED_TODO_COUNT + MAX_CREATED_TODOS) todos.delete(todo.id - MAX_CREATED_TODOS);
      version++;
      return todo;
    },
  };
}
