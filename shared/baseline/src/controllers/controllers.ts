/** The API's controllers, declared with decorators and discovered by the container's scan. */
import { parseTodoId } from '@hotpath/api';
import type { Context } from 'hono';
import { Body, Controller, Ctx, Get, HttpCode, Inject, Param, Post } from '../framework/decorators.ts';
import { NotFound } from '../framework/errors.ts';
import { Logger } from '../framework/logger.ts';
import { IngestAcceptedDto, IngestDto } from '../dto/ingest.dto.ts';
import { CreateTodoDto, type TodoDto } from '../dto/todo.dto.ts';
import { IngestService, TodoRepository } from '../services/services.ts';

@Controller('/health')
export class HealthController {
  @Get()
  check(): { status: string } {
    return { status: 'ok' };
  }
}

@Controller('/todos')
export class TodosController {
  constructor(
    @Inject(TodoRepository) private readonly todos: TodoRepository,
    @Inject(Logger) private readonly log: Logger,
  ) {}

  @Get()
  list(): TodoDto[] {
    const todos = this.todos.all();
    this.log.debug(`Listing ${todos.length} todos: ${todos.map((todo) => todo.id).join(',')}`);
    return todos;
  }

  @Get('/:id')
  get(@Param('id') id: string): TodoDto {
    const todoId = parseTodoId(id);
    const todo = todoId === undefined ? undefined : this.todos.find(todoId);
    if (!todo) throw NotFound(`No todo with id ${id}`);
    return todo;
  }

  @Post()
  @HttpCode(201)
  create(@Body(CreateTodoDto) dto: CreateTodoDto, @Ctx() c: Context): TodoDto {
    this.log.debug(`Creating todo ${JSON.stringify(dto)}`);
    const todo = this.todos.add(dto.title, dto.isComplete ?? false);
    c.header('Location', `/todos/${todo.id}`);
    return todo;
  }
}

@Controller('/ingest')
export class IngestController {
  constructor(
    @Inject(IngestService) private readonly ingest: IngestService,
    @Inject(Logger) private readonly log: Logger,
  ) {}

  @Post('/v1')
  @HttpCode(202)
  receive(@Body(IngestDto) dto: IngestDto): IngestAcceptedDto {
    // Eager: the whole DTO is stringified for a debug line that is usually disabled.
    this.log.debug(`Received ingest ${JSON.stringify(dto)} with ${Array.isArray(dto.items) ? dto.items.length : 0} items`);
    this.ingest.accept(dto.itemCount, dto.timestamp);
    return new IngestAcceptedDto(dto.itemCount, dto.timestamp);
  }
}
