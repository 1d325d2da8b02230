/** Injectable services: the todo repository and the ingest service that feeds the sink. */
import { MAX_CREATED_TODOS, SEEDED_TODO_COUNT, seedTodos, type IngestSink } from '@hotpath/api';
import { Inject, Injectable } from '../framework/decorators.ts';
import { SinkFull } from '../framework/errors.ts';
import { Logger } from '../framework/logger.ts';
import { TodoDto } from '../dto/todo.dto.ts';

/** A token class through which the container hands out the app's sink. */
export class SinkRef {
  constructor(readonly sink: IngestSink) {}
}

@Injectable()
export class TodoRepository {
  private readonly todos = new Map<number, TodoDto>();
  private nextId = 1;

  constructor() {
    for (const todo of seedTodos()) this.add(todo.title, todo.isComplete);
  }

  add(title: string, isComplete: boolean): TodoDto {
    const todo = new TodoDto(this.nextId++, title, isComplete);
    this.todos.set(todo.id, todo);
    // Bounded: past MAX_CREATED_TODOS the oldest created todo is forgotten (Map keeps insertion order).
    if (this.todos.size > SEEDED_TODO_COUNT + MAX_CREATED_TODOS) this.todos.delete(todo.id - MAX_CREATED_TODOS);
    return todo;
  }

  all(): TodoDto[] {
    return [...this.todos.values()];
  }

  find(id: number): TodoDto | undefined {
    return this.todos.get(id);
  }
}

@Injectable()
export class IngestService {
  constructor(
    @Inject(SinkRef) private readonly ref: SinkRef,
    @Inject(Logger) private readonly log: Logger,
  ) {}

  accept(itemCount: number, timestamp: number): void {
    if (!this.ref.sink.offer(itemCount, timestamp)) {
      this.log.warn(`Sink full (${this.ref.sink.size}/${this.ref.sink.capacity}); refusing event ${timestamp}`);
      throw SinkFull();
    }
  }
}
